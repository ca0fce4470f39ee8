"""Writing the store while others read it (a running `torkham serve`, another command).

A writer never opens the live store file for writing. It takes the writer lock (`<store>.lock`, one
writer at a time), copies the store to `<store>.writing`, writes the copy, checkpoints and closes it,
flushes it to disk and renames it over the store in one step (`os.replace`). Readers that opened the old
file keep reading it until they close it; readers that open the store afterwards see the new file, whole.
A writer killed half-way leaves the store as it was and only the copy behind, which the next writer
removes. DuckDB locks a file per inode, so a reader holding the old file never blocks the writer."""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.errors import TorkhamError
from torkham.store.actor_index import publish_index, write_index
from torkham.store.db import connect
from torkham.store.event_months import ensure_event_months

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Stamp = tuple[int, int, int]

_writing: set[Path] = set()  # stores this process is writing: a nested write would undo the outer one
_writing_guard = threading.Lock()


class StoreBusy(TorkhamError):
    """Another process is writing the store."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def copy_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".writing")


def store_stamp(db_path: Path) -> Stamp | None:
    """What identifies the file now at `db_path` (inode, modification time, size); None when there is none.
    It changes whenever a writer replaces the store; one stat, cheap enough to ask on every request."""
    try:
        status = os.stat(db_path)
    except FileNotFoundError:
        return None
    return (status.st_ino, status.st_mtime_ns, status.st_size)


@contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    """Hold the store's writer lock; refused at once, naming the holder, when another process holds it."""
    key = db_path.resolve()
    with _writing_guard:
        if key in _writing:
            raise RuntimeError(f"store {db_path} is already being written by this process (nested write)")
        _writing.add(key)
    try:
        handle = _open_lock(db_path)
        try:
            _take(handle, db_path)
            yield
        finally:
            os.close(handle)  # releases the lock; the file stays (removing it would race another writer)
    finally:
        with _writing_guard:
            _writing.discard(key)


def _open_lock(db_path: Path) -> int:
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(lock_path(db_path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        parent = db_path.parent
        reason = f"{parent} is not a folder" if parent.exists() and not parent.is_dir() else exc.strerror or exc
        raise TorkhamError(
            f"cannot write store {db_path} ({reason}); pass --db with a path in a folder you can write"
        ) from None


def _take(handle: int, db_path: Path) -> None:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(handle, 32, 0).decode(errors="replace").strip()
        who = f" (process {holder})" if holder.isdigit() else ""
        raise StoreBusy(
            f"store {db_path} is being changed by another torkham command{who}; try again when it has finished"
        ) from None
    os.ftruncate(handle, 0)
    os.pwrite(handle, f"{os.getpid()}\n".encode(), 0)


@contextmanager
def writing_store(db_path: Path) -> Iterator[DuckDBPyConnection]:
    """A read-write connection on a copy of the store (an empty store when there is none yet). When the
    block ends without error the copy replaces the store in one step; on an error, an interrupt or a kill
    the store stays as it was."""
    with writer_lock(db_path):
        copy = copy_path(db_path)
        _remove(copy)
        if db_path.exists():
            _fold_journal(db_path)
            shutil.copyfile(db_path, copy)
            shutil.copymode(db_path, copy)
        con = connect(copy, shown=db_path)
        try:
            yield con
            ensure_event_months(con)  # the monthly counts the series read, in step with the events
            con.execute("CHECKPOINT")
            index = write_index(con, db_path)  # what `torkham show` reads without opening the store
        except BaseException:
            con.close()
            _remove(copy)
            raise
        con.close()
        publish_index(index, copy, db_path)
        _publish(copy, db_path)


def _fold_journal(db_path: Path) -> None:
    """A write-ahead log beside the store (left by a writer of an older torkham that was killed) holds
    committed changes the file alone lacks: write them into the store first, so the copy has them."""
    if db_path.with_name(db_path.name + ".wal").exists():
        con = connect(db_path)
        try:
            con.execute("CHECKPOINT")
        finally:
            con.close()


def _publish(copy: Path, db_path: Path) -> None:
    """Flush the finished copy to disk, rename it over the store, and flush the folder (the rename)."""
    handle = os.open(copy, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
    os.replace(copy, db_path)
    folder = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def _remove(copy: Path) -> None:
    """The copy a killed writer left, and DuckDB's log of it."""
    for path in (copy, copy.with_name(copy.name + ".wal")):
        path.unlink(missing_ok=True)
