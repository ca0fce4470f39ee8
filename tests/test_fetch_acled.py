"""`torkham fetch acled` against a local fake of the ACLED API: OAuth (password grant, refresh),
paging, incremental fetch by timestamp, deletions, errors, resume. Nothing touches the internet; the
rows are made up here (ACLED's own rows are never shipped)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import duckdb
import pytest

from fakes.acled_api import ACLED_COLUMNS, EMAIL, PASSWORD, FakeAcled, acled_row
from fakes.server import Reply
from torkham.datasets.fetch.state import fetch_root

RETRIES = 3
T0 = 1_700_000_000
ROWS = [
    acled_row(101, "Pakistan", "2024-01-05", 1, T0),
    acled_row(102, "Pakistan", "2024-02-05", 2, T0 + 10),
    acled_row(201, "Afghanistan", "2024-03-05", 3, T0 + 20, actor1="Islamic State Khorasan Province (ISKP)"),
    acled_row(103, "Pakistan", "2024-04-05", 0, T0 + 30),
    acled_row(202, "Afghanistan", "2023-12-31", 5, T0 + 40),
]


@pytest.fixture(autouse=True)
def fetch_env(monkeypatch):
    monkeypatch.setenv("ACLED_EMAIL", EMAIL)
    monkeypatch.setenv("ACLED_PASSWORD", PASSWORD)
    monkeypatch.setenv("TORKHAM_FETCH_RETRIES", str(RETRIES))
    monkeypatch.setenv("TORKHAM_FETCH_BACKOFF", "0.01")
    monkeypatch.setenv("TORKHAM_FETCH_TIMEOUT", "5")
    monkeypatch.delenv("TORKHAM_ACLED_URL", raising=False)


@pytest.fixture
def api():
    with FakeAcled(ROWS) as fake:
        yield fake


def fetch(mini, api, *extra: str):
    return mini("fetch", "acled", "--country", "Pakistan,Afghanistan", "--pagesize", "2", "--base-url", api.url, *extra)


def reads(api) -> list[dict[str, str]]:
    return [r.params for r in api.calls("/api/acled/read")]


def folder_of(db_path: Path) -> Path:
    return next(fetch_root(db_path).glob("acled-*"))


def held(db_path: Path) -> dict[str, tuple]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute(
            "SELECT event_id, country, fatalities_best, actor1 FROM events WHERE dataset = 'acled' ORDER BY event_id"
        ).fetchall()
        return {r[0]: r[1:] for r in rows}
    finally:
        con.close()


# --- what is asked of the API


def test_login_then_pages_until_a_short_one(mini, api, db_path):
    result = fetch(mini, api)
    assert api.grants() == ["password"]
    login = api.calls("/oauth/token")[0].form
    assert login == {"grant_type": "password", "username": EMAIL, "password": PASSWORD, "client_id": "acled",
                     "scope": "authenticated"}  # fmt: skip
    assert reads(api) == [{"limit": "2", "page": str(n), "country": "Pakistan|Afghanistan"} for n in (1, 2, 3)]
    assert all(r.headers["authorization"] == "Bearer access-1" for r in api.calls("/api/acled/read"))
    assert api.calls("/api/deleted/read") == []  # the first fetch has nothing to reconcile
    assert result.code == 0, result.err
    assert sorted(held(db_path)) == ["AFG201", "AFG202", "PAK101", "PAK102", "PAK103"]


def test_since_asks_for_dates_between_it_and_today(mini, api):
    fetch(mini, api, "--since", "2024-01-01")
    first = reads(api)[0]
    assert (first["event_date"], first["event_date_where"]) == (f"2024-01-01|{date.today().isoformat()}", "BETWEEN")


def test_the_base_url_comes_from_torkham_acled_url(mini, api, monkeypatch):
    monkeypatch.setenv("TORKHAM_ACLED_URL", api.url)
    mini("fetch", "acled", "--country", "770")
    assert reads(api) == [{"limit": "5000", "page": "1", "country": "Pakistan"}]


# --- credentials and tokens


@pytest.mark.parametrize(
    ("unset", "message"),
    [
        (["ACLED_EMAIL", "ACLED_PASSWORD"], "ACLED_EMAIL and ACLED_PASSWORD are not set"),
        (["ACLED_PASSWORD"], "ACLED_PASSWORD is not set"),
    ],
)
def test_missing_credentials_say_how_to_set_them(mini, api, monkeypatch, unset, message):
    for name in unset:
        monkeypatch.delenv(name)
    result = fetch(mini, api)
    assert (result.code, api.requests) == (1, [])
    assert result.err == (
        f"Error: {message}: the ACLED API needs your myACLED account (register at https://acleddata.com); "
        "set it with: export ACLED_EMAIL=<e-mail> ACLED_PASSWORD=<password>\n"
    )


def test_a_wrong_password_is_refused_without_showing_it(mini, api, monkeypatch):
    monkeypatch.setenv("ACLED_PASSWORD", "wrong")
    result = fetch(mini, api)
    assert result.code == 1
    assert result.err == (
        f"Error: ACLED refused the login of {EMAIL} (HTTP 400: "
        '{"error": "invalid_grant", "error_description": "The user credentials were incorrect."}); '
        "check ACLED_EMAIL and ACLED_PASSWORD (your myACLED account)\n"
    )
    assert "wrong" not in result.err


def test_a_refused_token_is_refreshed_and_the_page_asked_again(mini, api):
    api.token_uses = 1
    fetch(mini, api)
    assert api.grants() == ["password", "refresh_token", "refresh_token"]
    assert [r["page"] for r in reads(api)] == ["1", "2", "2", "3", "3"]


def test_an_expired_token_is_refreshed_before_the_request(mini, api):
    api.expires_in = 0
    fetch(mini, api)
    assert api.grants() == ["password", "refresh_token", "refresh_token"]
    assert [r["page"] for r in reads(api)] == ["1", "2", "3"]


def test_a_refused_refresh_falls_back_to_the_password(mini, api):
    api.expires_in = 0
    api.fail(lambda r: r.form.get("grant_type") == "refresh_token", "status", Reply.json({"error": "invalid_grant"}, 400))  # fmt: skip
    fetch(mini, api)
    assert api.grants()[:3] == ["password", "refresh_token", "password"]


# --- failures and resume


def test_an_account_without_api_access_is_told_so(mini, api):
    api.fail(lambda r: r.path == "/api/acled/read", "status", Reply.json({"message": "Access denied"}, 403))
    result = fetch(mini, api)
    assert result.code == 1
    assert result.err == (
        'Error: ACLED refused page 1 (HTTP 403: {"message": "Access denied"}): the account in ACLED_EMAIL may lack '
        "API access (see https://acleddata.com/myacled-faqs); run the same command again to retry\n"
    )


def test_too_many_requests_stops_and_says_it_resumes_later(mini, api, db_path):
    api.fail(lambda r: r.params.get("page") == "2", "status", Reply.json({"message": "Rate limit exceeded"}, 429))
    result = fetch(mini, api)
    assert result.code == 1
    assert result.err == (
        'Error: ACLED refused page 2: too many requests (HTTP 429: {"message": "Rate limit exceeded"}). 1 page(s) '
        f"are saved in {folder_of(db_path)}; run the same command again later to resume after page 1\n"
    )
    page = (folder_of(db_path) / "page-0001.csv").read_text(encoding="utf-8")
    table = list(csv.reader(io.StringIO(page)))
    assert tuple(table[0]) == ACLED_COLUMNS and len(table) == 3
    assert table[1][ACLED_COLUMNS.index("notes")] == "On 2024-03-05, a test event, with a comma\nand a line break."


def test_dropped_connections_and_server_errors_are_retried(mini, api):
    api.fail(lambda r: r.params.get("page") == "1", "drop")
    api.fail(lambda r: r.params.get("page") == "2", "status", Reply(502, b"Bad Gateway"), times=RETRIES - 1)
    api.fail(lambda r: r.path == "/oauth/token", "close")
    fetch(mini, api)
    assert [r["page"] for r in reads(api)] == ["1", "1", "2", "2", "2", "3"]
    assert len(api.calls("/oauth/token")) == 2


def test_a_failure_after_page_2_stops_and_the_next_run_fetches_only_the_rest(mini, api, db_path):
    api.fail(lambda r: r.params.get("page") == "3", "status", Reply(503, b"Service Unavailable"), times=RETRIES)
    first = fetch(mini, api)
    folder = folder_of(db_path)
    assert first.code == 1
    assert first.err == (
        f"Error: ACLED API: page 3 failed {RETRIES} time(s), last: HTTP 503: Service Unavailable; 2 page(s) are "
        f"saved in {folder}; run the same command again to resume after page 2\n"
    )
    api.requests.clear()
    second = fetch(mini, api)
    assert [r["page"] for r in reads(api)] == ["3"]
    assert second.err.startswith(f"note: resuming after page 2 (saved by an earlier run in {folder})\n")
    assert second.code == 0, second.err
    assert len(held(db_path)) == 5


# --- into the store: incremental by timestamp, deletions


def test_a_second_fetch_asks_only_what_changed_and_applies_deletions(mini, api, db_path):
    first = fetch(mini, api)
    assert first.code == 0, first.err
    assert first.out == (
        "acled (Pakistan, Afghanistan): 3 pages fetched, 5 rows read, 5 new, 0 changed, 0 unchanged, 0 quarantined\n"
    )
    assert held(db_path)["PAK102"] == ("Pakistan", 2, "TTP: Tehreek-i-Taliban Pakistan")
    assert not fetch_root(db_path).exists()

    api.revise("PAK102", T0 + 100, fatalities="7")
    api.add(acled_row(104, "Pakistan", "2024-05-01", 4, T0 + 110))
    api.delete("PAK101", T0 + 120)
    api.delete("AFG999", T0 + 130)  # never held here
    api.requests.clear()
    second = fetch(mini, api)
    assert second.code == 0, second.err
    assert [r.get("timestamp") for r in reads(api)] == [str(T0 + 40)] * 2
    assert [r.params for r in api.calls("/api/deleted/read")] == [
        {"deleted_timestamp": str(T0 + 40), "limit": "2", "page": "1"},
        {"deleted_timestamp": str(T0 + 40), "limit": "2", "page": "2"},
    ]
    assert second.out == (
        f"acled (Pakistan, Afghanistan, changed since timestamp {T0 + 40}): 2 pages fetched, 3 rows read, 1 new, "
        "1 changed, 1 unchanged, 0 quarantined, 1 deleted\n"
    )
    events = held(db_path)
    assert sorted(events) == ["AFG201", "AFG202", "PAK102", "PAK103", "PAK104"]
    assert events["PAK102"][1] == 7
    log = mini("imports", "--json").out
    assert '"format": "acled-deletions"' in log and '"deleted": 1' in log

    api.requests.clear()
    third = fetch(mini, api)
    assert reads(api)[0]["timestamp"] == str(T0 + 110)
    # PAK104 alone: the very page the second fetch imported, so nothing is read again.
    assert third.out.endswith("1 page fetched (1 identical to a page imported before), 0 rows read, 0 new, 0 changed, 0 unchanged, 0 quarantined\n")  # fmt: skip
