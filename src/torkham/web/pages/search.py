"""/search?q=: the one search (store.search) over actors (any spelling), the paper's events, claims, figures,
sources, relations, dataset events and ingested passages; each hit links to the page that shows it with its
source. Close spellings are offered apart ("Did you mean …?"), never among the results. The dataset events'
texts are folded for the search in the background when a store generation opens (for /api/v1/search too)."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from torkham.params import InvalidParameter, literal
from torkham.web.api.paging import MAX_TEXT
from torkham.web.deps import Store
from torkham.web.templating import templates


@asynccontextmanager
async def _fold_texts(app: Any):
    """Prepare the search (store.search.prepare) on each store generation as it opens, in this process: the
    folded texts are kept in the generation's own database. Apps made with warm_up=False skip it."""
    served = getattr(app.state, "store", None)
    if getattr(app.state, "warm_up", True) and served is not None:
        from torkham.store.search import prepare

        served.add_warm_up("search", prepare)
    yield


router = APIRouter(lifespan=_fold_texts)
PER_KIND = 10  # hits shown per kind; one kind alone shows up to MORE
MORE = 100


@router.get("/search")
def search_page(
    request: Request,
    con: Store,
    q: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
    kind: Annotated[str | None, Query(max_length=MAX_TEXT)] = None,
):
    from torkham.store.search import KINDS, LABELS, search_all

    if kind and kind not in KINDS:
        raise InvalidParameter("kind", f"unknown kind '{literal(kind)}'; choose one of: {', '.join(KINDS)}")
    text = (q or "").strip()
    result = None
    if text:
        kinds = [kind] if kind else None
        result = search_all(con, text, kinds=kinds, limit=MORE if kind else PER_KIND)
    groups = []
    if result:
        for name in result["kinds"]:
            hits = [h for h in result["hits"] if h["kind"] == name]
            groups.append(
                {"kind": name, "label": LABELS.get(name, name), "hits": hits, "count": result["counts"][name]}
            )
    return templates.TemplateResponse(
        request,
        "search.html",
        {
            "title": f"Search: {text}" if text else "Search",
            "q": text,
            "kind": kind,
            "groups": groups,
            "total": sum(g["count"] for g in groups),
            "suggestions": result["suggestions"] if result else [],
            "notes": result["notes"] if result else [],
        },  # fmt: skip
    )
