"""/api/v1/relations: who allies with, supports, opposes … whom, and when."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from torkham.params import check_term, parse_day
from torkham.store import queries
from torkham.web.api.common import actor_id_of
from torkham.web.api.paging import DEFAULT_LIMIT, MAX_TEXT, Cursor, Format, Limit, page_of
from torkham.web.api.responses import CSV
from torkham.web.deps import Store

router = APIRouter(tags=["relations"])


def _row(relation: dict) -> dict:
    return {
        "id": relation["id"], "type": relation["type"], "from": relation["from"], "to": relation["to"],
        "sign": relation.get("sign"), "valid_from": relation.get("valid_from"), "valid_to": relation.get("valid_to"),
        "source": relation.get("source"), "section": (relation.get("locator") or {}).get("section"),
        "line": (relation.get("locator") or {}).get("line"), "quote": relation.get("quote"),
    }  # fmt: skip


@router.get(
    "/relations",
    responses=CSV,
    summary="Relations between actors, by type, actor and the day they hold",
    openapi_extra={"x-example": "/api/v1/relations?actor=TTP&valid_at=2022-06"},
)
def list_relations(
    request: Request,
    con: Store,
    type: Annotated[str | None, Query(max_length=MAX_TEXT, description="Relation type: ally_of, supports, …")] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Either end: any name or id.")] = None,
    valid_at: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Only relations valid then, YYYY[-MM[-DD]] (its first day)."),
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
):
    """In the paper's order. A relation without dates holds at any time; valid_from and valid_to are
    partial dates taken as whole months or years."""
    check_term("relation_types", type, "type")
    day = parse_day(valid_at, "valid_at", "first")
    rows = queries.relations(con, type, actor_id_of(con, actor), day)
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="relations", row=_row)
