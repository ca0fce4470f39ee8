"""Writers replace the store in one step (store/swap.py): a reader in another process holding the store open
never blocks them and keeps its view, a failed or killed writer leaves the store as it was, one writer at a
time with a clear message for the second, and a log left by an older torkham's killed writer is kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

from torkham.store.swap import StoreBusy, copy_path, store_stamp, writer_lock, writing_store

HOLD_READ_ONLY = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    print(con.execute("SELECT count(*) FROM t").fetchone()[0], flush=True)
    sys.stdin.readline()
    print(con.execute("SELECT count(*) FROM t").fetchone()[0], flush=True)
    """
)
HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from torkham.store.swap import writer_lock
    with writer_lock(Path(sys.argv[1])):
        print("held", flush=True)
        sys.stdin.readline()
    """
)
SLOW_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from torkham.store.swap import writing_store
    with writing_store(Path(sys.argv[1])) as con:
        con.execute("INSERT INTO t SELECT range FROM range(1000)")
        print("written", flush=True)
        time.sleep(120)
    """
)


@pytest.fixture
def store(tmp_path) -> Path:
    path = tmp_path / "store.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t AS SELECT range AS x FROM range(3)")
    con.close()
    return path


def count(path: Path) -> int:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM t").fetchone()[0])
    finally:
        con.close()


def helper(script: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process: subprocess.Popen) -> tuple[str, str]:
    out, err = process.communicate("\n", timeout=60)
    return out, err


def test_a_write_replaces_the_store_while_another_process_reads_it(store):
    reader = helper(HOLD_READ_ONLY, store)
    try:
        assert reader.stdout.readline() == "3\n"  # the reader holds the store open (DuckDB's shared lock)
        with pytest.raises(duckdb.IOException, match="lock"):
            duckdb.connect(str(store))  # which is why a writer may not open the store itself
        before = store_stamp(store)
        with writing_store(store) as con:
            con.execute("INSERT INTO t VALUES (3), (4)")
            assert count(store) == 3  # not yet: the write goes to a copy
        assert store_stamp(store) != before
        assert count(store) == 5
        out, err = finish(reader)
        assert (out, reader.returncode) == ("3\n", 0), err  # the reader kept the file it had opened
    finally:
        reader.kill()
    assert sorted(p.name for p in store.parent.iterdir()) == ["store.duckdb", "store.duckdb.lock"]


def test_an_error_in_the_write_leaves_the_store_as_it_was(store):
    before = store_stamp(store)
    with pytest.raises(RuntimeError, match="disk on fire"), writing_store(store) as con:
        con.execute("INSERT INTO t VALUES (3)")
        raise RuntimeError("disk on fire")
    assert (store_stamp(store), count(store)) == (before, 3)
    assert not copy_path(store).exists()


def test_a_first_write_creates_the_store(tmp_path):
    path = tmp_path / "new" / "store.duckdb"
    with writing_store(path) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    assert count(path) == 1


def test_a_killed_writer_leaves_the_store_and_a_copy_the_next_writer_removes(store):
    before = store_stamp(store)
    writer = helper(SLOW_WRITER, store)
    try:
        assert writer.stdout.readline() == "written\n", writer.stderr.read()
        assert copy_path(store).exists()
        os.kill(writer.pid, signal.SIGKILL)
        assert writer.wait(timeout=60) == -signal.SIGKILL
    finally:
        writer.kill()
    assert (store_stamp(store), count(store)) == (before, 3)
    with writing_store(store) as con:  # the lock died with the writer; its copy is replaced
        con.execute("INSERT INTO t VALUES (3)")
    assert count(store) == 4
    assert not copy_path(store).exists()


def test_a_second_writer_is_refused_naming_the_first(store):
    holder = helper(HOLD_LOCK, store)
    try:
        assert holder.stdout.readline() == "held\n", holder.stderr.read()
        with pytest.raises(StoreBusy) as refused, writing_store(store):
            pass
        assert str(refused.value) == (
            f"store {store} is being changed by another torkham command (process {holder.pid}); "
            "try again when it has finished"
        )
        finish(holder)
    finally:
        holder.kill()
    with writing_store(store) as con:  # free again
        con.execute("INSERT INTO t VALUES (3)")
    assert count(store) == 4


def test_a_write_inside_a_write_of_the_same_store_is_a_programming_error(store):
    with writer_lock(store), pytest.raises(RuntimeError, match="nested write"), writer_lock(store):
        pass


def test_a_log_left_by_a_killed_writer_of_an_older_torkham_is_kept(store):
    legacy = "import sys, os, duckdb\ncon = duckdb.connect(sys.argv[1])\ncon.execute('INSERT INTO t VALUES (9)')\nos._exit(0)"
    subprocess.run([sys.executable, "-c", legacy, str(store)], check=True)
    assert store.with_name("store.duckdb.wal").exists()
    with writing_store(store) as con:
        con.execute("INSERT INTO t VALUES (10)")
    assert count(store) == 5
    assert not store.with_name("store.duckdb.wal").exists()


def test_the_stamp_is_none_without_a_store_and_changes_with_each_write(tmp_path, store):
    assert store_stamp(tmp_path / "none.duckdb") is None
    stamps = {store_stamp(store)}
    for _ in range(2):
        with writing_store(store) as con:
            con.execute("INSERT INTO t VALUES (0)")
        stamps.add(store_stamp(store))
    assert len(stamps) == 3
