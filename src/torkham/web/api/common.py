"""Parameter checks the API routes share; messages name the parameter as the URL spells it."""

from __future__ import annotations

import re
from contextlib import contextmanager
from urllib.parse import quote

from torkham.errors import TorkhamError
from torkham.web.errors import NotFound


def check_term(section: str, value: str | None, parameter: str) -> None:
    """A vocabulary term (actor kind, claim topic, …): an error listing the known terms otherwise."""
    from torkham.cli.context import check_term as check

    check(section, value, parameter)


def actor_id_of(con, name: str | None, parameter: str = "actor") -> str | None:
    """The actor any name, alias, spelling or id denotes; ambiguous or unknown names are errors."""
    from torkham.store.events import resolve_actor_param

    return resolve_actor_param(con, name, parameter) if name else None


def not_found(what: str, value: str) -> NotFound:
    return NotFound(f"no {what} with id '{value}'; search with /api/v1/search?q={quote(value)}")


@contextmanager
def parameter_names():
    """Errors of the analysis library name CLI options (--from: …); say the API's parameter instead."""
    try:
        yield
    except TorkhamError as exc:
        message = re.sub(r"^--([a-z][a-z-]*)", lambda m: m.group(1).replace("-", "_"), str(exc))
        raise TorkhamError(re.sub(r"(after) --(to)\b", r"\1 \2", message)) from None
