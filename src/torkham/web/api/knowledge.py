"""/api/v1/figures and /api/v1/recommendations: the paper's figures and its recommendations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from torkham.params import check_term
from torkham.store import queries
from torkham.web.api.common import actor_id_of
from torkham.web.api.paging import DEFAULT_LIMIT, MAX_TEXT, Cursor, Format, Limit, page_of
from torkham.web.api.responses import CSV
from torkham.web.deps import Store

router = APIRouter(tags=["knowledge"])


@router.get(
    "/figures",
    responses=CSV,
    summary="Figures the paper gives: value, unit, what is counted, period, with the quote",
    openapi_extra={"x-example": "/api/v1/figures?actor=TTP&unit=attack"},
)
def list_figures(
    request: Request,
    con: Store,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="Figures about this actor (any name).")] = None,
    unit: Annotated[str | None, Query(max_length=MAX_TEXT, description="Unit: person, attack, …")] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
):
    check_term("units", unit, "unit")
    rows = queries.figures(con, actor_id_of(con, actor), unit)
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="figures")


@router.get(
    "/recommendations",
    responses=CSV,
    summary="The paper's recommendations, numbered as printed",
    openapi_extra={"x-example": "/api/v1/recommendations"},
)
def list_recommendations(request: Request, con: Store, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None,
                         format: Format = "json"):  # fmt: skip
    rows = queries.records_of(con, "recommendations")
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="recommendations")
