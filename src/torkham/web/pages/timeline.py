"""The timeline: the paper's events and the datasets' events together, filtered by a GET form (the same
parameters as /api/v1/events, so every view can be downloaded as CSV or JSON), paged with a cursor, with
where (first-level regions), when (years) and what (types) counted for the selection."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from torkham.web.api.paging import MAX_TEXT
from torkham.web.deps import Store
from torkham.web.pages.cache import cached
from torkham.web.templating import templates

router = APIRouter()
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAP_FILTERS = ("actor", "type", "dataset", "from", "to")  # what the map page filters by
FACET_ROWS = 12  # values shown per facet; the API gives them all

Text = Annotated[str | None, Query(max_length=MAX_TEXT)]


@router.get("/timeline")
def timeline_page(
    request: Request,
    con: Store,
    actor: Text = None,
    event_type: Annotated[str | None, Query(alias="type", max_length=MAX_TEXT)] = None,
    country: Text = None,
    admin1: Text = None,
    dataset: Text = None,
    layer: Text = None,
    start: Annotated[str | None, Query(alias="from", max_length=MAX_TEXT)] = None,
    end: Annotated[str | None, Query(alias="to", max_length=MAX_TEXT)] = None,
    q: Text = None,
    min_fatalities: Text = None,  # text: an empty form field means no minimum
    cursor: Text = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
):
    from torkham.params import EventQuery
    from torkham.store.events import facet_counts, find_events, listing_coverage, select_events
    from torkham.store.queries import actor_names

    typed = {"actor": actor, "type": event_type, "country": country, "admin1": admin1, "dataset": dataset,
             "layer": layer, "from": start, "to": end, "q": q, "min_fatalities": min_fatalities}  # fmt: skip
    typed = {k: v for k, v in typed.items() if v not in (None, "")}
    event_query = EventQuery.parse(
        layer=layer or "both", actor=actor, event_type=event_type, country=country, admin1=admin1, dataset=dataset,
        start=start, end=end, q=q, min_fatalities=min_fatalities,
    )  # fmt: skip
    chosen = select_events(con, event_query)
    page = find_events(con, chosen, limit=limit, cursor=cursor or None)
    names = actor_names(con)
    facets = {by: facet_counts(con, chosen, by) for by in ("region", "year", "event_type")}
    covered = listing_coverage(con, chosen)
    data_total = sum(row["count"] for row in facet_counts(con, chosen, "dataset") if row["value"])
    query = urlencode(typed)
    questions = _questions(con, chosen.actor_id) if chosen.actor_id else []
    return templates.TemplateResponse(
        request,
        "timeline.html",
        {
            "title": "Timeline",
            "typed": typed,
            "filter": chosen,
            "actor_name": names.get(chosen.actor_id) if chosen.actor_id else None,
            "page": page,
            "names": names,
            "facets": {by: rows[:FACET_ROWS] for by, rows in facets.items()},
            "facet_totals": {by: len(rows) for by, rows in facets.items()},
            "coverage": covered,
            "data_total": data_total,
            "covered_bounds": covered.covered_bounds(),
            "years_not_covered": covered.uncovered_years(),
            "options": cached(request, ("timeline-options",), lambda: _options(con)),
            "query": query,
            "questions": questions,
            "type_notes": _type_notes([row["value"] for row in facets["event_type"]], chosen.event_type),
            "counts_as": _counts_as(),
            "limit": limit,
            "first": not cursor,
            "next_url": "/timeline?" + urlencode({**typed, "cursor": page.next_cursor, **_limit(limit)})
            if page.next_cursor
            else None,
            "narrow": lambda key, value: "/timeline?" + urlencode({**typed, key: value}),
            "map_url": "/map?" + urlencode({k: v for k, v in typed.items() if k in MAP_FILTERS}),
            "api": lambda fmt: "/api/v1/events?" + urlencode({**typed, "limit": 1000, "format": fmt}),
        },
    )


def _questions(con, actor_id: str) -> list[dict]:
    from torkham.store.queries import records_by_id
    from torkham.web.pages.actors import questions_about

    return questions_about(con, records_by_id(con, [actor_id])[actor_id])


def _type_notes(shown: list[str], chosen: str | None) -> list[str]:
    """What the declared crosswalk says about the types shown: which UCDP types a paper type lists too, and
    which paper type a UCDP type counts as."""
    from torkham.model.event_types import event_crosswalk

    crosswalk = event_crosswalk()
    notes = []
    for paper_type in crosswalk.counts_as:
        if paper_type in shown or paper_type == chosen:
            listed = " and ".join(crosswalk.types[t].full_label for t in crosswalk.dataset_types(paper_type))
            notes.append(f"Type {paper_type} also lists the UCDP events of {listed}: {crosswalk.notes[paper_type]}")
    return notes


def _counts_as() -> dict[str, tuple[str, ...]]:
    """Dataset type -> the paper types the declared crosswalk counts it as."""
    from torkham.model.event_types import event_crosswalk

    crosswalk = event_crosswalk()
    return {name: crosswalk.paper_types(name) for name in crosswalk.types}


def _limit(limit: int) -> dict:
    return {"limit": limit} if limit != DEFAULT_LIMIT else {}


def _options(con) -> dict:
    """Values the filters may take, for the form's suggestions (fixed while the process runs)."""
    from torkham.store.events import EventFilter, facet_counts

    everything = EventFilter()
    return {by: [row["value"] for row in facet_counts(con, everything, by) if row["value"]]
            for by in ("event_type", "country", "admin1", "dataset")}  # fmt: skip
