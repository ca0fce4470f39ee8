"""Results that are slow to compute and fixed for the life of the process (the store is opened read-only):
claim checks, briefings. Kept per application, computed once per key even when requests arrive together."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from starlette.requests import Request

KEEP = 32  # entries per application; the oldest goes first (briefings for many ranges)
_guard = threading.Lock()


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


def cached(request: Request, key: tuple, compute: Callable[[], Any]) -> Any:
    state = request.app.state
    with _guard:
        cache = getattr(state, "page_cache", None)
        if cache is None:
            cache = state.page_cache = PageCache()
    return cache.get(key, compute)
