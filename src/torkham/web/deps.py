"""Dependencies shared by the API routes and the pages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import Depends, Request


async def store_cursor(request: Request) -> AsyncIterator[Any]:
    """A DuckDB cursor on the newest opening of the read-only store (web/served.py): a cursor is safe to use
    from one thread. The generation it belongs to is kept in request.state, for the caches. Run on the event
    loop (a stat and a new cursor; a new generation only after a writer replaced the store), which spares
    each request two hops to a worker thread and back."""
    with request.app.state.store.reading() as (generation, cursor):
        request.state.store_generation = generation
        yield cursor


Store = Annotated[Any, Depends(store_cursor)]


async def sql_cursor(request: Request) -> AsyncIterator[Any]:
    """`store_cursor` for routes that run only the store's SQL (store.events, store.queries), never Ibis: a
    cursor an earlier request gave back (web/served.py), which spares opening one on every request."""
    with request.app.state.store.reading(reuse=True) as (generation, cursor):
        request.state.store_generation = generation
        yield cursor


SqlStore = Annotated[Any, Depends(sql_cursor)]


async def writer(request: Request) -> Any:
    """The sender of a change under `torkham serve --write`, or a 403 (web/writeaccess.py); runs before the
    body is read."""
    from torkham.web.writeaccess import require_writer

    return require_writer(request)


Writer = Annotated[Any, Depends(writer)]
