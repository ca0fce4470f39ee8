"""Import a file of totals per country and month (an AggregateFormat) into `country_month`, with the
discipline of the event importer: one transaction, bad rows quarantined with row, field and reason, an
import log row, coverage rows; the same file twice changes nothing. An empty cell is NULL, never 0."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from torkham.datasets.accounting import balance
from torkham.datasets.checked import check, quarantine_problems, quarantine_rejects
from torkham.datasets.coverage import aggregate_coverage, insert_coverage, observed
from torkham.datasets.formats.country_month import AggregateFormat
from torkham.datasets.formats.readers import left_out, stage
from torkham.datasets.importer import ImportSummary, keep_sql

if TYPE_CHECKING:
    from torkham.params import CountryRef


def run_aggregate(
    con, path: Path, fmt: AggregateFormat, summary: ImportSummary, countries: tuple[CountryRef, ...] = ()
) -> None:
    """The body of the import (inside its transaction): stage, check, quarantine, merge, log, cover."""
    started = datetime.now()
    keep = keep_sql(fmt.country, fmt.iso3, countries)
    summary.notes.extend(stage(con, path, fmt, summary.file, keep))
    if keep is not None:
        summary.left_out = left_out(con)
    present = {row[0] for row in con.execute("SELECT column_name FROM (DESCRIBE staging)").fetchall()}
    summary.notes.extend(_unknown_columns(fmt, present, summary.file))
    import_id = con.execute("SELECT nextval('import_ids')").fetchall()[0][0]
    summary.import_id = import_id
    rejected = quarantine_rejects(con, import_id, summary.file)
    read = check(con, fmt, present, summary) + rejected
    summary.rows_read = con.execute("SELECT count(*) FROM checked").fetchall()[0][0] + rejected
    summary.quarantined = rejected + quarantine_problems(con, fmt, import_id, summary.file)
    summary.quarantined += _quarantine_repeats(con, fmt, import_id, summary.file)
    _incoming(con, fmt)
    _merge(con, fmt.dataset, summary.version, import_id, summary)
    rows = con.execute("SELECT count(*) FROM checked").fetchall()[0][0]
    balance(summary, read, imported=int(rows))
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [import_id, fmt.dataset, summary.version, fmt.name, summary.file, summary.sha256, summary.rows_read,
         summary.inserted, summary.updated, summary.unchanged, 0, summary.quarantined, started, datetime.now()],
    )  # fmt: skip
    seen = observed(
        con,
        """SELECT country, iso3, month AS first_day, last_day(month) AS last_day FROM tk_cm_incoming
           WHERE measure = ? AND value IS NOT NULL""",
        [fmt.coverage_measure],
    )
    insert_coverage(con, import_id, fmt.dataset, summary.version, aggregate_coverage(fmt.dataset, summary.file, seen))
    summary.notes.append(
        f"{summary.file}: totals per country and month, stored as {len(fmt.measures)} measures "
        f"({', '.join(fmt.measures)}); the counts are values, not events"
    )


def _unknown_columns(fmt: AggregateFormat, present: set[str], file: str) -> list[str]:
    extra = sorted(present - set(fmt.columns) - {"tk_n", "tk_last", "tk_keep"})
    if not extra:
        return []
    return [f"{file}: column(s) {', '.join(extra)} are not measures torkham knows; left out"]


def _quarantine_repeats(con, fmt: AggregateFormat, import_id: int, file: str) -> int:
    """A second row for the same country and month is quarantined (the first is kept)."""
    key = f"{fmt.country}, {fmt.month}"
    con.execute(
        f"""CREATE TEMP TABLE tk_cm_repeats AS SELECT tk_row, first_row, month FROM (
              SELECT tk_row, month, row_number() OVER (PARTITION BY {key} ORDER BY tk_row) AS n,
                     min(tk_row) OVER (PARTITION BY {key}) AS first_row
              FROM checked WHERE tk_problem IS NULL) WHERE n > 1"""
    )
    con.execute(
        """INSERT INTO quarantine SELECT ?, ?, tk_row, 'month', month,
             'the same country and month again (first at row ' || first_row || ')' FROM tk_cm_repeats""",
        [import_id, file],
    )
    repeats = con.execute("SELECT count(*) FROM tk_cm_repeats").fetchall()[0][0]
    con.execute("DELETE FROM checked WHERE tk_problem IS NOT NULL OR tk_row IN (SELECT tk_row FROM tk_cm_repeats)")
    con.execute("DROP TABLE tk_cm_repeats")
    return int(repeats)


def _incoming(con, fmt: AggregateFormat) -> None:
    parts = [
        f"""SELECT {fmt.country} AS country, {fmt.iso3} AS iso3, {fmt.month} AS month, '{measure}' AS measure,
                   CAST(NULLIF(trim({column}), '') AS BIGINT) AS value FROM checked"""
        for measure, column in fmt.measures.items()
    ]
    con.execute(f"CREATE TEMP TABLE tk_cm_incoming AS {' UNION ALL '.join(parts)}")


def _merge(con, dataset: str, version: str, import_id: int, summary: ImportSummary) -> None:
    """New values are added, changed ones replaced (with this import's id and version), the rest kept."""
    match = "c.dataset = ? AND c.country = i.country AND c.month = i.month AND c.measure = i.measure"
    counts = con.execute(
        f"""SELECT count(*) FILTER (WHERE c.month IS NULL),
                   count(*) FILTER (WHERE c.month IS NOT NULL AND c.value IS DISTINCT FROM i.value),
                   count(*) FILTER (WHERE c.month IS NOT NULL AND c.value IS NOT DISTINCT FROM i.value)
            FROM tk_cm_incoming i LEFT JOIN country_month c ON {match}""",
        [dataset],
    ).fetchall()[0]
    summary.inserted, summary.updated, summary.unchanged = (int(n) for n in counts)
    con.execute(
        f"""DELETE FROM country_month c WHERE c.dataset = ? AND EXISTS (
              SELECT 1 FROM tk_cm_incoming i WHERE {match.replace("c.dataset = ? AND ", "")}
              AND c.value IS DISTINCT FROM i.value)""",
        [dataset],
    )
    params: list[Any] = [dataset, version, import_id, dataset]
    con.execute(
        f"""INSERT INTO country_month SELECT ?, ?, i.country, i.iso3, i.month, i.measure, i.value, ?
            FROM tk_cm_incoming i WHERE NOT EXISTS (SELECT 1 FROM country_month c WHERE {match})""",
        params,
    )


def country_month_values(
    con, dataset: str = "ucdp-country-month", measure: str = "fatalities", iso3: str | None = None
) -> list[dict[str, Any]]:
    """The values held for one measure (of one country), by country and month: country, iso3, month
    (its first day), value (None: not measured), dataset_version, import_id."""
    where = "dataset = ? AND measure = ?" + (" AND iso3 = ?" if iso3 else "")
    cursor = con.execute(
        f"""SELECT country, iso3, month, value, dataset_version, import_id FROM country_month
            WHERE {where} ORDER BY country, month""",
        [dataset, measure, *([iso3] if iso3 else [])],
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
