"""/api/v1/series: event or fatality series, as `torkham series`; a period no data covers is null."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from torkham.params import DataSelection, SeriesQuery
from torkham.web.api.paging import MAX_TEXT, Format, csv_download, json_bytes
from torkham.web.api.responses import CSV
from torkham.web.deps import Store
from torkham.web.pages.cache import cached

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.analysis.series import Series

router = APIRouter(tags=["analysis"])

Actor = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="Events with this actor on either side (any name or id).")
]
Country = Annotated[str | None, Query(max_length=MAX_TEXT, description="Country name or ISO3 code: Pakistan, PAK.")]
Dataset = Annotated[
    str | None,
    Query(
        max_length=MAX_TEXT,
        description="ucdp-ged, ucdp-candidate, ucdp-country-month, acled or gdelt (default: UCDP's, month by month).",
    ),
]
Basis = Annotated[
    Literal["auto", "events", "candidate", "aggregate"] | None,
    Query(description="What a period may rest on: auto (final events, else country totals, else candidate events)."),
]
WithFactions = Annotated[bool, Query(description="Count the actor with the factions declared of it.")]


def data_selection(
    actor: Actor = None,
    country: Country = None,
    dataset: Dataset = None,
    basis: Basis = None,
    with_factions: WithFactions = False,
) -> DataSelection:
    """The data, actor and country of an analysis, parsed (a bad value is a 422 naming its parameter)."""
    return DataSelection.parse(dataset, actor, country, basis, with_factions)


Chosen = Annotated[DataSelection, Depends(data_selection)]


@router.get(
    "/series",
    responses=CSV,
    summary="Events or deaths per week, month or year, with a rolling mean; null where no data covers",
    openapi_extra={"x-example": "/api/v1/series?actor=TTP&country=Pakistan&by=month&from=2021-01&to=2021-12"},
)
def series(
    request: Request,
    con: Store,
    chosen: Chosen,
    by: Annotated[Literal["month", "week", "year"], Query(description="Period: month, week (ISO) or year.")] = "month",
    metric: Annotated[
        Literal["events", "fatalities"], Query(description="events (count) or fatalities (best estimates).")
    ] = "events",
    start: Annotated[str | None, Query(alias="from", max_length=MAX_TEXT, description="YYYY[-MM[-DD]]")] = None,
    end: Annotated[str | None, Query(alias="to", max_length=MAX_TEXT, description="YYYY[-MM[-DD]]")] = None,
    window: Annotated[int, Query(ge=1, le=120, description="Periods in the trailing rolling mean.")] = 3,
    format: Format = "json",
):
    """The JSON of `torkham series --json` (datasets, versions, coverage, notes, series with each period's
    basis; null where no data covers the period), or its CSV (an empty cell there)."""
    from torkham.analysis import report

    query = SeriesQuery.parse(chosen, by=by, metric=metric, start=start, end=end, window=window)
    result = cached(request, ("api-series", query), lambda: _compute(con, query))
    if format == "csv":
        out = io.StringIO()
        report.write_series_csv(result, out)
        return csv_download(out.getvalue(), f"series-{metric}-by-{by}")
    return Response(json_bytes(result.to_json()), media_type="application/json")


def _compute(con: DuckDBPyConnection, query: SeriesQuery) -> Series:
    """The series; kept per parameters for the opening of the store (it is read-only while served)."""
    from torkham.analysis.selection import select
    from torkham.analysis.series import compute_series

    backend, selection = select(con, query.selection)
    first, last = query.period.start, query.period.end
    return compute_series(backend, selection, query.by, query.metric, first, last, query.window)
