"""An open, current store for the settings given: built or rebuilt first when the knowledge changed (or,
while the knowledge does not validate, its last valid build)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from torkham.config import Settings

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


@contextmanager
def open_store(settings: Settings) -> Iterator[DuckDBPyConnection]:
    """The store, built or rebuilt first if the knowledge files changed; opened read-only. While the knowledge
    files do not validate, the last valid build answers, with a warning (store/lastgood.py)."""
    from torkham.store.build import ensure_readable, is_current
    from torkham.store.db import connect
    from torkham.store.lastgood import log

    path, kb_root = settings.db_path, settings.kb_root
    con = connect(path, read_only=True) if path.exists() else None
    if con is None or not is_current(con, kb_root):  # one connection when nothing changed
        if con is not None:
            con.close()
        last_good = ensure_readable(path, kb_root)
        if last_good is not None:
            log.warning(last_good.warning())
        con = connect(path, read_only=True)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def open_store_for_writing(settings: Settings) -> Iterator[DuckDBPyConnection]:
    """The store, current, opened for writing (imports, fetches): a copy of it, which replaces the store in
    one step when the block ends without error (store/swap.py). One writer at a time; readers, a running
    `torkham serve` among them, keep reading meanwhile and never see half a change."""
    from torkham.store.build import ensure_store
    from torkham.store.swap import writing_store

    ensure_store(settings.db_path, settings.kb_root)
    with writing_store(settings.db_path) as con:
        yield con
