"""/api/v1/signals: escalation signals, as `torkham signals`."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Query

from torkham.params import SignalsQuery
from torkham.web.api.paging import MAX_TEXT, Format, csv_download
from torkham.web.api.responses import CSV
from torkham.web.api.series import Chosen
from torkham.web.deps import Store

router = APIRouter(tags=["analysis"])


@router.get(
    "/signals",
    responses=CSV,
    summary="Escalation signals: week against 4 and 52 weeks, record months, change points, new actors",
    openapi_extra={"x-example": "/api/v1/signals?actor=TTP&country=Pakistan"},
)
def signals(
    con: Store,
    chosen: Chosen,
    as_of: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Last day of 'this period' (default: last event held).")
    ] = None,
    min_events: Annotated[int, Query(ge=0, description="Smallest value a signal may rest on.")] = 5,
    record_months: Annotated[int, Query(ge=2, description="A record month is the highest in this many.")] = 12,
    gap_days: Annotated[int, Query(ge=1, description="Silent this many days before: newly active.")] = 365,
    format: Format = "json",
):
    """The JSON of `torkham signals --json`; every signal with the events behind it and a SQL query."""
    from torkham.analysis import report
    from torkham.analysis.selection import select
    from torkham.analysis.signals import compute_signals

    query = SignalsQuery.parse(
        chosen, as_of=as_of, min_events=min_events, record_months=record_months, gap_days=gap_days
    )
    backend, selection = select(con, query.selection)
    result = compute_signals(backend, selection, query.as_of, query.min_events, query.gap_days, query.record_months)
    if format == "csv":
        out = io.StringIO()
        report.write_signals_csv(result, out)
        return csv_download(out.getvalue(), "signals")
    return result.to_json()
