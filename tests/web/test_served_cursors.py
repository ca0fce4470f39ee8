"""The events API reuses its DuckDB cursors (web/served.py `reading(reuse=True)`): a request takes the cursor an
earlier one gave back, which spares opening one — and still sees a store a writer replaced at the next request."""

from __future__ import annotations

import shutil

import pytest

from torkham.config import Settings
from torkham.store.swap import writing_store

EVENTS = "/api/v1/events"


@pytest.fixture
def api(bundled_store, tmp_path):
    from fastapi.testclient import TestClient

    from torkham.web.app import create_app

    db = tmp_path / "torkham.duckdb"
    shutil.copyfile(bundled_store, db)
    with TestClient(create_app(Settings.load(db=str(db)), warm_up=False)) as client:
        yield client, db


def test_an_events_request_takes_the_cursor_the_one_before_gave_back(api):
    client, _ = api
    served = client.app.state.store
    assert client.get(EVENTS, params={"limit": 1}).status_code == 200
    (kept,) = served.current.idle
    assert client.get(f"{EVENTS}/facets", params={"by": "year"}).status_code == 200
    assert served.current.idle == [kept]


def test_a_cursor_is_given_back_without_a_result_left_open_and_never_after_an_error(api):
    client, _ = api
    served = client.app.state.store
    with served.reading(reuse=True) as (_, cursor):
        cursor.execute("SELECT * FROM range(100000)").fetchone()  # most of the result left unread
    with served.reading(reuse=True) as (_, again):
        assert again is cursor
        assert again.sql("SELECT 42").fetchall() == [(42,)]  # a relation refuses a cursor with a result open
    with pytest.raises(RuntimeError), served.reading(reuse=True) as (_, failing):
        raise RuntimeError("the request failed")
    assert failing is cursor and served.current.idle == []
    with served.reading(reuse=True) as (_, fresh):
        assert fresh is not cursor


def test_the_next_events_request_after_a_writer_replaced_the_store_shows_the_change(api):
    client, db = api
    first = client.get(EVENTS, params={"layer": "data", "limit": 1}).json()["items"][0]
    dataset, event_id = first["dataset"], first["event_id"]
    with writing_store(db) as con:
        con.execute(
            "UPDATE events SET place = 'Nowhere at all' WHERE dataset = ? AND event_id = ?", [dataset, event_id]
        )
    after = client.get(EVENTS, params={"layer": "data", "limit": 1}).json()["items"][0]
    assert (after["id"], after["place"]) == (first["id"], "Nowhere at all")
