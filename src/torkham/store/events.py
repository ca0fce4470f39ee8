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
from torkham.store.clauses import Where, listed
from torkham.store.listing import ListingCoverage as ListingCoverage  # re-exported: the listing and its coverage
from torkham.store.listing import listing_coverage as listing_coverage
from torkham.store.queries import (
    DATA_EVENT_COLUMNS,
    DATA_EVENT_FIELDS,
    actor_names,
    data_event,
    dataset_actor_ids,
    records_by_id,
)
from torkham.store.regions import check_region, fold_regions, spellings_of

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

BAD_CURSOR = "not a cursor this API issued; start again without it"
Event = dict[str, Any]

# facet -> SQL expression over the union of both layers (see _union); never built from user input.
FACETS = {
    "admin1": "u.admin1",
    "region": "u.admin1",  # admin-1 names folded by region through the admin-1 crosswalk (store.regions)
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


def find_events(con: DuckDBPyConnection, f: EventFilter, *, limit: int | None, cursor: str | None = None) -> EventPage:
    """One page of the events `f` selects (all of them when `limit` is None), by date, then knowledge
    before data, then id — with the total, in one statement."""
    if limit is not None and limit < 1:
        raise InvalidParameter("limit", f"{limit} is too small; use 1 or more")
    union, params = _union(con, f, wide=True)
    after = Where()
    if cursor:
        after.always("(day, rank, id) > (?, ?, ?)", *decode_cursor(cursor))
    rows = con.execute(_PAGE.format(union=union, after=after.sql()),
                       [*params, *after.params, (limit + 1) if limit is not None else None]).fetchall()  # fmt: skip
    total = int(rows[0][3]) if rows else _count(con, union, params) if cursor else 0
    more = limit is not None and len(rows) > limit
    shown = rows[:limit]
    items = _items(con, shown)
    last = shown[-1] if more else None
    next_cursor = encode_cursor(last[0], int(last[1]), str(last[2])) if last is not None else None
    return EventPage(items, total, next_cursor, limit)


# The page in one pass over the selected rows of both layers with every column an item shows, and the total
# of all matches beside: one simple statement (planning a statement with joins cost more than running it on
# a small store, bench/api_load.py).
_PAGE = """WITH u AS ({union}) SELECT day, rank, id, (SELECT count(*) FROM u) AS total, * EXCLUDE (day, rank, id)
FROM u {after} ORDER BY day, rank, id LIMIT ?"""
_WIDE_DATA = DATA_EVENT_FIELDS
_WIDE_KB = ", ".join(f"NULL::{kind} AS {name}" for name, kind in (
    ("dataset", "VARCHAR"), ("dataset_version", "VARCHAR"), ("event_id", "VARCHAR"), ("date_start", "DATE"),
    ("date_end", "DATE"), ("date_precision", "VARCHAR"), ("event_type", "VARCHAR"), ("actor1", "VARCHAR"),
    ("actor2", "VARCHAR"), ("place", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
    ("admin2", "VARCHAR"), ("fatalities_best", "INTEGER"), ("fatalities_low", "INTEGER"),
    ("fatalities_high", "INTEGER"), ("latitude", "DOUBLE"), ("longitude", "DOUBLE"),
))  # fmt: skip


def _items(con: DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> list[Event]:
    """The events of page rows (day, rank, id, total, record, then the dataset event's fields)."""
    from torkham.datasets.catalog import catalog

    if not rows:
        return []
    info, ids = catalog(), dataset_actor_ids(con) if any(row[1] == 1 for row in rows) else {}
    items = []
    for row in rows:
        if row[1] == 0:
            items.append({**json.loads(row[4]), "layer": "kb"})
            continue
        fields = row[5:]
        dataset, a1, a2 = fields[0], fields[7], fields[8]
        item = data_event((*fields, ids.get((dataset, a1)), ids.get((dataset, a2))))
        known = info.get(str(dataset))
        item["dataset_status"] = known.status if known else None
        items.append(item)
    return items


def _count(con: DuckDBPyConnection, union: str, params: list[Any]) -> int:
    rows = con.execute(f"SELECT count(*) FROM ({union}) u", params).fetchall()  # fetchall: no result left open
    return int(rows[0][0])


def facet_counts(con: DuckDBPyConnection, f: EventFilter, by: str) -> list[dict[str, Any]]:
    """Events and deaths (best estimate, summed over the events that give one; None when none does) per
    value of `by`, with how many events give no death figure (`fatalities_unknown`: the paper's events).
    Years newest first; others by count."""
    if by not in FACETS:
        raise InvalidParameter("by", f"unknown facet '{by}'; choose one of: {', '.join(FACETS)}")
    union, params = _union(con, f)
    if by == "actor":
        source = f"""(SELECT DISTINCT u.id, a.actor_id, u.fatalities FROM ({union}) u
            JOIN kb_event_actors a ON u.rank = 0 AND a.event_id = u.id
            UNION SELECT DISTINCT u.id, m.actor_id, u.fatalities FROM ({union}) u
            JOIN dataset_actor_names m ON u.rank = 1 AND m.dataset = u.dataset AND m.raw_name IN (u.actor1, u.actor2)) u"""
        params = params + params
    else:
        source = f"({union}) u"
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
    if by == "region":
        return fold_regions(out)
    return _labelled(con, out, by)


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


def _union(con: DuckDBPyConnection, f: EventFilter, wide: bool = False) -> tuple[str, list[Any]]:
    """The selected events of both layers as one relation: day, rank (0 kb, 1 data), id, event_type, iso3,
    admin1, dataset, fatalities, actor1, actor2 — or, `wide`, day, rank, id, then the record of a knowledge
    event and the fields of a dataset event (DATA_EVENT_FIELDS) — and the parameters it binds."""
    parts, params = [], []
    regions = [name.lower() for name in spellings_of(con, f.admin1)] if f.admin1 is not None else None
    if f.layer in ("kb", "both") and f.dataset is None and f.min_fatalities is None:
        kb = _kb_where(f, regions)
        shown = (
            f"r.record, {_WIDE_KB}"
            if wide
            else """e.type AS event_type, lower(e.country) AS iso3, e.admin1,
            NULL::VARCHAR AS dataset, NULL::INTEGER AS fatalities, NULL::VARCHAR AS actor1, NULL::VARCHAR AS actor2"""
        )
        parts.append(f"""SELECT e.first_day AS day, 0 AS rank, e.id AS id, {shown}
            FROM kb_events e JOIN kb_records r USING (id) WHERE {kb.expression()}""")
        params += kb.params
    if f.layer in ("data", "both"):
        data = _data_where(f, regions)
        shown = (
            f"NULL::VARCHAR AS record, {_WIDE_DATA}"
            if wide
            else """e.event_type, lower(e.iso3) AS iso3,
            e.admin1, e.dataset, e.fatalities_best AS fatalities, e.actor1, e.actor2"""
        )
        parts.append(f"""SELECT e.date_start AS day, 1 AS rank, e.dataset || ':' || e.event_id AS id, {shown}
            FROM events e WHERE {data.expression()}""")
        params += data.params
    if not parts:  # the filter excludes both layers (knowledge events have no dataset nor deaths)
        shown = (
            f"NULL::VARCHAR AS record, {_WIDE_KB}"
            if wide
            else """NULL AS event_type, NULL AS iso3,
            NULL AS admin1, NULL AS dataset, 0 AS fatalities, NULL AS actor1, NULL AS actor2"""
        )
        return f"SELECT NULL::DATE AS day, 0 AS rank, '' AS id, {shown} WHERE false", []
    return " UNION ALL ".join(parts), params


def _kb_where(f: EventFilter, regions: list[str] | None) -> Where:
    where = Where()
    where.add("e.last_day >= ?", f.start).add("e.first_day <= ?", f.end)
    where.add("e.id IN (SELECT event_id FROM kb_event_actors WHERE actor_id = ?)", f.actor_id)
    where.add("e.type = ?", f.event_type)
    if f.country is not None:
        where.among("lower(e.country)", sorted(f.country.kb_codes))
    where.among("lower(e.admin1)", regions)
    where.add("strpos(lower(concat_ws(' ', e.title, e.place, r.quote)), lower(?)) > 0", f.q)
    return where


def _data_where(f: EventFilter, regions: list[str] | None) -> Where:
    where = Where()
    where.add("e.date_end >= ?", f.start).add("e.date_start <= ?", f.end)
    # (dataset, name) pairs as one text: DuckDB hashes an IN list, where a correlated EXISTS scans
    pairs = "SELECT dataset || chr(31) || raw_name FROM dataset_actor_names WHERE actor_id = ?"
    where.add(
        f"(e.dataset || chr(31) || e.actor1 IN ({pairs}) OR e.dataset || chr(31) || e.actor2 IN ({pairs}))",
        f.actor_id, f.actor_id,
    )  # fmt: skip
    if f.event_type is not None:  # its own type, or a type the crosswalk counts as this paper type
        counted = [f"{dataset}\x1f{name}" for dataset, name in event_crosswalk().dataset_pairs(f.event_type)]
        if counted:
            where.always(f"(e.event_type = ? OR {listed('e.dataset || chr(31) || e.event_type', counted)})",
                         f.event_type, *counted)  # fmt: skip
        else:
            where.always("e.event_type = ?", f.event_type)
    if f.country is not None:
        names, codes = sorted(f.country.names), sorted(f.country.iso3)
        where.always(f"({listed('e.country', names)} OR {listed('e.iso3', codes)})", *names, *codes)
    where.among("lower(e.admin1)", regions)
    where.add("e.dataset = ?", f.dataset)
    where.add("strpos(lower(concat_ws(' ', e.place, e.actor1, e.actor2, e.admin1, e.admin2)), lower(?)) > 0", f.q)
    where.add("e.fatalities_best >= ?", f.min_fatalities)
    return where


def _is_event(con: DuckDBPyConnection, event_id: str) -> bool:
    rows = con.execute("SELECT count(*) FROM kb_events WHERE id = ?", [event_id]).fetchall()
    return bool(rows[0][0])
