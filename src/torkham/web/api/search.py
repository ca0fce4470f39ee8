"""/api/v1/search: the one search (store.search) over actors by any spelling, events, claims, figures, sources,
relations, dataset events and ingested passages; close spellings come apart, as `suggestions`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from torkham.params import InvalidParameter
from torkham.store.search import KINDS, search_all
from torkham.web.api.paging import MAX_TEXT, Format, respond
from torkham.web.api.responses import CSV
from torkham.web.deps import Store

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    responses=CSV,
    summary="Search actors (any spelling), events, claims, figures, sources, relations, dataset events, passages",
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
    """Each hit has kind, id, label, snippet, match (exact: a name or alias; actor: a record of the actor
    named; phrase; words) and the url of the page that shows it. An ambiguous name gives every actor it
    names (`ambiguous: true`). A close spelling is never a hit: `suggestions` lists the close names
    ("Did you mean …?"). A year beside other words ("ISKP 2023") keeps the records dated in it (`years`,
    `notes`). `counts` gives how many of each kind matched; `total` their sum."""
    chosen = [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None
    if kinds is not None and not chosen:
        raise InvalidParameter("kinds", f"empty; choose from: {', '.join(KINDS)}")
    found = search_all(con, q, kinds=chosen, limit=limit)
    return respond(
        request, found["hits"], total=found["total"], cursor=None, fmt=format, name="search",
        extra={k: found[k] for k in ("query", "words", "years", "kinds", "counts", "suggestions", "notes")},
    )  # fmt: skip
