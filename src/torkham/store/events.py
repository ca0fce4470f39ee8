"""Events of both layers — the knowledge base's and the datasets' — filtered, counted and paged with a
cursor, for the web pages and the API. Items have the shape of `queries.timeline` (knowledge events, with
provenance) and `queries.dataset_timeline` (dataset events). Every value reaches SQL as a bound parameter;
facet names come from a fixed table.

    f = parse_filter(con, actor="TTP", start="2021", end="2021", layer="data")
    page = find_events(con, f, limit=100, cursor=None)   # EventPage(items, total, next_cursor)
    facet_counts(con, f, "admin1")                        # [{value, label, count, fatalities}]"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import date

from torkham.errors import TorkhamError
from torkham.store.event_filter import (  # noqa: F401 — the names pages and the API import from here
    COUNTRY_NAMES,
    LAYERS,
    MAX_TEXT,
    EventFilter,
    country_codes,
    name_index,
    parse_filter,
    resolve_actor_param,
    stored_countries,
)
from torkham.store.queries import DATA_EVENT_COLUMNS, actor_names, data_event, records_by_id

BAD_CURSOR = "cursor: not a cursor this API issued; start again without it"

# facet -> SQL expression over the union of both layers (see _union); never built from user input.
FACETS = {
    "admin1": "u.admin1",
    "event_type": "u.event_type",
    "dataset": "u.dataset",
    "year": "CAST(year(u.day) AS VARCHAR)",
    "country": "upper(u.iso3)",
    "actor": "u.actor_id",
}


@dataclass
class EventPage:
    items: list[dict]
    total: int
    next_cursor: str | None
    limit: int = 0


def find_events(con, f: EventFilter, *, limit: int, cursor: str | None = None) -> EventPage:
    """One page of the events `f` selects, by date, then knowledge before data, then id."""
    if limit < 1:
        raise TorkhamError(f"limit: {limit} is too small; use 1 or more")
    union, params = _union(con, f)
    after, after_params = "", []
    if cursor:
        day, rank, event_id = decode_cursor(cursor)
        after = "WHERE (day, rank, id) > (?, ?, ?)"
        after_params = [day, rank, event_id]
    rows = con.execute(  # the total of all matches rides along with the page: one pass over the union
        f"""SELECT day, rank, id, total FROM (SELECT u.day, u.rank, u.id, count(*) OVER () AS total
            FROM ({union}) u) {after} ORDER BY day, rank, id LIMIT ?""",
        [*params, *after_params, limit + 1],
    ).fetchall()
    total = rows[0][3] if rows else con.execute(f"SELECT count(*) FROM ({union}) u", params).fetchone()[0]
    more = len(rows) > limit
    keys = [row[:3] for row in rows[:limit]]
    items = _items(con, [(rank, event_id) for _, rank, event_id in keys])
    next_cursor = encode_cursor(*keys[-1]) if more else None
    return EventPage(items, total, next_cursor, limit)


def facet_counts(con, f: EventFilter, by: str) -> list[dict]:
    """Events and deaths (best estimate, datasets only) per value of `by`; years in order, others by count."""
    if by not in FACETS:
        raise TorkhamError(f"by: unknown facet '{by}'; choose one of: {', '.join(FACETS)}")
    union, params = _union(con, f)
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


def event_by_id(con, event_id: str) -> dict | None:
    """A knowledge event by its id, or a dataset event by '<dataset>:<event id>'; None when not held."""
    if ":" in event_id:
        dataset, _, own_id = event_id.partition(":")
        row = con.execute(
            f"SELECT {DATA_EVENT_COLUMNS} FROM events e WHERE e.dataset = ? AND e.event_id = ?", [dataset, own_id]
        ).fetchone()
        return data_event(row) if row else None
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
        raise TorkhamError(BAD_CURSOR) from None


def _union(con, f: EventFilter) -> tuple[str, list]:
    """The selected events of both layers as one relation: day, rank (0 kb, 1 data), id, event_type, iso3,
    admin1, dataset, fatalities, actor1, actor2 — and the parameters it binds."""
    parts, params = [], []
    if f.layer in ("kb", "both") and f.dataset is None and f.min_fatalities is None:
        where, bound = _kb_where(con, f)
        parts.append(f"""SELECT e.first_day AS day, 0 AS rank, e.id AS id, e.type AS event_type,
            lower(e.country) AS iso3, e.admin1, NULL::VARCHAR AS dataset, NULL::INTEGER AS fatalities,
            NULL::VARCHAR AS actor1, NULL::VARCHAR AS actor2
            FROM kb_events e JOIN kb_records r USING (id) WHERE {where}""")
        params += bound
    if f.layer in ("data", "both"):
        where, bound = _data_where(con, f)
        parts.append(f"""SELECT e.date_start AS day, 1 AS rank, e.dataset || ':' || e.event_id AS id,
            e.event_type, lower(e.iso3) AS iso3, e.admin1, e.dataset, e.fatalities_best AS fatalities,
            e.actor1, e.actor2 FROM events e WHERE {where}""")
        params += bound
    if not parts:  # the filter excludes both layers (knowledge events have no dataset nor deaths)
        empty = "NULL::DATE AS day, 0 AS rank, '' AS id, NULL AS event_type, NULL AS iso3, NULL AS admin1"
        return f"SELECT {empty}, NULL AS dataset, 0 AS fatalities, NULL AS actor1, NULL AS actor2 WHERE false", []
    return " UNION ALL ".join(parts), params


def _kb_where(con, f: EventFilter) -> tuple[str, list]:
    where, params = ["true"], []
    if f.start:
        where.append("e.last_day >= ?")
        params.append(f.start)
    if f.end:
        where.append("e.first_day <= ?")
        params.append(f.end)
    if f.actor_id:
        where.append("e.id IN (SELECT event_id FROM kb_event_actors WHERE actor_id = ?)")
        params.append(f.actor_id)
    if f.event_type:
        where.append("e.type = ?")
        params.append(f.event_type)
    if f.country:
        where.append("lower(e.country) IN (SELECT unnest(?))")
        params.append(country_codes(con, f.country))
    if f.admin1:
        where.append("lower(e.admin1) = lower(?)")
        params.append(f.admin1)
    if f.q:
        where.append("strpos(lower(concat_ws(' ', e.title, e.place, r.quote)), lower(?)) > 0")
        params.append(f.q)
    return " AND ".join(where), params


def _data_where(con, f: EventFilter) -> tuple[str, list]:
    where, params = ["true"], []
    if f.start:
        where.append("e.date_end >= ?")
        params.append(f.start)
    if f.end:
        where.append("e.date_start <= ?")
        params.append(f.end)
    if f.actor_id:
        # (dataset, name) pairs as one text: DuckDB hashes an IN list, where a correlated EXISTS scans
        pairs = "SELECT dataset || chr(31) || raw_name FROM dataset_actor_names WHERE actor_id = ?"
        where.append(
            f"(e.dataset || chr(31) || e.actor1 IN ({pairs}) OR e.dataset || chr(31) || e.actor2 IN ({pairs}))"
        )
        params += [f.actor_id, f.actor_id]
    if f.event_type:
        where.append("e.event_type = ?")
        params.append(f.event_type)
    if f.country:
        names, iso3 = stored_countries(con, f.country)
        where.append("(e.country = ANY(?) OR e.iso3 = ANY(?))")
        params += [names, iso3]
    if f.admin1:
        where.append("lower(e.admin1) = lower(?)")
        params.append(f.admin1)
    if f.dataset:
        where.append("e.dataset = ?")
        params.append(f.dataset)
    if f.q:
        where.append("strpos(lower(concat_ws(' ', e.place, e.actor1, e.actor2, e.admin1, e.admin2)), lower(?)) > 0")
        params.append(f.q)
    if f.min_fatalities is not None:
        where.append("e.fatalities_best >= ?")
        params.append(f.min_fatalities)
    return " AND ".join(where), params


def _items(con, keys: list[tuple[int, str]]) -> list[dict]:
    kb = records_by_id(con, [event_id for rank, event_id in keys if rank == 0])
    data_keys = [event_id.partition(":") for rank, event_id in keys if rank == 1]
    data = {}
    if data_keys:
        rows = con.execute(  # a join on the two key columns; concatenating them would scan the table
            f"""SELECT {DATA_EVENT_COLUMNS} FROM events e
                JOIN (SELECT unnest(?) AS dataset, unnest(?) AS event_id) k USING (dataset, event_id)""",
            [[d for d, _, _ in data_keys], [i for _, _, i in data_keys]],
        ).fetchall()
        data = {item["id"]: item for item in map(data_event, rows)}
    return [{**kb[event_id], "layer": "kb"} if rank == 0 else data[event_id] for rank, event_id in keys]


def _is_event(con, event_id: str) -> bool:
    return con.execute("SELECT count(*) FROM kb_events WHERE id = ?", [event_id]).fetchone()[0] > 0
