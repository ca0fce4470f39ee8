"""The map page (/map): dataset events by province (choropleth) and location (points), filtered by date
range, actor, dataset and event type; a province's link lists its events below the map, with downloads."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from torkham.params import InvalidParameter, literal
from torkham.web.deps import Store
from torkham.web.pages.cache import cached
from torkham.web.templating import templates

router = APIRouter()

POINT_LIMIT = 20_000  # more events than this are not drawn as points (the page says so)
SHOWN_EVENTS = 100  # events listed per province name; the downloads hold up to CSV_LIMIT
CSV_LIMIT = 1000
Text = Annotated[str | None, Query(max_length=200)]


@router.get("/map")
def map_page(
    request: Request,
    con: Store,
    start: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=40)] = None,
    actor: Text = None,
    dataset: Text = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=200)] = None,
    admin1: Text = None,
    boundaries: Annotated[str | None, Query(max_length=40)] = None,
    points: Literal["shown", "hidden"] = "shown",
):
    from torkham.params import EventQuery
    from torkham.store.events import select_events
    from torkham.store.queries import actor_names

    query = EventQuery.parse(layer="data", actor=actor, event_type=event_type, dataset=dataset, start=start, end=end)
    chosen = select_events(con, query)
    form = {"from": start or "", "to": end or "", "actor": actor or "", "dataset": dataset or "",
            "type": event_type or "", "boundaries": boundaries or "", "points": points}  # fmt: skip
    base_query = {k: v for k, v in form.items() if v and not (k == "points" and v == "shown")}
    key = ("map", chosen, admin1, boundaries, points)
    view = cached(request, key, lambda: map_view(con, chosen, admin1, boundaries, points, base_query))
    interactive = interactive_view(con, request, chosen, form)
    return templates.TemplateResponse(
        request,
        "map.html",
        {"title": "Map", "form": form, "view": view, "options": _options(request, con, chosen), "chosen": chosen,
         "names": actor_names(con), "interactive": interactive},
    )  # fmt: skip


def _options(request, con, chosen) -> dict:
    """The datasets and event types held, with their events, for the filter's choices."""
    from torkham.store.events import facet_counts

    unfiltered = replace(chosen, actor_id=None, event_type=None, dataset=None, start=None, end=None, layer="data")
    return cached(request, ("map-options",), lambda: {
        "datasets": facet_counts(con, unfiltered, "dataset"),
        "types": facet_counts(con, unfiltered, "event_type"),
    })  # fmt: skip


def prepare(request, con) -> None:
    """The map a visitor sees first (no filter), and each country's monthly deaths by UCDP's country totals,
    which the interactive map's every period reads (web/mapdata.py: computed by the analysis layer, so done at
    start-up in the child process of web/pages/prepare.py)."""
    from torkham.params import EventQuery
    from torkham.store.events import select_events
    from torkham.web.mapdata import COUNTRIES, national_months

    chosen = select_events(con, EventQuery.parse(layer="data"))
    cached(request, ("map", chosen, None, None, "shown"), lambda: map_view(con, chosen, None, None, "shown", {}))
    _options(request, con, chosen)
    interactive_view(con, request, chosen, dict.fromkeys(("actor", "dataset", "type", "boundaries"), ""))
    for iso3 in COUNTRIES:
        national_months(con, iso3)


def interactive_view(con, request: Request, chosen, form: dict) -> dict | None:
    """What the interactive map (static/map.js) starts from: the months the data covers (the slider's ends),
    the period chosen, the fixed classes and the filter the API is asked with; None when no event data."""
    from torkham.geo.figures import fixed_classes, month_text
    from torkham.web.mapdata import data_months

    months = cached(request, ("map-months",), lambda: data_months(con))
    if months is None:
        return None
    first, last = months
    start = min(max(chosen.start or first, first), last)
    end = max(min(chosen.end or last, last), start)
    keep = {k: form[k] for k in ("actor", "dataset", "type", "boundaries") if form[k]}
    return {"min": month_text(first), "max": month_text(last), "from": month_text(start), "to": month_text(end),
            "filter": urlencode(keep), "classes": fixed_classes()}  # fmt: skip


def map_view(con, chosen, admin1: str | None, boundaries: str | None, points: str, base_query: dict) -> dict:
    """Everything the map partial draws for one filter: the SVG, legend, counts per province, the names
    not on the map, and the events of the selected province."""
    from torkham.geo.admin1 import load_crosswalk, place
    from torkham.store.events import facet_counts, listing_coverage
    from torkham.web.render.mapsvg import base_map, draw_map

    crosswalk = load_crosswalk()
    if boundaries and boundaries not in crosswalk.sets:
        raise InvalidParameter(
            "boundaries", f"unknown value '{literal(boundaries)}'; choose one of: {', '.join(crosswalk.sets)}"
        )
    boundary_set = crosswalk.sets[boundaries] if boundaries else crosswalk.default_set()
    base = base_map(boundary_set.key)
    counts = {row["value"]: row["count"] for row in facet_counts(con, chosen, "admin1")}
    placement = place(crosswalk, boundary_set, counts)

    def href_for(code: str) -> str:
        return "/map?" + urlencode({**base_query, "admin1": code}) + "#events"

    selected = _selected(con, crosswalk, boundary_set, base.names(), placement, admin1)
    located, without = _points(con, chosen, placement.total) if points == "shown" else (None, 0)
    covered = listing_coverage(con, chosen)
    drawing = draw_map(base, boundary_set, placement, href_for, located, selected["code"] if selected else None,
                       covered=covered.covered_countries)  # fmt: skip
    return {
        "drawing": drawing,
        "placement": placement,
        "set": boundary_set,
        "sets": list(crosswalk.sets.values()),
        "points": points,
        "too_many_points": points == "shown" and located is None and placement.total > POINT_LIMIT,
        "without_coordinates": without,
        "selected": _province_events(con, chosen, selected) if selected else None,
        "href_for": href_for,
        "base_query": base_query,
        "coverage": covered,
        "covered_bounds": covered.covered_bounds(),
    }


def _selected(con, crosswalk, boundary_set, drawn: dict[str, str], placement, admin1: str | None) -> dict | None:
    """The province a link chose: by code (every dataset name counted there) or by a dataset's own name."""
    from torkham.params import EventQuery
    from torkham.store.events import select_events

    if not admin1:
        return None
    if admin1 in drawn:
        return {"code": admin1, "name": drawn[admin1], "names": placement.names.get(admin1, [])}
    select_events(con, EventQuery.parse(layer="data", admin1=admin1))  # an unknown name is a 422 naming the parameter
    code = crosswalk.code_for(admin1)
    code = boundary_set.drawn_code(code) if code else None
    return {"code": code, "name": drawn.get(code, admin1) if code else admin1, "names": [admin1]}


def _province_events(con, chosen, selected: dict) -> dict:
    from torkham.store.events import find_events

    groups = []
    for name in selected["names"]:
        narrowed = replace(chosen, admin1=name)
        page = find_events(con, narrowed, limit=SHOWN_EVENTS)
        groups.append({"name": name, "total": page.total, "items": page.items, "csv": api_link(narrowed, "csv"),
                       "json": api_link(narrowed, "json")})  # fmt: skip
    return {**selected, "groups": groups, "total": sum(g["total"] for g in groups)}


def api_link(chosen, fmt: str) -> str:
    """The /api/v1/events URL of the same filter (the API reads the same parameters, so the rows match)."""
    params = {
        "layer": chosen.layer, "actor": chosen.actor_id, "type": chosen.event_type, "dataset": chosen.dataset,
        "from": chosen.start.isoformat() if chosen.start else None, "to": chosen.end.isoformat() if chosen.end else None,
        "admin1": chosen.admin1, "limit": CSV_LIMIT, "format": fmt,
    }  # fmt: skip
    return "/api/v1/events?" + urlencode({k: v for k, v in params.items() if v is not None})


def _points(con, chosen, total: int) -> tuple[list[tuple[float, float, int]] | None, int]:
    """(lon, lat, events) per distinct location, and the events without coordinates; None when too many."""
    from torkham.store.events import find_events

    if total > POINT_LIMIT:
        return None, 0
    if total == 0:
        return [], 0
    cells: dict[tuple[float, float], int] = {}
    without = 0
    for item in find_events(con, chosen, limit=total).items:
        if item.get("longitude") is None or item.get("latitude") is None:
            without += 1
            continue
        key = (item["longitude"], item["latitude"])
        cells[key] = cells.get(key, 0) + 1
    return [(lon, lat, n) for (lon, lat), n in cells.items()], without
