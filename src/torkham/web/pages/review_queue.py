"""The review queue as the page shows it: proposals grouped by the actor they are about and, within an
actor, by page; each with its sentence highlighted in its paragraph of the ingested document."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from torkham.ingest.edit import EDITABLE
from torkham.ingest.review import summary

CONTEXT_CHARS = 280  # of the paragraph shown before and after the sentence
NO_ACTOR = "~"  # sorts after every actor id


@dataclass
class Context:
    """A paragraph cut around a sentence: before, the sentence (its evidence in `evidence`), after."""

    before: str = ""
    head: str = ""  # the sentence up to the evidence
    evidence: str = ""
    tail: str = ""  # the rest of the sentence
    after: str = ""


@dataclass
class Item:
    id: str
    kind: str  # knowledge kind: events, claims, …
    record: dict
    summary: str
    page: int | None
    context: Context
    others: list[str] = field(default_factory=list)  # names of the other actors it names
    corroborated: str | None = None

    @property
    def label(self) -> str:
        return self.kind[:-1]

    @property
    def editable(self) -> tuple[str, ...]:
        return EDITABLE.get(self.kind, ())


@dataclass
class Group:
    key: str
    name: str
    href: str | None  # the actor's page, when the actor is in the knowledge base
    pages: list[tuple[int | None, list[Item]]] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [item.id for _, items in self.pages for item in items]


def actors_of(kind: str, record: dict) -> list[str]:
    """The actors a proposal is about, the first deciding its group."""
    if kind == "actors":
        return [record.get("corroborates") or record["id"]]
    if kind == "mentions":
        return [record["actor"]] if record.get("actor") else []
    if kind == "claims":
        return list(record.get("asserted_by") or [])
    if kind == "relations":
        return [a for a in (record.get("from"), record.get("to")) if a]
    return list(record.get("actors") or [])


def build_queue(con: Any, source: str | None = None) -> list[Group]:
    from torkham.ingest.documents import document_passages
    from torkham.store import queries

    rows = queries.proposals(con, source)
    names = queries.actor_names(con)
    candidates = {r["id"]: f"{r.get('name')} (proposed)" for k, r in rows if k == "actors"}
    targets = queries.records_by_id(con, [r["corroborates"] for _, r in rows if r.get("corroborates")])
    target_kinds = queries.record_kinds(con, list(targets))
    passages: dict[str, list[dict]] = {}
    groups: dict[str, dict[int | None, list[Item]]] = {}
    for kind, record in rows:
        actors = actors_of(kind, record)
        key = actors[0] if actors else NO_ACTOR
        source_id = str(record.get("source"))
        if source_id not in passages:
            passages[source_id] = document_passages(con, source_id)
        target = targets.get(record.get("corroborates") or "")
        item = Item(
            id=record["id"],
            kind=kind,
            record=record,
            summary=summary(kind, record, {**candidates, **names}),
            page=(record.get("locator") or {}).get("page"),
            context=context_of(record, passages[source_id]),
            others=[names.get(a) or candidates.get(a) or a for a in actors[1:]],
            corroborated=summary(target_kinds[target["id"]], target, names) if target else None,
        )
        groups.setdefault(key, {}).setdefault(item.page, []).append(item)
    return [_group(key, pages, names, candidates) for key, pages in sorted(groups.items(), key=_order(names))]


def _order(names: dict[str, str]):
    def key(pair: tuple[str, Any]) -> tuple[bool, str]:
        actor = pair[0]
        return actor == NO_ACTOR, (names.get(actor) or actor).casefold()

    return key


def _group(key: str, pages: dict[int | None, list[Item]], names: dict[str, str], candidates: dict[str, str]) -> Group:
    if key == NO_ACTOR:
        group = Group(key, "No actor named", None)
    else:
        group = Group(key, names.get(key) or candidates.get(key) or key, f"/actors/{key}" if key in names else None)
    for page in sorted(pages, key=lambda p: (p is None, p or 0)):
        items = sorted(pages[page], key=lambda i: ((i.record.get("locator") or {}).get("start") or 0, i.id))
        group.pages.append((page, items))
    return group


def context_of(record: dict, passages: list[dict]) -> Context:
    """The proposal's sentence in its paragraph, the evidence marked inside it. Without the document (a
    STIX bundle) or when the sentence is not found there, the sentence alone."""
    quote = str(record.get("quote") or "")
    locator = record.get("locator") or {}
    start, end = locator.get("start"), locator.get("end")
    passage = next((p for p in passages if start is not None and p["start"] <= start < p["end"]), None)
    if passage is None or not isinstance(end, int):
        return Context(head=quote)
    text, offset = passage["text"], passage["start"]
    ev_start, ev_end = start - offset, min(end - offset, len(text))
    at = _sentence_at(text, quote, ev_start, ev_end)
    if at is None:
        return Context(head=quote)
    stop = at + len(quote)
    before, after = text[:at], text[stop:]
    return Context(
        before=("…" + before[-CONTEXT_CHARS:].lstrip()) if len(before) > CONTEXT_CHARS else before,
        head=text[at:ev_start],
        evidence=text[ev_start:ev_end],
        tail=text[ev_end:stop],
        after=(after[:CONTEXT_CHARS].rstrip() + "…") if len(after) > CONTEXT_CHARS else after,
    )


def _sentence_at(text: str, quote: str, ev_start: int, ev_end: int) -> int | None:
    """Where in `text` the occurrence of `quote` holding the evidence begins."""
    if not quote:
        return None
    at = text.find(quote)
    while at >= 0:
        if at <= ev_start and ev_end <= at + len(quote):
            return at
        at = text.find(quote, at + 1)
    return None
