"""One row-accounting rule for every import: every record the reader read is imported, quarantined, or
a declared metadata row (the HXL hashtag row); rows of other countries (--country) are counted apart.
A mismatch is a bug, not bad input: the import is aborted inside its transaction, the store unchanged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from torkham.errors import TorkhamError

if TYPE_CHECKING:
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
