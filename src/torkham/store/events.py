"""Events of both layers — the knowledge base's and the datasets' — filtered, counted and paged with a
cursor: the one event listing the CLI timeline, the API, the pages and the briefing share. Knowledge
events are their records in export form (with provenance) plus `"layer": "kb"`; dataset events have the
shape of `queries.data_event`. Every value reaches SQL as a bound parameter; facet names come from a
fixed table.

    chosen = select_events(con, EventQuery.parse(actor="TTP", start="2021", end="2021", layer="data"))
    page = find_events(con, chosen, limit=100, cursor=None)   # EventPage(items, total, next_cursor)
    facet_counts(con, chosen, "admin1")                        # [{value, label, count, fatalities}]"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from torkham.params import EventQuery, InvalidParameter, Layer
from torkham.store import refs
from torkham.store.clauses import Where
from torkham.store.queries import DATA_EVENT_COLUMNS, actor_names, data_event, records_by_id

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.store.coverage import Span

BAD_CURSOR = "not a cursor this API issued; start again without it"
Event = dict[str, Any]

# facet -> SQL expression over the union of both layers (see _union); never built from user input.
FACETS = {
    "admin1": "u.admin1",
    "event_type": "u.event_type",
    "dataset": "u.dataset",
    "year": "CAST(year(u.day) AS VARCHAR)",
    "country": "upper(u.iso3)",
    "actor": "u.actor_id",
}


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
        refs.check_held("admin1", query.admin1, refs.held_values(con, "admin1"), fold=True)
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


def find_events(con: DuckDBPyConnection, f: EventFilter, *, limit: int | None, cursor: str | None = None) -> EventPage:
    """One page of the events `f` selects (all of them when `limit` is None), by date, then knowledge
    before data, then id."""
    if limit is not None and limit < 1:
        raise InvalidParameter("limit", f"{limit} is too small; use 1 or more")
    union, params = _union(f)
    after = Where()
    if cursor:
        after.always("(day, rank, id) > (?, ?, ?)", *decode_cursor(cursor))
    rows = con.execute(  # the total of all matches rides along with the page: one pass over the union
        f"""SELECT day, rank, id, total FROM (SELECT u.day, u.rank, u.id, count(*) OVER () AS total
            FROM ({union}) u) {after.sql()} ORDER BY day, rank, id LIMIT ?""",
        [*params, *after.params, (limit + 1) if limit is not None else None],
    ).fetchall()
    total = int(rows[0][3]) if rows else _count(con, union, params)
    more = limit is not None and len(rows) > limit
    keys = [(day, int(rank), str(event_id)) for day, rank, event_id, _ in rows[:limit]]
    items = _items(con, [(rank, event_id) for _, rank, event_id in keys])
    next_cursor = encode_cursor(*keys[-1]) if more else None
    return EventPage(items, total, next_cursor, limit)


def _count(con: DuckDBPyConnection, union: str, params: list[Any]) -> int:
    rows = con.execute(f"SELECT count(*) FROM ({union}) u", params).fetchall()  # fetchall: no result left open
    return int(rows[0][0])


def facet_counts(con: DuckDBPyConnection, f: EventFilter, by: str) -> list[dict[str, Any]]:
    """Events and deaths (best estimate, datasets only) per value of `by`; years in order, others by count."""
    if by not in FACETS:
        raise InvalidParameter("by", f"unknown facet '{by}'; choose one of: {', '.join(FACETS)}")
    union, params = _union(f)
    if by == "actor":
        source = f"""(SELECT DISTINCT u.id, a.actor_id, u.fatalities FROM ({union}) u
            JOIN kb_event_actors a ON u.rank = 0 AND a.event_id = u.id
            UNION SELECT DISTINCT u.id, m.actor_id, u.fatalities FROM ({union}) u
            JOIN dataset_actor_names m ON u.rank = 1 AND m.dataset = u.dataset AND m.raw_name IN (u.actor1, u.actor2)) u"""
        params = params + params
    else:
        source = f"({union}) u"
    order = "value" if by == "year" else "count(*) DESC, value"
    rows = con.execute(
        f"""SELECT {FACETS[by]} AS value, count(*), coalesce(sum(u.fatalities), 0) FROM {source}
            GROUP BY value ORDER BY {order} NULLS LAST""",
        params,
    ).fetchall()
    names = actor_names(con) if by == "actor" else {}
    return [
        {"value": value, "label": names.get(value, value), "count": count, "fatalities": int(deaths)}
        for value, count, deaths in rows
    ]


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


def _union(f: EventFilter) -> tuple[str, list[Any]]:
    """The selected events of both layers as one relation: day, rank (0 kb, 1 data), id, event_type, iso3,
    admin1, dataset, fatalities, actor1, actor2 — and the parameters it binds."""
    parts, params = [], []
    if f.layer in ("kb", "both") and f.dataset is None and f.min_fatalities is None:
        kb = _kb_where(f)
        parts.append(f"""SELECT e.first_day AS day, 0 AS rank, e.id AS id, e.type AS event_type,
            lower(e.country) AS iso3, e.admin1, NULL::VARCHAR AS dataset, NULL::INTEGER AS fatalities,
            NULL::VARCHAR AS actor1, NULL::VARCHAR AS actor2
            FROM kb_events e JOIN kb_records r USING (id) WHERE {kb.expression()}""")
        params += kb.params
    if f.layer in ("data", "both"):
        data = _data_where(f)
        parts.append(f"""SELECT e.date_start AS day, 1 AS rank, e.dataset || ':' || e.event_id AS id,
            e.event_type, lower(e.iso3) AS iso3, e.admin1, e.dataset, e.fatalities_best AS fatalities,
            e.actor1, e.actor2 FROM events e WHERE {data.expression()}""")
        params += data.params
    if not parts:  # the filter excludes both layers (knowledge events have no dataset nor deaths)
        empty = "NULL::DATE AS day, 0 AS rank, '' AS id, NULL AS event_type, NULL AS iso3, NULL AS admin1"
        return f"SELECT {empty}, NULL AS dataset, 0 AS fatalities, NULL AS actor1, NULL AS actor2 WHERE false", []
    return " UNION ALL ".join(parts), params


def _kb_where(f: EventFilter) -> Where:
    where = Where()
    where.add("e.last_day >= ?", f.start).add("e.first_day <= ?", f.end)
    where.add("e.id IN (SELECT event_id FROM kb_event_actors WHERE actor_id = ?)", f.actor_id)
    where.add("e.type = ?", f.event_type)
    if f.country is not None:
        where.always("lower(e.country) IN (SELECT unnest(?))", list(f.country.kb_codes))
    where.add("lower(e.admin1) = lower(?)", f.admin1)
    where.add("strpos(lower(concat_ws(' ', e.title, e.place, r.quote)), lower(?)) > 0", f.q)
    return where


def _data_where(f: EventFilter) -> Where:
    where = Where()
    where.add("e.date_end >= ?", f.start).add("e.date_start <= ?", f.end)
    # (dataset, name) pairs as one text: DuckDB hashes an IN list, where a correlated EXISTS scans
    pairs = "SELECT dataset || chr(31) || raw_name FROM dataset_actor_names WHERE actor_id = ?"
    where.add(
        f"(e.dataset || chr(31) || e.actor1 IN ({pairs}) OR e.dataset || chr(31) || e.actor2 IN ({pairs}))",
        f.actor_id, f.actor_id,
    )  # fmt: skip
    where.add("e.event_type = ?", f.event_type)
    if f.country is not None:
        where.always("(e.country = ANY(?) OR e.iso3 = ANY(?))", list(f.country.names), list(f.country.iso3))
    where.add("lower(e.admin1) = lower(?)", f.admin1)
    where.add("e.dataset = ?", f.dataset)
    where.add("strpos(lower(concat_ws(' ', e.place, e.actor1, e.actor2, e.admin1, e.admin2)), lower(?)) > 0", f.q)
    where.add("e.fatalities_best >= ?", f.min_fatalities)
    return where


def _items(con: DuckDBPyConnection, keys: list[tuple[int, str]]) -> list[Event]:
    kb = records_by_id(con, [event_id for rank, event_id in keys if rank == 0])
    data_keys = [event_id.partition(":") for rank, event_id in keys if rank == 1]
    data: dict[str, Event] = {}
    if data_keys:
        rows = con.execute(  # a join on the two key columns; concatenating them would scan the table
            f"""SELECT {DATA_EVENT_COLUMNS} FROM events e
                JOIN (SELECT unnest(?) AS dataset, unnest(?) AS event_id) k USING (dataset, event_id)""",
            [[d for d, _, _ in data_keys], [i for _, _, i in data_keys]],
        ).fetchall()
        data = {item["id"]: _with_status(item) for item in map(data_event, rows)}
    return [{**kb[event_id], "layer": "kb"} if rank == 0 else data[event_id] for rank, event_id in keys]


def _with_status(item: Event) -> Event:
    """A dataset event with its dataset's status (final, preliminary: candidate events UCDP revises later)."""
    from torkham.datasets.catalog import catalog

    info = catalog().get(str(item.get("dataset")))
    return {**item, "dataset_status": info.status if info else None}


def _is_event(con: DuckDBPyConnection, event_id: str) -> bool:
    rows = con.execute("SELECT count(*) FROM kb_events WHERE id = ?", [event_id]).fetchall()
    return bool(rows[0][0])


@dataclass(frozen=True)
class ListingCoverage:
    """What covers the dataset events a filter lists: the spans of the event datasets it reads (per country),
    the country totals over the range (which hold no events), and the sentences that say so. A period no
    span covers is unknown: a listing with no events there says so, never '0 events' as if calm."""

    spans: tuple[Span, ...] = ()  # event datasets
    totals: tuple[Span, ...] = ()  # country totals (aggregate datasets) overlapping the range
    start: date | None = None
    end: date | None = None
    notes: tuple[str, ...] = ()

    @property
    def covered_countries(self) -> frozenset[str]:
        """Country keys (ISO3) that an event dataset covers for at least one day of the range."""
        return frozenset(s.key for s in self.spans if _overlaps(s, self.start, self.end))

    @property
    def known_countries(self) -> dict[str, str]:
        """Key -> name of every country any dataset (events or totals) describes."""
        return {s.key: s.country for s in (*self.spans, *self.totals)}

    def covered_bounds(self) -> tuple[date, date] | None:
        """The first and last day of the range that event data covers (in any country), or None."""
        inside = [
            (max(s.first, self.start or s.first), min(s.last, self.end or s.last))
            for s in self.spans
            if _overlaps(s, self.start, self.end)
        ]
        return (min(a for a, _ in inside), max(b for _, b in inside)) if inside else None

    def covered_periods(self) -> list[tuple[date, date]]:
        """The parts of the range some event dataset covers (in any country), joined where they meet."""
        inside = sorted(
            (max(s.first, self.start or s.first), min(s.last, self.end or s.last))
            for s in self.spans
            if _overlaps(s, self.start, self.end)
        )
        joined: list[tuple[date, date]] = []
        for first, last in inside:
            if joined and first <= joined[-1][1] + timedelta(days=1):
                joined[-1] = (joined[-1][0], max(joined[-1][1], last))
            else:
                joined.append((first, last))
        return joined

    def covered_text(self) -> str:
        """'2021-08-01 to 2021-12-31 and 2023-10-01 to 2023-10-31' (empty when nothing is covered)."""
        parts = [f"{first} to {last}" for first, last in self.covered_periods()]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + (" and " + parts[-1] if parts else "")

    @property
    def complete(self) -> bool:
        """True when every day of the range is covered by an event dataset in every country covered at all."""
        if not self.spans:
            return False
        keys = {s.key for s in self.spans} | set(self.known_countries)
        for key in keys:
            own = sorted((s for s in self.spans if s.key == key), key=lambda s: s.first)
            first = self.start or min(s.first for s in self.spans)
            last = self.end or max(s.last for s in self.spans)
            day = first
            for span in own:
                if span.first > day:
                    break
                day = max(day, span.last + timedelta(days=1))
            if day <= last:
                return False
        return True

    def uncovered_years(self, years: list[int] | None = None) -> list[int]:
        """The years of the range (bounded by the data when the range is open) no event dataset touches."""
        if not self.spans:
            return []
        first = (self.start or min(s.first for s in self.spans)).year
        last = (self.end or max(s.last for s in self.spans)).year
        return [
            y
            for y in (years if years is not None else range(first, last + 1))
            if not any(_overlaps(s, date(y, 1, 1), date(y, 12, 31)) for s in self.spans)
        ]

    def to_json(self) -> dict[str, Any]:
        return {"coverage": [s.to_json() for s in (*self.spans, *self.totals)], "coverage_notes": list(self.notes)}


def _overlaps(span: Span, start: date | None, end: date | None) -> bool:
    return (end is None or span.first <= end) and (start is None or span.last >= start)


def listing_coverage(con: DuckDBPyConnection, f: EventFilter) -> ListingCoverage:
    """What covers the dataset events `f` lists (its datasets and country), for its range: the spans and
    their sentences ('UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after'). Data
    that begins after the range is left out; country totals are named as such (no events, only deaths)."""
    from torkham.datasets.catalog import catalog
    from torkham.store.coverage import Coverage, read_coverage

    if f.layer == "kb":
        return ListingCoverage(start=f.start, end=f.end)
    info = catalog()
    held = read_coverage(con)

    def wanted(span: Span) -> bool:
        if f.country is None:
            return True
        return span.country in f.country.names or (span.iso3 or "") in f.country.iso3 or span.key in f.country.iso3

    event_spans = tuple(
        s
        for s in held.spans
        if wanted(s)
        and not (s.dataset in info and info[s.dataset].is_aggregate)
        and (f.dataset is None or s.dataset == f.dataset)
        and (f.end is None or s.first <= f.end)
    )
    totals: tuple[Span, ...] = ()
    if f.dataset is None:
        totals = tuple(
            s
            for s in held.spans
            if wanted(s) and s.dataset in info and info[s.dataset].is_aggregate and _overlaps(s, f.start, f.end)
        )
    notes = _merged(Coverage(event_spans).sentences(f.start, f.end))
    if not event_spans:
        notes.insert(0, "no event data held covers " + ("this country" if f.country else "any country"))
    missing = [name for key, name in sorted(_known(event_spans, totals).items(), key=lambda kv: kv[1])
               if key not in {s.key for s in event_spans if _overlaps(s, f.start, f.end)}]  # fmt: skip
    if missing and event_spans and (f.start or f.end):
        notes.append(f"no event data covers {' or '.join(missing)} from {f.start or '…'} to {f.end or '…'}")
    for sentence in _merged(Coverage(totals).sentences()):
        notes.append(f"{sentence}: no events, only monthly deaths per country")
    return ListingCoverage(event_spans, totals, f.start, f.end, tuple(notes))


def _known(*groups: tuple[Span, ...]) -> dict[str, str]:
    return {s.key: s.country for spans in groups for s in spans}


def _merged(sentences: list[str]) -> list[str]:
    """Sentences that differ only by their country as one: '… covers Afghanistan and Pakistan from …'."""
    groups: dict[tuple[str, str], list[str]] = {}
    for sentence in sentences:
        head, sep, tail = sentence.partition(" covers ")
        country, _, rest = tail.partition(" from ")
        key = (head + sep, " from " + rest) if sep and rest else (sentence, "")
        groups.setdefault(key, []).append(country if sep and rest else "")
    out = []
    for (head, rest), countries in groups.items():
        if not rest:
            out.append(head)
            continue
        names = countries[0] if len(countries) == 1 else ", ".join(countries[:-1]) + " and " + countries[-1]
        out.append(f"{head}{names}{rest}")
    return out
