"""How the store is opened (where it lives is a setting: torkham.config)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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
