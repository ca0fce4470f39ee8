"""Import a UNHCR table file into `refugee_stats`, in one transaction: rows whose year, country code or
counts are impossible go to quarantine with their row, field and reason; the rest replace the values
held for the same table, year, origin, asylum country and dimensions. The same file imported twice
changes nothing (its SHA-256 is in the import log)."""

from __future__ import annotations

import re
import tempfile
from datetime import datetime
from importlib import resources
from pathlib import Path

from torkham.datasets.accounting import balance
from torkham.datasets.importer import ImportSummary, ensure_dataset_schema, file_sha256
from torkham.errors import TorkhamError
from torkham.refugees.checks import check, clean, merge
from torkham.refugees.reader import Staged, stage_table
from torkham.refugees.tables import TABLES
from torkham.store.db import transaction

_TEMP = ("tk_ref_raw", "tk_ref_long", "tk_ref_bad", "tk_ref_rows", "tk_ref_incoming")


def ensure_refugee_schema(con) -> None:
    ensure_dataset_schema(con)
    con.execute(resources.files("torkham.refugees").joinpath("schema.sql").read_text(encoding="utf-8"))


def import_refugee_file(
    con, path: Path, table: str | None = None, version: str | None = None, shown: str | None = None
) -> ImportSummary:
    """Import one UNHCR table file. `con` is a read-write DuckDB connection; the import is one transaction."""
    label = shown or str(path)
    if not path.is_file():
        raise TorkhamError(f"{path}: no such file")
    ensure_refugee_schema(con)
    sha256 = file_sha256(path)
    previous = con.execute(
        "SELECT import_id, dataset FROM imports WHERE dataset LIKE 'unhcr-%' AND sha256 = ? ORDER BY import_id LIMIT 1",
        [sha256],
    ).fetchone()
    if previous:
        return ImportSummary(label, previous[1], "", "", sha256, already_imported=previous[0])
    with tempfile.TemporaryDirectory(prefix="torkham-") as tmp:
        staged_path = Path(tmp) / "rows.csv"
        staged = stage_table(path, staged_path, label, table)
        summary = ImportSummary(label, TABLES[staged.table].dataset, staged.format, version or "", sha256)
        summary.notes.extend(staged.notes)
        if not summary.version:
            summary.version = _infer_version(staged, summary)
        with transaction(con, _TEMP):
            _run(con, staged, staged_path, summary)
    return summary


def _infer_version(staged: Staged, summary: ImportSummary) -> str:
    """A Data Finder export may say when it was extracted in its notes; else the version is unknown."""
    for line in staged.notes_lines:
        found = re.search(r"\b(\d{4}-\d{2}-\d{2})\b", line)
        if found:
            summary.notes.append(
                f"version 'extracted {found.group(1)}' taken from the notes above the header; pass --version to set it"
            )
            return f"extracted {found.group(1)}"
    summary.notes.append("dataset version unknown; pass --version (e.g. 2025.12.1) to record it")
    return "unknown"


def _run(con, staged: Staged, staged_path: Path, summary: ImportSummary) -> None:
    started = datetime.now()
    import_id = con.execute("SELECT nextval('import_ids')").fetchone()[0]
    summary.import_id = import_id
    spec = "{'tk_row': 'BIGINT', " + ", ".join(f"'{c}': 'VARCHAR'" for c in staged.columns) + "}"
    con.execute(
        f"""CREATE TEMP TABLE tk_ref_raw AS SELECT * FROM read_csv(?, columns = {spec}, header = false,
              auto_detect = false, quote = '"', escape = '"', nullstr = '')""",
        [str(staged_path)],
    )
    con.execute("CREATE TEMP TABLE tk_ref_bad (tk_row BIGINT, field VARCHAR, value VARCHAR, reason VARCHAR)")
    if staged.bad:
        con.executemany("INSERT INTO tk_ref_bad VALUES (?, ?, ?, ?)", staged.bad)
    check(con, staged)
    clean(con, staged)
    con.execute(
        "INSERT INTO quarantine SELECT ?, ?, tk_row, field, value, reason FROM tk_ref_bad", [import_id, summary.file]
    )
    summary.rows_read = staged.rows_read
    summary.quarantined = con.execute("SELECT count(DISTINCT tk_row) FROM tk_ref_bad").fetchone()[0]
    merge(con, summary, import_id, names_given=bool({"coo_name", "coa_name"} & set(staged.headers)))
    stored = con.execute("SELECT count(DISTINCT row_key) FROM tk_ref_incoming").fetchone()[0]
    balance(summary, staged.rows_read, imported=stored)
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [import_id, summary.dataset, summary.version, summary.format, summary.file, summary.sha256, summary.rows_read,
         summary.inserted, summary.updated, summary.unchanged, 0, summary.quarantined, started, datetime.now()],
    )  # fmt: skip


def import_bundled(con, dataset) -> ImportSummary:
    """Import a `kind: refugees` entry of data/bundled.yaml (its dataset id names the table)."""
    table = dataset.dataset.removeprefix("unhcr-").replace("-", "_")
    return import_refugee_file(con, dataset.path, table, dataset.version, shown=f"bundled:{dataset.file}")
