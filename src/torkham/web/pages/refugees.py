"""/refugees: the UNHCR stocks and returns of Afghans (or another origin) in Pakistan and Iran by year, a chart
per quantity with its data table, licence and attribution; and the figures on returns and deportations from the
reports in the knowledge, with their quotes. The same parameters as /api/v1/refugees, whose CSV it links."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request

from torkham.web.api.refugees import DEFAULT_ASYLUM, DEFAULT_ORIGIN, Asked, refugee_data
from torkham.web.deps import Store
from torkham.web.templating import templates

router = APIRouter()


@router.get("/refugees")
def refugees_page(request: Request, con: Store, query: Asked):
    report, figures = refugee_data(request, con, query)
    typed = {
        "origin": request.query_params.get("origin") or DEFAULT_ORIGIN,
        "asylum": request.query_params.get("asylum") or DEFAULT_ASYLUM,
        "from": request.query_params.get("from") or "",
        "to": request.query_params.get("to") or "",
    }
    asked = {k: v for k, v in typed.items() if v}
    charts, missing = _charts(report)
    return templates.TemplateResponse(
        request,
        "refugees.html",
        {
            "title": "Refugees and returns",
            "report": report,
            "charts": charts,
            "missing": missing,
            "figures": figures,
            "typed": typed,
            "api": lambda fmt: "/api/v1/refugees?" + urlencode({**asked, "format": fmt}),
            "source_href": f"/sources/unhcr-population:{report.versions[-1]}" if report.versions else "/sources",
        },
    )


def _charts(report: Any) -> tuple[list[Any], list[str]]:
    """One chart per measure (one quantity on the value axis, in thousands so that millions fit the axis), a
    line per country of asylum; a year with no figure for any of them is a hatched gap; the data table keeps
    the exact counts. Then the measures with no figure at all in the range."""
    from torkham.refugees.report import MEASURES
    from torkham.web.render.charts import line_chart

    if not report.years:
        return [], []
    source = f"Source: UNHCR Refugee Data Finder {', '.join(report.versions)} (CC BY 4.0)"
    href = f"/sources/unhcr-population:{report.versions[-1]}" if report.versions else None
    out, missing = [], []
    for measure in MEASURES:
        lines = [(s.asylum_name, [v["value"] for v in s.values]) for s in report.of(measure)]
        label = report.of(measure)[0].label
        if all(v is None for _, values in lines for v in values):
            missing.append(label)  # nothing to draw: the page says so in a sentence
            continue
        thousands = [(name, [None if v is None else v / 1000 for v in values]) for name, values in lines]
        chart = line_chart(
            f"refugees-{measure.replace('_', '-')}", f"{label}, from {report.origin_name}", "thousand people",
            source, [str(y) for y in report.years], thousands, source_href=href,
        )  # fmt: skip
        chart.columns = ["Year", *(f"{name} (people)" for name, _ in lines)]  # the table keeps the exact counts
        chart.rows = [[str(y), *(values[i] for _, values in lines)] for i, y in enumerate(report.years)]
        out.append(chart)
    return out, missing
