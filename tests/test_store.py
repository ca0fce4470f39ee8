"""The store: one DuckDB file, built on first use, rebuilt when the knowledge changes, atomically."""

from pathlib import Path

import duckdb
import pytest

from torkham.kb.validate import validate_knowledge
from torkham.model.vocabulary import default_vocabulary
from torkham.store import build
from torkham.store.build import ensure_store, knowledge_fingerprint


def count(db: Path, table: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_first_use_creates_the_store_and_later_uses_reuse_it(mini_kb, fresh_db):
    assert not fresh_db.exists()
    assert ensure_store(fresh_db, mini_kb) is True
    assert count(fresh_db, "kb_actors") == 6
    assert ensure_store(fresh_db, mini_kb) is False


def test_changed_knowledge_is_rebuilt_and_other_tables_are_kept(mini_kb, fresh_db):
    ensure_store(fresh_db, mini_kb)
    with duckdb.connect(str(fresh_db)) as con:  # a layer the knowledge build does not own
        con.execute("CREATE TABLE dataset_events AS SELECT 1 AS id")
    actors = mini_kb / "actors.yaml"
    actors.write_text(actors.read_text().replace("name: Pakistan\n", "name: Islamic Republic of Pakistan\n"))
    assert ensure_store(fresh_db, mini_kb) is True
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        assert con.execute("SELECT name FROM kb_actors WHERE id = 'pakistan'").fetchone() == (
            "Islamic Republic of Pakistan",
        )
    assert count(fresh_db, "dataset_events") == 1


def test_a_build_that_fails_midway_leaves_the_previous_store(mini_kb, fresh_db, monkeypatch):
    ensure_store(fresh_db, mini_kb)
    actors = mini_kb / "actors.yaml"
    actors.write_text(actors.read_text().replace("name: Pakistan\n", "name: Islamic Republic of Pakistan\n"))

    def explode(con, validation):
        con.execute("DELETE FROM kb_actors")  # part-way through the work …
        raise RuntimeError("disk full")  # … the build dies

    monkeypatch.setattr(build, "_insert_all", explode)
    with pytest.raises(RuntimeError):
        ensure_store(fresh_db, mini_kb)
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        assert con.execute("SELECT name FROM kb_actors WHERE id = 'pakistan'").fetchone() == ("Pakistan",)
        stored = con.execute("SELECT value FROM meta WHERE key = 'kb_fingerprint'").fetchone()[0]
    assert stored != knowledge_fingerprint(mini_kb)  # so the next command builds again


def test_quotes_are_located_by_line_in_the_source_text(mini_kb, fresh_db):
    ensure_store(fresh_db, mini_kb)
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        line = con.execute("SELECT line FROM kb_records WHERE id = 'ev-2022-04-ttp-attacks'").fetchone()[0]
    text = (mini_kb / "mini-paper.txt").read_text().splitlines()
    assert "claimed 54 attacks in April 2022" in text[line - 1]


def test_every_stored_record_carries_provenance(mini_kb, fresh_db):
    ensure_store(fresh_db, mini_kb)
    with duckdb.connect(str(fresh_db), read_only=True) as con:
        missing = con.execute("""SELECT id FROM kb_records WHERE kind <> 'ambiguities'
            AND (source IS NULL OR section IS NULL OR quote IS NULL)""").fetchall()
    assert missing == []


def test_a_file_that_is_not_a_store_is_refused(cli, mini_kb, tmp_path):
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("these are my notes, not a database\n")
    result = cli("--db", bogus, "--kb", mini_kb, "actors")
    assert result.code == 1
    assert result.err.startswith(f"Error: {bogus} is not a torkham store") or result.err.startswith(
        f"Error: cannot open store {bogus}"
    )
    assert bogus.read_text() == "these are my notes, not a database\n"


def test_validation_is_a_pure_read(mini_kb):
    before = {p: p.read_bytes() for p in mini_kb.iterdir()}
    assert validate_knowledge(mini_kb, default_vocabulary()).ok
    assert {p: p.read_bytes() for p in mini_kb.iterdir()} == before
