"""HTML pages of the workbench, rendered on the server; one module per page."""

from __future__ import annotations

from fastapi import APIRouter

from torkham.web.pages import (
    about,
    actors,
    briefing,
    forecast,
    map,
    network,
    overview,
    perspectives,
    refugees,
    search,
    sources,
    summary,
    timeline,
)

router = APIRouter(include_in_schema=False)
for _module in (overview, actors, timeline, map, network, perspectives, sources, search, briefing, forecast, about):
    router.include_router(_module.router)
for _module in (refugees, summary):
    router.include_router(_module.router)
