"""The network page (/network): the actors and their relations in the knowledge base, filtered by
relation type and by the period they hold in. Every pair of actors is one link carrying its relations.
Server-rendered first (an SVG of the merged links and a table of every pair with its relations, sources
and quotes); with JavaScript, static/network.js draws the graph with Cytoscape.js from /api/v1/network,
refilters it without reloading, and lists a link's relations in a side panel when it is clicked."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request

from torkham.params import Period
from torkham.web.api.network import parse_types
from torkham.web.deps import Store
from torkham.web.pages.cache import cached
from torkham.web.templating import templates

router = APIRouter()


@router.get("/network")
def network_page(
    request: Request,
    con: Store,
    start: Annotated[str | None, Query(alias="from", max_length=40, description="Relations holding from.")] = None,
    end: Annotated[str | None, Query(alias="to", max_length=40, description="Relations holding until.")] = None,
    at: Annotated[str | None, Query(max_length=40, description="One day: the same as from and to.")] = None,
    types: Annotated[list[str] | None, Query(alias="type", max_length=60)] = None,
    filtered: Annotated[str | None, Query(max_length=10)] = None,
    undated: Literal["include", "exclude"] = "include",
):
    period = Period.parse(at, at, ("at", "at")) if at and not (start or end) else Period.parse(start, end)
    ticked: frozenset[str] | None = parse_types(types or [], "type")
    ticked = ticked if filtered else None  # no `filtered` marker: the first visit, every type

    def view() -> dict:
        return _view(request, con, ticked, period, undated)

    everything_shown = ticked is None and not (period.start or period.end) and undated == "include"
    context = cached(request, ("network-view",), view) if everything_shown else view()  # the usual first visit
    context = {**context, "title": "Network", "focus": request.query_params.get("actor", "")[:80]}
    return templates.TemplateResponse(request, "network.html", context)


def layout(request, con) -> dict[str, tuple[float, float]]:
    """Where each actor sits: one force layout of every relation (filtering hides links but never moves an
    actor), computed once while the store stays the same — at start-up, with the other prepared pages
    (web/pages/prepare.py)."""

    def compute() -> dict[str, tuple[float, float]]:
        from torkham.store.network import network
        from torkham.store.queries import list_actors
        from torkham.web.render.network import actors_of, graph_layout

        everything = network(con)
        return graph_layout([r for link in everything.links for r in link.relations], actors_of(list_actors(con)))

    return cached(request, ("network-layout",), compute)


def _view(request, con, ticked: frozenset[str] | None, period: Period, undated: str) -> dict:
    """What the page shows for a filter: the relations of the types ticked (every type when None) holding in
    the period, drawn where the layout of every relation put each actor, and the filter's choices."""
    from torkham.model.vocabulary import default_vocabulary
    from torkham.store.network import network
    from torkham.store.queries import list_actors
    from torkham.web.render.network import FAMILIES, actors_of, draw_graph

    everything = network(con)
    chosen = frozenset(everything.types_held) if ticked is None else ticked  # with a filter: exactly those ticked
    net = network(con, chosen, period if period.start or period.end else None, undated == "include")
    shown = [r for link in net.links for r in link.relations]
    actors = actors_of(list_actors(con))
    positions = layout(request, con)
    vocabulary = default_vocabulary()
    families = [
        {"key": key, "colour": colour, "label": label,
         "types": [(t, vocabulary.label("relation_types", t), everything.types_held[t])
                   for t in family_types if t in everything.types_held]}
        for key, (colour, label, family_types) in FAMILIES.items()
    ]  # fmt: skip
    query = {"types": ",".join(sorted(chosen))} if ticked is not None else {}
    query |= {name: str(typed) for name, typed in zip(("from", "to"), period.typed, strict=True) if typed}
    query |= {"undated": undated} if undated == "exclude" else {}
    return {
        "net": net,
        "drawing": draw_graph(shown, actors, positions, merged=True),
        "shown": shown,
        "dated": sum(bool(r.get("valid_from") or r.get("valid_to")) for r in shown),
        "families": families,
        "chosen_types": chosen,
        "period": period,
        "undated": undated,
        "years": everything.years,
        "labels": {t: vocabulary.label("relation_types", t) for t in vocabulary["relation_types"]},
        "names": {a.id: a.name for a in actors.values()},
        "api_query": urlencode(query),
        "positions": positions,  # the graph starts where the server drawing put each actor (static/network.js)
    }
