"""/api/v1/actors: every actor with its names; one actor with everything the store says about it."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from torkham.params import check_term
from torkham.store import queries
from torkham.store.events import EventFilter, facet_counts
from torkham.store.search import actors_matching
from torkham.web.api.common import not_found
from torkham.web.api.events import actor_event_filter, events_page
from torkham.web.api.paging import DEFAULT_LIMIT, MAX_TEXT, Cursor, Format, Limit, Text, page_of
from torkham.web.api.responses import CSV, NOT_FOUND
from torkham.web.deps import Store

router = APIRouter(tags=["actors"])
ActorId = Annotated[
    str, Path(max_length=MAX_TEXT, description="Actor id, e.g. ttp (see /api/v1/actors).", examples=["ttp"])
]


def _row(actor: dict) -> dict:
    return {
        "id": actor["id"], "name": actor["name"], "kind": actor["kind"], "description": actor.get("description"),
        "aliases": "; ".join(a["name"] for a in actor.get("aliases") or []), "source": actor.get("source"),
        "section": (actor.get("locator") or {}).get("section"), "line": (actor.get("locator") or {}).get("line"),
        "quote": actor.get("quote"),
    }  # fmt: skip


@router.get(
    "/actors",
    responses=CSV,
    summary="Actors with their names and aliases",
    openapi_extra={"x-example": "/api/v1/actors?kind=armed_group&q=taliban"},
)
def list_actors(
    request: Request,
    con: Store,
    kind: Annotated[str | None, Query(max_length=MAX_TEXT, description="Actor kind: state, person, …")] = None,
    q: Text = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
):
    """By kind, then name. `q` keeps the actors with these letters in their id, name or an alias (case,
    diacritics and punctuation ignored)."""
    check_term("actor_kinds", kind, "kind")
    rows = queries.list_actors(con, kind)
    if q:
        rows = actors_matching(rows, q)
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="actors", row=_row)


def _known(con, actor_id: str) -> str:
    from torkham.store.queries import actor_names

    if actor_id not in actor_names(con):
        raise not_found("actor", actor_id)
    return actor_id


@router.get(
    "/actors/{actor_id}",
    responses=NOT_FOUND,
    summary="One actor: names, attributes, relations, events, figures, claims, mentions, dataset events",
    openapi_extra={"x-example": "/api/v1/actors/ttp"},
)
def get_actor(con: Store, actor_id: ActorId):
    """The actor's record (with provenance) and every record about it, as `torkham show --json`, plus the
    number of dataset events and deaths (best estimate) per dataset that name it."""
    detail = queries.actor_detail(con, _known(con, actor_id))
    counts = facet_counts(con, EventFilter(layer="data", actor_id=actor_id), "dataset")
    detail["dataset_events"] = [{"dataset": c["value"], "events": c["count"], "fatalities": c["fatalities"]}
                                for c in counts]  # fmt: skip
    return detail


@router.get(
    "/actors/{actor_id}/events",
    responses=CSV | NOT_FOUND,
    summary="The events of one actor (both layers), with the filters of /events",
    openapi_extra={"x-example": "/api/v1/actors/ttp/events?from=2021&to=2021&layer=data&format=csv"},
)
def actor_events(
    request: Request,
    con: Store,
    actor_id: ActorId,
    filters: Annotated[EventFilter, Depends(actor_event_filter)],
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
):
    chosen = replace(filters, actor_id=_known(con, actor_id))
    return events_page(request, con, chosen, limit, cursor, format, f"events-{actor_id}")
