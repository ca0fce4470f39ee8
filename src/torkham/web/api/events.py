"""/api/v1/events: the paper's events and the datasets' events together — filters, facets, one event."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request

from torkham.params import EventQuery, InvalidParameter
from torkham.store import events as library
from torkham.web.api.paging import DEFAULT_LIMIT, MAX_TEXT, Cursor, Format, Limit, Text, respond
from torkham.web.api.responses import CSV, NOT_FOUND
from torkham.web.deps import SqlStore, Store
from torkham.web.errors import NotFound

router = APIRouter(tags=["events"])

CSV_COLUMNS = [
    "layer", "id", "date", "end_date", "type", "title", "place", "country", "admin1", "actors", "actor_names",
    "fatalities.best", "fatalities.low", "fatalities.high", "dataset", "dataset_version", "event_id", "source",
    "locator.section", "locator.line", "quote",
]  # fmt: skip

Layer = Annotated[
    Literal["kb", "data", "both"],
    Query(description="`kb`: the paper's events; `data`: dataset events (UCDP …); `both` (default)."),
]
EventType = Annotated[
    str | None,
    Query(alias="type", max_length=MAX_TEXT, description="Event type: a knowledge type (attack, …), which also lists "
          "the dataset events of the types model/event_types_crosswalk.yaml counts as it (attack: UCDP one-sided and "
          "state-based), or a dataset's own (state-based, non-state, one-sided for UCDP: that type only)."),
]  # fmt: skip
Country = Annotated[str | None, Query(max_length=MAX_TEXT, description="Country name or ISO3 code: Pakistan, PAK.")]
Admin1 = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="First-level region by any spelling geo/admin1.yaml lists for it (all "
          "its spellings match), or as the data names it."),
]  # fmt: skip
Dataset = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="Only this dataset's events (ucdp-ged, acled, gdelt).")
]
Start = Annotated[
    str | None, Query(alias="from", max_length=MAX_TEXT, description="Events overlapping from this YYYY[-MM[-DD]].")
]
End = Annotated[str | None, Query(alias="to", max_length=MAX_TEXT, description="… up to this YYYY[-MM[-DD]].")]
MinFatalities = Annotated[
    int | None, Query(ge=0, description="Dataset events with at least this many deaths (best estimate).")
]
Actor = Annotated[
    str | None, Query(max_length=MAX_TEXT, description="Any name, alias, spelling or id of an actor: TTP.")
]


async def event_query(
    layer: Layer = "both", actor: Actor = None, event_type: EventType = None, country: Country = None,
    admin1: Admin1 = None, dataset: Dataset = None, start: Start = None, end: End = None, q: Text = None,
    min_fatalities: MinFatalities = None,
) -> EventQuery:  # fmt: skip
    """The events filter of the query parameters, parsed (a bad value is a 422 naming its parameter). On the event
    loop, as the filter below: pure parsing, and lookups kept per opening of the store (store.memo), so a
    request goes to a worker thread once, for its statement."""
    return EventQuery.parse(
        layer=layer, actor=actor, event_type=event_type, country=country, admin1=admin1, dataset=dataset,
        start=start, end=end, q=q, min_fatalities=min_fatalities,
    )  # fmt: skip


async def event_filter(con: SqlStore, query: Annotated[EventQuery, Depends(event_query)]) -> library.EventFilter:
    """The filter checked against the store (an unknown actor, region or dataset is a 422 naming it)."""
    return library.select_events(con, query)


async def actor_event_filter(
    con: Store, layer: Layer = "both", event_type: EventType = None, country: Country = None,
    admin1: Admin1 = None, dataset: Dataset = None, start: Start = None, end: End = None, q: Text = None,
    min_fatalities: MinFatalities = None,
) -> library.EventFilter:  # fmt: skip
    """The same filter without `actor` (the actor is in the path)."""
    query = EventQuery.parse(
        layer=layer, event_type=event_type, country=country, admin1=admin1, dataset=dataset, start=start, end=end,
        q=q, min_fatalities=min_fatalities,
    )  # fmt: skip
    return library.select_events(con, query)


Filters = Annotated[library.EventFilter, Depends(event_filter)]


def events_page(
    request: Request, con, chosen: library.EventFilter, limit: int, cursor: str | None, fmt: str, name: str,
    facet: str | None = None,
):  # fmt: skip
    if facet is not None and facet not in library.FACETS:
        raise InvalidParameter("facet", f"unknown facet '{facet}'; choose one of: {', '.join(library.FACETS)}")
    counts, total = library.counted_facets(con, chosen, facet) if facet is not None and fmt == "json" else (None, None)
    page = library.find_events(con, chosen, limit=limit, cursor=cursor, total=total)  # the facet counted the total
    covered = library.listing_coverage(con, chosen)
    extra = covered.to_json()
    if counts is not None:  # a CSV file holds the rows only
        extra["facets"] = {facet: counts}
    return respond(
        request, page.items, total=page.total, cursor=page.next_cursor, fmt=fmt, name=name, columns=CSV_COLUMNS,
        extra=extra, headers=coverage_headers(covered),
    )  # fmt: skip


def coverage_headers(covered: library.ListingCoverage) -> dict[str, str]:
    """The coverage sentences of a CSV download, in a header (a CSV file has no place for them)."""
    text = " | ".join(covered.notes).encode("ascii", "replace").decode()
    return {"X-Coverage-Notes": text} if text else {}


@router.get(
    "/events",
    responses=CSV,
    summary="Events of the paper and of the datasets, filtered and paged",
    openapi_extra={"x-example": "/api/v1/events?actor=TTP&from=2021&to=2021&layer=data"},
)
def list_events(
    request: Request,
    con: SqlStore,
    filters: Filters,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
    facet: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT,
            description=f"Also count the filtered events per value of one facet, as /events/facets?by= does "
            f"(JSON only; one of: {', '.join(library.FACETS)}).",
            json_schema_extra={"enum": list(library.FACETS)},
        ),
    ] = None,
):
    """Both layers in one list, by date, then the paper's events before dataset events, then id. Knowledge
    events carry their source, locator and quote; dataset events their dataset, version, event id and
    `dataset_status` (preliminary: UCDP candidate events). `coverage` (spans per dataset and country) and
    `coverage_notes` (sentences) say what the data covers: a range they leave out is unknown, not calm.
    `facet`: the counts of /events/facets for that facet beside the page, under `facets` (one request for a
    page and its counts). CSV: the sentences in the `X-Coverage-Notes` header."""
    return events_page(request, con, filters, limit, cursor, format, "events", facet)


@router.get(
    "/events/facets",
    responses=CSV,
    summary="Event and death counts per region, type, dataset, year, country or actor",
    openapi_extra={"x-example": "/api/v1/events/facets?by=admin1&actor=TTP&from=2021&to=2021"},
)
def event_facets(
    request: Request,
    con: SqlStore,
    by: Annotated[
        str,
        Query(
            max_length=MAX_TEXT,
            description=f"One of: {', '.join(library.FACETS)}.",
            json_schema_extra={"enum": list(library.FACETS)},  # checked by the library, which names the choices
        ),
    ],
    filters: Filters,
    format: Format = "json",
):
    """Counts of the filtered events per value of `by`, with the deaths (best estimate) of the events that give
    one (`fatalities`, null when none does) and how many give none (`fatalities_unknown`: the paper's events).
    `region`: admin-1 names folded by the admin-1 crosswalk (`names`: the spellings counted). Years newest
    first; other facets by count. `coverage`/`coverage_notes` say what the data covers;
    `years_not_covered` (by=year) the years no event data covers (unknown, not 0)."""
    rows = library.facet_counts(con, filters, by)
    covered = library.listing_coverage(con, filters)
    extra = {"by": by, **covered.to_json()}
    if by == "year":  # a year no event data covers is absent from the rows, never a 0: it is listed here
        extra["years_not_covered"] = [str(y) for y in covered.uncovered_years()]
    return respond(
        request, rows, total=len(rows), cursor=None, fmt=format, name=f"events-by-{by}", extra=extra,
        headers=coverage_headers(covered),
    )  # fmt: skip


@router.get(
    "/events/{event_id}",
    responses=NOT_FOUND,
    summary="One event: a knowledge event by id, a dataset event by <dataset>:<event id>",
    openapi_extra={"x-example": "/api/v1/events/ucdp-ged:425055"},
)
def get_event(
    con: SqlStore,
    event_id: Annotated[str, Path(max_length=MAX_TEXT, examples=["ucdp-ged:425055", "ev-2007-12-ttp-founded"])],
):
    found = library.event_by_id(con, event_id)
    if found is None:
        raise NotFound(
            f"no event with id '{event_id}'; knowledge events have ids like ev-2007-12-ttp-founded, dataset "
            "events <dataset>:<event id> like ucdp-ged:425055; list them with /api/v1/events"
        )
    return found
