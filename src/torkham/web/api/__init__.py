"""REST API under /api/v1: one module per resource, all reading through torkham.store / analysis / evidence.
Every route is guarded: a query parameter the route does not take, or a value longer than MAX_TEXT, is a
422 naming it (a typo in a filter must not silently return everything)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request

from torkham.errors import TorkhamError
from torkham.params import InvalidParameter
from torkham.web.api import (
    actors,
    checks,
    claims,
    events,
    exports,
    forecast,
    geo,
    knowledge,
    meta,
    network,
    refugees,
    relations,
    responses,
    search,
    series,
    signals,
    sources,
)
from torkham.web.api.paging import MAX_TEXT

MAX_PARAMETERS = 20


async def guard_query(request: Request) -> None:
    """On the event loop (no I/O): a plain function would cost each request a hop to a worker thread."""
    params = request.query_params
    if len(params.multi_items()) > MAX_PARAMETERS:
        raise TorkhamError(f"too many query parameters ({len(params.multi_items())}); use at most {MAX_PARAMETERS}")
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = sorted(_query_names(dependant))
    for name, value in params.multi_items():
        if name not in known:
            takes = f"this endpoint takes: {', '.join(known)}" if known else "this endpoint takes no parameters"
            raise InvalidParameter(name[:MAX_TEXT], f"unknown parameter; {takes}")
        if len(value) > MAX_TEXT:
            raise InvalidParameter(name, f"{len(value)} characters is too long; use at most {MAX_TEXT}")
        if len(params.getlist(name)) > 1:
            raise InvalidParameter(name, f"given {len(params.getlist(name))} times; give it once")


def _query_names(dependant) -> set[str]:
    """The query parameters a route declares, its dependencies' included (FastAPI's Dependant tree)."""
    names = {field.alias for field in dependant.query_params}
    for child in dependant.dependencies:
        names |= _query_names(child)
    return names


router = APIRouter(prefix="/api/v1", dependencies=[Depends(guard_query)], responses=responses.INVALID)
for _module in (meta, actors, relations, events, series, signals, forecast, claims, checks, sources, knowledge, search):
    router.include_router(_module.router)
router.include_router(refugees.router)
router.include_router(geo.router)
router.include_router(network.router)
router.include_router(exports.router)
