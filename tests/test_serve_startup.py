"""`torkham serve` checks everything before it says it serves: the port, the knowledge (valid, or a last valid
build to answer from), the store (a DuckDB file that opens, not held by a writer when it must be built). Each
problem is one `Error: …` line naming the fix, exit status 1, and nothing on standard output."""

from __future__ import annotations

import fcntl
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

TORKHAM = Path(sys.executable).parent / "torkham"
STORE = "store/torkham.duckdb"  # the db_path fixture, relative to tmp_path
LIMIT = 120  # seconds: a serve that does not stop by itself fails the test, never hangs it


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(cwd: Path, *options: str, db: str = STORE, port: int | None = None) -> subprocess.CompletedProcess:
    """`torkham serve` run to its end: a start-up error ends it at once."""
    args = [str(TORKHAM), "--db", db, "--kb", "kb", "serve", "--port", str(port or free_port()), *options]
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=LIMIT, check=False)


def refused(result: subprocess.CompletedProcess, message: str) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (1, "", f"Error: {message}\n")


@contextmanager
def serving(cwd: Path, port: int) -> Iterator[tuple[str, str]]:
    """A `torkham serve` that starts: its first line on standard output and what it wrote on standard error
    before it, until the block ends (then it is stopped with Ctrl+C)."""
    args = [str(TORKHAM), "--db", STORE, "--kb", "kb", "serve", "--port", str(port)]
    errors = cwd / "serve.err"
    with errors.open("w") as stderr:
        process = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=stderr, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()
    try:
        first = lines.get(timeout=LIMIT)
        assert first.startswith("torkham workbench on"), (first, errors.read_text())
        wait_for_port(port)
        yield first, errors.read_text()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_port(port: int) -> None:
    deadline = time.monotonic() + LIMIT
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, "the server did not listen"
            time.sleep(0.1)


@contextmanager
def writer_at_work(db: Path) -> Iterator[int]:
    """The store's writer lock held, as `torkham import` holds it while it writes (store/swap.py)."""
    handle = os.open(db.with_name(db.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)
    try:
        yield os.getpid()
    finally:
        os.close(handle)


@pytest.fixture
def here(tmp_path, mini_kb, db_path) -> Path:
    """tmp_path holding kb/ (the mini knowledge) and store/torkham.duckdb (built from it)."""
    return tmp_path


def change_knowledge(kb: Path) -> None:
    """A valid change: the store must be rebuilt before it is served."""
    actors = kb / "actors.yaml"
    actors.write_text(actors.read_text().replace("name: Pakistan\n", "name: Islamic Republic of Pakistan\n"))


def test_a_port_in_use_is_refused(here):
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        result = serve(here, port=port)
    refused(
        result,
        f"cannot listen on 127.0.0.1:{port} (Address already in use); pass another --port or stop the other server",
    )


def test_a_host_that_does_not_resolve_is_refused(here):
    port = free_port()
    result = serve(here, "--host", "no-such-host.invalid", port=port)
    refused(result, f"cannot listen on no-such-host.invalid:{port} (Name or service not known); pass another --host")


def test_a_db_that_is_not_a_duckdb_file_is_refused(here):
    (here / "notes.duckdb").write_text("my notes, not a database\n")
    refused(
        serve(here, db="notes.duckdb"),
        "notes.duckdb is not a torkham store (not a DuckDB file); pass --db with a store, or a new path to build one",
    )
    assert (here / "notes.duckdb").read_text() == "my notes, not a database\n"


def test_a_db_that_is_a_folder_is_refused(here):
    (here / "stores").mkdir()
    refused(
        serve(here, db="stores"),
        "stores is a folder, not a torkham store; pass --db with a file, such as stores/torkham.duckdb",
    )


def test_a_db_in_a_folder_that_cannot_be_made_is_refused(here):
    (here / "file").write_text("")
    refused(
        serve(here, db="file/torkham.duckdb"),
        "cannot write store file/torkham.duckdb (file is not a folder); pass --db with a path in a folder you can write",
    )


def test_a_missing_knowledge_folder_is_refused(here):
    (here / "kb").rename(here / "elsewhere")
    refused(serve(here), "knowledge folder kb does not exist; pass --kb DIR or set TORKHAM_KB")


def test_knowledge_that_does_not_validate_without_a_valid_build_is_refused(here):
    (here / "kb" / "records.yaml").write_text("")
    refused(
        serve(here, db="new/torkham.duckdb"),
        "the knowledge in kb does not validate (kb/records.yaml:1: the file is empty (no records); restore its "
        "records (from git or a backup), or delete the file), and store new/torkham.duckdb holds no valid build to "
        "serve meanwhile; fix the files (`torkham kb validate` lists every problem) and start again",
    )
    assert not (here / "new" / "torkham.duckdb").exists()


def test_a_store_an_import_is_writing_is_refused_when_it_must_be_built(here, db_path):
    change_knowledge(here / "kb")
    with writer_at_work(db_path) as pid:
        result = serve(here)
    refused(
        result,
        f"store {STORE} is being changed by another torkham command (process {pid}); try again when it has finished",
    )


def test_a_store_another_program_holds_open_for_writing_is_refused(here, db_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ready', flush=True); "
         "time.sleep(600)", str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline() == "ready\n"
        result = serve(here)
    finally:
        holder.kill()
        holder.wait()
    refused(result, f"store {STORE} is in use by another process; close it and try again")


def test_a_current_store_is_served_while_an_import_writes_it(here, db_path):
    port = free_port()
    with writer_at_work(db_path), serving(here, port) as (first, errors):
        assert (
            first
            == f"torkham workbench on http://127.0.0.1:{port}/  (API: http://127.0.0.1:{port}/api/v1/docs; Ctrl+C stops)\n"
        )
        assert errors == ""
        assert httpx.get(f"http://127.0.0.1:{port}/api/v1/actors", timeout=30).status_code == 200


def test_knowledge_that_does_not_validate_is_served_from_the_last_valid_build_with_a_warning(here):
    (here / "kb" / "records.yaml").write_text("")
    port = free_port()
    with serving(here, port) as (first, errors):
        assert first.startswith(f"torkham workbench on http://127.0.0.1:{port}/")
        assert errors.startswith(
            "Warning: the knowledge in kb does not validate (kb/records.yaml:1: the file is empty (no records); "
            "restore its records (from git or a backup), or delete the file); answering from the last valid build of "
        )
        assert errors.count("\n") == 1 and errors.endswith(" Run `torkham kb validate` for every problem.\n")
        page = httpx.get(f"http://127.0.0.1:{port}/actors", timeout=30)
        assert page.status_code == 200
        assert errors.strip() in page.text  # the banner says the same as the warning
