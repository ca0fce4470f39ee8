"""/forecast: fan charts of monthly fatalities for both countries (horizon and model chosen in a GET form),
the quantiles as a data table and the precomputed backtest beside them (never run in a request)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from torkham.web.api.paging import MAX_TEXT
from torkham.web.deps import Store
from torkham.web.pages.cache import cached
from torkham.web.templating import templates

router = APIRouter()
COUNTRIES = "Afghanistan,Pakistan"
HORIZONS = (1, 3, 6, 9, 12, 18, 24, 36)
NOTE = "Forecasts are distributions, not predictions of events"

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


@router.get("/forecast")
def forecast_page(request: Request, con: Store, horizon: Text = None, model: Text = None, origin: Text = None):
    from torkham.forecast.fan import fan_data
    from torkham.forecast.models import CHOSEN
    from torkham.forecast.run import approach_names
    from torkham.forecast.scores import shipped_backtest
    from torkham.params import ForecastQuery
    from torkham.web.render.fan import fan_svg

    query = ForecastQuery.parse(COUNTRIES, horizon=horizon or 12, origin=origin or None, model=model or "auto")
    result, fans = cached(request, ("page-forecast", query), lambda: fan_data(con, query))
    backtest = shipped_backtest()
    typed = {k: v for k, v in {"country": COUNTRIES, "horizon": query.horizon, "origin": origin,
                               "model": model}.items() if v}  # fmt: skip
    return templates.TemplateResponse(
        request,
        "forecast.html",
        {
            "title": "Forecast",
            "note": NOTE,
            "forecast": result,
            "fans": [
                {"fan": f, "id": f"fan-{f.country.lower()}", "svg": fan_svg(f, f"fan-{f.country.lower()}")}
                for f in fans
            ],  # fmt: skip
            "horizon": query.horizon,
            "horizons": sorted({*HORIZONS, query.horizon}),
            "model": model or "auto",
            "models": ["auto", *approach_names()],
            "chosen": CHOSEN,
            "origin": origin or "",
            "backtest": backtest,
            "api": lambda fmt: "/api/v1/forecast?" + urlencode({**typed, "format": fmt}),
        },
    )
