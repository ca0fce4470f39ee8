"""The store as the web serves it: read-only, following the writers that replace the store file.

Writers (`torkham import`, `fetch`, `accept`, a rebuild) replace the store file in one step
(store/swap.py). Every request first compares the file's stamp (one stat) with the one it was opened
at; when a writer replaced it, a new *generation* is opened for the requests that follow, while the
requests already running finish on the old one, which is closed when its last user is done. Each
generation keeps its own caches (web/pages/cache.py), so nothing computed from the old data is shown
once the new data is there, and the warm-ups (overview, claim checks) run again for it.

DuckDB keeps one database per file path in a process, so connecting again to the same path would give
the old file back; a generation is therefore opened with store.db.connect_attached (an in-memory DuckDB
with the store attached read-only), a new database each time."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from torkham.store.swap import store_stamp

log = logging.getLogger("torkham.web")
WarmUp = Callable[[Any], None]  # work(cursor), run in a background thread on each new generation
IDLE_CURSORS = 16  # cursors a generation keeps for `reading(reuse=True)`; more requests at once open their own
_local = threading.local()


class Generation:
    """One opening of the store file: a connection, the caches computed from it, who still uses it."""

    def __init__(self, path: Path):
        from torkham.store.db import connect_attached

        self.stamp = store_stamp(path)  # before opening: a replacement in between is seen at the next request
        self.con = connect_attached(path)
        self.caches: dict[str, Any] = {}
        self.users = 0
        self.retired = False
        self.warming: list[Any] = []  # cursors of running warm-ups, interrupted when the generation retires
        self.idle: list[Any] = []  # cursors given back by requests that ran plain SQL (`reading(reuse=True)`)

    def cursor(self) -> Any:
        from torkham.store.db import attached_cursor

        return attached_cursor(self.con)


def thread_generation() -> Generation | None:
    """The generation a warm-up thread works on (requests carry theirs in request.state)."""
    return getattr(_local, "generation", None)


class ServedStore:
    def __init__(self, path: Path):
        self.path = path
        self.current = Generation(path)
        self._lock = threading.Lock()
        self._warm_ups: list[tuple[str, WarmUp]] = []
        self._threads: list[threading.Thread] = []
        self._stopping = threading.Event()

    @contextmanager
    def reading(self, reuse: bool = False) -> Iterator[tuple[Generation, Any]]:
        """A cursor on the newest generation, for one request; the generation stays open until released.
        `reuse`: a cursor an earlier request gave back, given back in turn when the block ends without an error,
        which spares opening one (a new cursor costs a statement, `USE store`). Only for code that runs plain
        SQL: a cursor keeps the settings a statement changed on it (Ibis sets its time zone)."""
        from torkham.store.memo import bound

        generation = self._acquire()
        try:
            cursor = self._take(generation) if reuse else generation.cursor()
            kept = False
            try:
                with bound(cursor, generation.caches):  # lookups fixed for this opening (store.memo)
                    yield generation, cursor
                kept = reuse and self._give_back(generation, cursor)
            finally:
                if not kept:
                    cursor.close()
        finally:
            self._release(generation)

    def cursor(self) -> Any:
        """A cursor on the newest generation for a short look (tests); prefer `reading`, which keeps it open."""
        return self._acquire_and_release().cursor()

    def add_warm_up(self, name: str, work: WarmUp) -> None:
        """Run `work` now on the current generation, and again on each generation opened later."""
        with self._lock:
            self._warm_ups.append((name, work))
            generation = self.current
        self._start(generation, name, work)

    def close(self) -> None:
        self._stopping.set()
        with self._lock:
            generations = [self.current]
            self.current.retired = True
            for cursor in self.current.warming:
                cursor.interrupt()
        for thread in self._threads:
            thread.join(timeout=5)
        for generation in generations:
            generation.con.close()

    def _acquire(self) -> Generation:
        with self._lock:
            opened = self._follow()
            generation = self.current
            generation.users += 1
            warm_ups = list(self._warm_ups)
        if opened is not None:
            for name, work in warm_ups:
                self._start(opened, name, work)
        return generation

    def _acquire_and_release(self) -> Generation:
        generation = self._acquire()
        self._release(generation)
        return generation

    def _follow(self) -> Generation | None:
        """Open a new generation if a writer replaced the store file (under the lock); the new one or None."""
        stamp = store_stamp(self.path)
        if stamp is None or stamp == self.current.stamp or self._stopping.is_set():
            return None
        try:
            fresh = Generation(self.path)
        except Exception:  # keep serving what was open; the next request tries again
            log.exception("could not open the replaced store %s", self.path)
            return None
        old, self.current = self.current, fresh
        old.retired = True
        for cursor in old.warming:
            cursor.interrupt()  # its results would only fill the old generation's caches
        self._close_if_unused(old)
        return fresh

    def _release(self, generation: Generation) -> None:
        with self._lock:
            generation.users -= 1
            self._close_if_unused(generation)

    def _take(self, generation: Generation) -> Any:
        with self._lock:
            if generation.idle:
                return generation.idle.pop()
        return generation.cursor()

    def _give_back(self, generation: Generation, cursor: Any) -> bool:
        """Keep `cursor` for the next request (False: close it — its generation retired, or enough are kept)."""
        cursor.abort()  # a result left unread would refuse the next user's relations
        with self._lock:
            if generation.retired or len(generation.idle) >= IDLE_CURSORS:
                return False
            generation.idle.append(cursor)
            return True

    def _close_if_unused(self, generation: Generation) -> None:
        if generation.retired and generation.users == 0 and generation is not self.current:
            generation.con.close()  # its cursors, idle ones included, with it

    def _start(self, generation: Generation, name: str, work: WarmUp) -> None:
        with self._lock:
            if generation.retired:
                return
            generation.users += 1
            cursor = generation.cursor()
            generation.warming.append(cursor)

        def run() -> None:
            from torkham.store.memo import bound

            _local.generation = generation
            try:
                with bound(cursor, generation.caches):
                    work(cursor)
            except Exception:
                if not (self._stopping.is_set() or generation.retired):  # the page itself reports the problem
                    log.exception("could not prepare the %s in the background", name)
            finally:
                with self._lock:
                    generation.warming.remove(cursor)
                cursor.close()
                self._release(generation)

        thread = threading.Thread(target=run, name=f"torkham-warm-up-{name}", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
