"""Import a dataset file into the events table, in one transaction: rows that cannot be read or
whose values are impossible go to quarantine with their row, field and reason; the rest replace
changed events by their id. A crash or kill mid-import leaves the store as it was."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.datasets.accounting import balance, hxl_sql, quarantine_unreadable, warning_notes
from torkham.datasets.archive import readable
from torkham.datasets.coverage import event_coverage, insert_coverage, observed
from torkham.datasets.detect import detect_format, file_names
from torkham.datasets.formats.base import EVENT_COLUMNS, TableFormat
from torkham.datasets.formats.country_month import AggregateFormat
from torkham.datasets.formats.ucdp import UCDP_CANDIDATE_CSV, UCDP_GED_CSV
from torkham.datasets.versions import is_candidate_version, must_state_version, stated_version, unstated
from torkham.errors import TorkhamError
from torkham.store.db import transaction

if TYPE_CHECKING:
    from torkham.params import CountryRef


@dataclass
class ImportSummary:
    file: str
    dataset: str
    format: str
    version: str
    sha256: str
    import_id: int | None = None
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    quarantined: int = 0
    already_imported: int | None = None  # the import id that already brought this very file
    left_out: int | None = None  # rows of other countries (--country), when filtered
    skipped: int = 0  # declared metadata rows (the HXL hashtag row): neither events nor quarantined
    refused: str | None = None  # a zip member that could not be imported: why
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        if self.refused is not None:
            return f"{self.file}: refused: {self.refused}"
        if self.already_imported is not None:
            return f"{self.file}: already imported (import #{self.already_imported}); nothing changed"
        text = (
            f"{self.file}: {self.dataset} {self.version}: {self.rows_read:,} rows read, {self.inserted:,} new, "
            f"{self.updated:,} changed, {self.unchanged:,} unchanged, {self.quarantined:,} quarantined"
        )
        if self.deleted:
            text += f", {self.deleted:,} deleted"
        if self.left_out is not None:
            text += f", {self.left_out:,} rows of other countries left out (--country)"
        return text + (" (see 'torkham quarantine')" if self.quarantined else "")


def ensure_dataset_schema(con) -> None:
    """Create the dataset tables if needed, and cover imports made before coverage was recorded."""
    from torkham.datasets.coverage import backfill_coverage

    con.execute(resources.files("torkham.datasets").joinpath("schema.sql").read_text(encoding="utf-8"))
    backfill_coverage(con)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def import_file(
    con,
    path: Path,
    format_name: str | None = None,
    version: str | None = None,
    shown: str | None = None,
    countries: tuple[CountryRef, ...] = (),
) -> ImportSummary:
    """Import one file. `con` is a read-write DuckDB connection; the import is one transaction.
    `countries`: keep only their rows (the others are counted in `left_out`, not quarantined)."""
    if not path.is_file():
        raise TorkhamError(f"{path}: no such file")
    fmt = detect_format(path, format_name)
    if fmt is UCDP_GED_CSV and format_name is None and version and is_candidate_version(version):
        fmt = UCDP_CANDIDATE_CSV
    ensure_dataset_schema(con)
    summary = ImportSummary(shown or str(path), fmt.dataset, fmt.name, version or "", file_sha256(path))
    previous = con.execute(
        "SELECT import_id FROM imports WHERE dataset = ? AND sha256 = ? ORDER BY import_id LIMIT 1",
        [fmt.dataset, summary.sha256],
    ).fetchall()
    if previous:
        summary.already_imported = previous[0][0]
        return summary
    if not summary.version:
        _stated_version(path, fmt, summary)
    with readable(path) as plain, transaction(con, _TEMP_TABLES):
        if isinstance(fmt, AggregateFormat):
            from torkham.datasets.country_month import run_aggregate

            run_aggregate(con, plain, fmt, summary, countries)
        else:
            _run(con, plain, fmt, summary, countries)
    return summary


_TEMP_TABLES = (
    "staging",
    "checked",
    "incoming",
    "tk_rejects",
    "tk_rejects_scan",
    "tk_bad",
    "tk_shift",
    "tk_cm_incoming",
)


def _stated_version(path: Path, fmt: TableFormat | AggregateFormat, summary: ImportSummary) -> None:
    """The version the file states before it is read; refuses a UCDP file that states none."""
    found = stated_version(fmt.dataset, file_names(path), summary.sha256)
    if found:
        summary.version = found[0]
        summary.notes.extend([found[1]] if found[1] else [])
    elif must_state_version(fmt.dataset) and not (isinstance(fmt, TableFormat) and fmt.version_sql):
        raise unstated(fmt.dataset, summary.file)


def keep_sql(country: str, iso3: str, countries: tuple[CountryRef, ...]) -> str | None:
    """SQL true for a row of one of `countries` (None: keep every row)."""
    if not countries:
        return None
    spellings = sorted({s for ref in countries for s in ref.spellings})
    listed = ", ".join("'" + s.replace("'", "''") + "'" for s in spellings)
    return f"(lower(trim({country})) IN ({listed}) OR lower(trim({iso3})) IN ({listed}))"


def _run(con, path: Path, fmt: TableFormat, summary: ImportSummary, countries: tuple[CountryRef, ...] = ()) -> None:
    started = datetime.now()
    _stage(con, path, fmt, summary, countries)
    present = {row[0] for row in con.execute("SELECT column_name FROM (DESCRIBE staging)").fetchall()}
    import_id = con.execute("SELECT nextval('import_ids')").fetchone()[0]
    summary.import_id = import_id
    rejected = _quarantine_rejects(con, import_id, summary.file)
    read = _check(con, fmt, present, summary) + rejected
    summary.rows_read = con.execute("SELECT count(*) FROM checked").fetchone()[0] + rejected
    summary.quarantined = rejected + _quarantine_checked(con, fmt, import_id, summary.file)
    summary.notes.extend(warning_notes(con, fmt.warnings, summary.file))
    if not summary.version:
        summary.version = _infer_version(con, fmt, summary)
    _incoming(con, fmt, present, summary.version)
    summary.quarantined += quarantine_unreadable(con, import_id, summary.file)
    _merge(con, fmt, import_id, summary)
    balance(summary, read)
    seen = observed(con, "SELECT country, iso3, date_start AS first_day, date_end AS last_day FROM incoming")
    rows = event_coverage(fmt.dataset, summary.version, summary.file, seen, countries)
    insert_coverage(con, import_id, fmt.dataset, summary.version, rows)
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [import_id, fmt.dataset, summary.version, fmt.name, summary.file, summary.sha256, summary.rows_read,
         summary.inserted, summary.updated, summary.unchanged, summary.deleted, summary.quarantined, started, datetime.now()],
    )  # fmt: skip


def _stage(con, path: Path, fmt: TableFormat, summary: ImportSummary, countries: tuple[CountryRef, ...]) -> None:
    """Read the file into `staging`, its unreadable records into `tk_bad` (see formats/readers.py); with
    `countries`, only their rows (and count the others)."""
    from torkham.datasets.formats.readers import csv_columns, left_out, stage

    keep = None
    if countries and fmt.reader == "csv":
        header = set(csv_columns(path, fmt))
        optional = {name: (name if name in header else "NULL") for name in fmt.optional_columns}
        keep = keep_sql(fmt.select["country"].format(**optional), fmt.select["iso3"].format(**optional), countries)
    elif countries:
        raise TorkhamError(f"{summary.file}: --country filters CSV files only; fetch API pages per country instead")
    summary.notes.extend(stage(con, path, fmt, summary.file, keep))
    if keep is not None:
        summary.left_out = left_out(con)


def _quarantine_rejects(con, import_id: int, file: str) -> int:
    """Records that could not be read: wrong field count, bad quoting, bytes that are not UTF-8, cut off."""
    con.execute("INSERT INTO quarantine SELECT ?, ?, tk_row, field, value, reason FROM tk_bad", [import_id, file])
    return con.execute("SELECT count(DISTINCT tk_row) FROM tk_bad").fetchone()[0]


def _check(con, fmt: TableFormat | AggregateFormat, present: set[str], summary: ImportSummary) -> int:
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
    staged = con.execute("SELECT count(*) FROM staging").fetchall()[0][0]
    summary.skipped = staged - con.execute("SELECT count(*) FROM checked").fetchall()[0][0]
    if summary.skipped:
        summary.notes.append(f"{summary.file}: row 1 holds HXL hashtags (metadata, not an event): skipped")
    return int(staged)


def _quarantine_checked(con, fmt: TableFormat, import_id: int, file: str) -> int:
    bad = _quarantine_problems(con, fmt, import_id, file)
    con.execute(
        f"""INSERT INTO quarantine SELECT ?, ?, tk_row, '{fmt.id_column}', id_value,
            'duplicate id within the file (first at row ' || first_row || ')' FROM (
              SELECT tk_row, trim({fmt.id_column}) AS id_value,
                     row_number() OVER (PARTITION BY trim({fmt.id_column}) ORDER BY tk_row) AS n,
                     min(tk_row) OVER (PARTITION BY trim({fmt.id_column})) AS first_row
              FROM checked WHERE tk_problem IS NULL) WHERE n > 1""",
        [import_id, file],
    )
    dup = con.execute(
        "SELECT count(*) FROM quarantine WHERE import_id = ? AND reason LIKE 'duplicate id within the file%'",
        [import_id],
    ).fetchall()[0][0]
    con.execute(
        f"""DELETE FROM checked WHERE tk_problem IS NOT NULL OR tk_row IN (
            SELECT tk_row FROM (SELECT tk_row, row_number() OVER (PARTITION BY trim({fmt.id_column}) ORDER BY tk_row) AS n
            FROM checked WHERE tk_problem IS NULL) WHERE n > 1)"""
    )
    return bad + dup


def _quarantine_problems(con, fmt: TableFormat | AggregateFormat, import_id: int, file: str) -> int:
    """Rows a check of the format found bad go to quarantine (they stay in `checked`, flagged)."""
    fields = ", ".join(f"'{c.field}'" for c in fmt.checks)
    reasons = ", ".join("'" + c.reason.replace("'", "''") + "'" for c in fmt.checks)
    values = " ".join(f"WHEN {i} THEN {c.field}" for i, c in enumerate(fmt.checks))
    con.execute(
        f"""INSERT INTO quarantine SELECT ?, ?, tk_row, [{fields}][tk_problem + 1], CASE tk_problem {values} END,
            [{reasons}][tk_problem + 1] FROM checked WHERE tk_problem IS NOT NULL""",
        [import_id, file],
    )
    return con.execute("SELECT count(*) FROM checked WHERE tk_problem IS NOT NULL").fetchall()[0][0]


def _infer_version(con, fmt: TableFormat, summary: ImportSummary) -> str:
    if fmt.version_sql:
        rows = con.execute(f"SELECT {fmt.version_sql} FROM checked").fetchall()
        found = rows[0][0] if rows else None
        if found:
            if fmt.version_note:
                summary.notes.append(fmt.version_note.format(version=found))
            return str(found)
    if must_state_version(fmt.dataset) and summary.rows_read:
        raise unstated(fmt.dataset, summary.file)
    return "unknown"


def _incoming(con, fmt: TableFormat, present: set[str], version: str) -> None:
    optional = {name: (name if name in present else "NULL") for name in fmt.optional_columns}
    select = dict(fmt.select)
    select["dataset_version"] = "?"
    expressions = ", ".join(f"{select[c].format(**optional)} AS {c}" for c in EVENT_COLUMNS)
    content = ", ".join(c for c in EVENT_COLUMNS if c != "dataset_version")
    con.execute(
        f"""CREATE TEMP TABLE incoming AS SELECT *, hash({content}) AS content_hash
            FROM (SELECT tk_row, {expressions} FROM checked)""",
        [version],
    )


def _merge(con, fmt: TableFormat, import_id: int, summary: ImportSummary) -> None:
    counts = con.execute(
        """SELECT count(*) FILTER (WHERE e.event_id IS NULL), count(*) FILTER (WHERE e.content_hash <> i.content_hash),
                  count(*) FILTER (WHERE e.content_hash = i.content_hash)
           FROM incoming i LEFT JOIN events e ON e.dataset = ? AND e.event_id = i.event_id""",
        [fmt.dataset],
    ).fetchone()
    summary.inserted, summary.updated, summary.unchanged = counts
    con.execute(
        """DELETE FROM events WHERE dataset = ? AND event_id IN (
             SELECT i.event_id FROM incoming i JOIN events e ON e.dataset = ? AND e.event_id = i.event_id
             WHERE e.content_hash <> i.content_hash)""",
        [fmt.dataset, fmt.dataset],
    )
    columns = ", ".join(EVENT_COLUMNS)
    con.execute(
        f"""INSERT INTO events (dataset, {columns}, content_hash, import_id)
            SELECT ?, {", ".join("i." + c for c in EVENT_COLUMNS)}, i.content_hash, ? FROM incoming i
            WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.dataset = ? AND e.event_id = i.event_id)""",
        [fmt.dataset, import_id, fmt.dataset],
    )


def apply_deletions(con, dataset: str, event_ids: list[str]) -> int:
    """Remove events a dataset has withdrawn (ACLED's deletions); returns how many were held."""
    if not event_ids:
        return 0
    held = con.execute(
        "SELECT count(*) FROM events WHERE dataset = ? AND event_id IN (SELECT unnest(?))", [dataset, event_ids]
    ).fetchone()[0]
    con.execute("DELETE FROM events WHERE dataset = ? AND event_id IN (SELECT unnest(?))", [dataset, event_ids])
    return held
