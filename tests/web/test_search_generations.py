"""The search keeps what it reads once per store generation (store.search_match: the knowledge base's records
held in memory, the dataset events' texts folded into the generation's own in-memory database): a writer that
replaces the store while the web serves it (an import, an accepted proposal) is seen by the next search, the
web finds what the CLI finds, and nothing of it is written to the store file."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from torkham.config import Settings
from torkham.store.search import prepare, search_all
from torkham.store.swap import writing_store

WORD = "Zyxwvutsrq"  # in no bundled record


@pytest.fixture
def store_copy(bundled_store, tmp_path):
    db = tmp_path / "torkham.duckdb"
    shutil.copyfile(bundled_store, db)
    return db


@pytest.fixture
def api(store_copy):
    from fastapi.testclient import TestClient

    from torkham.web.app import create_app

    with TestClient(create_app(Settings.load(db=str(store_copy)), warm_up=False)) as client:
        yield client


def first_row(db, sql: str) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def searched(api, text: str, kinds: str) -> dict:
    response = api.get("/api/v1/search", params={"q": text, "kinds": kinds})
    assert response.status_code == 200, response.text
    return response.json()


def test_the_next_search_after_a_writer_replaced_the_store_finds_the_new_text(api, store_copy):
    (claim,) = first_row(store_copy, "SELECT id FROM kb_claims ORDER BY id LIMIT 1")
    dataset, event = first_row(store_copy, "SELECT dataset, event_id FROM events ORDER BY dataset, event_id LIMIT 1")
    before = searched(api, WORD, "claims,data_events")  # read and kept for the store as it was
    assert (before["counts"], before["items"]) == ({"claims": 0, "data_events": 0}, [])
    with writing_store(store_copy) as con:
        con.execute("UPDATE kb_records SET quote = concat_ws(' ', quote, ?) WHERE id = ?", [f"{WORD}s.", claim])
        con.execute("UPDATE events SET place = ? WHERE dataset = ? AND event_id = ?", [f"{WORD} town", dataset, event])
    after = searched(api, WORD, "claims,data_events")  # the claim holds its plural
    assert after["counts"] == {"claims": 1, "data_events": 1}
    assert [(h["kind"], h["id"], h["match"]) for h in after["items"]] == [
        ("claims", claim, "words"),
        ("data_events", f"{dataset}:{event}", "phrase"),  # the word itself, not its plural
    ]


@pytest.mark.parametrize("text", ["TTP", "ISKP 2023", "attack", "Peshawar", "Khyber Pakhtunkhwa", "Haggani", "2021"])
def test_the_web_finds_what_the_cli_finds(api, store_copy, text):
    """The web reads folded texts kept per generation; the CLI folds them for its one search: the same hits."""
    con = duckdb.connect(str(store_copy), read_only=True)
    try:
        cli = search_all(con, text, limit=100)
    finally:
        con.close()
    web = api.get("/api/v1/search", params={"q": text, "limit": 100}).json()
    assert (web["counts"], web["suggestions"]) == (cli["counts"], cli["suggestions"])
    assert [(h["kind"], h["id"], h["match"]) for h in web["items"]] == [
        (h["kind"], h["id"], h["match"]) for h in cli["hits"]
    ]
    assert sum(cli["counts"].values()) > 0 or cli["suggestions"]


def test_the_texts_kept_for_the_search_stay_out_of_the_store_file(api, store_copy):
    served = api.app.state.store
    with served.reading() as (_, cursor):
        prepare(cursor)  # the warm-up each generation gets when the server starts
        kept = cursor.execute(
            "SELECT database_name, table_name FROM duckdb_tables() WHERE table_name LIKE 'search_texts_%'"
        ).fetchall()
    assert [(database, table.rsplit("_", 1)[0]) for database, table in kept] == [("memory", "search_texts_data_events")]
    assert searched(api, "TTP", "data_events")["counts"]["data_events"] > 0
    with served.reading() as (_, cursor):  # a search on the same generation makes no second copy
        assert (
            cursor.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'search_texts_%'").fetchone()[0]
            == 1
        )
    tables = first_row(store_copy, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'search_texts_%'")
    assert tables == (0,)
