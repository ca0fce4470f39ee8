"""One row-accounting rule for every import: every record the reader read is imported, quarantined, or
a declared metadata row (the HXL hashtag row); rows of other countries (--country) are counted apart.
A mismatch is a bug, not bad input: the import is aborted inside its transaction, the store unchanged."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from torkham.errors import TorkhamError

if TYPE_CHECKING:
    from torkham.datasets.formats.base import Check
    from torkham.datasets.importer import ImportSummary

INTERNAL = {"tk_n", "tk_last", "tk_keep", "tk_row", "tk_index", "tk_problem"}


class ImportAccountingError(TorkhamError):
    """Rows were lost or counted twice between reading and storing: an internal error."""


def balance(summary: ImportSummary, read: int, imported: int | None = None) -> None:
    """Raise unless read = rows_read + skipped and rows_read = imported + quarantined (`imported`: the rows
    stored, when they are not counted as inserted + updated + unchanged)."""
    if imported is None:
        imported = summary.inserted + summary.updated + summary.unchanged
    if read == summary.rows_read + summary.skipped and summary.rows_read == imported + summary.quarantined:
        return
    raise ImportAccountingError(
        f"{summary.file}: internal error: the rows do not add up ({read:,} records read, {summary.skipped:,} "
        f"metadata rows, {imported:,} imported, {summary.quarantined:,} quarantined); the import was aborted "
        "and the store is unchanged. Please report this with the file."
    )


def hxl_sql(columns: list[str]) -> str:
    """SQL true for the HXL hashtag row: the record right after the header (tk_row 1) whose non-empty cells
    all start with '#' (and there is at least one)."""
    cells = [c for c in columns if c not in INTERNAL]
    if not cells:
        return "FALSE"
    every = " AND ".join(f"(NULLIF(trim({c}), '') IS NULL OR starts_with(trim({c}), '#'))" for c in cells)
    some = " OR ".join(f"starts_with(trim({c}), '#')" for c in cells)
    return f"(tk_row = 1 AND {every} AND ({some}))"


def warning_notes(con, warnings: tuple[Check, ...], file: str) -> list[str]:
    """Count the rows about to be imported that a warning of the format matches (they are kept)."""
    notes = []
    for check in warnings:
        found = con.execute(
            f"SELECT count(*), min(tk_row) FROM checked WHERE tk_problem IS NULL AND coalesce({check.bad}, false)"
        ).fetchall()[0]
        if found[0]:
            notes.append(
                f"{file}: {found[0]:,} row(s) where {check.reason} (first: row {found[1]}); imported as published"
            )
    return notes


_NOT_NULL = ("event_id", "date_start", "date_end", "date_precision")


def quarantine_unreadable(con: Any, import_id: int, file: str) -> int:
    """A row whose checks passed but a column the events table requires came out empty (a format whose
    checks miss a case) is quarantined here rather than failing the whole import."""
    empty = " ".join(f"WHEN {c} IS NULL THEN '{c}'" for c in _NOT_NULL)
    con.execute(
        f"""INSERT INTO quarantine SELECT ?, ?, tk_row, CASE {empty} END, NULL,
              'field ' || CASE {empty} END || ' is empty after reading the row' FROM incoming
            WHERE {" OR ".join(f"{c} IS NULL" for c in _NOT_NULL)}""",
        [import_id, file],
    )
    found = con.execute(f"SELECT count(*) FROM incoming WHERE {' OR '.join(f'{c} IS NULL' for c in _NOT_NULL)}")
    count = int(found.fetchall()[0][0])
    con.execute(f"DELETE FROM incoming WHERE {' OR '.join(f'{c} IS NULL' for c in _NOT_NULL)}")
    return count
