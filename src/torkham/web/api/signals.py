"""/api/v1/signals: escalation signals, as `torkham signals`."""

from __future__ import annotations

import io
from typing import Annotated

from fastapi import APIRouter, Query

from torkham.errors import TorkhamError
from torkham.web.api.common import parameter_names
from torkham.web.api.paging import MAX_TEXT, Format, csv_download
from torkham.web.api.series import Actor, Country, Dataset, analysis_selection
from torkham.web.deps import Store

router = APIRouter(tags=["analysis"])


@router.get(
    "/signals",
    summary="Escalation signals: week against 4 and 52 weeks, record months, change points, new actors",
    openapi_extra={"x-example": "/api/v1/signals?actor=TTP&country=Pakistan"},
)
def signals(
    con: Store,
    actor: Actor = None,
    country: Country = None,
    dataset: Dataset = None,
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
    from torkham.analysis.signals import compute_signals
    from torkham.model.dates import DateError, parse_partial_date

    try:
        day = parse_partial_date(as_of).last_day if as_of is not None else None
    except DateError as exc:
        raise TorkhamError(f"as_of: {exc}") from None
    with parameter_names():
        backend, selection = analysis_selection(con, dataset, actor, country)
        result = compute_signals(backend, selection, day, min_events, gap_days, record_months)
    if format == "csv":
        out = io.StringIO()
        report.write_signals_csv(result, out)
        return csv_download(out.getvalue(), "signals")
    return result.to_json()
