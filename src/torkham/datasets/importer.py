"""Import a dataset file into the events table, in one transaction: rows that cannot be read or
whose values are impossible go to quarantine with their row, field and reason; the rest replace
changed events by their id. A crash or kill mid-import leaves the store as it was."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.datasets.accounting import balance
from torkham.datasets.archive import readable
from torkham.datasets.checked import quarantine_rejects
from torkham.datasets.coverage import event_coverage, insert_coverage, observed
from torkham.datasets.detect import detect_format, file_names
from torkham.datasets.digest import Digest, file_sha256  # noqa: F401  (refugees.importer imports it from here)
from torkham.datasets.formats.base import EVENT_COLUMNS, TableFormat
from torkham.datasets.formats.country_month import AggregateFormat
from torkham.datasets.formats.ucdp import UCDP_CANDIDATE_CSV, UCDP_GED_CSV
from torkham.datasets.incoming import Pass, numbered, present_columns, read_file
from torkham.datasets.memory import MEMORY_LIMIT, room_for_index
from torkham.datasets.set_aside import (
    drop_quarantined,
    quarantine_problems,
    quarantine_repeats,
    quarantine_unreadable,
    skip_metadata,
    warning_notes,
)
from torkham.datasets.versions import is_candidate_version, must_state_version, stated_version, unstated
from torkham.errors import TorkhamError
from torkham.store.db import bounded_memory, transaction

if TYPE_CHECKING:
    from torkham.params import CountryRef, MemorySize


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


def import_file(
    con,
    path: Path,
    format_name: str | None = None,
    version: str | None = None,
    shown: str | None = None,
    countries: tuple[CountryRef, ...] = (),
    memory_limit: MemorySize = MEMORY_LIMIT,
) -> ImportSummary:
    """Import one file. `con` is a read-write DuckDB connection; the import is one transaction.
    `countries`: keep only their rows (the others are counted in `left_out`, not quarantined).
    `memory_limit`: what DuckDB may hold while importing (1 GB unless given); the file may be far larger."""
    if not path.is_file():
        raise TorkhamError(f"{path}: no such file")
    fmt = detect_format(path, format_name)
    if fmt is UCDP_GED_CSV and format_name is None and version and is_candidate_version(version):
        fmt = UCDP_CANDIDATE_CSV
    ensure_dataset_schema(con)
    digest = Digest(con, path, fmt.dataset, background=isinstance(fmt, TableFormat))  # see digest.py
    try:
        summary = ImportSummary(shown or str(path), fmt.dataset, fmt.name, version or "", digest.sha256 or "")
        if digest.previous is None:
            _import(con, path, fmt, summary, countries, memory_limit, digest)
    finally:
        digest.close()
    if digest.previous is not None:  # the same file was imported before: nothing changed
        return ImportSummary(
            summary.file, fmt.dataset, fmt.name, version or "", digest.wait(), already_imported=digest.previous
        )
    return summary


def _import(
    con,
    path: Path,
    fmt: TableFormat | AggregateFormat,
    summary: ImportSummary,
    countries: tuple[CountryRef, ...],
    memory_limit: MemorySize,
    digest: Digest,
) -> None:
    """The import itself, in one transaction, DuckDB held to `memory_limit`."""
    import duckdb

    if not summary.version:
        _stated_version(path, fmt, summary)
    changed = ("preserve_insertion_order", "disabled_optimizers")  # by the import, restored after it
    try:
        with (
            readable(path) as plain,
            bounded_memory(con, f"{memory_limit.bytes}B", changed),
            transaction(con, _TEMP_TABLES),
        ):
            if isinstance(fmt, AggregateFormat):
                from torkham.datasets.country_month import run_aggregate

                run_aggregate(con, plain, fmt, summary, countries)
            else:
                _run(con, plain, fmt, summary, countries, digest)
    except (_ImportedBefore, duckdb.InterruptException):
        digest.wait()
        if digest.previous is None:
            raise
    except duckdb.OutOfMemoryException as exc:
        raise TorkhamError(
            f"{summary.file}: the import needs more memory than the {memory_limit} it may use "
            f"({str(exc).splitlines()[0]}); nothing was imported: allow it more memory and import the file again"
        ) from None


class _ImportedBefore(Exception):
    """The hash of a large file, known once it was read, shows it was imported before: roll back."""


_TEMP_TABLES = (
    "staging",
    "checked",
    "incoming",
    "tk_rejects",
    "tk_rejects_scan",
    "tk_bad",
    "tk_shift",
    "tk_repeats",
    "tk_removed",
    "tk_known",
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


def _run(
    con, path: Path, fmt: TableFormat, summary: ImportSummary, countries: tuple[CountryRef, ...], digest: Digest
) -> None:
    started = datetime.now()
    reading = Pass(fmt, present_columns(path, fmt), infer_version=not summary.version)
    read = _stage(con, path, reading, summary, countries)
    summary.sha256 = digest.wait()
    if digest.previous is not None:
        raise _ImportedBefore
    summary.notes.extend(room_for_index(con, summary.file))
    con.execute("SET preserve_insertion_order = false")  # from here on, row order is the rowid's business
    rows = numbered(con, numbered_by_reader=summary.left_out is not None)
    import_id = con.execute("SELECT nextval('import_ids')").fetchone()[0]
    summary.import_id = import_id
    rejected = quarantine_rejects(con, import_id, summary.file)
    read += rejected
    summary.skipped = skip_metadata(con, fmt, rows)
    if summary.skipped:
        summary.notes.append(f"{summary.file}: row 1 holds HXL hashtags (metadata, not an event): skipped")
    summary.rows_read = read - summary.skipped
    problems = quarantine_problems(con, fmt, rows, import_id, summary.file)
    repeats = quarantine_repeats(con, fmt, reading.id_column, rows, import_id, summary.file)
    drop_quarantined(con, problems, repeats)
    summary.quarantined = rejected + problems + repeats
    summary.notes.extend(warning_notes(con, fmt, rows, summary.file))
    if not summary.version:
        summary.version = _infer_version(con, reading, summary)
    summary.quarantined += quarantine_unreadable(con, rows, import_id, summary.file)
    _merge(con, fmt, import_id, summary)
    balance(summary, read)
    seen = observed(con, "SELECT country, iso3, date_start AS first_day, date_end AS last_day FROM incoming")
    covered = event_coverage(fmt.dataset, summary.version, summary.file, seen, countries)
    insert_coverage(con, import_id, fmt.dataset, summary.version, covered)
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [import_id, fmt.dataset, summary.version, fmt.name, summary.file, summary.sha256, summary.rows_read,
         summary.inserted, summary.updated, summary.unchanged, summary.deleted, summary.quarantined, started, datetime.now()],
    )  # fmt: skip


def _stage(con, path: Path, reading: Pass, summary: ImportSummary, countries: tuple[CountryRef, ...]) -> int:
    """Read the file once into `incoming` (incoming.read); with `countries`, only their rows (the others
    are counted in `left_out`). Returns how many records were read."""
    fmt = reading.fmt
    if countries and fmt.reader != "csv":
        raise TorkhamError(f"{summary.file}: --country filters CSV files only; fetch API pages per country instead")
    keep = None
    if countries:
        optional = {name: (name if name in reading.present else "NULL") for name in fmt.optional_columns}
        keep = keep_sql(fmt.select["country"].format(**optional), fmt.select["iso3"].format(**optional), countries)
    read, summary.left_out = read_file(con, path, reading, summary.file, keep, summary.notes)
    return read


def _infer_version(con, reading: Pass, summary: ImportSummary) -> str:
    fmt = reading.fmt
    if fmt.version_sql:
        renamed = ", ".join(f'tk_v_{c} AS "{c}"' for c in reading.version_columns())
        source = f"(SELECT {renamed} FROM incoming)" if renamed else "incoming"
        rows = con.execute(f"SELECT {fmt.version_sql} FROM {source} LIMIT 1").fetchall()
        found = rows[0][0] if rows else None
        if found:
            if fmt.version_note:
                summary.notes.append(fmt.version_note.format(version=found))
            return str(found)
    if must_state_version(fmt.dataset) and summary.rows_read:
        raise unstated(fmt.dataset, summary.file)
    return "unknown"


def _merge(con, fmt: TableFormat, import_id: int, summary: ImportSummary) -> None:
    """New events are added, changed ones replaced (by id), unchanged ones kept as they are. `tk_known`:
    the incoming ids the store holds already, and whether their content is the same."""
    con.execute(
        """CREATE TEMP TABLE tk_known AS SELECT i.event_id, e.content_hash = i.content_hash AS same
           FROM incoming i JOIN events e ON e.dataset = ? AND e.event_id = i.event_id""",
        [fmt.dataset],
    )
    total, summary.updated, summary.unchanged = (
        int(n)
        for n in con.execute(
            """SELECT (SELECT count(*) FROM incoming), count(*) FILTER (WHERE NOT same),
                      count(*) FILTER (WHERE same) FROM tk_known"""
        ).fetchall()[0]
    )
    summary.inserted = total - summary.updated - summary.unchanged
    if summary.updated:
        con.execute(
            "DELETE FROM events WHERE dataset = ? AND event_id IN (SELECT event_id FROM tk_known WHERE NOT same)",
            [fmt.dataset],
        )
    unchanged = "WHERE i.event_id NOT IN (SELECT event_id FROM tk_known WHERE same)" if summary.unchanged else ""
    columns = ", ".join(EVENT_COLUMNS)
    values = ", ".join("?" if c == "dataset_version" else f"i.{c}" for c in EVENT_COLUMNS)
    con.execute(
        f"""INSERT INTO events (dataset, {columns}, content_hash, import_id)
            SELECT ?, {values}, i.content_hash, ? FROM incoming i {unchanged}""",
        [fmt.dataset, summary.version, import_id],
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
