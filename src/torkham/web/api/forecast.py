"""/api/v1/forecast: predictive distributions of monthly fatalities, as `torkham forecast --json|--csv`."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query, Request

from torkham.params import ForecastQuery
from torkham.web.api.paging import MAX_TEXT, Format, csv_download
from torkham.web.api.responses import CSV
from torkham.web.deps import Store
from torkham.web.pages.cache import cached

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.forecast.results import Forecast

router = APIRouter(tags=["analysis"])
Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


@router.get(
    "/forecast",
    responses=CSV,
    summary="Predictive distributions of monthly fatalities per country, with the baselines beside the model",
    openapi_extra={"x-example": "/api/v1/forecast?country=Afghanistan,Pakistan&horizon=12"},
)
def forecast(
    request: Request,
    con: Store,
    country: Annotated[
        str,
        Query(max_length=MAX_TEXT, description="Comma-separated countries (names or ISO3), e.g. Afghanistan,Pakistan."),
    ] = "Afghanistan,Pakistan",
    horizon: Annotated[str, Query(max_length=MAX_TEXT, description="Months ahead, 1 to 36.")] = "12",
    origin: Annotated[
        str | None,
        Query(max_length=MAX_TEXT, description="Last month the forecast may see, YYYY-MM (default: last covered)."),
    ] = None,
    model: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="auto, or a model or baseline by name.")
    ] = None,
    samples: Annotated[bool, Query(description="Include the draws (1000 per month and series).")] = False,
    format: Format = "json",
):
    """The JSON of `torkham forecast --json` (without the draws unless `samples=true`): origin, model, one
    distribution per country and month ahead (mean, quantiles 0.05…0.95, basis), every baseline in the same
    shape, and the data it rests on; or its CSV (mean and quantiles, one row per series × month × approach)."""
    query = ForecastQuery.parse(country, horizon=horizon, origin=origin or None, model=model)
    result = cached(request, ("api-forecast", query), lambda: _compute(con, query))
    if format == "csv":
        out = io.StringIO()
        result.write_csv(out)
        return csv_download(out.getvalue(), f"forecast-{query.horizon}-months")
    return result.to_json(samples=samples)


def _compute(con: DuckDBPyConnection, query: ForecastQuery) -> Forecast:
    from torkham.forecast.run import make_forecast

    return make_forecast(con, query)
