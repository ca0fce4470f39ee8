"""Events of both layers — the knowledge base's and the datasets' — filtered, counted and paged with a
cursor: the one event listing the CLI timeline, the API, the pages and the briefing share. Knowledge
events are their records in export form (with provenance) plus `"layer": "kb"`; dataset events have the
shape of `queries.data_event`. Every value reaches SQL as a bound parameter; facet names come from a
fixed table.

    chosen = select_events(con, EventQuery.parse(actor="TTP", start="2021", end="2021", layer="data"))
    page = find_events(con, chosen, limit=100, cursor=None)   # EventPage(items, total, next_cursor)
    facet_counts(con, chosen, "region")   # [{value, label, count, fatalities, fatalities_unknown, names}]

A paper type (type=attack) also lists the dataset events whose types the declared crosswalk
(model/event_types_crosswalk.yaml) counts as it; a region (admin1) lists every spelling the admin-1
crosswalk (geo/admin1.yaml) puts in it. Deaths are summed over the events that give them; events that do
not (the paper's) are counted as `fatalities_unknown`, never as 0 deaths."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.model.event_types import event_crosswalk
from torkham.params import EventQuery, InvalidParameter, Layer
from torkham.store import refs
from torkham.store.clauses import Where
from torkham.store.event_sql import WIDE, union
from torkham.store.listing import ListingCoverage as ListingCoverage  # re-exported: the listing and its coverage
from torkham.store.listing import listing_coverage as listing_coverage
from torkham.store.queries import DATA_EVENT_COLUMNS, actor_names, data_event, dataset_actor_ids, records_by_id
from torkham.store.regions import check_region, fold_regions

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

BAD_CURSOR = "not a cursor this API issued; start again without it"
Event = dict[str, Any]

# facet -> SQL expression over the union of both layers (store.event_sql); never built from user input.
FACETS = {
    "admin1": "u.admin1",
    "region": "u.admin1",  # admin-1 names folded by region through the admin-1 crosswalk (store.regions)
    "event_type": "u.event_type",
    "dataset": "u.dataset",
    "year": "CAST(year(u.day) AS VARCHAR)",
    "country": "upper(u.iso3)",
    "actor": "u.actor_id",
}
# facet -> the columns of the union it reads (store.event_sql.COLUMNS), besides `fatalities`
_FACET_COLUMNS = {
    "admin1": ("admin1",), "region": ("admin1",), "event_type": ("event_type",), "dataset": ("dataset",),
    "year": ("day",), "country": ("iso3",), "actor": ("id", "rank", "dataset", "actor1", "actor2"),
}  # fmt: skip


@dataclass(frozen=True)
class EventFilter:
    """An EventQuery checked against the store: the actor resolved to its id, the country to the values
    the store writes for it. Pages that already know an id may build one directly."""

    layer: Layer = "both"
    actor_id: str | None = None
    event_type: str | None = None
    country: refs.StoredCountry | None = None
    admin1: str | None = None
    dataset: str | None = None  # only that dataset's events (knowledge events have none)
    start: date | None = None  # events overlapping [start, end]
    end: date | None = None
    q: str | None = None
    min_fatalities: int | None = None


def select_events(con: DuckDBPyConnection, query: EventQuery) -> EventFilter:
    """The filter of `query`, every reference checked against what the store holds."""
    if query.event_type:
        refs.check_held("type", query.event_type, refs.event_types(con))
    if query.admin1:
        check_region(con, query.admin1)
    return EventFilter(
        layer=query.layer, actor_id=refs.actor_id(con, query.actor), event_type=query.event_type,
        country=refs.stored_country(con, query.country) if query.country else None, admin1=query.admin1,
        dataset=refs.check_dataset(con, query.dataset), start=query.period.start, end=query.period.end,
        q=query.text, min_fatalities=query.min_fatalities,
    )  # fmt: skip


@dataclass
class EventPage:
    items: list[Event]
    total: int
    next_cursor: str | None
    limit: int | None = None


def find_events(
    con: DuckDBPyConnection, f: EventFilter, *, limit: int | None, cursor: str | None = None, total: int | None = None
) -> EventPage:
    """One page of the events `f` selects (all of them when `limit` is None), by date, then knowledge
    before data, then id — with the total: `total` when the caller knows it (counted_facets), else counted
    when the page does not hold every match."""
    if limit is not None and limit < 1:
        raise InvalidParameter("limit", f"{limit} is too small; use 1 or more")
    selected, params = union(con, f, WIDE)
    after = Where()
    if cursor:
        after.always("(day, rank, id) > (?, ?, ?)", *decode_cursor(cursor))
    page = (_AFTER if cursor else _FIRST).format(union=selected, after=after.sql())
    rows = con.execute(page, [*params, *after.params, (limit + 1) if limit is not None else None]).fetchall()
    more = limit is not None and len(rows) > limit
    if total is None:
        total = len(rows) if not (more or cursor) else _count(con, f)
    shown = rows[:limit]
    items = _items(con, shown)
    last = shown[-1] if more else None
    next_cursor = encode_cursor(last[0], int(last[1]), str(last[2])) if last is not None else None
    return EventPage(items, total, next_cursor, limit)


# The page: one plain statement over the selected rows with every column an item shows, top-n (the first page
# without a subquery around them, which plans faster); the total is counted apart over a relation of one
# column, only when the page does not hold every match (two simple statements plan faster than one that
# counts beside the page, bench/api_load.py).
_FIRST = "{union} ORDER BY day, rank, id LIMIT ?"
_AFTER = "SELECT * FROM ({union}) u {after} ORDER BY day, rank, id LIMIT ?"


def _items(con: DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> list[Event]:
    """The events of page rows (day, rank, id, record, then the dataset event's fields)."""
    from torkham.datasets.catalog import catalog

    if not rows:
        return []
    info, ids = catalog(), dataset_actor_ids(con) if any(row[1] == 1 for row in rows) else {}
    items = []
    for row in rows:
        if row[1] == 0:
            items.append({**json.loads(row[3]), "layer": "kb"})
            continue
        fields = row[4:]
        dataset, a1, a2 = fields[0], fields[7], fields[8]
        item = data_event((*fields, ids.get((dataset, a1)), ids.get((dataset, a2))))
        known = info.get(str(dataset))
        item["dataset_status"] = known.status if known else None
        items.append(item)
    return items


def _count(con: DuckDBPyConnection, f: EventFilter) -> int:
    selected, params = union(con, f, ("rank",))
    rows = con.execute(f"SELECT count(*) FROM ({selected}) u", params).fetchall()  # fetchall: no result left open
    return int(rows[0][0])


def facet_counts(con: DuckDBPyConnection, f: EventFilter, by: str) -> list[dict[str, Any]]:
    """Events and deaths (best estimate, summed over the events that give one; None when none does) per
    value of `by`, with how many events give no death figure (`fatalities_unknown`: the paper's events).
    Years newest first; others by count."""
    return counted_facets(con, f, by)[0]


def counted_facets(con: DuckDBPyConnection, f: EventFilter, by: str) -> tuple[list[dict[str, Any]], int | None]:
    """`facet_counts`, and how many events they count: the total of the listing, which spares find_events
    counting it again (None for `actor`, where an event of two actors counts in two rows)."""
    if by not in FACETS:
        raise InvalidParameter("by", f"unknown facet '{by}'; choose one of: {', '.join(FACETS)}")
    selected, params = union(con, f, (*_FACET_COLUMNS[by], "fatalities"))
    if by == "actor":
        source = f"""(SELECT DISTINCT u.id, a.actor_id, u.fatalities FROM ({selected}) u
            JOIN kb_event_actors a ON u.rank = 0 AND a.event_id = u.id
            UNION SELECT DISTINCT u.id, m.actor_id, u.fatalities FROM ({selected}) u
            JOIN dataset_actor_names m ON u.rank = 1 AND m.dataset = u.dataset AND m.raw_name IN (u.actor1, u.actor2)) u"""
        params = params + params
    else:
        source = f"({selected}) u"
    order = "value DESC" if by == "year" else "count(*) DESC, value"
    rows = con.execute(
        f"""SELECT {FACETS[by]} AS value, count(*), sum(u.fatalities), count(*) FILTER (WHERE u.fatalities IS NULL)
            FROM {source} GROUP BY value ORDER BY {order} NULLS LAST""",
        params,
    ).fetchall()
    out = [
        {"value": value, "label": value, "count": count, "fatalities": None if deaths is None else int(deaths),
         "fatalities_unknown": unknown}
        for value, count, deaths, unknown in rows
    ]  # fmt: skip
    total = None if by == "actor" else sum(row["count"] for row in out)
    return (fold_regions(out) if by == "region" else _labelled(con, out, by)), total


def _labelled(con: DuckDBPyConnection, rows: list[dict[str, Any]], by: str) -> list[dict[str, Any]]:
    """Actors by name; dataset event types as their codebook names them (state-based conflict (UCDP
    type_of_violence 1)) and the paper's by their label in the vocabulary."""
    if by == "actor":
        names = actor_names(con)
        return [{**row, "label": names.get(row["value"], row["value"])} for row in rows]
    if by == "event_type":
        from torkham.model.vocabulary import default_vocabulary

        vocabulary, crosswalk = default_vocabulary(), event_crosswalk()
        for row in rows:
            row["label"] = crosswalk.label(row["value"]) or vocabulary.label("event_types", row["value"])
    return rows


def event_by_id(con: DuckDBPyConnection, event_id: str) -> Event | None:
    """A knowledge event by its id, or a dataset event by '<dataset>:<event id>'; None when not held."""
    if ":" in event_id:
        dataset, _, own_id = event_id.partition(":")
        rows = con.execute(
            f"SELECT {DATA_EVENT_COLUMNS} FROM events e WHERE e.dataset = ? AND e.event_id = ?", [dataset, own_id]
        ).fetchall()
        return data_event(rows[0]) if rows else None
    record = records_by_id(con, [event_id]).get(event_id)
    return {**record, "layer": "kb"} if record and _is_event(con, event_id) else None


def encode_cursor(day: date, rank: int, event_id: str) -> str:
    raw = json.dumps([day.isoformat(), rank, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date, int, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        day, rank, event_id = json.loads(raw)
        if rank not in (0, 1) or not isinstance(event_id, str):
            raise ValueError(rank)
        return date.fromisoformat(day), rank, event_id
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise InvalidParameter("cursor", BAD_CURSOR) from None


def _is_event(con: DuckDBPyConnection, event_id: str) -> bool:
    rows = con.execute("SELECT count(*) FROM kb_events WHERE id = ?", [event_id]).fetchall()
    return bool(rows[0][0])
