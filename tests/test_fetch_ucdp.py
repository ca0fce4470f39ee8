"""`torkham fetch ucdp` against a local fake of the UCDP API: paging, token, errors, quota, dropped
connections, resume after an interruption, and the events in the store. Nothing touches the internet."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from fakes.server import Reply
from fakes.ucdp_api import TOKEN, FakeUcdp, ged_event, page_number
from torkham.datasets.fetch.http import RetryPolicy
from torkham.datasets.fetch.state import FetchFolder, fetch_root
from torkham.datasets.fetch.ucdp import download_pages, ucdp_query
from torkham.errors import TorkhamError

RETRIES = 3
# Ids far above the bundled Pakistan extract's, so the store tells fetched events apart.
EVENTS = [ged_event(9_000_001 + i, 770 if i % 2 else 700, f"2023-0{1 + i}-10", best=i + 1) for i in range(5)]
EVENTS[4]["side_b"] = "Tehreek-e-Taliban Pakistan"  # a spelling only an alias of the knowledge base knows
EVENTS.append(ged_event(9_000_100, 770, "2019-06-01"))  # before --since


@pytest.fixture(autouse=True)
def fetch_env(monkeypatch):
    monkeypatch.setenv("UCDP_TOKEN", TOKEN)
    monkeypatch.setenv("TORKHAM_FETCH_RETRIES", str(RETRIES))
    monkeypatch.setenv("TORKHAM_FETCH_BACKOFF", "0.01")
    monkeypatch.setenv("TORKHAM_FETCH_TIMEOUT", "5")
    monkeypatch.delenv("TORKHAM_UCDP_URL", raising=False)


@pytest.fixture
def api():
    with FakeUcdp(EVENTS) as fake:
        yield fake


def fetch(mini, api, *extra: str):
    return mini("fetch", "ucdp", "--version", "25.1", "--country", "Pakistan,700", "--since", "2023-01-01",
                "--pagesize", "2", "--base-url", api.url, *extra)  # fmt: skip


def folder_of(db_path: Path) -> Path:
    return next(fetch_root(db_path).glob("ucdp-25.1-*"))


def fetched(db_path: Path) -> dict[str, tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute(
            "SELECT event_id, dataset_version, country, actor2, fatalities_best FROM events "
            "WHERE dataset = 'ucdp-ged' AND event_id LIKE '90%' ORDER BY event_id"
        ).fetchall()
    finally:
        con.close()
    return {r[0]: r[1:] for r in rows}


# --- what is asked of the API


def test_the_query_follows_next_page_url_with_token_filters_and_page_size(mini, api):
    result = fetch(mini, api)
    pages = api.calls("/api/gedevents/25.1")
    assert [page_number(r) for r in pages] == [0, 1, 2]
    assert all(r.headers["x-ucdp-access-token"] == TOKEN for r in pages)
    assert pages[0].params == {"pagesize": "2", "page": "0", "Country": "770,700", "StartDate": "2023-01-01"}
    assert result.code == 0, result.err


def test_a_next_page_on_another_host_is_fetched_from_the_chosen_host(tmp_path):
    class Elsewhere(FakeUcdp):
        def handle(self, request):
            reply = super().handle(request)
            return Reply(reply.status, reply.body.replace(b"http://127.0.0.1", b"http://elsewhere.invalid"))

    with Elsewhere(EVENTS) as fake:
        query = ucdp_query("25.1", "Pakistan", None, 2, fake.url)
        folder = FetchFolder(tmp_path, "ucdp", query.key(), "json")
        folder.load()
        download_pages(query, folder, TOKEN, RetryPolicy(attempts=1, backoff=0, timeout=5))
    assert folder.state["pages"] == 2 and folder.state["complete"]
    assert [page_number(r) for r in fake.requests] == [0, 1]


# --- the user's mistakes


def test_a_missing_token_says_how_to_get_and_set_one(mini, api, monkeypatch):
    monkeypatch.delenv("UCDP_TOKEN")
    result = fetch(mini, api)
    assert result.code == 1
    assert result.err == (
        "Error: UCDP_TOKEN is not set: the UCDP API needs an access token; request a token from UCDP "
        "(see https://ucdp.uu.se/apidocs/), then run: export UCDP_TOKEN=<your token>\n"
    )
    assert api.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--country", "Pakistan"],
            "--version is required: the GED release to fetch, e.g. 25.1 (or 25.0.3 for a monthly Candidate release)",
        ),  # fmt: skip
        (
            ["--version", "latest"],
            "--version: 'latest' is not a UCDP GED version; give e.g. 25.1 (yearly release) or 25.0.3 (monthly Candidate release)",
        ),  # fmt: skip
        (
            ["--version", "25.1", "--country", "Narnia"],
            "--country: unknown country 'Narnia'; give its Gleditsch–Ward code (e.g. 770 for Pakistan) or one of: Afghanistan, Bangladesh, China, India, Iran, Kazakhstan, Kyrgyzstan, Pakistan, Tajikistan, Turkmenistan, Uzbekistan",
        ),  # fmt: skip
        (
            ["--version", "25.1", "--since", "2023-02-30"],
            "--since: '2023-02-30' is not a date; give it as YYYY-MM-DD, e.g. 2021-01-01",
        ),  # fmt: skip
        (
            ["--version", "25.1", "--pagesize", "5000"],
            "--pagesize: 5000 is out of range; UCDP serves 1 to 1000 events a page",
        ),  # fmt: skip
        (
            ["--version", "25.1", "--base-url", "ftp://x"],
            "--base-url: 'ftp://x' is not an http(s) URL (e.g. https://ucdpapi.pcr.uu.se)",
        ),  # fmt: skip
    ],
)
def test_bad_options_are_refused_with_the_fix(mini, args, message):
    result = mini("fetch", "ucdp", *args)
    assert (result.code, result.err) == (1, f"Error: {message}\n")


def test_a_rejected_token_stops_at_once(mini, api, monkeypatch):
    monkeypatch.setenv("UCDP_TOKEN", "wrong")
    result = fetch(mini, api)
    assert result.code == 1
    assert result.err == (
        "Error: UCDP rejected the access token in UCDP_TOKEN (HTTP 401: Unauthorized: a valid x-ucdp-access-token "
        "header is required); check it, or request a token from UCDP (see https://ucdp.uu.se/apidocs/), then run: "
        "export UCDP_TOKEN=<your token>\n"
    )
    assert len(api.requests) == 1


def test_an_unknown_version_names_the_option(mini, api):
    result = mini("fetch", "ucdp", "--version", "24.9", "--base-url", api.url)
    assert result.code == 1
    assert result.err.startswith("Error: UCDP API has no such resource (HTTP 404: Resource gedevents version 24.9 not found); check --version")  # fmt: skip


# --- failures, retries, resume


def test_server_errors_are_retried_with_backoff(mini, api, db_path):
    api.fail(lambda r: page_number(r) == 1, "status", Reply(503, b"Service Unavailable"), times=RETRIES - 1)
    result = fetch(mini, api)
    assert [page_number(r) for r in api.requests] == [0, 1, 1, 1, 2]
    assert "failed" not in result.err


def test_a_connection_dropped_mid_body_is_retried(mini, api):
    api.fail(lambda r: page_number(r) == 1, "drop")
    api.fail(lambda r: page_number(r) == 2, "close")
    fetch(mini, api)
    assert [page_number(r) for r in api.requests] == [0, 1, 1, 2, 2]


def test_a_failure_after_page_2_stops_and_the_next_run_fetches_only_the_rest(mini, api, db_path):
    api.fail(lambda r: page_number(r) == 2, "drop", times=RETRIES)
    first = fetch(mini, api)
    folder = folder_of(db_path)
    assert first.code == 1
    assert first.err == (
        f"Error: UCDP API ({api.url}): page 3 failed {RETRIES} time(s), last: connection dropped after "
        f"{_half_page_bytes(api)} bytes of the response; 2 page(s) are saved in {folder}; run the same command "
        "again to resume from page 3\n"
    )
    assert sorted(p.name for p in folder.glob("page-*")) == ["page-0001.json", "page-0002.json"]
    api.requests.clear()
    second = fetch(mini, api)
    assert [page_number(r) for r in api.requests] == [2]
    assert second.err.startswith(f"note: resuming after page 2 (saved by an earlier run in {folder})\n")
    assert second.code == 0, second.err
    assert second.out.startswith("ucdp-ged 25.1 (Pakistan, Afghanistan since 2023-01-01): 3 pages fetched (2 by an earlier run), 5 rows read, 5 new, 0 changed, 0 unchanged, 0 quarantined")  # fmt: skip
    assert len(fetched(db_path)) == 5
    assert not fetch_root(db_path).exists()


def _half_page_bytes(api) -> int:
    request = next(r for r in api.requests if page_number(r) == 2)
    return len(api.handle(request).body) // 2


def test_a_quota_refusal_says_it_resumes_later(mini, api, db_path):
    api.fail(lambda r: page_number(r) == 1, "status", Reply(429, b"Daily limit of 5000 requests exceeded"))
    first = fetch(mini, api)
    folder = folder_of(db_path)
    assert first.code == 1
    assert first.err == (
        "Error: UCDP refused the request: request quota reached (UCDP allows 5,000 requests a day) "
        f"(HTTP 429: Daily limit of 5000 requests exceeded). 1 page(s) are saved in {folder}; run the same "
        "command again later and it resumes from page 2\n"
    )
    assert len(api.requests) == 1 + 1  # no retry of a refusal
    saved = json.loads((folder / "page-0001.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in saved["Result"]] == [9_000_001, 9_000_002] and saved["TotalPages"] == 3
    api.requests.clear()
    fetch(mini, api)
    assert [page_number(r) for r in api.requests] == [1, 2]


def test_the_base_url_comes_from_torkham_ucdp_url(mini, api, monkeypatch):
    monkeypatch.setenv("TORKHAM_UCDP_URL", api.url + "/")
    mini("fetch", "ucdp", "--version", "25.1", "--country", "770", "--pagesize", "1000")
    assert [r.params for r in api.requests] == [{"pagesize": "1000", "page": "0", "Country": "770"}]


# --- into the store


def test_fetched_events_are_imported_and_a_second_run_has_nothing_to_do(mini, api, db_path):
    result = fetch(mini, api)
    assert result.code == 0, result.err
    assert result.out == (
        "ucdp-ged 25.1 (Pakistan, Afghanistan since 2023-01-01): 3 pages fetched, 5 rows read, 5 new, "
        "0 changed, 0 unchanged, 0 quarantined\n"
    )
    events = fetched(db_path)
    assert sorted(events) == [str(e["id"]) for e in EVENTS[:5]]
    assert events["9000002"] == ("25.1", "Pakistan", "TTP", 2)
    con = duckdb.connect(str(db_path), read_only=True)
    names = con.execute("SELECT actor_id, method FROM dataset_actor_names WHERE raw_name = 'Tehreek-e-Taliban Pakistan'").fetchall()  # fmt: skip
    con.close()
    assert names == [("ttp", "alias")]  # actor names resolved after the import
    assert not fetch_root(db_path).exists()
    api.requests.clear()
    again = fetch(mini, api)
    assert (again.code, api.requests) == (0, [])
    assert again.out == (
        "ucdp-ged 25.1 (Pakistan, Afghanistan since 2023-01-01): already fetched and imported; nothing to do "
        "(pass --refresh to fetch again)\n"
    )
    refreshed = fetch(mini, api, "--refresh")
    assert len(api.requests) == 3
    # The same pages again: the import log knows these very files, so nothing is read twice.
    assert refreshed.out.endswith("3 pages fetched (3 identical to a page imported before), 0 rows read, 0 new, 0 changed, 0 unchanged, 0 quarantined\n")  # fmt: skip
    log = mini("imports", "--json")
    assert '"file": "fetch:ucdp-25.1-' in log.out


def test_download_alone_keeps_whole_pages_and_state(tmp_path):
    with FakeUcdp(EVENTS) as fake:
        query = ucdp_query("25.1", "Pakistan,Afghanistan", "2023-01-01", 2, fake.url)
        folder = FetchFolder(tmp_path, "ucdp-25.1", query.key(), "json")
        folder.load()
        fake.fail(lambda r: page_number(r) == 1, "status", Reply(500, b"boom"), times=5)
        with pytest.raises(TorkhamError, match="page 2 failed 2 time"):
            download_pages(query, folder, TOKEN, RetryPolicy(attempts=2, backoff=0, timeout=5))
        assert folder.state["pages"] == 1 and not folder.state["complete"]
        resumed = FetchFolder(tmp_path, "ucdp-25.1", query.key(), "json")
        resumed.load()
        assert resumed.resumed == 1
        fake.faults.clear()
        download_pages(query, resumed, TOKEN, RetryPolicy(attempts=1, backoff=0, timeout=5))
    assert resumed.state["pages"] == 3 and resumed.state["rows"] == 5 and resumed.state["complete"]
    assert not list(tmp_path.rglob(".*.part"))
