"""Parameter checks the API routes share; messages name the parameter as the URL spells it."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from torkham.params import ActorRef
from torkham.web.errors import NotFound

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def actor_id_of(con: DuckDBPyConnection, name: str | None, parameter: str = "actor") -> str | None:
    """The actor any name, alias, spelling or id denotes; ambiguous or unknown names are errors."""
    from torkham.store.refs import actor_id

    return actor_id(con, ActorRef.parse(name, parameter))


def not_found(what: str, value: str) -> NotFound:
    return NotFound(f"no {what} with id '{value}'; search with /api/v1/search?q={quote(value)}")
