"""The SQL of the event listing (store.events): the events a filter selects, of both layers, as one relation
with only the columns a statement reads — DuckDB plans a statement by the columns it names, and planning
costs more than running on a small store (bench/api_load.py). Every value is a bound parameter."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from torkham.model.event_types import event_crosswalk
from torkham.store.clauses import Where, listed
from torkham.store.queries import DATA_EVENT_FIELDS
from torkham.store.regions import spellings_of

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.store.events import EventFilter

# column -> (its expression for a knowledge event, for a dataset event, its type when no layer is read)
COLUMNS = {
    "day": ("e.first_day", "e.date_start", "DATE"),
    "rank": ("0", "1", "INTEGER"),  # 0 knowledge, 1 data: the paper's events first on a day
    "id": ("e.id", "e.dataset || ':' || e.event_id", "VARCHAR"),
    "event_type": ("e.type", "e.event_type", "VARCHAR"),
    "iso3": ("lower(e.country)", "lower(e.iso3)", "VARCHAR"),
    "admin1": ("e.admin1", "e.admin1", "VARCHAR"),
    "dataset": ("NULL::VARCHAR", "e.dataset", "VARCHAR"),
    "fatalities": ("NULL::INTEGER", "e.fatalities_best", "INTEGER"),
    "actor1": ("NULL::VARCHAR", "e.actor1", "VARCHAR"),
    "actor2": ("NULL::VARCHAR", "e.actor2", "VARCHAR"),
}
WIDE = ("wide",)  # day, rank, id, then the record of a knowledge event and the fields of a dataset event
_WIDE_DATA = DATA_EVENT_FIELDS
_WIDE_KB = ", ".join(f"NULL::{kind} AS {name}" for name, kind in (
    ("dataset", "VARCHAR"), ("dataset_version", "VARCHAR"), ("event_id", "VARCHAR"), ("date_start", "DATE"),
    ("date_end", "DATE"), ("date_precision", "VARCHAR"), ("event_type", "VARCHAR"), ("actor1", "VARCHAR"),
    ("actor2", "VARCHAR"), ("place", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
    ("admin2", "VARCHAR"), ("fatalities_best", "INTEGER"), ("fatalities_low", "INTEGER"),
    ("fatalities_high", "INTEGER"), ("latitude", "DOUBLE"), ("longitude", "DOUBLE"),
))  # fmt: skip


def union(con: DuckDBPyConnection, f: EventFilter, columns: Sequence[str] = WIDE) -> tuple[str, list[Any]]:
    """The events `f` selects as one relation of `columns` (names of COLUMNS, or WIDE), and the parameters
    it binds."""
    parts, params = [], []
    regions = [name.lower() for name in spellings_of(con, f.admin1)] if f.admin1 is not None else None
    if f.layer in ("kb", "both") and f.dataset is None and f.min_fatalities is None:
        kb = _kb_where(f, regions)
        parts.append(
            f"SELECT {_shown(columns, 0)} FROM kb_events e JOIN kb_records r USING (id) WHERE {kb.expression()}"
        )
        params += kb.params
    if f.layer in ("data", "both"):
        data = _data_where(f, regions)
        parts.append(f"SELECT {_shown(columns, 1)} FROM events e WHERE {data.expression()}")
        params += data.params
    if not parts:  # the filter excludes both layers (knowledge events have no dataset nor deaths)
        return f"SELECT {_shown(columns, None)} WHERE false", []
    return " UNION ALL ".join(parts), params


def _shown(columns: Sequence[str], layer: int | None) -> str:
    """The select list of one layer's part (None: of no layer, for a relation with no rows)."""
    if columns == WIDE:
        if layer is None:
            return f"NULL::DATE AS day, 0 AS rank, '' AS id, NULL::VARCHAR AS record, {_WIDE_KB}"
        head = ", ".join(f"{COLUMNS[name][layer]} AS {name}" for name in ("day", "rank", "id"))
        return f"{head}, r.record, {_WIDE_KB}" if layer == 0 else f"{head}, NULL::VARCHAR AS record, {_WIDE_DATA}"
    if layer is None:
        return ", ".join(f"NULL::{COLUMNS[name][2]} AS {name}" for name in columns)
    return ", ".join(f"{COLUMNS[name][layer]} AS {name}" for name in columns)


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
