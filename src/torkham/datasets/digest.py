"""The SHA-256 of a file being imported, which tells a file imported before. Hashing a file of gigabytes
takes seconds on one core, so a large file is hashed in a thread while the import reads it: when the hash
shows the file was imported already, the import is interrupted and rolled back, and says so as a small
file would have said at once. A small file, or one the size of a bundled file, is hashed first."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

BACKGROUND = 32 * 2**20  # files this large are hashed beside the import


def file_sha256(path: Path) -> str:
    found = _sha256(path, lambda: False)
    assert found is not None
    return found


def _sha256(path: Path, stop: Callable[[], bool]) -> str | None:
    """The hex SHA-256 of the file; None when `stop` turned true before the end."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            if stop():
                return None
            digest.update(block)
    return digest.hexdigest()


def previous_import(con: Any, dataset: str, sha256: str) -> int | None:
    """The first import of `dataset` that brought the file with this hash, if any."""
    found = con.execute(
        "SELECT import_id FROM imports WHERE dataset = ? AND sha256 = ? ORDER BY import_id LIMIT 1",
        [dataset, sha256],
    ).fetchall()
    return int(found[0][0]) if found else None


class Digest:
    """The hash of `path` and the import that brought it before (`previous`), computed now, or in a thread
    (`background`, for a large file) that interrupts the statement running on `con` when it finds one."""

    def __init__(self, con: Any, path: Path, dataset: str, background: bool = False):
        self.sha256: str | None = None
        self.previous: int | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._lock = threading.Lock()
        if not background or path.stat().st_size < BACKGROUND or _sized_like_bundled(path):
            self.sha256 = file_sha256(path)
            self.previous = previous_import(con, dataset, self.sha256)
            return
        cursor = con.cursor()  # made here: a cursor cannot be made while `con` runs a statement
        self._thread = threading.Thread(target=self._work, args=(con, cursor, path, dataset), daemon=True)
        self._thread.start()

    def _work(self, con: Any, cursor: Any, path: Path, dataset: str) -> None:
        try:
            sha256 = _sha256(path, lambda: self._stopped)
            if sha256 is None:
                return
            self.sha256, self.previous = sha256, previous_import(cursor, dataset, sha256)
            with self._lock:
                if self.previous is not None and not self._stopped:
                    con.interrupt()
        except BaseException as exc:  # handed to the importer by `wait`
            self._error = exc
        finally:
            cursor.close()

    def wait(self) -> str:
        """The hash, once computed."""
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        if self.sha256 is None:
            raise RuntimeError("the file's hash was not computed: the digest was closed first")
        return self.sha256

    def close(self) -> None:
        """Stop the thread (it interrupts nothing after this) and wait for it."""
        with self._lock:
            self._stopped = True
        if self._thread is not None:
            self._thread.join()


def _sized_like_bundled(path: Path) -> bool:
    """Whether a bundled file has this file's size: its version is then known by its hash before reading."""
    from torkham.datasets.bundled import bundled_datasets

    size = path.stat().st_size
    return any(b.path.is_file() and b.path.stat().st_size == size for b in bundled_datasets())
