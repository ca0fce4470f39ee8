"""How the store is opened (where it lives is a setting: torkham.config)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.errors import TorkhamError

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def connect(path: Path, read_only: bool = False) -> DuckDBPyConnection:
    import duckdb  # imported here: it is the slowest import of the CLI

    if read_only and not path.exists():
        raise TorkhamError(f"store {path} does not exist yet")
    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise TorkhamError(f"store {path} is in use by another process; close it and try again") from None
        raise TorkhamError(f"cannot open store {path}: {message.splitlines()[0]}") from None
    except duckdb.Error as exc:
        raise TorkhamError(
            f"{path} is not a torkham store ({str(exc).splitlines()[0]}); pass another --db path"
        ) from None


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
