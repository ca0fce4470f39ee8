"""How much memory DuckDB may use during an import. Most of what an import holds can be written to disk
beyond the limit (the rows read, the groupings and joins), but the primary-key index of the new events
is held whole until the commit: about 60 bytes an event (5 million new events: 290 MB), and the commit
fails when it cannot have it. When the index would take more than half the limit, the limit is raised
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
    it (the rest goes to the rows being written); a note saying so (none when it fits)."""
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
