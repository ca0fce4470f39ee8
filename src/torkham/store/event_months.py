"""The dataset events counted per month: `event_months` holds, per dataset, version, country, the two raw
actor names and month, how many events begin in that month and the sum of their deaths (best estimate;
NULL when none gives one). A monthly or yearly series reads it instead of every event
(analysis/series.py) — the same question, the same answer, a few thousand rows instead of millions.

It is derived from `events` and written by the writers after they change the events
(`refresh_event_months`, inside their transaction). A reader uses it only while it is in step with the
events: `event_months_stamp` keeps the count of the events, the XOR of their content hashes and the sum
of their import ids when it was written, and `is_current` compares them with the events held (one scan of
two narrow columns, about 2 ms at 5 M events). Anything else — a writer that did not refresh it, a store
from an older torkham without it — and the series reads the events themselves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from torkham.store.memo import remembered

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

TABLE = "event_months"
STAMP_TABLE = "event_months_stamp"

_SCHEMA = (
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
  dataset VARCHAR NOT NULL,
  dataset_version VARCHAR NOT NULL,
  country VARCHAR,
  iso3 VARCHAR,
  actor1 VARCHAR,
  actor2 VARCHAR,
  month DATE NOT NULL,           -- first day of the month the events begin in (date_start)
  events BIGINT NOT NULL,
  fatalities BIGINT              -- sum of fatalities_best, NULL when no event of the group gives one
)""",
    f"CREATE TABLE IF NOT EXISTS {STAMP_TABLE} (events BIGINT NOT NULL, hashes UBIGINT, imports HUGEINT)",
)

# What the events held are: compared with the stamp written beside the table.
_EVENTS_STAMP = "SELECT count(*), bit_xor(content_hash), sum(import_id) FROM events"


def refresh_event_months(con: DuckDBPyConnection) -> None:
    """Write `event_months` again from the events held, and its stamp. Call it in the transaction that
    changed the events (an import, deletions), after the change."""
    for statement in _SCHEMA:
        con.execute(statement)
    con.execute(f"DELETE FROM {TABLE}")
    con.execute(
        f"""INSERT INTO {TABLE} SELECT dataset, dataset_version, country, iso3, actor1, actor2,
            date_trunc('month', date_start)::DATE, count(*), sum(fatalities_best) FROM events GROUP BY ALL"""
    )
    con.execute(f"DELETE FROM {STAMP_TABLE}")
    con.execute(f"INSERT INTO {STAMP_TABLE} {_EVENTS_STAMP}")


def ensure_event_months(con: DuckDBPyConnection) -> bool:
    """Write `event_months` again when it is missing or out of step with the events (one writer hook for every
    change: ~2 ms when nothing changed); whether it was written."""
    tables = {str(row[0]) for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "events" not in tables or (TABLE in tables and STAMP_TABLE in tables and _stamps_agree(con)):
        return False
    refresh_event_months(con)
    return True


def is_current(con: DuckDBPyConnection, tables: set[str]) -> bool:
    """Whether `event_months` says what the events held say (`tables`: the tables the store holds). Kept for
    the opening of the store the cursor is bound to (store.memo); asked afresh otherwise."""
    if TABLE not in tables or STAMP_TABLE not in tables:
        return False
    return remembered(con, ("event months current",), lambda: _stamps_agree(con))


def _stamps_agree(con: DuckDBPyConnection) -> bool:
    same = "s.events = h.events AND s.hashes IS NOT DISTINCT FROM h.hashes AND s.imports IS NOT DISTINCT FROM h.imports"
    rows = con.execute(
        f"""WITH held AS ({_EVENTS_STAMP}) SELECT count(*) FILTER (WHERE {same}), count(*)
            FROM {STAMP_TABLE} s, held h(events, hashes, imports)"""
    ).fetchall()
    return rows[0] == (1, 1)
