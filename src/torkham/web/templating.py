"""The Jinja2 environment of the pages, with the filters they share."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from torkham import __version__

templates = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
templates.env.globals["version"] = __version__
templates.env.globals["nav"] = [
    ("/", "Overview"),
    ("/actors", "Actors"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/network", "Network"),
    ("/perspectives", "Perspectives"),
    ("/sources", "Sources"),
    ("/briefing", "Briefing"),
    ("/forecast", "Forecast"),
    ("/refugees", "Refugees"),
    ("/summary", "Summary"),
    ("/about", "About"),
]


def number(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"


templates.env.filters["number"] = number
