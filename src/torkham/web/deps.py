"""Dependencies shared by the API routes and the pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request


def store_cursor(request: Request) -> Iterator[Any]:
    """A DuckDB cursor on the newest opening of the read-only store (web/served.py): a cursor is safe to use
    from one thread. The generation it belongs to is kept in request.state, for the caches."""
    with request.app.state.store.reading() as (generation, cursor):
        request.state.store_generation = generation
        yield cursor


Store = Annotated[Any, Depends(store_cursor)]
