"""/api/v1/refugees: the UNHCR stocks and returns of one country of origin in its countries of asylum, year
by year (null where no figure is held or UNHCR left it empty), with licence, status and attribution, and the
figures on returns and deportations from the reports in the knowledge (verbatim quotes, sources, secondary
flags). `format=csv` gives the UNHCR rows (one per year × country of asylum × measure)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from torkham.params import RefugeeQuery
from torkham.web.api.paging import MAX_TEXT, Format, csv_download, to_csv
from torkham.web.api.responses import CSV
from torkham.web.deps import Store
from torkham.web.pages.cache import cached

if TYPE_CHECKING:
    from torkham.refugees.report import RefugeeReport

router = APIRouter(tags=["data"])
DEFAULT_ORIGIN, DEFAULT_ASYLUM = "AFG", "PAK,IRN"


def refugee_query(
    origin: Annotated[
        str, Query(max_length=MAX_TEXT, description="Country of origin: ISO3 code or name, e.g. AFG.")
    ] = DEFAULT_ORIGIN,
    asylum: Annotated[
        str,
        Query(max_length=MAX_TEXT, description="Comma-separated countries of asylum (ISO3 or names), e.g. PAK,IRN."),
    ] = DEFAULT_ASYLUM,
    start: Annotated[str | None, Query(alias="from", max_length=MAX_TEXT, description="First year, YYYY.")] = None,
    end: Annotated[str | None, Query(alias="to", max_length=MAX_TEXT, description="Last year, YYYY.")] = None,
) -> RefugeeQuery:
    """The figures asked for, parsed once (a bad value is a 422 naming its parameter)."""
    return RefugeeQuery.parse(origin, asylum, start or None, end or None)


Asked = Annotated[RefugeeQuery, Depends(refugee_query)]


def refugee_data(request: Request, con: Any, query: RefugeeQuery) -> tuple[RefugeeReport, list[dict[str, Any]]]:
    """The UNHCR report (an error naming `origin` or `asylum` when a country is not held) and the returns
    figures of the knowledge; cached per query, the served store being read-only."""
    from torkham.briefing.coverage import returns_figures
    from torkham.refugees.report import refugee_report

    report = cached(request, ("refugees", query), lambda: refugee_report(con, query))
    figures = cached(request, ("returns-figures",), lambda: returns_figures(con))
    return report, figures


@router.get(
    "/refugees",
    responses=CSV,
    summary="UNHCR refugees, asylum-seekers, others of concern and returns by year; the reported returns figures",
    openapi_extra={"x-example": "/api/v1/refugees?origin=AFG&asylum=PAK,IRN&from=2015&to=2025"},
)
def refugees(request: Request, con: Store, query: Asked, format: Format = "json"):
    """Per measure and country of asylum, one value per year of the range (null where nothing is held or
    UNHCR left the cell empty, with the reason), the data versions, licence (CC BY 4.0), status and
    attribution; and `returns_figures`: the dated figures on returns and deportations to Afghanistan from the
    UN/IOM reports held (news reports that relay them are marked secondary), each with its verbatim quote."""
    from torkham.refugees.report import CSV_COLUMNS

    report, figures = refugee_data(request, con, query)
    if format == "csv":
        name = "-".join(["refugees", query.origin or "all", *query.asylum]).lower()
        return csv_download(to_csv(report.csv_rows(), CSV_COLUMNS), name)
    keys = ("id", "value", "value_text", "counts", "period", "period_text", "country", "publisher", "source",
            "source_title", "source_date", "url", "secondary", "relays", "quote")  # fmt: skip
    return {**report.to_json(), "returns_figures": [{k: f.get(k) for k in keys} for f in figures]}
