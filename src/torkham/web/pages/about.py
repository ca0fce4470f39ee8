"""The about page: what torkham is, the paper it is built from, the licences and attributions of every
dataset and boundary file it carries (from the bundled datasets' metadata and the boundaries' README),
its version and how to cite it."""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter, Request

from torkham.web.deps import Store
from torkham.web.templating import templates

router = APIRouter()
PAPER = "gul-2024"


@lru_cache(maxsize=1)
def boundary_attribution() -> list[str]:
    """The attribution the boundaries' README requires, as written there (its quoted block)."""
    from torkham.geo.boundaries import BOUNDARIES

    try:
        text = (BOUNDARIES / "README.md").read_text(encoding="utf-8")
    except OSError:
        return []
    _, _, section = text.partition("## Required attribution")
    lines = []
    for line in section.splitlines()[1:]:
        if line.startswith(">"):
            lines.append(line.lstrip("> ").strip())
        elif lines:
            break
    return [" ".join(lines)] if lines else []


@router.get("/about")
def about_page(request: Request, con: Store):
    from torkham import __version__
    from torkham.store import queries
    from torkham.store.sources import source_record

    counts = queries.record_counts(con)
    return templates.TemplateResponse(
        request,
        "about.html",
        {
            "title": "About",
            "paper": source_record(con, PAPER),
            "counts": counts,
            "datasets": queries.datasets(con),
            "boundaries": boundary_attribution(),
            "torkham_version": __version__,
        },
    )
