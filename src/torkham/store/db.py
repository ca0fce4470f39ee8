"""How the store is opened (where it lives is a setting: torkham.config)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.errors import TorkhamError

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def connect(path: Path, read_only: bool = False, shown: Path | None = None) -> DuckDBPyConnection:
    """Open the store file `path`; errors name `shown` instead when given (a writer's copy of the store).
    Writers go through store.swap, which never opens the live store for writing."""
    import duckdb  # imported here: it is the slowest import of the CLI

    if read_only and not path.exists():
        raise TorkhamError(f"store {path} does not exist yet")
    named = shown or path
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise TorkhamError(f"store {named} is in use by another process; close it and try again") from None
        raise _cannot_open(named, message) from None
    except duckdb.Error as exc:
        raise TorkhamError(
            f"{named} is not a torkham store ({str(exc).splitlines()[0]}); pass another --db path"
        ) from None


def _cannot_open(named: Path, message: str) -> TorkhamError:
    """Why the store file cannot be opened, and what to pass instead."""
    if named.is_dir():
        return TorkhamError(
            f"{named} is a folder, not a torkham store; pass --db with a file, such as {named / 'torkham.duckdb'}"
        )
    if "not a valid DuckDB database file" in message:
        return TorkhamError(
            f"{named} is not a torkham store (not a DuckDB file); pass --db with a store, or a new path to build one"
        )
    return TorkhamError(f"cannot open store {named}: {message.splitlines()[0]}")


@contextmanager
def transaction(con: DuckDBPyConnection, temp_tables: tuple[str, ...] = ()) -> Iterator[DuckDBPyConnection]:
    """One DuckDB transaction: committed when the block ends, rolled back on any error or interrupt,
    so the store is left as it was. Temporary tables named are dropped afterwards either way."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        for table in temp_tables:
            con.execute(f"DROP TABLE IF EXISTS {table}")


@contextmanager
def bounded_memory(
    con: DuckDBPyConnection, memory_limit: str, also: tuple[str, ...] = ()
) -> Iterator[DuckDBPyConnection]:
    """Hold DuckDB to `memory_limit` (e.g. '1GB') on every core for the block: beyond it, intermediate data
    is written to the spill folder beside the database file (`<file>.tmp`; DuckDB removes it when done and
    clears what a killed process left there). The settings it had are restored after the block, errors
    included, with those named in `also` that the block changes itself (e.g. preserve_insertion_order).
    Used outside a transaction: inside one that failed, DuckDB would refuse to restore them."""
    import duckdb

    names = ("memory_limit", "threads", *also)
    before = [_setting(con, name) for name in names]
    found = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    try:
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute(f"SET threads = {os.cpu_count() or 1}")
        if found and found[0][0]:
            spill = (str(found[0][0]) + ".tmp").replace("'", "''")
            with suppress(duckdb.Error):  # this process spilled to another folder already: DuckDB keeps it
                con.execute(f"SET temp_directory = '{spill}'")
        yield con
    finally:
        for name, value in zip(names, before, strict=True):
            con.execute(f"RESET {name}")  # the default exactly (a limit read back is rounded)
            if _setting(con, name) != value:
                con.execute(f"SET {name} = '{value}'")


def _setting(con: DuckDBPyConnection, name: str) -> str:
    return str(con.execute(f"SELECT current_setting('{name}')").fetchall()[0][0])


ATTACHED = "store"  # the name of the store in a connection from connect_attached


def connect_attached(path: Path) -> DuckDBPyConnection:
    """The store read-only, attached as `store` to a new in-memory DuckDB: a new database each call, where
    `connect` would give back the database this process already has open for the path (DuckDB keeps one
    per path, even after the file was replaced). Cursors select the store with `attached_cursor`."""
    import duckdb

    if not path.exists():
        raise TorkhamError(f"store {path} does not exist yet")
    con = duckdb.connect(":memory:")
    quoted = str(path).replace("'", "''")
    try:
        con.execute(f"ATTACH '{quoted}' AS {ATTACHED} (READ_ONLY)")
    except duckdb.Error as exc:
        con.close()
        raise _cannot_open(path, str(exc)) from None
    return con


def attached_cursor(con: DuckDBPyConnection) -> DuckDBPyConnection:
    """A cursor of a connection from `connect_attached`, reading the store."""
    cursor = con.cursor()
    cursor.execute(f"USE {ATTACHED}")
    return cursor
