"""The network page (/network): the actors and their relations in the knowledge base, filtered by
relation type and by the day they hold, as a graph (nodes link to the actor pages) and as a table with
each relation's source and quote."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from torkham.params import InvalidParameter, literal, parse_day
from torkham.web.deps import Store
from torkham.web.templating import templates

router = APIRouter()


@router.get("/network")
def network_page(
    request: Request,
    con: Store,
    at: Annotated[str | None, Query(max_length=40, description="Only relations holding on this day.")] = None,
    types: Annotated[list[str] | None, Query(alias="type", max_length=60)] = None,
    filtered: Annotated[str | None, Query(max_length=10)] = None,
    undated: Literal["include", "exclude"] = "include",
):
    from torkham.model.vocabulary import default_vocabulary
    from torkham.store.queries import list_actors, relations
    from torkham.web.render.network import FAMILIES, actors_of, draw_graph, graph_layout, is_dated

    day = parse_day(at, "at", "first")
    vocabulary = default_vocabulary()
    known = vocabulary["relation_types"]
    for t in types or []:
        if t not in known:
            raise InvalidParameter("type", f"unknown relation type '{literal(t)}'; choose from: {', '.join(known)}")
    everything = relations(con)
    held = {r["type"] for r in everything}
    # No `filtered` marker: the first visit, every type. With it, exactly the boxes ticked (maybe none).
    chosen_types = set(types or []) if filtered else set(held)
    shown = [r for r in relations(con, valid_at=day) if r["type"] in chosen_types]
    if undated == "exclude":
        shown = [r for r in shown if is_dated(r)]
    actors = actors_of(list_actors(con))
    drawing = draw_graph(shown, actors, graph_layout(everything, actors))
    families = [
        {"key": key, "colour": colour, "label": label,
         "types": [(t, vocabulary.label("relation_types", t), sum(r["type"] == t for r in everything))
                   for t in family_types if t in held]}
        for key, (colour, label, family_types) in FAMILIES.items()
    ]  # fmt: skip
    years = sorted(int(str(r[k])[:4]) for r in everything for k in ("valid_from", "valid_to") if r.get(k))
    context = {
        "title": "Network",
        "drawing": drawing,
        "shown": shown,
        "dated": sum(is_dated(r) for r in shown),
        "total": len(everything),
        "families": families,
        "chosen_types": chosen_types,
        "at": at or "",
        "day": day,
        "undated": undated,
        "years": (years[0], years[-1]) if years else None,
        "labels": {t: vocabulary.label("relation_types", t) for t in known},
        "names": {a.id: a.name for a in actors.values()},
        "actors_shown": len({r["from"] for r in shown} | {r["to"] for r in shown}),
        "api_query": {"limit": 1000, **({"valid_at": day.isoformat()} if day else {})},
    }
    return templates.TemplateResponse(request, "network.html", context)
