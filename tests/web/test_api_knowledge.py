"""/api/v1 relations, claims, perspectives, checks, sources, datasets, figures, recommendations."""

from __future__ import annotations

import csv
import io

import pytest
from problems import problem


def test_relations_by_type_actor_and_day(client):
    allies = client.get("/api/v1/relations?type=ally_of&limit=1000").json()
    assert allies["total"] == 7 and {r["type"] for r in allies["items"]} == {"ally_of"}
    ttp = client.get("/api/v1/relations?actor=TTP&limit=1000").json()
    assert all("ttp" in (r["from"], r["to"]) for r in ttp["items"])
    before = {r["id"] for r in client.get("/api/v1/relations?actor=TTP&valid_at=2010&limit=1000").json()["items"]}
    after = {r["id"] for r in client.get("/api/v1/relations?actor=TTP&valid_at=2022-06&limit=1000").json()["items"]}
    assert "rel-ttp-supports-tta" in before and "rel-ttp-supports-tta" not in after  # valid 2007-12 to 2021-08
    assert len(before | after) <= ttp["total"]


def test_relations_csv(client):
    response = client.get("/api/v1/relations?type=ally_of&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 7 and list(rows[0])[:4] == ["id", "type", "from", "to"]


@pytest.mark.parametrize(
    ("url", "status", "detail"),
    [
        ("/api/v1/relations?valid_at=2021-13", 422, "valid_at: '2021-13' has month 13; months run from 01 to 12"),
        ("/api/v1/claims?by=Nobody", 422, "by: no actor named 'Nobody'; run 'torkham actors' to list them"),
        ("/api/v1/sources/nope", 404, "no source with id 'nope'; search with /api/v1/search?q=nope"),
        ("/api/v1/checks/nope", 404, "no check with id 'nope'; search with /api/v1/search?q=nope"),
    ],
)
def test_bad_values_and_unknown_ids(client, url, status, detail):
    response = client.get(url)
    assert response.status_code == status
    assert (problem(response) if status == 422 else response.json()["detail"]) == detail


def test_unknown_terms_list_the_known_ones(client):
    for url, start in [
        ("/api/v1/relations?type=friend", "type: unknown value 'friend'; choose one of: ally_of, supports,"),
        ("/api/v1/claims?topic=zzz", "topic: unknown value 'zzz'; choose one of: ttp-origin, taliban-ttp-ties,"),
        ("/api/v1/perspectives?topic=zzz", "topic: unknown value 'zzz'; choose one of: ttp-origin,"),
        ("/api/v1/figures?unit=parsec", "unit: unknown value 'parsec'; choose one of: person, attack,"),
    ]:
        response = client.get(url)
        assert problem(response).startswith(start), url


def test_claims_by_actor_and_topic(client):
    by = client.get("/api/v1/claims?by=Sohail%20Shaheen").json()
    assert by["total"] == 2 and all("sohail-shaheen" in c["asserted_by"] for c in by["items"])
    topic = client.get("/api/v1/claims?topic=ttp-origin").json()
    assert topic["total"] == 7 and all(c["quote"] and c["source"] for c in topic["items"])


def test_perspectives_sides_and_csv(client):
    body = client.get("/api/v1/perspectives?topic=ttp-origin").json()
    (question,) = body["items"]
    assert question["disputed"] is True and len(question["sides"]) >= 2
    claims = sum(len(side["claims"]) for side in question["sides"])
    response = client.get("/api/v1/perspectives?topic=ttp-origin&format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-perspectives.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == claims and {r["topic"] for r in rows} == {"ttp-origin"}


def test_checks_summary_filter_and_one_check(client):
    body = client.get("/api/v1/checks?limit=1000").json()
    assert body["total"] == 42 and body["summary"] == {"supported": 9, "contradicted": 3, "undecided": 15,
                                                       "not-checkable": 15}  # fmt: skip
    contradicted = client.get("/api/v1/checks?verdict=contradicted").json()
    assert contradicted["total"] == 3 and {c["verdict"] for c in contradicted["items"]} == {"contradicted"}
    one = client.get("/api/v1/checks/chk-ttp-attacks-2021-12").json()
    assert one["verdict"] == "undecided" and one["reasons"][0].startswith("definitions differ")
    by_figure = client.get("/api/v1/checks/fig-ttp-attacks-2021-12").json()
    assert by_figure["id"] == "chk-ttp-attacks-2021-12"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/checks?limit=1000&format=csv").text)))
    assert len(rows) == 42 and list(rows[0])[:3] == ["id", "verdict", "about"]


def test_sources_with_their_citations(client):
    sources = client.get("/api/v1/sources?limit=1000").json()
    assert sources["total"] == 56 and "gul-2024" in {s["id"] for s in sources["items"]}
    detail = client.get("/api/v1/sources/amu-tv-2024").json()
    assert detail["source"]["cited_as"] == "Amu TV, 2024"
    assert detail["citations"] and all(c["quote"] for c in detail["citations"])
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/sources?format=csv&limit=1000").text)))
    assert len(rows) == 56 and next(r for r in rows if r["id"] == "gul-2024")["authors"] == "Imtiaz Gul"


def test_datasets_figures_recommendations(client):
    datasets = client.get("/api/v1/datasets").json()
    ucdp = next(d for d in datasets["items"] if d["dataset"] == "ucdp-ged")
    assert (ucdp["events"], ucdp["licence"]) == (6416, "CC BY 4.0")
    figures = client.get("/api/v1/figures?actor=TTP&unit=attack").json()
    assert figures["total"] >= 1 and all(f["unit"] == "attack" for f in figures["items"])
    recommendations = client.get("/api/v1/recommendations").json()
    assert recommendations["total"] == 11 and [r["number"] for r in recommendations["items"]] == list(range(1, 12))
