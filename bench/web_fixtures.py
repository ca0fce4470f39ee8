"""What the web benchmarks need around the servers: a store (bundled data, optionally enlarged with
SYNTHETIC events), its events table exported to SQLite for Datasette, and server processes on free
loopback ports that are stopped whatever happens."""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from synthetic_ged import generate, synthetic_name  # noqa: E402

BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
SQLITE_TYPES = {"DATE": "TEXT", "INTEGER": "INTEGER", "BIGINT": "INTEGER", "DOUBLE": "REAL"}
# Columns a Datasette publisher would index for filtering and faceting (sqlite-utils create-index).
SQLITE_INDEXES = (("iso3", "date_start"), ("date_start",), ("date_end",), ("admin1",), ("actor1",), ("actor2",))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_store(folder: Path, synthetic_events: int, template: Path | None = None, kb_root: Path | None = None) -> Path:
    """A store as a new user has it (bundled knowledge, UCDP, UNHCR) — or a copy of `template`, a store
    built from `kb_root` — plus `synthetic_events` made-up UCDP-shaped events (bench/synthetic_ged.py;
    ids from 900,000,001, never real UCDP data)."""
    from torkham.config import Settings
    from torkham.store.build import ensure_store

    kb_root = kb_root or Settings.load().kb_root
    store = folder / "bench-web.duckdb"
    store.unlink(missing_ok=True)
    started = time.perf_counter()
    if template:
        shutil.copyfile(template, store)
    ensure_store(store, kb_root)
    log(f"store {'copied' if template else 'with the bundled data built'} in {time.perf_counter() - started:.1f}s")
    if synthetic_events > 0:
        from torkham.datasets.actors import refresh_actor_names
        from torkham.datasets.importer import import_file
        from torkham.store.db import connect

        csv = folder / synthetic_name(synthetic_events)
        if not csv.is_file():
            log(f"generating {csv.name} (SYNTHETIC) in {generate(synthetic_events, csv):.1f}s")
        started = time.perf_counter()
        con = connect(store)
        try:
            summary = import_file(con, csv, version="25.1")  # synthetic: no UCDP name states it
            refresh_actor_names(con, kb_root)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        log(f"imported {summary.inserted:,} SYNTHETIC events in {time.perf_counter() - started:.1f}s")
    return store


def export_events_to_sqlite(store: Path, target: Path, batch: int = 20_000) -> int:
    """Copy the store's `events` table (every column, every row) into a new SQLite file, indexed as a
    Datasette publisher would index it; the number of rows."""
    import duckdb

    target.unlink(missing_ok=True)
    duck = duckdb.connect(str(store), read_only=True)
    duck.execute("SET enable_progress_bar = false")  # it would write to our standard output
    lite = sqlite3.connect(target)
    try:
        columns = duck.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'events'"
        ).fetchall()
        # UBIGINT (content_hash) does not fit SQLite's signed integers, dates are ISO text there: both as text.
        declared = ", ".join(f"{name} {SQLITE_TYPES.get(kind, 'TEXT')}" for name, kind in columns)
        selected = ", ".join(
            name if SQLITE_TYPES.get(kind, "TEXT") != "TEXT" else f"CAST({name} AS VARCHAR)" for name, kind in columns
        )
        lite.execute(f"CREATE TABLE events ({declared}, PRIMARY KEY (dataset, event_id))")
        cursor = duck.execute(f"SELECT {selected} FROM events ORDER BY dataset, event_id")
        placeholders = ", ".join("?" for _ in columns)
        rows = 0
        while chunk := cursor.fetchmany(batch):
            lite.executemany(f"INSERT INTO events VALUES ({placeholders})", chunk)
            rows += len(chunk)
        for index_columns in SQLITE_INDEXES:
            lite.execute(f"CREATE INDEX events_{'_'.join(index_columns)} ON events ({', '.join(index_columns)})")
        lite.execute("ANALYZE")
        lite.commit()
    finally:
        lite.close()
        duck.close()
    return rows


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _answers(port: int, path: str) -> int | None:
    connection = http.client.HTTPConnection(HOST, port, timeout=5)
    try:
        connection.request("GET", path)
        return connection.getresponse().status
    except OSError:
        return None
    finally:
        connection.close()


@dataclass(frozen=True)
class ServerSpec:
    name: str
    argv: list[str]
    port: int
    probe: str = "/"  # a path it answers (any status) once it is up


@contextmanager
def servers(specs: list[ServerSpec], logs: Path, timeout: float = 120, settle: bool = True):
    """Start every server at once, wait until each answers its probe — and, with `settle`, until each has
    finished the work it does at start-up (torkham prepares the overview in a background thread) — and
    stop them all when the block ends."""
    processes: list[subprocess.Popen] = []
    try:
        for spec in specs:
            with (logs / f"{spec.name}.log").open("wb") as log_file:
                processes.append(
                    subprocess.Popen(spec.argv, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True)
                )
        started = time.perf_counter()
        for spec, process in zip(specs, processes, strict=True):
            while _answers(spec.port, spec.probe) is None:
                if process.poll() is not None:
                    tail = (logs / f"{spec.name}.log").read_text(errors="replace")[-2000:]
                    raise SystemExit(f"{spec.name} exited with status {process.returncode} before answering:\n{tail}")
                if time.perf_counter() - started > timeout:
                    raise SystemExit(f"{spec.name} did not answer on port {spec.port} within {timeout:.0f}s")
                time.sleep(0.05)
        if settle:
            for spec, process in zip(specs, processes, strict=True):
                waited = wait_until_idle(process.pid, timeout)
                log(f"{spec.name} answers on port {spec.port}; idle after {waited:.1f}s more (start-up work done)")
        yield processes
    finally:
        _stop(processes)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, all its threads, and of the processes it started, running or
    ended (torkham serve does its start-up work in a child process) (Linux /proc)."""
    stats: dict[int, list[str]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            stats[int(stat.parent.name)] = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, ValueError):
            continue  # ended meanwhile
    children: dict[int, list[int]] = {}
    for child, fields in stats.items():
        children.setdefault(int(fields[1]), []).append(child)
    ticks, todo = 0, [pid]
    while todo:
        current = todo.pop()
        fields = stats.get(current)
        if fields:  # utime, stime, and cutime, cstime of the children it waited for
            ticks += sum(int(fields[i]) for i in (11, 12, 13, 14))
        todo += children.get(current, [])
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid: int, timeout: float, window: float = 0.5, busy: float = 0.05) -> float:
    """Wait until the process used less than `busy` of a core over `window` seconds; the seconds waited."""
    started = time.perf_counter()
    before = cpu_seconds(pid)
    while time.perf_counter() - started < timeout:
        time.sleep(window)
        now = cpu_seconds(pid)
        if now - before < busy * window:
            break
        before = now
    return time.perf_counter() - started


def _stop(processes: list[subprocess.Popen], grace: float = 2) -> None:
    """SIGTERM to all, then SIGKILL to those still running after `grace` seconds: both stores are opened
    read-only, nothing can be lost, and torkham's shutdown waits for its start-up work when stopped early."""
    running = [p for p in processes if p.poll() is None]
    for process in running:
        os.killpg(process.pid, signal.SIGTERM)
    deadline = time.perf_counter() + grace
    for process in running:
        try:
            process.wait(timeout=max(0.0, deadline - time.perf_counter()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def torkham_argv(store: Path, port: int, kb_root: Path | None = None) -> list[str]:
    knowledge = ["--kb", str(kb_root)] if kb_root else []
    return [str(BIN / "torkham"), "--db", str(store), *knowledge, "serve", "--host", HOST, "--port", str(port)]


def datasette_argv(database: Path, port: int) -> list[str]:
    """Datasette serving the SQLite file read-only (immutable), with its time limits raised so it
    always answers in full (a facet that times out would make its figures look better than they are)
    and without facet suggestions (our API does not suggest facets either)."""
    settings = {"sql_time_limit_ms": 60_000, "facet_time_limit_ms": 60_000, "suggest_facets": "off"}
    argv = [str(BIN / "datasette"), "serve", "--immutable", str(database), "--host", HOST, "--port", str(port)]
    for key, value in settings.items():
        argv += ["--setting", key, str(value)]
    return argv
