"""The rows of `incoming` (see incoming.py) that are not imported, in the order the importer sets them
aside: declared metadata rows (skipped, not quarantined), rows a check of the format finds bad, repeated
ids (the first in the file is kept), rows whose required events columns came out empty. Each quarantined
row is written with its import, file, row number, field, value and reason, then removed from `incoming`.
`rows` is `incoming` numbered (incoming.numbered); the statements touch few rows unless many are bad."""

from __future__ import annotations

from typing import Any

from torkham.datasets.formats.base import TableFormat

_NOT_NULL = ("event_id", "date_start", "date_end", "date_precision")


def skip_metadata(con: Any, fmt: TableFormat, rows: str) -> int:
    """Remove the declared metadata rows: `skip_row` matches, and the HXL hashtag row (record 1)."""
    found = []
    if fmt.skip_row:
        found.append("tk_skip")
    if fmt.hxl_row:
        found.append("(tk_hxl AND tk_row = 1)")
    if not found:
        return 0
    return _remove(con, f"SELECT tk_rid FROM {rows} WHERE {' OR '.join(found)}")


def quarantine_problems(con: Any, fmt: TableFormat, rows: str, import_id: int, file: str) -> int:
    """Rows a check of the format found bad (they stay in `incoming` until `drop_quarantined`)."""
    if not fmt.checks:
        return 0
    fields = ", ".join(f"'{c.field}'" for c in fmt.checks)
    reasons = ", ".join("'" + c.reason.replace("'", "''") + "'" for c in fmt.checks)
    con.execute(
        f"""INSERT INTO quarantine SELECT ?, ?, tk_row, [{fields}][tk_problem + 1], tk_value,
              [{reasons}][tk_problem + 1] FROM {rows} WHERE tk_problem IS NOT NULL""",
        [import_id, file],
    )
    return int(con.execute("SELECT count(*) FROM incoming WHERE tk_problem IS NOT NULL").fetchall()[0][0])


def quarantine_repeats(con: Any, fmt: TableFormat, id_column: str, rows: str, import_id: int, file: str) -> int:
    """A good row whose id an earlier good row of the file has: quarantined, naming the first row. The ids
    seen more than once are found by grouping (few, usually none), then their rows by joining."""
    con.execute(
        f"""CREATE TEMP TABLE tk_repeats AS
            WITH good AS (SELECT tk_rid, tk_row, {id_column} AS id FROM {rows} WHERE tk_problem IS NULL),
                 repeated AS (SELECT id, min(tk_row) AS first_row FROM good GROUP BY id HAVING count(*) > 1)
            SELECT g.tk_rid, g.tk_row, g.id, r.first_row FROM good g JOIN repeated r ON g.id IS NOT DISTINCT FROM r.id
            WHERE g.tk_row > r.first_row"""
    )
    con.execute(
        f"""INSERT INTO quarantine SELECT ?, ?, tk_row, '{fmt.id_column}', id,
              'duplicate id within the file (first at row ' || first_row || ')' FROM tk_repeats""",
        [import_id, file],
    )
    return int(con.execute("SELECT count(*) FROM tk_repeats").fetchall()[0][0])


def drop_quarantined(con: Any, problems: int, repeats: int) -> None:
    """Remove the rows quarantined by `quarantine_problems` and `quarantine_repeats`."""
    if problems:
        con.execute("DELETE FROM incoming WHERE tk_problem IS NOT NULL")
    if repeats:
        con.execute("DELETE FROM incoming WHERE rowid IN (SELECT tk_rid FROM tk_repeats)")


def quarantine_unreadable(con: Any, rows: str, import_id: int, file: str) -> int:
    """A row whose checks passed but an events column the table requires came out empty (a format whose
    checks miss a case) is quarantined here rather than failing the whole import."""
    empty = " ".join(f"WHEN {c} IS NULL THEN '{c}'" for c in _NOT_NULL)
    where = " OR ".join(f"{c} IS NULL" for c in _NOT_NULL)
    con.execute(
        f"""INSERT INTO quarantine SELECT ?, ?, tk_row, CASE {empty} END, NULL,
              'field ' || CASE {empty} END || ' is empty after reading the row' FROM {rows} WHERE {where}""",
        [import_id, file],
    )
    return _remove(con, f"SELECT tk_rid FROM {rows} WHERE {where}")


def warning_notes(con: Any, fmt: TableFormat, rows: str, file: str) -> list[str]:
    """Count the rows about to be imported that a warning of the format matches (they are kept)."""
    if not fmt.warnings:
        return []
    counts = ", ".join(f"count(*) FILTER (WHERE tk_warn{j}), min(tk_row) FILTER (WHERE tk_warn{j})"
                       for j in range(len(fmt.warnings)))  # fmt: skip
    found = con.execute(f"SELECT {counts} FROM {rows}").fetchall()[0]
    notes = []
    for j, check in enumerate(fmt.warnings):
        count, first = found[2 * j], found[2 * j + 1]
        if count:
            notes.append(f"{file}: {count:,} row(s) where {check.reason} (first: row {first}); imported as published")
    return notes


def _remove(con: Any, selected: str) -> int:
    """Delete the rows of `incoming` whose rowids `selected` gives; how many."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE tk_removed AS {selected}")
    count = int(con.execute("SELECT count(*) FROM tk_removed").fetchall()[0][0])
    if count:
        con.execute("DELETE FROM incoming WHERE rowid IN (SELECT tk_rid FROM tk_removed)")
    return count
