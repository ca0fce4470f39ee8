"""Results that are slow to compute and fixed for the life of the process (the store is opened read-only):
claim checks, briefings. Kept per application, computed once per key even when requests arrive together."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from contextlib import asynccontextmanager
from typing import Any, Protocol

log = logging.getLogger("torkham.web")
KEEP = 32  # entries per application; the oldest goes first (briefings for many ranges)
_guard = threading.Lock()


class HasApp(Protocol):
    """What the cache needs of a request: its application (warm-ups pass a stand-in holding only that)."""

    @property
    def app(self) -> Any: ...


class PageCache:
    def __init__(self, keep: int = KEEP):
        self.keep = keep
        self.values: OrderedDict[tuple, Any] = OrderedDict()
        self.locks: dict[tuple, threading.Lock] = {}

    def get(self, key: tuple, compute: Callable[[], Any]) -> Any:
        with _guard:
            if key in self.values:
                self.values.move_to_end(key)
                return self.values[key]
            lock = self.locks.setdefault(key, threading.Lock())
        with lock:  # one computation per key; the others wait for it
            with _guard:
                if key in self.values:
                    return self.values[key]
            value = compute()
            with _guard:
                self.values[key] = value
                while len(self.values) > self.keep:
                    self.values.popitem(last=False)
                self.locks.pop(key, None)
            return value


def cached(request: HasApp, key: tuple, compute: Callable[[], Any]) -> Any:
    state = request.app.state
    with _guard:
        cache = getattr(state, "page_cache", None)
        if cache is None:
            cache = state.page_cache = PageCache()
    return cache.get(key, compute)


def warm_up_lifespan(name: str, work: Callable[[Any, Any], Any]):
    """A router lifespan that runs `work(app, cursor)` in a background thread once the app's store is open
    (to fill the cache before the first visitor). On shutdown the work is interrupted, so Ctrl+C does not
    wait for it. Apps created with warm_up=False (short-lived test apps) skip it."""

    @asynccontextmanager
    async def lifespan(app):
        if not getattr(app.state, "warm_up", True) or getattr(app.state, "con", None) is None:
            yield
            return
        cursor = app.state.con.cursor()
        stopping = threading.Event()

        def run() -> None:
            try:
                work(app, cursor)
            except Exception:
                if not stopping.is_set():  # the page itself reports the problem to its visitor
                    log.exception("could not prepare the %s in the background", name)

        thread = threading.Thread(target=run, name=f"torkham-warm-up-{name}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stopping.set()
            if thread.is_alive():
                cursor.interrupt()
            thread.join(timeout=5)
            cursor.close()

    return lifespan
