"""The actor network of the knowledge base (kb relations) as SVG: nodes link to /actors/<id>, edges are
coloured by the family of their relation type. `small_graph(con, actor_id)` draws one actor's
neighbourhood for the actor page."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from markupsafe import Markup

from torkham.kb.labels import short_label as short_label  # re-exported: labels live in kb.labels
from torkham.kb.labels import unique_labels
from torkham.web.render.layout import Positions, packed_layout, radial_layout
from torkham.web.render.svg import esc, markup, num

# Relation types by family: the edge colour. Every type of the vocabulary must be in one (tested).
FAMILIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "hostility": ("#D55E00", "hostility", (
        "opposes", "fights", "threatens", "rival_of", "mistrusts", "does_not_recognise", "invaded",
        "deports")),
    "support": ("#009E73", "support and alliance", (
        "ally_of", "supports", "alleged_support", "shelters", "facilitates", "hosts", "affiliated_with",
        "offshoot_of", "faction_of", "committed_to", "draws_on")),
    "engagement": ("#0072B2", "talks, trade and neighbours", (
        "negotiates_with", "mediates", "engages_with", "diplomatic_relations", "trades_with", "borders")),
    "structure": ("#8a8f94", "people and organisations", (
        "leads", "deputy_of", "founded", "member_of", "office_in", "spokesperson_of", "works_for", "part_of",
        "member_state_of", "publishes", "located_in")),
}  # fmt: skip
FAMILY_OF = {t: family for family, (_, _, types) in FAMILIES.items() for t in types}
KIND_FILL = {
    "person": "#fff4c2", "armed_group": "#f9d3c8", "opposition_group": "#f9d3c8", "state": "#cfe3f3",
    "de_facto_government": "#cfe3f3", "government_body": "#cfe3f3", "state_group": "#cfe3f3",
    "intergovernmental_organisation": "#cfe3f3",
}  # fmt: skip
OTHER_FILL = "#e6e8ea"
WIDTH, HEIGHT = 1000, 720


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    label: str  # short form drawn beside the node


@dataclass
class Drawing:
    svg: Markup
    relations: list[dict]  # the relation records drawn (export form)
    actors: dict[str, Actor]
    legend: list[tuple[str, str, list[str]]] = field(default_factory=list)  # colour, family label, types

    def __html__(self) -> str:  # a template may place the drawing itself: {{ graph }}
        return str(self.svg)


def family_colour(relation_type: str) -> str:
    return FAMILIES[FAMILY_OF.get(relation_type, "structure")][0]


def is_dated(relation: dict) -> bool:
    return bool(relation.get("valid_from") or relation.get("valid_to"))


def actors_of(records: list[dict]) -> dict[str, Actor]:
    """The actors by id, each with its label: short, and unique among these actors."""
    labels = unique_labels(records)
    return {r["id"]: Actor(r["id"], r["name"], r["kind"], labels[r["id"]]) for r in records}


def graph_layout(relations: list[dict], actors: dict[str, Actor]) -> Positions:
    """One layout of every related actor, so filtering hides edges but never moves a node."""
    ids = sorted({r["from"] for r in relations} | {r["to"] for r in relations})
    nodes = tuple((i, actors[i].kind if i in actors else "") for i in ids)
    edges = tuple(sorted({(r["from"], r["to"]) for r in relations}))
    return packed_layout(nodes, edges, WIDTH, HEIGHT)


def draw_graph(
    relations: list[dict],
    actors: dict[str, Actor],
    positions: Positions,
    width: float = WIDTH,
    height: float = HEIGHT,
    graph_id: str = "network",
    centre: str | None = None,
    merged: bool = False,
) -> Drawing:
    """The relations as SVG; `merged`: one line per pair of actors, as wide as it has relations."""
    shown_ids = sorted({r["from"] for r in relations} | {r["to"] for r in relations})
    degree = {i: 0 for i in shown_ids}
    for r in relations:
        degree[r["from"]] += 1
        degree[r["to"]] += 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" role="group" '
        f'aria-labelledby="{graph_id}-title" class="network-svg" font-size="11" font-family="system-ui, sans-serif">'
        f'<title id="{graph_id}-title">Actor network: {len(shown_ids)} actors, {len(relations)} relations</title>',
        _markers(graph_id),
        '<g class="edges" fill="none" stroke-width="1.4">',
    ]
    edges = _merged_edges if merged else _edges
    parts += edges(relations, actors, positions, degree, graph_id)
    parts.append('</g><g class="nodes">')
    for node_id in shown_ids:
        if node_id not in positions:
            continue
        actor = actors.get(node_id) or Actor(node_id, node_id, "", node_id)
        x, y = positions[node_id]
        radius = _radius(degree[node_id]) + (3 if node_id == centre else 0)
        anchor = "end" if x > width - 120 else "start"
        dx = -(radius + 3) if anchor == "end" else radius + 3
        kind = actor.kind.replace("_", " ")
        parts.append(
            f'<a href="/actors/{esc(node_id)}" class="node" data-id="{esc(node_id)}">'
            f"<title>{esc(actor.name)} ({esc(kind)}): {degree[node_id]} relation(s) shown</title>"
            f'<circle cx="{num(x)}" cy="{num(y)}" r="{num(radius)}" fill="{KIND_FILL.get(actor.kind, OTHER_FILL)}" '
            f'stroke="#39444c"/><text x="{num(x + dx)}" y="{num(y + 4)}" text-anchor="{anchor}" '
            f'paint-order="stroke" stroke="#fff" stroke-width="3">{esc(actor.label)}</text></a>'
        )
    parts.append("</g></svg>")
    used = sorted({FAMILY_OF.get(r["type"], "structure") for r in relations}, key=list(FAMILIES).index)
    legend = [(FAMILIES[f][0], FAMILIES[f][1], sorted({r["type"] for r in relations if FAMILY_OF.get(r["type"]) == f}))
              for f in used]  # fmt: skip
    return Drawing(markup("".join(parts)), relations, actors, legend)


def _markers(graph_id: str) -> str:
    markers = [
        f'<marker id="{graph_id}-arrow-{family}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        f'markerHeight="6" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{colour}"/></marker>'
        for family, (colour, _, _) in FAMILIES.items()
    ]
    return "<defs>" + "".join(markers) + "</defs>"


def _edges(relations, actors, positions: Positions, degree: dict, graph_id: str) -> list[str]:
    from torkham.model.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    by_pair: dict[tuple[str, str], list[dict]] = {}
    for r in relations:
        by_pair.setdefault(tuple(sorted((r["from"], r["to"]))), []).append(r)
    parts = []
    for (a, b), group in sorted(by_pair.items()):
        if a not in positions or b not in positions:
            continue
        for k, r in enumerate(sorted(group, key=lambda r: (r["type"], r["id"]))):
            start, end = positions[r["from"]], positions[r["to"]]
            bend = (k - (len(group) - 1) / 2) * min(14.0, 70 / len(group)) * (1 if r["from"] == a else -1)
            d = _curve(start, end, bend, _radius(degree[r["to"]]) + 1)
            family = FAMILY_OF.get(r["type"], "structure")
            arrow = f' marker-end="url(#{graph_id}-arrow-{family})"' if vocabulary.is_directed(r["type"]) else ""
            names = (actors[x].name if x in actors else x for x in (r["from"], r["to"]))
            label = vocabulary.label("relation_types", r["type"])
            span = _span(r)
            parts.append(
                f'<path d="{d}" stroke="{family_colour(r["type"])}"{arrow} data-type="{esc(r["type"])}">'
                f"<title>{esc(next(names))} {esc(label)} {esc(next(names))}{esc(span)}</title></path>"
            )
    return parts


def link_family(relation_types: list[str]) -> str:
    """The family most of a link's relations belong to (ties: the order of FAMILIES)."""
    counted = [FAMILY_OF.get(t, "structure") for t in relation_types]
    return min(FAMILIES, key=lambda f: (-counted.count(f), list(FAMILIES).index(f)))


def link_width(count: int) -> float:
    return round(1.4 + 1.3 * math.sqrt(count - 1), 2)


def _merged_edges(relations, actors, positions: Positions, degree: dict, graph_id: str) -> list[str]:
    from torkham.model.vocabulary import default_vocabulary
    from torkham.store.network import merge

    vocabulary = default_vocabulary()
    parts = []
    for link in merge(relations):
        if link.source not in positions or link.target not in positions:
            continue
        types = [str(r["type"]) for r in link.relations]
        names = [actors[x].name if x in actors else x for x in (link.source, link.target)]
        listed = ", ".join(f"{vocabulary.label('relation_types', t)} {types.count(t)}" for t in link.types)
        parts.append(
            f'<path d="{_curve(positions[link.source], positions[link.target], 0, 0)}" '
            f'stroke="{FAMILIES[link_family(types)][0]}" stroke-width="{num(link_width(link.count))}" '
            f'data-count="{link.count}"><title>{esc(names[0])} and {esc(names[1])}: {link.count} relation(s) '
            f"({esc(listed)})</title></path>"
        )
    return parts


def _curve(start, end, bend: float, end_gap: float) -> str:
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    # shorten the end so an arrowhead stops at the target's circle
    x2, y2 = x2 - dx / length * end_gap, y2 - dy / length * end_gap
    if abs(bend) < 0.5:
        return f"M{num(x1)} {num(y1)}L{num(x2)} {num(y2)}"
    cx, cy = (x1 + x2) / 2 - dy / length * bend, (y1 + y2) / 2 + dx / length * bend
    return f"M{num(x1)} {num(y1)}Q{num(cx)} {num(cy)} {num(x2)} {num(y2)}"


def _radius(degree: int) -> float:
    return 4 + 1.6 * math.sqrt(degree)


def _span(relation: dict) -> str:
    if not is_dated(relation):
        return ""
    return f" ({relation.get('valid_from') or '…'} to {relation.get('valid_to') or '…'})"


def small_graph(con, actor_id: str, width: float = 640, height: float = 420) -> Drawing:
    """One actor and every actor it has a relation with, around it; for the actor page.
    `Drawing.svg` is the picture, `Drawing.relations` the relation records it shows (for the table)."""
    from torkham.store.queries import list_actors
    from torkham.store.queries import relations as find_relations

    relations = find_relations(con, actor_id=actor_id)
    actors = actors_of(list_actors(con))
    neighbours = {(r["to"] if r["from"] == actor_id else r["from"]) for r in relations}
    order = sorted(neighbours, key=lambda n: (min(list(FAMILIES).index(FAMILY_OF.get(r["type"], "structure"))
                                                  for r in relations if n in (r["from"], r["to"])),
                                              actors[n].name.lower() if n in actors else n))  # fmt: skip
    positions = radial_layout(actor_id, order, width, height)
    return draw_graph(relations, actors, positions, width, height, graph_id=f"graph-{actor_id}", centre=actor_id)
