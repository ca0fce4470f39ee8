"""How much memory DuckDB may use during an import. Most of what an import holds can be written to disk
beyond the limit (the rows read, the groupings and joins), but the primary-key index of the new events
is held whole until the commit: about 60 bytes an event (5 million new events: 290 MB), and the commit
fails when it cannot have it. When the index would take more than half the limit, the limit is raised
to twice the index for this import, with a note."""

from __future__ import annotations

import re
from typing import Any

from torkham.errors import TorkhamError

MEMORY_LIMIT = "1GB"  # the default: beyond it, DuckDB spills to the folder beside the store
INDEX_BYTES_PER_EVENT = 64
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)
_UNITS = {
    "b": 1,
    "kb": 10**3,
    "mb": 10**6,
    "gb": 10**9,
    "tb": 10**12,
    "kib": 2**10,
    "mib": 2**20,
    "gib": 2**30,
    "tib": 2**40,
}


def size_in_bytes(text: str) -> int:
    """'1GB' -> 1,000,000,000 (as DuckDB reads it); a text that is not a size is refused."""
    found = _SIZE.fullmatch(text.strip())
    if not found:
        raise TorkhamError(f"memory limit {text!r}: expected a size such as 1GB or 512MB")
    return int(float(found.group(1)) * _UNITS[found.group(2).lower()])


def room_for_index(con: Any, file: str) -> list[str]:
    """Raise DuckDB's memory limit when the index of the rows in `incoming` would take more than half of
    it (the rest goes to the rows being written); a note saying so (none when it fits)."""
    rows = int(con.execute("SELECT count(*) FROM incoming").fetchall()[0][0])
    limit = size_in_bytes(str(con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]))
    needed = 2 * rows * INDEX_BYTES_PER_EVENT
    if needed <= limit * 1.01:  # DuckDB shows its limit rounded to three or four digits
        return []
    con.execute(f"SET memory_limit = '{needed}B'")
    return [
        f"{file}: the index of {rows:,} events is held in memory until they are stored: DuckDB may use "
        f"{needed / 1e6:,.0f} MB for this import instead of {limit / 1e6:,.0f} MB"
    ]
