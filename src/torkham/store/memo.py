"""Lookups that are fixed for one opening of the store — the countries, regions and datasets held, the
actors' names, the coverage spans — remembered for a cursor the caller has bound to a cache.

The web serves a read-only store and opens a new *generation* when a writer replaces the file
(web/served.py); it binds each request's cursor to that generation's cache, so a lookup runs once per
generation, never once per request, and an import while serving is seen by the first request after it.
A cursor nobody bound (the CLI, a test) computes every lookup afresh: a command asks each once.

    with bound(cursor, generation.caches):
        held = remembered(cursor, ("countries",), lambda: ...)   # computed once for this cache

`remembered_once` is for a lookup that makes something (a table in the generation's own database): when
requests arrive together, the others wait for the first instead of making it again."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator, MutableMapping
from contextlib import contextmanager
from typing import Any, TypeVar, cast

T = TypeVar("T")
Cache = MutableMapping[Any, Any]
_BOUND: dict[int, Cache] = {}  # id(cursor) -> its cache, while `bound` holds it
_LOCKS = threading.Lock()  # guards the making of the per-key locks of `remembered_once`


@contextmanager
def bound(cursor: object, cache: Cache) -> Iterator[None]:
    """Remember lookups made on `cursor` in `cache` until the block ends (the cursor is closed after it)."""
    _BOUND[id(cursor)] = cache
    try:
        yield
    finally:
        _BOUND.pop(id(cursor), None)


def cache_of(con: object) -> Cache | None:
    """The cache `con` is bound to, or None."""
    return _BOUND.get(id(con))


def remembered(con: object, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """`compute()`, once per cache `con` is bound to (every call when it is bound to none). Two requests
    arriving together may both compute it; the result is the same, and the first one kept."""
    cache = _BOUND.get(id(con))
    if cache is None:
        return compute()
    full = ("store", *key)
    if full in cache:
        return cast(T, cache[full])
    return cast(T, cache.setdefault(full, compute()))


def remembered_once(con: object, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """`remembered`, but computed once per cache even when requests arrive together: the others wait for the
    first. A failed computation is not kept; the next call tries again."""
    cache = _BOUND.get(id(con))
    if cache is None:
        return compute()
    full = ("store", *key)
    if full in cache:
        return cast(T, cache[full])
    with _LOCKS:
        lock = cache.setdefault(("store lock", *key), threading.Lock())
    with lock:
        if full not in cache:
            cache[full] = compute()
        return cast(T, cache[full])
