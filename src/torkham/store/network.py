"""The actor network of the knowledge base: relations filtered by type and by the period they hold in,
merged into one link per pair of actors (the paper states fifteen relations between the TTP and the
Afghan Taliban; the network draws one link that carries them all), with a unique label per actor."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from torkham.kb.labels import unique_labels
from torkham.model.dates import parse_partial_date
from torkham.params import Period
from torkham.store.queries import Record, list_actors, relations

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    kind: str
    label: str  # unique among the actors of the knowledge base
    degree: int  # relations shown at this actor


@dataclass(frozen=True)
class Link:
    """Every relation shown between two actors, either way round; `source` < `target`."""

    source: str
    target: str
    relations: tuple[Record, ...]

    @property
    def id(self) -> str:
        return f"{self.source}--{self.target}"

    @property
    def count(self) -> int:
        return len(self.relations)

    @property
    def types(self) -> list[str]:
        """The relation types of the link, the most frequent first."""
        counted = Counter(str(r["type"]) for r in self.relations)
        return sorted(counted, key=lambda t: (-counted[t], t))


@dataclass(frozen=True)
class Network:
    nodes: tuple[Node, ...]
    links: tuple[Link, ...]
    shown: int  # relations shown
    total: int  # relations in the knowledge base
    types_held: dict[str, int]  # every relation type the knowledge base holds, with its count
    years: tuple[int, int] | None  # the first and last year a dated relation names


def is_dated(relation: Record) -> bool:
    return bool(relation.get("valid_from") or relation.get("valid_to"))


def holds_in(relation: Record, period: Period) -> bool:
    """Whether the relation holds on some day of the period; one without dates holds at any time."""
    first, last = relation.get("valid_from"), relation.get("valid_to")
    starts = parse_partial_date(first).first_day if first else None
    ends = parse_partial_date(last).last_day if last else None
    return _before(starts, period.end) and _before(period.start, ends)


def _before(early: date | None, late: date | None) -> bool:
    return early is None or late is None or early <= late


def select(
    everything: list[Record], types: frozenset[str] | None, period: Period | None, undated: bool = True
) -> list[Record]:
    """The relations of these types (None: every type) holding in the period, with or without the undated."""
    return [
        r
        for r in everything
        if (types is None or r["type"] in types)
        and (period is None or holds_in(r, period))
        and (undated or is_dated(r))
    ]


def merge(shown: list[Record]) -> list[Link]:
    """One link per pair of actors, in the order the pairs first appear."""
    pairs: dict[tuple[str, str], list[Record]] = {}
    for r in shown:
        a, b = sorted((str(r["from"]), str(r["to"])))
        pairs.setdefault((a, b), []).append(r)
    return [Link(a, b, tuple(group)) for (a, b), group in pairs.items()]


def network(
    con: DuckDBPyConnection,
    types: frozenset[str] | None = None,
    period: Period | None = None,
    undated: bool = True,
) -> Network:
    """The network of the relations chosen; nodes are the actors they join, labelled uniquely."""
    everything = relations(con)
    shown = select(everything, types, period, undated)
    actors = {str(a["id"]): a for a in list_actors(con)}
    labels = unique_labels(actors.values())
    degree = Counter(str(end) for r in shown for end in (r["from"], r["to"]))
    nodes = tuple(
        Node(i, str(actors[i]["name"]), str(actors[i]["kind"]), labels[i], degree[i])
        if i in actors
        else Node(i, i, "", i, degree[i])
        for i in sorted(degree)
    )
    years = sorted(int(str(r[k])[:4]) for r in everything for k in ("valid_from", "valid_to") if r.get(k))
    return Network(
        nodes=nodes,
        links=tuple(merge(shown)),
        shown=len(shown),
        total=len(everything),
        types_held=dict(Counter(str(r["type"]) for r in everything)),
        years=(years[0], years[-1]) if years else None,
    )
