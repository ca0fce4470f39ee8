"""/summary: the one-page situation summary of one country and a range of months (briefing.summary), in the
page and as a PDF download (/summary.pdf, the file `torkham brief summary -o x.pdf` writes). Computed once
per (country, range) and kept: the served store is read-only."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from torkham.params import SummaryQuery
from torkham.web.api.paging import MAX_TEXT
from torkham.web.deps import Store
from torkham.web.pages.cache import cached
from torkham.web.templating import templates

router = APIRouter()
DEFAULTS = {"country": "Pakistan", "from": "2023-01", "to": "2023-12"}

Country = Annotated[str | None, Query(max_length=MAX_TEXT)]
From = Annotated[str | None, Query(alias="from", max_length=MAX_TEXT)]
To = Annotated[str | None, Query(alias="to", max_length=MAX_TEXT)]


def _asked(country: str | None, start: str | None, end: str | None) -> tuple[dict[str, str], SummaryQuery]:
    typed = {"country": country or DEFAULTS["country"], "from": start or DEFAULTS["from"], "to": end or DEFAULTS["to"]}
    return typed, SummaryQuery.parse(typed["country"], typed["from"], typed["to"])


def _document(request: Request, con: Any, query: SummaryQuery) -> dict[str, Any]:
    from torkham.briefing.summary import situation_summary

    key = ("summary", query.country.iso3, query.start, query.end)
    return cached(request, key, lambda: situation_summary(con, query))


@router.get("/summary")
def summary_page(request: Request, con: Store, country: Country = None, start: From = None, end: To = None):
    from torkham.briefing.render import render_html

    typed, query = _asked(country, start, end)
    doc = _document(request, con, query)
    body = render_html({**doc, "links": True}, template="summary_body.html.j2")
    return templates.TemplateResponse(
        request,
        "summary.html",
        {
            "title": "Situation summary",
            "doc": doc,
            "typed": typed,
            "body": Markup(body),  # noqa: S704 - autoescaped
            "pdf": "/summary.pdf?" + urlencode(typed),
        },  # fmt: skip
    )


@router.get("/summary.pdf")
def summary_pdf(request: Request, con: Store, country: Country = None, start: From = None, end: To = None):
    from torkham.briefing.render import render_pdf

    typed, query = _asked(country, start, end)
    doc = _document(request, con, query)
    pdf = cached(request, ("summary-pdf", query.country.iso3, query.start, query.end),
                 lambda: render_pdf(doc, "summary.html.j2"))  # fmt: skip
    name = f"torkham-summary_{query.country.iso3 or 'country'}_{typed['from']}_{typed['to']}.pdf"
    return Response(
        pdf, media_type="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'}
    )
