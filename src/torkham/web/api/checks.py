"""/api/v1/checks: the paper's figures and claims against the data held."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request

from torkham.web.api.common import not_found
from torkham.web.api.paging import DEFAULT_LIMIT, MAX_TEXT, Cursor, Format, Limit, flatten, page_of
from torkham.web.api.responses import CSV, NOT_FOUND
from torkham.web.deps import Store

router = APIRouter(tags=["claims"])


def all_checks(request: Request, con) -> dict:
    """Every check's result, computed once per process: the store is read-only while the app runs, and
    the checks are deterministic over it."""
    state = request.app.state
    if getattr(state, "checks_result", None) is None:
        from torkham.evidence.checks import run_checks

        state.checks_result = run_checks(con)
    return state.checks_result


def _row(result: dict) -> dict:
    about = "; ".join(a.get("id", "") for a in result["about"])
    return {"id": result["id"], "verdict": result["verdict"], "about": about,
            **flatten({k: v for k, v in result.items() if k not in ("id", "verdict", "about")})}  # fmt: skip


@router.get(
    "/checks",
    responses=CSV,
    summary="Claim checks: supported, contradicted or cannot be decided with the data held",
    openapi_extra={"x-example": "/api/v1/checks?verdict=contradicted"},
)
def list_checks(
    request: Request,
    con: Store,
    verdict: Annotated[
        Literal["supported", "contradicted", "undecided", "not-checkable"] | None,
        Query(description="Only checks with this verdict."),
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
):
    """As `torkham check --json`: every check with the computed value, dataset and version, the query and
    the events or rows behind it; `summary` counts the verdicts of all checks."""
    document = all_checks(request, con)
    rows = [r for r in document["checks"] if verdict is None or r["verdict"] == verdict]
    extra = {"summary": document["summary"]}
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="checks", row=_row, extra=extra)


@router.get(
    "/checks/{check_id}",
    responses=NOT_FOUND,
    summary="One check, by its id or the id of the figure or claim it is about",
    openapi_extra={"x-example": "/api/v1/checks/chk-ttp-attacks-2021-12"},
)
def get_check(
    request: Request,
    con: Store,
    check_id: Annotated[str, Path(max_length=MAX_TEXT, examples=["chk-ttp-attacks-2021-12"])],
):
    document = all_checks(request, con)
    for result in document["checks"]:
        if result["id"] == check_id:
            return result
    about = [r for r in document["checks"] if any(a.get("id") == check_id for a in r["about"])]
    if about:
        return about[0] if len(about) == 1 else {"about": check_id, "checks": about}
    raise not_found("check", check_id)
