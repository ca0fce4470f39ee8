"""The import log and the quarantine: what came in, and the rows that could not."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from torkham.store.clauses import Where

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

QUARANTINE_COLUMNS = ("import", "file", "row", "field", "value", "reason")


def import_log(con: DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every import, oldest first, with all the columns of the `imports` table."""
    cursor = con.execute("SELECT * FROM imports ORDER BY import_id")
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def quarantined(
    con: DuckDBPyConnection, import_id: int | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Rows that could not be imported (of one import, when given), at most `limit` of them."""
    where = Where().add("import_id = ?", import_id)
    rows = con.execute(
        f"""SELECT import_id, file, row_number, field, value, reason FROM quarantine {where.sql()}
            ORDER BY import_id, row_number LIMIT ?""",
        [*where.params, limit or None],
    ).fetchall()
    return [dict(zip(QUARANTINE_COLUMNS, r, strict=True)) for r in rows]
