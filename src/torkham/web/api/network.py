"""/api/v1/network: the actor network the /network page draws, as nodes and merged links. One link per pair
of actors carries every relation between them (its count, types and, for each, its period, source and
quote), filtered by relation type and by the period the relations hold in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from torkham.params import InvalidParameter, Period, literal
from torkham.store.network import Link, Network, Node, network
from torkham.store.queries import Record
from torkham.web.api.paging import MAX_TEXT
from torkham.web.deps import Store

router = APIRouter(tags=["relations"])
Undated = Literal["include", "exclude"]


def parse_types(values: Iterable[str], field: str) -> frozenset[str]:
    """Relation types of the vocabulary, as given (one each, or comma-separated)."""
    from torkham.model.vocabulary import default_vocabulary

    known = default_vocabulary()["relation_types"]
    chosen = {t.strip() for value in values for t in value.split(",") if t.strip()}
    for t in sorted(chosen):
        if t not in known:
            raise InvalidParameter(field, f"unknown relation type '{literal(t)}'; choose from: {', '.join(known)}")
    return frozenset(chosen)


def _all_types() -> list[str]:
    from torkham.model.vocabulary import default_vocabulary

    return list(default_vocabulary()["relation_types"])


def relation_row(relation: Record) -> dict:
    from torkham.model.vocabulary import default_vocabulary

    locator = relation.get("locator") or {}
    source = relation.get("source")
    return {
        "id": relation["id"], "type": relation["type"],
        "label": default_vocabulary().label("relation_types", relation["type"]),
        "from": relation["from"], "to": relation["to"],
        "valid_from": relation.get("valid_from"), "valid_to": relation.get("valid_to"),
        "source": source, "section": locator.get("section"), "line": locator.get("line"),
        "quote": relation.get("quote"),
        "href": f"/sources/{source}#record-{relation['id']}" if source else None,
    }  # fmt: skip


def node_row(node: Node) -> dict:
    return {"id": node.id, "name": node.name, "kind": node.kind, "label": node.label, "degree": node.degree,
            "href": f"/actors/{node.id}"}  # fmt: skip


def link_row(link: Link) -> dict:
    from torkham.web.render.network import FAMILIES, link_family, link_width

    family = link_family([str(r["type"]) for r in link.relations])
    return {
        "id": link.id, "source": link.source, "target": link.target, "count": link.count, "types": link.types,
        "family": family, "colour": FAMILIES[family][0], "width": link_width(link.count),
        "relations": [relation_row(r) for r in link.relations],
    }  # fmt: skip


def network_body(net: Network, types: frozenset[str] | None, period: Period, undated: Undated) -> dict:
    return {
        "filters": {
            "types": sorted(types) if types is not None else None,
            "from": period.start.isoformat() if period.start else None,
            "to": period.end.isoformat() if period.end else None,
            "undated": undated,
        },
        "total": net.total, "shown": net.shown, "actors": len(net.nodes), "links": len(net.links),
        "nodes": [node_row(n) for n in net.nodes],
        "edges": [link_row(link) for link in net.links],
    }  # fmt: skip


@router.get(
    "/network",
    summary="The actor network: actors and one merged link per pair, by relation type and period",
    openapi_extra={"x-example": "/api/v1/network?types=supports,fights&from=2021&to=2022"},
)
def get_network(
    con: Store,
    types: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Relation types, comma-separated: supports,fights")
    ] = None,
    start: Annotated[
        str | None, Query(alias="from", max_length=MAX_TEXT, description="Relations holding from YYYY[-MM[-DD]].")
    ] = None,
    end: Annotated[
        str | None, Query(alias="to", max_length=MAX_TEXT, description="Relations holding until YYYY[-MM[-DD]].")
    ] = None,
    exclude: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Relation types to leave out, comma-separated.")
    ] = None,
    undated: Annotated[Undated, Query(description="Relations the source gives no dates: include or exclude.")] = (
        "include"
    ),
):
    """Every relation between two actors, either way round, is one link: `count` relations of `types` (the
    most frequent first), each listed with its period, source, quote and the link to the quote. `types` keeps
    only those types, `exclude` leaves some out (give the shorter list). A relation holding on any day from
    `from` to `to` is shown; one without dates holds at any time unless `undated=exclude`. Nodes carry a
    label no other actor shares."""
    chosen: frozenset[str] | None = None
    if types is not None or exclude is not None:
        chosen = parse_types([types] if types is not None else _all_types(), "types")
        chosen -= parse_types([exclude or ""], "exclude")
    period = Period.parse(start, end)
    net = network(con, chosen, period if period.start or period.end else None, undated == "include")
    return network_body(net, chosen, period, undated)
