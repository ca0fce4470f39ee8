"""The actor network drawing: every relation type has a colour, the layout is deterministic, the SVG is
well formed with nodes as links to the actor pages, and the small graph of one actor."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from torkham.model.vocabulary import default_vocabulary
from torkham.web.render.layout import components, force_layout, packed_layout, radial_layout
from torkham.web.render.network import FAMILY_OF, Actor, draw_graph, short_label, small_graph

SVG = "{http://www.w3.org/2000/svg}"


def relation(rid, kind, a, b, **dates):
    return {"id": rid, "type": kind, "from": a, "to": b, "source": "paper", "quote": "q", **dates}


ACTORS = {
    "ttp": Actor("ttp", "Tehrik-e-Taliban Pakistan", "armed_group", "TTP"),
    "tta": Actor("tta", "Afghan Taliban", "de_facto_government", "Afghan Taliban"),
    "pakistan": Actor("pakistan", "Pakistan", "state", "Pakistan"),
}


def test_every_relation_type_of_the_vocabulary_has_a_family():
    assert set(default_vocabulary()["relation_types"]) <= set(FAMILY_OF)


def test_force_layout_is_deterministic_and_inside_the_frame():
    nodes = tuple((f"n{i}", "person" if i % 2 else "state") for i in range(12))
    edges = tuple((f"n{i}", f"n{i + 1}") for i in range(11))
    first = force_layout(nodes, edges, 500, 300)
    force_layout.cache_clear()
    assert force_layout(nodes, edges, 500, 300) == first
    assert all(40 <= x <= 460 and 40 <= y <= 260 for x, y in first.values())


def test_packed_layout_puts_small_components_in_a_right_column():
    nodes = tuple((n, "state") for n in ("a", "b", "c", "d", "x", "y"))
    edges = (("a", "b"), ("b", "c"), ("c", "d"), ("x", "y"))
    assert components([n for n, _ in nodes], list(edges)) == [["a", "b", "c", "d"], ["x", "y"]]
    positions = packed_layout(nodes, edges, 1000, 600)
    assert all(positions[n][0] <= 780 for n in "abcd")
    assert all(positions[n][0] >= 780 for n in "xy")


def test_radial_layout_centre_and_ring():
    positions = radial_layout("c", ["a", "b", "d", "e"], 400, 300)
    assert positions["c"] == (200, 150)
    assert positions["a"] == (200.0, 30.0)  # the first neighbour on top


def test_graph_svg_nodes_link_to_actor_pages_and_edges_are_coloured_by_family():
    relations = [relation("r1", "supports", "ttp", "tta", valid_from="2007-12", valid_to="2021-08"),
                 relation("r2", "fights", "ttp", "pakistan"), relation("r3", "ally_of", "tta", "ttp")]  # fmt: skip
    positions = {"ttp": (100, 100), "tta": (300, 100), "pakistan": (200, 250)}
    drawing = draw_graph(relations, ACTORS, positions, 400, 300)
    root = ET.fromstring(str(drawing.svg))
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert set(links) == {"/actors/ttp", "/actors/tta", "/actors/pakistan"}
    assert (
        links["/actors/ttp"].find(f"{SVG}title").text == "Tehrik-e-Taliban Pakistan (armed group): 3 relation(s) shown"
    )
    edges = {p.get("data-type"): p for p in root.iter(f"{SVG}path") if p.get("data-type")}
    assert edges["supports"].get("stroke") == edges["ally_of"].get("stroke") != edges["fights"].get("stroke")
    assert (
        edges["supports"].find(f"{SVG}title").text
        == "Tehrik-e-Taliban Pakistan supports Afghan Taliban (2007-12 to 2021-08)"
    )
    assert (
        "marker-end" in edges["supports"].attrib and "marker-end" not in edges["ally_of"].attrib
    )  # ally_of: undirected
    assert [(label, types) for _, label, types in drawing.legend] == [
        ("hostility", ["fights"]),
        ("support and alliance", ["ally_of", "supports"]),
    ]
    assert drawing.__html__() == str(drawing.svg)


def test_short_labels_prefer_an_abbreviation_for_long_names():
    actor = {"name": "Tehrik-e-Taliban Pakistan", "aliases": [{"name": "TTP", "type": "abbreviation"},
                                                              {"name": "Pakistani Taliban", "type": "short_name"}]}  # fmt: skip
    assert short_label(actor) == "TTP"
    assert short_label({"name": "Pakistan", "aliases": []}) == "Pakistan"
    assert short_label({"name": "A very long name without any alias", "aliases": []}) == "A very long name with…"


def test_small_graph_of_an_actor(bundled_store):
    from torkham.store.db import connect

    con = connect(bundled_store, read_only=True)
    try:
        drawing = small_graph(con, "ttp")
    finally:
        con.close()
    root = ET.fromstring(str(drawing.svg))
    assert drawing.relations and all("ttp" in (r["from"], r["to"]) for r in drawing.relations)
    hrefs = {a.get("href") for a in root.iter(f"{SVG}a")}
    assert "/actors/ttp" in hrefs and "/actors/tta" in hrefs
    assert len(root.findall(f".//{SVG}g[@class='edges']/{SVG}path")) == len(drawing.relations)
