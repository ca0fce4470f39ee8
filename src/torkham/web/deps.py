"""Dependencies shared by the API routes and the pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Request


def store_cursor(request: Request) -> Iterator[Any]:
    """A DuckDB cursor on the process's read-only connection: cursors are safe to use from one thread each."""
    cursor = request.app.state.con.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


Store = Annotated[Any, Depends(store_cursor)]
