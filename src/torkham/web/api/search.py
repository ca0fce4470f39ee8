"""/api/v1/search: actors by any spelling, events, claims, sources, dataset events, passages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from torkham.params import InvalidParameter
from torkham.store.search import KINDS, search_all
from torkham.web.api.paging import MAX_TEXT, Format, respond
from torkham.web.deps import Store

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    summary="Search across actors (any spelling), events, claims, sources and dataset events",
    openapi_extra={"x-example": "/api/v1/search?q=Haggani"},
)
def search(
    request: Request,
    con: Store,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="A name, a place or some words.")],
    kinds: Annotated[
        str | None, Query(max_length=MAX_TEXT, description=f"Comma-separated kinds to search: {', '.join(KINDS)}.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Hits per kind (1–100).")] = 20,
    format: Format = "json",
):
    """Each hit has kind, id, label, snippet and the url of the page that shows it. An ambiguous name
    gives every actor it names (`ambiguous: true`); an unknown one the closest names (`match:
    suggestion`). `counts` gives how many of each kind matched; `total` their sum."""
    chosen = [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None
    if kinds is not None and not chosen:
        raise InvalidParameter("kinds", f"empty; choose from: {', '.join(KINDS)}")
    found = search_all(con, q, kinds=chosen, limit=limit)
    return respond(
        request, found["hits"], total=sum(found["counts"].values()), cursor=None, fmt=format, name="search",
        extra={"query": found["query"], "kinds": found["kinds"], "counts": found["counts"]},
    )  # fmt: skip
