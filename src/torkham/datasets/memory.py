"""How much memory DuckDB may use during an import. What an import holds can be written to disk beyond
the limit (the rows read, the groupings and joins), so its peak stays flat. One thing cannot: in a store
made before events lost their primary key (datasets/schema.sql), the key's index of the new events is held
whole until the commit — about 60 bytes an event (5 million new events: 290 MB) — and the commit fails
when it cannot have it. There, when the index would take more than half the limit, the limit is raised
to twice the index for this import, with a note."""

from __future__ import annotations

from typing import Any

from torkham.params import MemorySize

MEMORY_LIMIT = MemorySize(10**9, "1GB")  # the default: beyond it, DuckDB spills to the folder beside the store
INDEX_BYTES_PER_EVENT = 64


def duckdb_limit(con: Any) -> int:
    """DuckDB's memory limit now, in bytes (it shows it rounded, e.g. '953.6 MiB')."""
    return MemorySize.parse(str(con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])).bytes


def room_for_index(con: Any, file: str) -> list[str]:
    """Raise DuckDB's memory limit when the index of the rows in `incoming` would take more than half of
    it (the rest goes to the rows being written); a note saying so (none when it fits, or when `events`
    has no key)."""
    if not events_keyed(con):
        return []
    rows = int(con.execute("SELECT count(*) FROM incoming").fetchall()[0][0])
    limit = duckdb_limit(con)
    needed = 2 * rows * INDEX_BYTES_PER_EVENT
    if needed <= limit * 1.01:  # DuckDB shows its limit rounded to three or four digits
        return []
    con.execute(f"SET memory_limit = '{needed}B'")
    return [
        f"{file}: the index of {rows:,} events is held in memory until they are stored: DuckDB may use "
        f"{needed / 1e6:,.0f} MB for this import instead of {limit / 1e6:,.0f} MB"
    ]


def events_keyed(con: Any) -> bool:
    """Whether the store's `events` table has the primary key of stores made before it was dropped."""
    found = con.execute(
        """SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'events' AND constraint_type = 'PRIMARY KEY'
           AND database_name = current_database() AND schema_name = 'main'"""
    ).fetchall()
    return bool(found[0][0])
