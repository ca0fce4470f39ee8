"""The briefing of a chosen range (and actor, country): a form, the briefing itself in the page (the same
HTML `torkham brief` writes, in a frame: it carries its own print styles), and the PDF as a download.
Collecting takes seconds, so each briefing is computed once per (range, actor, country) and kept."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from torkham.web.api.paging import MAX_TEXT
from torkham.web.deps import Store
from torkham.web.pages.cache import cached
from torkham.web.templating import templates

router = APIRouter()
DEFAULT_FROM, DEFAULT_TO = "2021-08", "2024-04"  # the paper's period, as in the README

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]
From = Annotated[str | None, Query(alias="from", max_length=MAX_TEXT)]
To = Annotated[str | None, Query(alias="to", max_length=MAX_TEXT)]


class Choice:
    """The briefing asked for: checked bounds, the actor it resolves to, the country as typed."""

    def __init__(self, con, start: str | None, end: str | None, actor: str | None, country: str | None):
        from torkham.params import CountryRef, Period
        from torkham.store.refs import stored_country
        from torkham.web.api.common import actor_id_of

        self.typed = {"from": start or DEFAULT_FROM, "to": end or DEFAULT_TO, "actor": actor or "",
                      "country": country or ""}  # fmt: skip
        period = Period.parse(self.typed["from"], self.typed["to"])
        assert period.start is not None and period.end is not None  # both bounds have defaults
        self.first, self.last = period.start, period.end
        self.actor_id = actor_id_of(con, actor)
        chosen = CountryRef.parse(country)
        self.country = chosen.typed if chosen else None
        if chosen:
            stored_country(con, chosen)  # an error naming `country` when the store has no events there
        self.key = (self.first, self.last, self.actor_id, self.country.lower() if self.country else None)

    @property
    def query(self) -> str:
        return urlencode({k: v for k, v in self.typed.items() if v})

    @property
    def filename(self) -> str:
        parts = ["torkham-briefing", self.first.isoformat(), self.last.isoformat(), self.actor_id, self.country]
        name = "_".join(p for p in parts if p)
        return "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "-" for c in name) + ".pdf"


def _document(request: Request, con, choice: Choice) -> dict:
    return cached(request, ("briefing", *choice.key), lambda: _collect(con, choice))


def _collect(con, choice: Choice) -> dict:
    from torkham.briefing.collect import Scope, collect
    from torkham.store.queries import actor_names

    name = actor_names(con).get(choice.actor_id) if choice.actor_id else None
    return collect(con, Scope(choice.first, choice.last, choice.actor_id, name, choice.country))


@router.get("/briefing")
def briefing_page(request: Request, con: Store, start: From = None, end: To = None,
                  actor: Text = None, country: Text = None):  # fmt: skip
    choice = Choice(con, start, end, actor, country)
    return templates.TemplateResponse(
        request, "briefing.html", {"title": "Briefing", "choice": choice, "typed": choice.typed}
    )


@router.get("/briefing/view")
def briefing_view(request: Request, con: Store, start: From = None, end: To = None,
                  actor: Text = None, country: Text = None):  # fmt: skip
    """The briefing as the standalone HTML document `torkham brief -o x.html` writes."""
    choice = Choice(con, start, end, actor, country)
    return HTMLResponse(_html(request, con, choice))


def _html(request, con, choice: Choice) -> str:
    from torkham.briefing.render import render_html

    return cached(request, ("briefing-html", *choice.key), lambda: render_html(_document(request, con, choice)))


def prepare_default(request, con) -> None:
    """The briefing the page shows first (the paper's period), ready before anyone asks: collecting it
    takes seconds and loads the analysis stack (web/pages/prepare.py runs this in a child process)."""
    from torkham.briefing.render import render_html

    choice = Choice(con, None, None, None, None)  # the page's document stays out of the cache: only the PDF needs it
    cached(request, ("briefing-html", *choice.key), lambda: render_html(_collect(con, choice)))


@router.get("/briefing.pdf")
def briefing_pdf(request: Request, con: Store, start: From = None, end: To = None,
                 actor: Text = None, country: Text = None):  # fmt: skip
    from torkham.briefing.render import render_pdf

    choice = Choice(con, start, end, actor, country)
    doc = _document(request, con, choice)
    pdf = cached(request, ("briefing-pdf", *choice.key), lambda: render_pdf(doc))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{choice.filename}"'},
    )
