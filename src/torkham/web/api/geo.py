"""/api/v1/map: what the interactive map draws — provinces as GeoJSON with events, deaths and coverage for a
period (null where no data covers: unknown, not 0), and the events' locations as GeoJSON points."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from torkham.params import EventQuery
from torkham.store.events import EventFilter, select_events
from torkham.web.api.paging import MAX_TEXT
from torkham.web.deps import Store

router = APIRouter(tags=["map"])

Start = Annotated[
    str | None, Query(alias="from", max_length=MAX_TEXT, description="Events overlapping from this YYYY[-MM[-DD]].")
]
End = Annotated[str | None, Query(alias="to", max_length=MAX_TEXT, description="… up to this YYYY[-MM[-DD]].")]
Actor = Annotated[str | None, Query(max_length=MAX_TEXT, description="Any name, alias or id of an actor: TTP.")]
EventType = Annotated[
    str | None, Query(alias="type", max_length=MAX_TEXT, description="state-based, non-state or one-sided (UCDP).")
]
Dataset = Annotated[str | None, Query(max_length=MAX_TEXT, description="Only this dataset's events: ucdp-ged, …")]
Boundaries = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="with-fata (as UCDP codes Pakistan, default) or current (FATA in KP)."),
]
Geometry = Annotated[
    bool, Query(description="Send the outlines (default); false sends figures only (geometry null), to refresh.")
]


def map_filter(con: Store, start: Start = None, end: End = None, actor: Actor = None, event_type: EventType = None,
               dataset: Dataset = None) -> EventFilter:  # fmt: skip
    """The dataset events of the map's filter, checked against the store (a bad value is a 422 naming it)."""
    query = EventQuery.parse(layer="data", actor=actor, event_type=event_type, dataset=dataset, start=start, end=end)
    return select_events(con, query)


Chosen = Annotated[EventFilter, Depends(map_filter)]


@router.get(
    "/map/provinces",
    summary="Provinces as GeoJSON with events, deaths and coverage for a period; null where no data covers",
    openapi_extra={"x-example": "/api/v1/map/provinces?from=2010-01&to=2012-12&geometry=false"},
)
def provinces(con: Store, chosen: Chosen, boundaries: Boundaries = None, geometry: Geometry = True) -> dict:
    """A FeatureCollection: per province `events` and `fatalities` (best estimate), their class in the fixed
    `classes` (the same for every filter), and `coverage` — full, partial or none: how much of the period event
    data covers in its country (none: the figures are null). Foreign members give the period, the totals,
    events without a province or with one the map does not know, and per country its coverage and its
    deaths by UCDP's country totals (`national`, without provinces; null when narrowed by actor, type or
    dataset)."""
    from torkham.web.mapdata import boundary_set, province_collection

    return province_collection(con, chosen, boundary_set(boundaries), geometry)


@router.get(
    "/map/events",
    summary="Event locations as GeoJSON points (events and deaths per place) for a period",
    openapi_extra={"x-example": "/api/v1/map/events?from=2010-01&to=2012-12&type=one-sided"},
)
def event_points(con: Store, chosen: Chosen) -> dict:
    """A FeatureCollection of points, one per place, with its `events` and `fatalities`; `too_many` (and no
    features) when the filter selects more than `limit` events; `without_coordinates` counts those not drawn."""
    from torkham.web import mapdata

    return mapdata.event_points(con, chosen)
