"""Apply a dataset's deletions file: ACLED withdraws events and lists them (its `deleted` endpoint,
exported as CSV `event_id_cnty,deleted_timestamp`). One transaction: the events go, the file is
logged in `imports` (with the count deleted), bad rows go to quarantine. The same file twice
changes nothing."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from torkham.datasets.importer import ImportSummary, apply_deletions, ensure_dataset_schema, file_sha256
from torkham.errors import TorkhamError
from torkham.store.db import transaction

DELETIONS_FORMAT = "acled-deletions"
ID_COLUMN, TIME_COLUMN = "event_id_cnty", "deleted_timestamp"


def apply_deletions_file(con, path: Path, dataset: str = "acled", shown: str | None = None) -> ImportSummary:
    """Delete the events a deletions CSV lists. Returns the summary of the logged import."""
    from torkham.datasets.detect import first_line, split_header

    shown = shown or str(path)
    if not path.is_file():
        raise TorkhamError(f"{shown}: no such file")
    header = [re.sub(r"\W", "_", h.strip().lower()) for h in split_header(first_line(path), ",")]
    if ID_COLUMN not in header:
        raise TorkhamError(
            f"{shown}: not an ACLED deletions file: expected a CSV with the columns {ID_COLUMN},{TIME_COLUMN} "
            f"(its header is: {', '.join(header[:6]) or 'empty'})"
        )
    ensure_dataset_schema(con)
    summary = ImportSummary(shown, dataset, DELETIONS_FORMAT, "", file_sha256(path))
    previous = con.execute(
        "SELECT import_id FROM imports WHERE dataset = ? AND sha256 = ? ORDER BY import_id LIMIT 1",
        [dataset, summary.sha256],
    ).fetchone()
    if previous:
        summary.already_imported = previous[0]
        return summary
    with transaction(con, ("tk_deleted", "tk_rejects", "tk_rejects_scan")):
        _apply(con, path, header, summary)
    return summary


def _apply(con, path: Path, header: list[str], summary: ImportSummary) -> None:
    started = datetime.now()
    import_id = summary.import_id = con.execute("SELECT nextval('import_ids')").fetchone()[0]
    names = [name or f"column_{i}" for i, name in enumerate(header)]
    columns = "{" + ", ".join(f"'{name}': 'VARCHAR'" for name in names) + "}"
    con.execute(
        f"""CREATE TEMP TABLE tk_deleted AS SELECT * FROM read_csv(?, columns = {columns}, header = true,
              delim = ',', quote = '"', escape = '"', auto_detect = false, strict_mode = true, ignore_errors = true,
              store_rejects = true, rejects_table = 'tk_rejects', rejects_scan = 'tk_rejects_scan')""",
        [str(path)],
    )
    has_time = TIME_COLUMN in header
    stamp = f"TRY_CAST(trim({TIME_COLUMN}) AS BIGINT)" if has_time else "NULL"
    bad_time = f"NULLIF(trim({TIME_COLUMN}), '') IS NOT NULL AND {stamp} IS NULL" if has_time else "false"
    con.execute(
        f"""INSERT INTO quarantine
            SELECT ?, ?, line - 1, column_name, left(csv_line, 500), 'unreadable row: ' || error_message FROM tk_rejects
            UNION ALL
            SELECT ?, ?, n, field, value, reason FROM (
              SELECT rowid - (SELECT min(rowid) FROM tk_deleted) + 1 AS n,
                CASE WHEN NULLIF(trim({ID_COLUMN}), '') IS NULL THEN '{ID_COLUMN}' ELSE '{TIME_COLUMN}' END AS field,
                CASE WHEN NULLIF(trim({ID_COLUMN}), '') IS NULL THEN NULL ELSE {TIME_COLUMN if has_time else "NULL"} END AS value,
                CASE WHEN NULLIF(trim({ID_COLUMN}), '') IS NULL THEN 'missing event id' ELSE 'not a Unix timestamp' END AS reason
              FROM tk_deleted WHERE NULLIF(trim({ID_COLUMN}), '') IS NULL OR ({bad_time}))""",
        [import_id, summary.file, import_id, summary.file],
    )
    summary.quarantined = con.execute("SELECT count(*) FROM quarantine WHERE import_id = ?", [import_id]).fetchone()[0]
    summary.rows_read = (
        con.execute("SELECT count(*) FROM tk_deleted").fetchone()[0]
        + con.execute("SELECT count(DISTINCT line) FROM tk_rejects").fetchone()[0]
    )
    ids, latest = con.execute(
        f"""SELECT list(DISTINCT trim({ID_COLUMN})), max({stamp}) FROM tk_deleted
            WHERE NULLIF(trim({ID_COLUMN}), '') IS NOT NULL AND NOT ({bad_time})"""
    ).fetchone()
    summary.deleted = apply_deletions(con, summary.dataset, ids or [])
    summary.version = datetime.fromtimestamp(latest, tz=UTC).date().isoformat() if latest else "unknown"
    con.execute(
        "INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [import_id, summary.dataset, summary.version, DELETIONS_FORMAT, summary.file, summary.sha256, summary.rows_read,
         0, 0, 0, summary.deleted, summary.quarantined, started, datetime.now()],
    )  # fmt: skip
