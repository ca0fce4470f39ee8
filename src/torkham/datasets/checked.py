"""Checking staged rows (formats/readers.stage) for imports of totals (country_month.py): `checked` holds
the staged rows numbered as in the file, each with its first problem; bad rows are quarantined with their
row, field and reason. Event imports check their rows as they read them instead (incoming.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from torkham.datasets.accounting import hxl_sql

if TYPE_CHECKING:
    from torkham.datasets.formats.country_month import AggregateFormat
    from torkham.datasets.importer import ImportSummary


def quarantine_rejects(con, import_id: int, file: str) -> int:
    """Records that could not be read: wrong field count, bad quoting, bytes that are not UTF-8, cut off."""
    con.execute("INSERT INTO quarantine SELECT ?, ?, tk_row, field, value, reason FROM tk_bad", [import_id, file])
    return int(con.execute("SELECT count(DISTINCT tk_row) FROM tk_bad").fetchall()[0][0])


def check(con, fmt: AggregateFormat, present: set[str], summary: ImportSummary) -> int:
    """`checked`: the staged rows numbered as in the file, each with its first problem (NULL: none), less
    the declared metadata rows (counted in `summary.skipped`). Returns how many rows were staged."""
    skips = [f"coalesce({fmt.skip_row}, false)"] if fmt.skip_row else []
    if getattr(fmt, "hxl_row", False):
        skips.append(hxl_sql(sorted(present)))
    skip = f"WHERE NOT ({' OR '.join(skips)})" if skips else ""
    cases = " ".join(f"WHEN coalesce({c.bad}, false) THEN {i}" for i, c in enumerate(fmt.checks))
    # Record numbers: staging's rowids start at an arbitrary base inside a transaction, and rows the
    # reader could not read leave gaps (tk_shift, see formats/readers.py).
    base = con.execute("SELECT coalesce(min(rowid), 0) FROM staging").fetchall()[0][0]
    staged = {r[0] for r in con.execute("SELECT column_name FROM (DESCRIBE staging)").fetchall()}
    index, drop = (f"rowid - {base}", "") if "tk_n" not in staged else ("tk_n - 1", ", tk_n, tk_last, tk_keep")
    if con.execute("SELECT count(*) FROM tk_shift").fetchall()[0][0]:
        row, columns = "s.tk_index + 1 + coalesce(m.shift, 0)", f"s.* EXCLUDE (tk_index{drop})"
        source = (
            f"(SELECT {index} AS tk_index, * FROM staging) s ASOF LEFT JOIN tk_shift m ON s.tk_index >= m.good_before"
        )
    else:
        row, columns, source = f"{index} + 1", f"* EXCLUDE ({drop[2:]})" if drop else "*", "staging"
    con.execute(
        f"""CREATE TEMP TABLE checked AS SELECT * FROM (
              SELECT {row} AS tk_row, {columns}, CASE {cases} END AS tk_problem FROM {source}) {skip}"""
    )
    count = con.execute("SELECT count(*) FROM staging").fetchall()[0][0]
    summary.skipped = count - con.execute("SELECT count(*) FROM checked").fetchall()[0][0]
    if summary.skipped:
        summary.notes.append(f"{summary.file}: row 1 holds HXL hashtags (metadata, not an event): skipped")
    return int(count)


def quarantine_problems(con, fmt: AggregateFormat, import_id: int, file: str) -> int:
    """Rows a check of the format found bad go to quarantine (they stay in `checked`, flagged)."""
    fields = ", ".join(f"'{c.field}'" for c in fmt.checks)
    reasons = ", ".join("'" + c.reason.replace("'", "''") + "'" for c in fmt.checks)
    values = " ".join(f"WHEN {i} THEN {c.field}" for i, c in enumerate(fmt.checks))
    con.execute(
        f"""INSERT INTO quarantine SELECT ?, ?, tk_row, [{fields}][tk_problem + 1], CASE tk_problem {values} END,
            [{reasons}][tk_problem + 1] FROM checked WHERE tk_problem IS NOT NULL""",
        [import_id, file],
    )
    return int(con.execute("SELECT count(*) FROM checked WHERE tk_problem IS NOT NULL").fetchall()[0][0])
