"""Fetch ACLED events from the ACLED API: OAuth password grant, `/api/acled/read` page by page
(incremental by `timestamp` after the first fetch), `/api/deleted/read` for the events ACLED withdrew.
Pages are saved as CSV with ACLED's 31 columns beside the store, imported as `acled-csv`, and the
deletions applied in the same write session."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from torkham.datasets.fetch.acled_api import AcledAuth, AcledQuery, get_page
from torkham.datasets.fetch.http import RetryPolicy
from torkham.datasets.fetch.report import FetchReport, Reporter, import_pages
from torkham.datasets.fetch.state import FetchFolder, fetch_root, get_value, set_value
from torkham.errors import TorkhamError
from torkham.store.db import transaction

FORMAT = "acled-csv"
MAX_PAGES = 10_000  # a bound on each paging loop (50 M rows at 5,000 a page)
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip
CREDENTIALS_HELP = (
    "the ACLED API needs your myACLED account (register at https://acleddata.com); "
    "set it with: export ACLED_EMAIL=<e-mail> ACLED_PASSWORD=<password>"
)


def acled_credentials() -> tuple[str, str]:
    from torkham.config import Settings

    fetch = Settings.load().fetch
    email, password = fetch.acled_email, fetch.acled_password
    missing = [name for name, value in (("ACLED_EMAIL", email), ("ACLED_PASSWORD", password)) if not value]
    if missing:
        raise TorkhamError(
            f"{' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set: {CREDENTIALS_HELP}"
        )
    return email, password


def fetch_acled(
    query: AcledQuery,
    db_path: Path,
    open_store: Callable[[], AbstractContextManager],
    reporter: Reporter | None = None,
    policy: RetryPolicy | None = None,
    after_import: Callable[[Any], None] | None = None,
) -> FetchReport:
    """Fetch what changed since the last fetch of this query (all of it the first time), import it and
    apply ACLED's deletions. An interrupted run resumes from its last saved page."""
    reporter = reporter or Reporter()
    policy = policy or RetryPolicy.from_env()
    email, password = acled_credentials()
    store_key = query.store_key()
    with open_store() as con:
        last = get_value(con, "acled", store_key)
    cutoff = int(last) if last and last.isdigit() else None
    folder = FetchFolder(fetch_root(db_path), "acled", {**query.key(), "timestamp": cutoff}, "csv")
    state = folder.load()
    if folder.resumed:
        reporter.note(f"resuming after page {folder.resumed} (saved by an earlier run in {folder.path})")
    if "until" not in state:
        folder.save(until=date.today().isoformat(), version=f"api-{date.today().isoformat()}")
    auth = AcledAuth(query.base_url, email, password, policy)
    _download_events(query, cutoff, folder, auth, policy, reporter)
    if cutoff is not None:
        _download_deletions(query, cutoff, folder, auth, policy, reporter)
    report = FetchReport("acled", query.describe() + (f", changed since timestamp {cutoff}" if cutoff else ""))
    report.pages, report.rows_fetched, report.resumed = int(state["pages"]), int(state["rows"]), folder.resumed
    from torkham.datasets.formats import FORMATS

    if FORMAT not in FORMATS:
        raise TorkhamError(f"this torkham cannot import ACLED CSV yet (format '{FORMAT}' is missing); the {report.pages} page(s) stay in {folder.path}")  # fmt: skip
    with open_store() as con:
        import_pages(con, folder, FORMAT, state["version"], report, reporter)
        _apply_deletions(con, folder, report, store_key, cutoff)
        if after_import is not None:
            after_import(con)
    folder.remove()
    return report


def _download_events(query, cutoff, folder: FetchFolder, auth: AcledAuth, policy, reporter: Reporter) -> None:
    state = folder.state
    reporter.start("downloading", None)
    reporter.advance(int(state["pages"]), None, int(state["rows"]))
    for _ in range(MAX_PAGES):
        if state.get("events_done"):
            return
        page = int(state.get("api_page", 1))
        params = query.read_params(page, cutoff, state["until"])
        rows = get_page(auth, policy, f"{query.base_url}/api/acled/read", params, folder, f"page {page}")
        done = len(rows) < query.pagesize
        if rows:
            newest = max([_timestamp(r) for r in rows] + [int(state.get("max_timestamp") or 0)])
            folder.add_page(_csv(rows), len(rows), api_page=page + 1, events_done=done, max_timestamp=newest)
        else:
            folder.save(api_page=page + 1, events_done=True)
        reporter.advance(int(state["pages"]), None, int(state["rows"]))
    raise TorkhamError(f"ACLED API: more than {MAX_PAGES:,} pages; stopped (pages saved in {folder.path})")


def _download_deletions(query, cutoff: int, folder: FetchFolder, auth: AcledAuth, policy, reporter) -> None:
    state = folder.state
    reporter.start("deletions", None)
    for _ in range(MAX_PAGES):
        if state.get("deletions_done"):
            return
        page = int(state.get("deleted_page", 1))
        params = {"deleted_timestamp": cutoff, "limit": query.pagesize, "page": page}
        rows = get_page(auth, policy, f"{query.base_url}/api/deleted/read", params, folder, f"deletions page {page}")
        ids = list(state.get("deleted", [])) + [str(r.get("event_id_cnty", "")).strip() for r in rows]
        folder.save(deleted=[i for i in ids if i], deleted_page=page + 1, deletions_done=len(rows) < query.pagesize)
        reporter.advance(page, None, len(ids))
    raise TorkhamError(f"ACLED API: more than {MAX_PAGES:,} pages of deletions; stopped")


def _apply_deletions(con, folder: FetchFolder, report: FetchReport, store_key: str, cutoff: int | None) -> None:
    """Deletions, the import-log line that records them and the new timestamp: one transaction."""
    from torkham.datasets.importer import apply_deletions

    fetched = _fetched_ids(folder)
    ids = sorted({i for i in folder.state.get("deleted", []) if i not in fetched})
    newest = max(int(folder.state.get("max_timestamp") or 0), cutoff or 0)
    with transaction(con):
        if ids:
            started = datetime.now()
            report.deleted = apply_deletions(con, "acled", ids)
            digest = hashlib.sha256("\n".join(["acled-deletions", *ids]).encode()).hexdigest()
            con.execute(
                """INSERT INTO imports (import_id, dataset, dataset_version, format, file, sha256, rows_read, inserted,
                   updated, unchanged, deleted, quarantined, started_at, finished_at)
                   VALUES (nextval('import_ids'), 'acled', ?, 'acled-deletions', ?, ?, ?, 0, 0, 0, ?, 0, ?, ?)""",
                [folder.state["version"], f"fetch:{folder.path.name}/deletions", digest, len(ids), report.deleted,
                 started, datetime.now()],
            )  # fmt: skip
        if newest:
            set_value(con, "acled", store_key, str(newest))


def _fetched_ids(folder: FetchFolder) -> set[str]:
    """Ids present in this fetch's pages: an event ACLED lists again is alive, whatever the deletions say."""
    ids: set[str] = set()
    for path in folder.pages():
        with path.open(encoding="utf-8", newline="") as handle:
            ids.update(row["event_id_cnty"] for row in csv.DictReader(handle))
    return ids


def _timestamp(row: dict) -> int:
    try:
        return int(float(str(row.get("timestamp") or 0)))
    except ValueError:
        return 0


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in ACLED_COLUMNS])
    return out.getvalue().encode("utf-8")
