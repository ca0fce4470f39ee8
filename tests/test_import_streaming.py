"""An import reads the file once and holds DuckDB to a memory limit: a file larger than the limit imports
whole, with its bad rows quarantined by their row number; an import that cannot fit says so and changes
nothing; the settings of the connection are as they were afterwards. Every field of every record is read,
so bad bytes in a column the import does not use still send the row to quarantine. A large file is hashed
while it is read, and a second import of it changes nothing. An import killed while DuckDB spills to disk
leaves the store as it was, and the same import runs to the end afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import torkham.datasets.digest as digest
from dataset_shapes import ged, write_ged
from torkham.datasets.formats.ucdp import GED_COLUMNS
from torkham.datasets.importer import import_file
from torkham.datasets.memory import room_for_index
from torkham.errors import TorkhamError
from torkham.params import MemorySize

ROWS = 60_000
BAD = {1: "x", 30_000: "-4", ROWS: "many"}  # row number -> a bad `best`
REPEATED = {45_000: 7}  # row number -> the id of an earlier row


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    """A GED-shaped file of 60,000 events with long source texts (about 140 MB), written by DuckDB."""
    path = tmp_path_factory.mktemp("large") / "GEDEvent_v25_1.csv"
    values = {c: f"'{v}'" for c, v in ged(0).items()}
    row = "range + 1"
    values["id"] = f"CAST({_case(row, {r: str(i) for r, i in REPEATED.items()}, row)} AS VARCHAR)"
    values["best"] = _case(row, {r: f"'{v}'" for r, v in BAD.items()}, "'3'")
    values["source_article"] = f"'Dawn ' || {row} || ': ' || repeat('an attack was reported; ', 90)"
    select = ", ".join(f"{values[c]} AS {c}" for c in GED_COLUMNS)
    connection = duckdb.connect()
    connection.execute(f"COPY (SELECT {select} FROM range({ROWS})) TO '{path}' (HEADER)")
    connection.close()
    return path


def _case(row: str, values: dict[int, str], otherwise: str) -> str:
    """SQL: the value for the row numbers in `values`, `otherwise` for the others."""
    return f"CASE {' '.join(f'WHEN {row} = {r} THEN {v}' for r, v in values.items())} ELSE {otherwise} END"


def settings(con) -> tuple:
    return con.execute(
        "SELECT current_setting('memory_limit'), current_setting('threads'), "
        "current_setting('preserve_insertion_order'), current_setting('disabled_optimizers')"
    ).fetchall()[0]


def test_a_file_larger_than_the_memory_limit_imports_whole(large, tmp_path):
    assert large.stat().st_size > 128e6
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    before = settings(con)
    summary = import_file(con, large, memory_limit=MemorySize.parse("128MB"))
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (ROWS, ROWS - 4, 4)
    assert con.execute("SELECT row_number, field, value, reason FROM quarantine ORDER BY row_number").fetchall() == [
        (1, "best", "x", "not a whole number"),
        (30_000, "best", "-4", "negative"),
        (45_000, "id", "7", "duplicate id within the file (first at row 7)"),
        (ROWS, "best", "many", "not a whole number"),
    ]
    held = con.execute(
        "SELECT count(*), count(DISTINCT event_id), sum(fatalities_best), min(length(source_text)) FROM events"
    )
    assert held.fetchall()[0] == (ROWS - 4, ROWS - 4, 3 * (ROWS - 4), len("Dawn 1: ") + 24 * 90 - 1)  # trimmed
    assert settings(con) == before  # the limit was for the import only
    con.close()


def test_an_import_that_does_not_fit_its_memory_says_so_and_changes_nothing(large, tmp_path):
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    before = settings(con)
    with pytest.raises(TorkhamError) as error:
        import_file(con, large, memory_limit=MemorySize.parse("16MB"))
    assert str(error.value).startswith(f"{large}: the import needs more memory than the 16MB it may use (")
    assert str(error.value).endswith("); nothing was imported: allow it more memory and import the file again")
    assert con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM imports)").fetchall() == [(0, 0)]
    assert settings(con) == before
    assert (
        import_file(con, large, memory_limit=MemorySize.parse("1GB")).inserted == ROWS - 4
    )  # and it imports with more
    con.close()


def test_the_memory_limit_is_a_command_line_option(mini, tmp_path):
    write_ged(tmp_path / "ged.csv", [ged(1), ged(2)])
    bad = mini("import", "ged.csv", "--version", "25.1", "--memory-limit", "lots")
    assert (bad.code, bad.out, bad.err) == (
        1,
        "",
        "Error: --memory-limit: 'lots' is not an amount of memory; write a number and a unit, such as 1GB or 512MB\n",
    )
    none = mini("import", "ged.csv", "--version", "25.1", "--memory-limit", "0MB")
    assert (none.code, none.err) == (1, "Error: --memory-limit: 0MB is no memory at all; allow some, such as 1GB\n")
    assert mini("import", "ged.csv", "--version", "25.1", "--memory-limit", "256MB").out == (
        "ged.csv: ucdp-ged 25.1: 2 rows read, 2 new, 0 changed, 0 unchanged, 0 quarantined\n"
    )


def test_a_memory_size_is_read_as_duckdb_reads_it():
    assert [MemorySize.parse(t).bytes for t in ("1GB", "512 MB", "1.5GiB", "953.6 MiB")] == [
        10**9,
        512 * 10**6,
        int(1.5 * 2**30),
        int(953.6 * 2**20),
    ]


def _incoming(con, events_table: str) -> None:
    con.execute("SET memory_limit = '10MB'")
    con.execute(events_table)
    con.execute("CREATE TEMP TABLE incoming AS SELECT range AS event_id FROM range(200000)")


def test_without_the_events_key_the_limit_stays_however_many_events_come_in():
    con = duckdb.connect()
    _incoming(con, "CREATE TABLE events (dataset VARCHAR NOT NULL, event_id VARCHAR NOT NULL)")
    assert room_for_index(con, "big.csv") == []
    assert con.execute("SELECT current_setting('memory_limit')").fetchall() == [("9.5 MiB",)]


def test_in_a_store_with_the_events_key_the_limit_is_raised_when_its_index_would_not_fit():
    con = duckdb.connect()
    _incoming(con, "CREATE TABLE events (dataset VARCHAR, event_id VARCHAR, PRIMARY KEY (dataset, event_id))")
    assert room_for_index(con, "big.csv") == [
        "big.csv: the index of 200,000 events is held in memory until they are stored: DuckDB may use 26 MB for "
        "this import instead of 10 MB"
    ]  # 64 bytes an event, twice over
    assert con.execute("SELECT current_setting('memory_limit')").fetchall() == [("24.4 MiB",)]  # 25.6 MB
    assert room_for_index(con, "big.csv") == []  # it fits now


def test_bad_bytes_in_a_column_the_import_does_not_use_quarantine_the_row(tmp_path):
    path = write_ged(tmp_path / "ged.csv", [ged(1), ged(2, dyad_name="Government of Pakistan - Caf\u00e9"), ged(3)])
    path.write_bytes(path.read_bytes().replace("Caf\u00e9".encode(), "Caf\u00e9".encode("cp1252")))
    con = duckdb.connect()
    summary = import_file(con, path, version="25.1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    ((row, field, reason),) = con.execute("SELECT row_number, field, reason FROM quarantine").fetchall()
    assert (row, field) == (2, "dyad_name")
    assert reason.startswith("not UTF-8 text")


def test_a_file_hashed_while_it_is_read_is_recognised_when_imported_again(tmp_path, monkeypatch):
    monkeypatch.setattr(digest, "BACKGROUND", 0)  # hash every file beside its import, as a large one is
    path = write_ged(tmp_path / "ged.csv", [ged(n) for n in range(1, 200)])
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    first = import_file(con, path, version="25.1")
    assert (first.inserted, first.sha256) == (199, digest.file_sha256(path))
    before = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM imports)").fetchall()
    again = import_file(con, path, version="25.1")
    assert again.line() == f"{path}: already imported (import #{first.import_id}); nothing changed"
    assert con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM imports)").fetchall() == before
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall() == [(0,)]
    con.close()


KILLED = """
import sys
from pathlib import Path
import duckdb
from torkham.datasets.importer import import_file
from torkham.datasets.memory import room_for_index
from torkham.params import MemorySize

store, path = sys.argv[1:3]
import_file(duckdb.connect(store), Path(path), memory_limit=MemorySize.parse("128MB"))
"""


def test_an_import_killed_while_it_spills_leaves_the_store_as_it_was_and_runs_again(large, tmp_path):
    store = tmp_path / "store.duckdb"
    con = duckdb.connect(str(store))
    first = import_file(con, write_ged(tmp_path / "ged.csv", [ged(70_001), ged(70_002)]), version="24.1")
    before = con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM imports)").fetchall()
    con.close()
    spill = Path(f"{store}.tmp")
    process = subprocess.Popen([sys.executable, "-c", KILLED, str(store), str(large)], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not (spill.is_dir() and any(spill.glob("*.tmp"))):  # DuckDB writes beyond its limit to disk
            assert process.poll() is None, f"the import ended before it spilled: {process.stderr.read()}"
            assert time.monotonic() < deadline, "no spill after 120 s"
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=60) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    con = duckdb.connect(str(store))
    assert con.execute("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM imports)").fetchall() == before
    summary = import_file(con, large, memory_limit=MemorySize.parse("128MB"))
    assert (summary.already_imported, summary.rows_read, summary.inserted) == (None, ROWS, ROWS - 4)
    assert summary.import_id == first.import_id + 1
    con.close()
    assert not spill.exists() or not any(spill.iterdir())  # what the killed import spilled is gone
