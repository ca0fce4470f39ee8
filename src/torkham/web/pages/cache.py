"""Results that are slow to compute and fixed while the store file stays the same (it is opened read-only):
claim checks, briefings. Kept per opening of the store (web/served.py: a writer that replaces the store
file starts a new one with an empty cache), computed once per key even when requests arrive together."""

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
    return page_cache(request).get(key, compute)


def page_cache(request: HasApp) -> PageCache:
    """The cache of the store's generation the request reads (web/served.py): a writer's replacement of
    the store opens a new generation, so results of the old data are never shown with the new."""
    from torkham.web.served import thread_generation

    state = request.app.state
    generation = getattr(getattr(request, "state", None), "store_generation", None) or thread_generation()
    if generation is None and getattr(state, "store", None) is not None:
        generation = state.store.current
    with _guard:
        if generation is not None:
            return generation.caches.setdefault("pages", PageCache())
        cache = getattr(state, "page_cache", None)
        if cache is None:
            cache = state.page_cache = PageCache()
        return cache


def warm_up_lifespan(name: str, work: Callable[[Any, Any], Any]):
    """A router lifespan that has `work(app, cursor)` run in a background thread once the app's store is open
    (to fill the cache before the first visitor), and again each time a writer replaced the store. On
    shutdown the work is interrupted (web/served.py), so Ctrl+C does not wait for it. Apps created with
    warm_up=False (short-lived test apps) skip it."""

    @asynccontextmanager
    async def lifespan(app):
        served = getattr(app.state, "store", None)
        if getattr(app.state, "warm_up", True) and served is not None:
            from torkham.web.warm_child import warm_in_child  # in a child process: the server stays small

            served.add_warm_up(name, lambda cursor: warm_in_child(app, work, cursor))
        yield

    return lifespan
