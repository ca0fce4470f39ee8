"""/api/v1/sources and /api/v1/datasets: the paper, its bibliography, the posts it shows; the data held."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from torkham.store import queries
from torkham.web.api.common import not_found
from torkham.web.api.paging import DEFAULT_LIMIT, MAX_TEXT, Cursor, Format, Limit, page_of
from torkham.web.api.responses import CSV, NOT_FOUND
from torkham.web.deps import Store

router = APIRouter(tags=["sources"])


def _source_row(source: dict) -> dict:
    return {
        "id": source["id"], "kind": source["kind"], "title": source["title"],
        "authors": "; ".join(source.get("authors") or []), "publisher": source.get("publisher"),
        "date": source.get("date"), "url": source.get("url"), "cited_as": source.get("cited_as"),
        "citations": len(source.get("citations") or []), "section": (source.get("locator") or {}).get("section"),
        "line": (source.get("locator") or {}).get("line"), "quote": source.get("quote"),
    }  # fmt: skip


@router.get(
    "/sources",
    responses=CSV,
    summary="The paper, its bibliography and the posts it shows",
    openapi_extra={"x-example": "/api/v1/sources?format=csv"},
)
def list_sources(request: Request, con: Store, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None,
                 format: Format = "json"):  # fmt: skip
    """In the order of the knowledge files; each with the passages of the paper that cite it."""
    rows = queries.records_of(con, "sources")
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="sources", row=_source_row)


@router.get(
    "/sources/{source_id}",
    responses=NOT_FOUND,
    summary="One source with every passage citing it and the records it supports",
    openapi_extra={"x-example": "/api/v1/sources/amu-tv-2024"},
)
def get_source(con: Store, source_id: Annotated[str, Path(max_length=MAX_TEXT, examples=["amu-tv-2024"])]):
    """The bibliography record; `records`: the records drawn from it (with locator and quote); `citing`: the
    records citing it; `citations`: the passages of the paper citing it; `corroborates`: the records it backs."""
    from torkham.store.sources import source_detail

    found = source_detail(con, source_id)
    if found is None:
        raise not_found("source", source_id)
    return found


@router.get(
    "/datasets",
    responses=CSV,
    summary="The datasets held, by version, with their licence and attribution",
    openapi_extra={"x-example": "/api/v1/datasets"},
)
def list_datasets(request: Request, con: Store, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None,
                  format: Format = "json"):  # fmt: skip
    rows = queries.datasets(con)
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="datasets")
