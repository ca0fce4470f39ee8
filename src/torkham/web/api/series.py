"""/api/v1/series: zero-filled event or fatality series, as `torkham series`."""

from __future__ import annotations

import io
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from torkham.web.api.common import actor_id_of, parameter_names
from torkham.web.api.paging import MAX_TEXT, Format, csv_download
from torkham.web.deps import Store
from torkham.web.pages.cache import cached

router = APIRouter(tags=["analysis"])

Actor = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="Events with this actor on either side (any name or id).")
]
Country = Annotated[str | None, Query(max_length=MAX_TEXT, description="Country name or ISO3 code: Pakistan, PAK.")]
Dataset = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="ucdp-ged, acled or gdelt (needed when several are held).")
]


def analysis_selection(con, dataset: str | None, actor: str | None, country: str | None):
    """The Ibis tables and the checked selection, with errors naming the API's parameters."""
    from torkham.analysis.selection import selection_for

    with parameter_names():
        return selection_for(con, dataset, actor_id_of(con, actor), country)


@router.get(
    "/series",
    summary="Events or deaths per week, month or year, zero-filled, with a rolling mean",
    openapi_extra={"x-example": "/api/v1/series?actor=TTP&country=Pakistan&by=month&from=2021-01&to=2021-12"},
)
def series(
    request: Request,
    con: Store,
    actor: Actor = None,
    country: Country = None,
    dataset: Dataset = None,
    by: Annotated[Literal["month", "week", "year"], Query(description="Period: month, week (ISO) or year.")] = "month",
    metric: Annotated[
        Literal["events", "fatalities"], Query(description="events (count) or fatalities (best estimates).")
    ] = "events",
    start: Annotated[str | None, Query(alias="from", max_length=MAX_TEXT, description="YYYY[-MM[-DD]]")] = None,
    end: Annotated[str | None, Query(alias="to", max_length=MAX_TEXT, description="YYYY[-MM[-DD]]")] = None,
    window: Annotated[int, Query(ge=1, le=120, description="Periods in the trailing rolling mean.")] = 3,
    format: Format = "json",
):
    """The JSON of `torkham series --json` (dataset, versions, licence, notes, series), or its CSV."""
    from torkham.analysis import report
    from torkham.analysis.series import check_range
    from torkham.store.queries import parse_bound

    with parameter_names():
        first, last = parse_bound(start, "--from"), parse_bound(end, "--to")
        check_range(first, last, (start, end))
        key = ("api-series", dataset, actor, country, by, metric, first, last, window)
        result = cached(request, key, lambda: _compute(con, dataset, actor, country, by, metric, first, last, window))
    if format == "csv":
        out = io.StringIO()
        report.write_series_csv(result, out)
        return csv_download(out.getvalue(), f"series-{metric}-by-{by}")
    return result.to_json()


def _compute(con, dataset, actor, country, by, metric, first, last, window):
    """The series; cached per parameters since the served store is read-only (Ibis compiles in ~0.2 s)."""
    from torkham.analysis.series import compute_series

    backend, selection = analysis_selection(con, dataset, actor, country)
    return compute_series(backend, selection, by, metric, first, last, window)
