"""Re-importing is safe: the same file twice adds nothing, a newer version replaces changed events by
their id and keeps the others, ACLED deletions are applied, and an import that crashes or is killed
with SIGKILL half-way leaves the store as it was."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

import torkham.datasets.importer as importer
from dataset_shapes import acled, ged, write_acled, write_ged
from torkham.datasets.deletions import apply_deletions_file
from torkham.datasets.formats.ucdp import GED_COLUMNS
from torkham.datasets.importer import import_file
from torkham.errors import TorkhamError


@pytest.fixture
def store(tmp_path) -> Path:
    return tmp_path / "store.duckdb"


@pytest.fixture
def con(store):
    connection = duckdb.connect(str(store))
    yield connection
    connection.close()


def snapshot(con) -> tuple:
    """Everything an import writes, in a comparable form."""
    return tuple(
        con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in ("events", "imports", "quarantine")
    )


def test_the_same_file_twice_adds_nothing(con, tmp_path):
    path = write_ged(tmp_path / "ged.csv", [ged(1), ged(2), ged(3, best="x")])
    first = import_file(con, path, version="25.1")
    before = snapshot(con)
    again = import_file(con, path, version="25.1")
    assert again.already_imported == first.import_id
    assert again.line() == f"{path}: already imported (import #{first.import_id}); nothing changed"
    assert snapshot(con) == before


def test_the_same_events_in_another_file_are_unchanged(con, tmp_path):
    import_file(con, write_ged(tmp_path / "crlf.csv", [ged(1), ged(2)]), version="25.1")
    summary = import_file(con, write_ged(tmp_path / "lf.csv", [ged(2), ged(1)], newline="\n"), version="25.1")
    assert (summary.rows_read, summary.inserted, summary.updated, summary.unchanged) == (2, 0, 0, 2)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (2,)


def test_a_newer_version_replaces_changed_events_and_keeps_the_rest(con, tmp_path):
    old = import_file(con, write_ged(tmp_path / "v24.csv", [ged(1), ged(2), ged(3)]), version="24.1")
    new = import_file(con, write_ged(tmp_path / "v25.csv", [ged(1), ged(2, best=9, high=12), ged(4)]), version="25.1")
    assert (new.rows_read, new.inserted, new.updated, new.unchanged) == (3, 1, 1, 1)
    rows = {
        r[0]: r[1:]
        for r in con.execute("SELECT event_id, dataset_version, fatalities_best, import_id FROM events").fetchall()
    }
    assert rows == {
        "1": ("24.1", 3, old.import_id),  # unchanged: keeps the version it came with
        "2": ("25.1", 9, new.import_id),  # changed: replaced by id
        "3": ("24.1", 3, old.import_id),  # not in the newer file: kept
        "4": ("25.1", 3, new.import_id),
    }


def test_each_event_id_is_held_once_per_dataset_without_a_key(con, tmp_path):
    import_file(con, write_ged(tmp_path / "a.csv", [ged(1), ged(2), ged(2, best=5), ged(3)]), version="24.1")
    import_file(con, write_ged(tmp_path / "b.csv", [ged(3, best=7), ged(4), ged(1)]), version="25.1")
    import_file(con, write_acled(tmp_path / "acled.csv", [acled("1"), acled("2")]))
    keys = "SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'events' AND constraint_type <> 'NOT NULL'"
    assert con.execute(keys).fetchone() == (0,)
    held = con.execute("SELECT dataset, event_id, count(*) FROM events GROUP BY ALL ORDER BY ALL").fetchall()
    assert held == [("acled", "1", 1), ("acled", "2", 1)] + [("ucdp-ged", str(n), 1) for n in (1, 2, 3, 4)]
    assert con.execute(
        "SELECT fatalities_best FROM events WHERE dataset = 'ucdp-ged' AND event_id = '2'"
    ).fetchall() == [(3,)]
    assert con.execute("SELECT row_number, field, reason FROM quarantine").fetchall() == [
        (3, "id", "duplicate id within the file (first at row 2)")
    ]


def test_a_store_made_with_the_events_key_keeps_it_and_still_imports(con, tmp_path):
    schema = importer.resources.files("torkham.datasets").joinpath("schema.sql").read_text(encoding="utf-8")
    con.execute(
        schema.replace("import_id BIGINT NOT NULL\n", "import_id BIGINT NOT NULL, PRIMARY KEY (dataset, event_id)\n", 1)
    )
    import_file(con, write_ged(tmp_path / "v24.csv", [ged(1), ged(2)]), version="24.1")
    new = import_file(con, write_ged(tmp_path / "v25.csv", [ged(1, best=8), ged(3)]), version="25.1")
    assert (new.inserted, new.updated, new.unchanged) == (1, 1, 0)
    assert con.execute("SELECT event_id, fatalities_best FROM events ORDER BY 1").fetchall() == [
        ("1", 8),
        ("2", 3),
        ("3", 3),
    ]
    assert con.execute(
        "SELECT constraint_type FROM duckdb_constraints() WHERE table_name = 'events' AND constraint_type = 'PRIMARY KEY'"
    ).fetchall() == [("PRIMARY KEY",)]


def test_acled_deletions_are_applied_and_logged(con, tmp_path):
    import_file(con, write_acled(tmp_path / "acled.csv", [acled(f"PAK{n}") for n in range(1, 5)]))
    deletions = tmp_path / "deleted.csv"
    deletions.write_text(
        "event_id_cnty,deleted_timestamp\nPAK2,1694100000\nPAK4,1694200000\nPAK99,1694200000\n,1694200000\n"
    )
    summary = apply_deletions_file(con, deletions)
    assert (summary.format, summary.version) == ("acled-deletions", "2023-09-08")
    assert (summary.rows_read, summary.deleted, summary.quarantined) == (4, 2, 1)
    assert summary.line() == (
        f"{deletions}: acled 2023-09-08: 4 rows read, 0 new, 0 changed, 0 unchanged, 1 quarantined, 2 deleted "
        "(see 'torkham quarantine')"
    )
    assert [r[0] for r in con.execute("SELECT event_id FROM events ORDER BY 1").fetchall()] == ["PAK1", "PAK3"]
    assert con.execute("SELECT format, deleted, quarantined FROM imports ORDER BY import_id DESC LIMIT 1").fetchone() == (
        "acled-deletions", 2, 1,
    )  # fmt: skip
    assert con.execute("SELECT row_number, field, reason FROM quarantine").fetchall() == [
        (4, "event_id_cnty", "missing event id")
    ]
    before = snapshot(con)
    assert apply_deletions_file(con, deletions).already_imported == summary.import_id
    assert snapshot(con) == before


def test_a_file_that_is_not_a_deletions_file_is_refused(con, tmp_path):
    path = write_acled(tmp_path / "acled.csv", [acled("PAK1")])
    path.write_text("id,when\n1,2\n")
    with pytest.raises(TorkhamError) as error:
        apply_deletions_file(con, path)
    assert str(error.value) == (
        f"{path}: not an ACLED deletions file: expected a CSV with the columns event_id_cnty,deleted_timestamp "
        "(its header is: id, when)"
    )


def test_an_import_that_fails_half_way_changes_nothing(con, tmp_path, monkeypatch):
    import_file(con, write_ged(tmp_path / "v1.csv", [ged(1), ged(2)]), version="24.1")
    before = snapshot(con)
    merge = importer._merge

    def merge_then_fail(*args):
        merge(*args)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(importer, "_merge", merge_then_fail)
    with pytest.raises(RuntimeError):
        import_file(con, write_ged(tmp_path / "v2.csv", [ged(1, best=7), ged(5), ged(6, best="x")]), version="25.1")
    assert snapshot(con) == before
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchone() == (0,)


def write_large_ged(path: Path, rows: int) -> Path:
    """A synthetic GED-shaped file, written by DuckDB."""
    values = {c: f"'{v}'" for c, v in ged(0).items()}
    values["id"] = "CAST(range + 1 AS VARCHAR)"
    select = ", ".join(f"{values[c]} AS {c}" for c in GED_COLUMNS)
    connection = duckdb.connect()
    connection.execute(f"COPY (SELECT {select} FROM range({rows})) TO '{path}' (HEADER)")
    connection.close()
    return path


KILLED_IMPORT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import duckdb
    import torkham.datasets.importer as importer

    hook, store, path, marks = sys.argv[1:5]
    def announce(name):
        original = getattr(importer, name)
        def wrapper(*args):
            if name == hook:
                Path(marks, name).touch()
            result = original(*args)
            if name == "_merge":  # never let the transaction commit before the kill
                Path(marks, "merged").touch()
                time.sleep(120)
            return result
        setattr(importer, name, wrapper)
    for name in ("_stage", "_merge"):
        announce(name)
    importer.import_file(duckdb.connect(store), Path(path), version="25.1")
    Path(marks, "committed").touch()
    """
)


def wait_for(mark: Path, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not mark.exists():
        assert process.poll() is None, f"the import ended before {mark.name}: {process.stderr.read()}"
        assert time.monotonic() < deadline, f"no {mark.name} after {timeout} s"
        time.sleep(0.02)


@pytest.mark.parametrize("hook", ["_stage", "_merge"])
def test_an_import_killed_half_way_leaves_the_store_as_it_was(con, store, tmp_path, hook):
    import_file(con, write_ged(tmp_path / "v1.csv", [ged(1), ged(2), ged(3)]), version="24.1")
    before = snapshot(con)
    con.close()
    large = write_large_ged(tmp_path / "large.csv", 100_000)
    marks = tmp_path / "marks"
    marks.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, hook, str(store), str(large), str(marks)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(marks / hook, process)  # _stage: DuckDB is reading the file
        if hook == "_merge":
            wait_for(marks / "merged", process)  # every row written, nothing committed
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
        assert not (marks / "committed").exists()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    reopened = duckdb.connect(str(store))
    try:
        assert snapshot(reopened) == before
        summary = import_file(reopened, large, version="25.1")  # and the file can be imported afterwards
        assert summary.already_imported is None
        assert (summary.inserted, summary.updated, summary.unchanged) == (99_997, 0, 3)
    finally:
        reopened.close()


def test_cli_says_a_file_was_already_imported(mini, tmp_path):
    write_ged(tmp_path / "ged.csv", [ged(1)])
    assert mini("import", "ged.csv", "--version", "25.1").out == (
        "ged.csv: ucdp-ged 25.1: 1 rows read, 1 new, 0 changed, 0 unchanged, 0 quarantined\n"
    )
    again = mini("import", "ged.csv", "--version", "25.1")
    (logged,) = [r for r in json.loads(mini("imports", "--json").out) if r["file"] == "ged.csv"]
    assert (again.code, again.out) == (
        0,
        f"ged.csv: already imported (import #{logged['import_id']}); nothing changed\n",
    )
