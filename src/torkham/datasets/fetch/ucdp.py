"""Fetch UCDP GED events from the UCDP API (`/api/gedevents/{version}`), page by page, following
`NextPageUrl`; pages are saved beside the store as they arrive, then imported as `ucdp-ged-api`."""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from torkham.datasets.fetch.http import HttpError, RetryPolicy, Unreachable, check_base_url, request, same_origin
from torkham.datasets.fetch.report import FetchReport, Reporter, import_pages
from torkham.datasets.fetch.state import FetchFolder, fetch_root, get_value, now, query_hash, set_value
from torkham.errors import TorkhamError

UCDP_URL = "https://ucdpapi.pcr.uu.se"
FORMAT = "ucdp-ged-api"
TOKEN_HELP = "request a token from UCDP (see https://ucdp.uu.se/apidocs/), then run: export UCDP_TOKEN=<your token>"  # noqa: S105 (help text, no secret)
MAX_PAGES = 100_000  # a bound on the paging loop: the whole GED is under 500 pages of 1,000 events
# Gleditsch–Ward country codes, as UCDP's `Country` filter takes them.
GW_CODES = {
    "afghanistan": 700, "turkmenistan": 701, "tajikistan": 702, "kyrgyzstan": 703, "uzbekistan": 704,
    "kazakhstan": 705, "china": 710, "india": 750, "pakistan": 770, "bangladesh": 771, "iran": 630,
}  # fmt: skip
_NAMES = {code: name.title() for name, code in GW_CODES.items()}
_VERSION = re.compile(r"^\d{2}\.\d{1,2}(\.\d{1,2})?$")
_QUOTA = re.compile(r"quota|limit|too many|5[,.]?000", re.IGNORECASE)


@dataclass(frozen=True)
class UcdpQuery:
    version: str
    countries: tuple[int, ...]
    since: str | None
    pagesize: int
    base_url: str

    def first_url(self) -> str:
        params: dict[str, Any] = {"pagesize": self.pagesize, "page": 0}  # UCDP counts pages from 0
        if self.countries:
            params["Country"] = ",".join(str(c) for c in self.countries)
        if self.since:
            params["StartDate"] = self.since
        query = urllib.parse.urlencode(params, safe=",")
        return f"{self.base_url}/api/gedevents/{urllib.parse.quote(self.version)}?{query}"

    def key(self) -> dict[str, Any]:
        return {
            "source": "ucdp", "version": self.version, "countries": sorted(self.countries), "since": self.since,
            "pagesize": self.pagesize, "base_url": self.base_url,
        }  # fmt: skip

    def describe(self) -> str:
        places = ", ".join(_NAMES.get(c, f"GW {c}") for c in self.countries) or "all countries"
        return places + (f" since {self.since}" if self.since else "")


def ucdp_query(
    version: str | None, country: str | None, since: str | None, pagesize: int, base_url: str | None
) -> UcdpQuery:
    """The query the options describe, or a TorkhamError naming the option to fix."""
    if not version:
        raise TorkhamError("--version is required: the GED release to fetch, e.g. 25.1 (or 25.0.3 for a monthly Candidate release)")  # fmt: skip
    if not _VERSION.match(version.strip()):
        raise TorkhamError(f"--version: '{version}' is not a UCDP GED version; give e.g. 25.1 (yearly release) or 25.0.3 (monthly Candidate release)")  # fmt: skip
    if not 1 <= pagesize <= 1000:
        raise TorkhamError(f"--pagesize: {pagesize} is out of range; UCDP serves 1 to 1000 events a page")
    from torkham.config import Settings

    base = base_url or Settings.load().fetch.ucdp_url or UCDP_URL
    return UcdpQuery(
        version.strip(),
        parse_countries(country),
        check_date(since, "--since"),
        pagesize,
        check_base_url(base, "--base-url" if base_url else "TORKHAM_UCDP_URL"),
    )


def parse_countries(text: str | None) -> tuple[int, ...]:
    codes: list[int] = []
    for item in (text or "").split(","):
        name = item.strip()
        if not name:
            continue
        code = int(name) if name.isdigit() else GW_CODES.get(name.lower())
        if code is None:
            known = ", ".join(sorted(_NAMES.values()))
            raise TorkhamError(f"--country: unknown country '{name}'; give its Gleditsch–Ward code (e.g. 770 for Pakistan) or one of: {known}")  # fmt: skip
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def check_date(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise TorkhamError(f"{option}: '{value}' is not a date; give it as YYYY-MM-DD, e.g. 2021-01-01") from None


def ucdp_token() -> str:
    from torkham.config import Settings

    token = Settings.load().fetch.ucdp_token
    if not token:
        raise TorkhamError(f"UCDP_TOKEN is not set: the UCDP API needs an access token; {TOKEN_HELP}")
    return token


def fetch_ucdp(
    query: UcdpQuery,
    db_path: Path,
    open_store: Callable[[], AbstractContextManager],
    reporter: Reporter | None = None,
    refresh: bool = False,
    policy: RetryPolicy | None = None,
    after_import: Callable[[Any], None] | None = None,
) -> FetchReport:
    """Download the query's pages (resuming an interrupted run), then import them. The store is opened
    briefly before and after the download, never held while waiting on the network."""
    reporter = reporter or Reporter()
    policy = policy or RetryPolicy.from_env()
    token = ucdp_token()
    report = FetchReport(f"ucdp-ged {query.version}", query.describe())
    state_key = f"query:{query_hash(query.key())}"
    with open_store() as con:
        done = get_value(con, "ucdp", state_key)
    folder = FetchFolder(fetch_root(db_path), f"ucdp-{query.version}", query.key(), "json")
    if done and not refresh and not folder.state_file.exists():
        report.up_to_date = True
        return report
    state = folder.load(fresh=refresh)
    report.resumed = folder.resumed
    if folder.resumed and not state.get("complete"):
        reporter.note(f"resuming after page {folder.resumed} (saved by an earlier run in {folder.path})")
    elif folder.resumed:
        reporter.note(f"importing the {folder.resumed} page(s) an earlier run saved in {folder.path}")
    download_pages(query, folder, token, policy, reporter)
    report.pages, report.rows_fetched = int(state["pages"]), int(state["rows"])
    from torkham.datasets.formats import FORMATS

    if FORMAT not in FORMATS:
        raise TorkhamError(f"this torkham cannot import UCDP API pages yet (format '{FORMAT}' is missing); the {report.pages} page(s) stay in {folder.path}")  # fmt: skip
    with open_store() as con:
        import_pages(con, folder, FORMAT, query.version, report, reporter)
        summary = {"finished": now(), "pages": report.pages, "rows": report.rows_fetched, "query": query.key()}
        con.execute("BEGIN TRANSACTION")
        set_value(con, "ucdp", state_key, json.dumps(summary, sort_keys=True))
        con.execute("COMMIT")
        if after_import is not None:
            after_import(con)
    folder.remove()
    return report


def download_pages(
    query: UcdpQuery, folder: FetchFolder, token: str, policy: RetryPolicy, reporter: Reporter | None = None
) -> None:
    """Fetch the pages not saved yet, following NextPageUrl; refusals and exhausted retries stop with a
    message saying what is saved and how to resume."""
    reporter = reporter or Reporter()
    state = folder.state
    url = state.get("next") or query.first_url()
    reporter.start("downloading", state.get("total_pages"))
    reporter.advance(int(state["pages"]), state.get("total_pages"), int(state["rows"]))
    for _ in range(MAX_PAGES):
        if state.get("complete"):
            return
        try:
            response = request("GET", url, policy, headers={"x-ucdp-access-token": token}, parse=_ged_page)
        except HttpError as exc:
            raise TorkhamError(_refusal(exc, folder)) from None
        except Unreachable as exc:
            raise TorkhamError(
                f"UCDP API ({query.base_url}): page {int(state['pages']) + 1} failed {exc.attempts} time(s), last: {exc.reason}; {_saved(folder)}"
            ) from None
        page = response.data
        rows = len(page["Result"])
        following = str(page.get("NextPageUrl") or "").strip()
        following = same_origin(following, query.base_url) if following else ""
        if following == url:
            raise TorkhamError(f"UCDP API: page {int(state['pages']) + 1} points to itself as the next page; stopped ({_saved(folder)})")  # fmt: skip
        extra = {"next": following, "complete": not following, "total_pages": page.get("TotalPages"),
                 "total_count": page.get("TotalCount")}  # fmt: skip
        if rows:
            folder.add_page(response.body, rows, **extra)
        else:
            folder.save(**extra)
        reporter.advance(int(state["pages"]), _int(page.get("TotalPages")), int(state["rows"]))
        url = following
    raise TorkhamError(f"UCDP API: more than {MAX_PAGES:,} pages; stopped ({_saved(folder)})")


def _ged_page(body: bytes) -> dict:
    """A GED API page, or ValueError (the request is retried: a cut-off page is not valid JSON)."""
    page = json.loads(body.decode("utf-8"))
    if not isinstance(page, dict) or not isinstance(page.get("Result"), list):
        raise ValueError("not a GED page: no Result list")
    return page


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _saved(folder: FetchFolder) -> str:
    pages = int(folder.state.get("pages", 0))
    if not pages:
        return "no page was saved; run the same command again to retry"
    return f"{pages} page(s) are saved in {folder.path}; run the same command again to resume from page {pages + 1}"


def _refusal(exc: HttpError, folder: FetchFolder) -> str:
    response = exc.response
    said = f"HTTP {response.status}" + (f": {response.text()}" if response.text() else "")
    if response.status == 429 or (response.status == 403 and _QUOTA.search(response.text())):
        pages = int(folder.state.get("pages", 0))
        where = f"{pages} page(s) are saved in {folder.path}" if pages else "no page was saved yet"
        return (
            f"UCDP refused the request: request quota reached (UCDP allows 5,000 requests a day) ({said}). "
            f"{where}; run the same command again later and it resumes from page {pages + 1}"
        )
    if response.status in (401, 403):
        return f"UCDP rejected the access token in UCDP_TOKEN ({said}); check it, or {TOKEN_HELP}"
    if response.status == 404:
        return f"UCDP API has no such resource ({said}); check --version (e.g. 25.1, or 25.0.3 for a Candidate release) and --base-url"  # fmt: skip
    return f"UCDP API refused the request ({said}); {_saved(folder)}"
