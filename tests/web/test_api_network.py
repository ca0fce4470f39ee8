"""/api/v1/network: one merged link per pair of actors, filtered by relation type and period; a test per
status code (200, and 422 for each bad parameter)."""

from __future__ import annotations

import pytest
from problems import problem

from torkham.params import Period
from torkham.store.network import holds_in


def link(body, link_id):
    (found,) = [e for e in body["edges"] if e["id"] == link_id]
    return found


def test_200_every_pair_is_one_link_carrying_its_relations(client):
    response = client.get("/api/v1/network")
    assert response.status_code == 200
    body = response.json()
    assert (body["total"], body["shown"], body["actors"], body["links"]) == (187, 187, 114, 137)
    assert len(body["edges"]) == len({(e["source"], e["target"]) for e in body["edges"]}) == 137
    taliban = link(body, "tta--ttp")
    assert (taliban["source"], taliban["target"], taliban["count"], taliban["family"]) == ("tta", "ttp", 15, "support")
    assert taliban["types"][:2] == ["supports", "alleged_support"]  # the most frequent first: 6, then 3
    assert len(taliban["relations"]) == 15 and sum(e["count"] for e in body["edges"]) == 187
    first = taliban["relations"][0]
    assert first == {
        "id": "rel-ttp-ally-of-tta", "type": "ally_of", "label": "ally of", "from": "ttp", "to": "tta",
        "valid_from": None, "valid_to": None, "source": "gul-2024", "section": "4.1", "line": 275,
        "quote": "a close ally of the Afghan Taliban", "href": "/sources/gul-2024#record-rel-ttp-ally-of-tta",
    }  # fmt: skip
    assert body["filters"] == {"types": None, "from": None, "to": None, "undated": "include"}


def test_200_node_labels_are_unique(client):
    nodes = client.get("/api/v1/network").json()["nodes"]
    labels = {n["id"]: n["label"] for n in nodes}
    assert len(set(labels.values())) == len(labels) == 114
    assert (labels["yar-mohammad-dostom"], labels["abdul-rashid-dostom"]) == (
        "Yar Mohammad Dostom",
        "Abdul Rashid Dostom",
    )
    ttp = next(n for n in nodes if n["id"] == "ttp")
    assert ttp == {"id": "ttp", "name": "Tehrik-e-Taliban Pakistan", "kind": "armed_group", "label": "TTP",
                   "degree": 35, "href": "/actors/ttp"}  # fmt: skip


def test_200_types_keep_only_those_relations(client):
    body = client.get("/api/v1/network", params={"types": "supports,fights"}).json()
    assert body["filters"]["types"] == ["fights", "supports"]
    assert body["shown"] == 14 + 12
    assert {r["type"] for e in body["edges"] for r in e["relations"]} == {"supports", "fights"}
    assert link(body, "tta--ttp")["count"] == 6  # of its fifteen relations, six are "supports"
    assert client.get("/api/v1/network", params={"types": ""}).json()["edges"] == []
    without = client.get("/api/v1/network", params={"exclude": "supports"}).json()
    assert without["shown"] == 187 - 14 and link(without, "tta--ttp")["count"] == 9
    assert len(without["filters"]["types"]) == 35


def test_200_a_period_keeps_the_relations_holding_in_it(client):
    everything = client.get("/api/v1/network").json()
    then = client.get("/api/v1/network", params={"from": "2022", "to": "2022", "undated": "exclude"}).json()
    assert then["filters"] == {"types": None, "from": "2022-01-01", "to": "2022-12-31", "undated": "exclude"}
    assert 0 < then["shown"] < everything["shown"]
    relations = [r for e in then["edges"] for r in e["relations"]]
    assert all(r["valid_from"] or r["valid_to"] for r in relations)
    assert "rel-ttp-supports-tta" not in {r["id"] for r in relations}  # 2007-12 to 2021-08: over by 2022
    earlier = client.get("/api/v1/network", params={"to": "2010", "undated": "exclude"}).json()
    assert "rel-ttp-supports-tta" in {r["id"] for e in earlier["edges"] for r in e["relations"]}


def test_a_relation_holds_in_a_period_it_overlaps():
    supports = {"valid_from": "2007-12", "valid_to": "2021-08"}
    assert holds_in(supports, Period.parse("2021-08", "2022"))
    assert not holds_in(supports, Period.parse("2021-09", None))
    assert not holds_in(supports, Period.parse(None, "2007-11"))
    assert holds_in({}, Period.parse("1900", "1900"))  # no dates: holds at any time
    assert holds_in({"valid_from": "2021-08"}, Period.parse("2030", None))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("types=loves", "types: unknown relation type 'loves'; choose from: ally_of, supports"),
        ("types=fights,,hugs", "types: unknown relation type 'hugs'; choose from: ally_of, supports"),
        ("exclude=supports,hugs", "exclude: unknown relation type 'hugs'; choose from: ally_of, supports"),
        ("from=yesterday", "from: 'yesterday' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("to=2021-13", "to: '2021-13' has month 13; months run from 01 to 12"),
        ("from=2022&to=2021", "from: 2022 is after to 2021; swap them"),
        ("undated=maybe", "undated: Input should be 'include' or 'exclude'"),
        ("at=2021", "at: unknown parameter; this endpoint takes: exclude, from, to, types, undated"),
        ("types=fights&types=opposes", "types: given 2 times; give it once"),
    ],
)
def test_422_names_the_bad_parameter(client, query, message):
    response = client.get(f"/api/v1/network?{query}")
    assert response.status_code == 422
    assert problem(response).startswith(message)
