"""/api/v1/actors: the list (kind, q, paging, CSV), one actor with its dataset events, its events."""

from __future__ import annotations

import csv
import io

from problems import problem


def test_actors_walk_gives_every_actor_once(client):
    items, url, pages = [], "/api/v1/actors?limit=50", 0
    while url:
        body = client.get(url).json()
        items += body["items"]
        url, pages = body["next"], pages + 1
    assert pages == 4 and body["total"] == 173
    assert len({a["id"] for a in items}) == 173


def test_kind_and_q_filter_actors(client):
    people = client.get("/api/v1/actors?kind=person&limit=1000").json()
    assert people["total"] == 58 and {a["kind"] for a in people["items"]} == {"person"}
    taliban = client.get("/api/v1/actors?q=taliban&limit=1000").json()
    assert "ttp" in {a["id"] for a in taliban["items"]} and "tta" in {a["id"] for a in taliban["items"]}
    spelled = client.get("/api/v1/actors?q=Tehreek").json()
    assert [a["id"] for a in spelled["items"]] == ["ttp"]


def test_actors_csv_has_one_row_per_actor_with_aliases(client):
    response = client.get("/api/v1/actors?limit=1000&format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-actors.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 173
    assert list(rows[0]) == ["id", "name", "kind", "description", "aliases", "source", "section", "line", "quote"]
    ttp = next(r for r in rows if r["id"] == "ttp")
    assert "TTP" in ttp["aliases"].split("; ") and ttp["source"] == "gul-2024"


def test_unknown_kind_is_422(client):
    response = client.get("/api/v1/actors?kind=warlord")
    assert problem(response) == (
        "kind: unknown value 'warlord'; choose one of: state, state_group, de_facto_government, "
        "armed_group, separatist_armed_group, opposition_group, intergovernmental_organisation, government_body, institution, initiative, "
        "media, person, ethnic_group, region"
    )


def test_actor_detail_has_the_records_about_it_and_its_dataset_events(client):
    detail = client.get("/api/v1/actors/ttp").json()
    assert detail["actor"]["name"] == "Tehrik-e-Taliban Pakistan"
    assert {"relations", "events", "figures", "claims", "priorities_and_recommendations", "shares_names_with"} <= set(
        detail
    )
    assert any(e["id"] == "ev-2007-12-ttp-founded" for e in detail["events"])
    held = client.get("/api/v1/events?actor=ttp&layer=data&limit=1").json()["total"]
    by_dataset = {d["dataset"]: d for d in detail["dataset_events"]}
    assert list(by_dataset) == ["ucdp-ged", "ucdp-candidate"]
    assert sum(d["events"] for d in by_dataset.values()) == held
    assert by_dataset["ucdp-ged"]["fatalities"] > 0 and by_dataset["ucdp-candidate"]["events"] == 33


def test_unknown_actor_is_404_pointing_at_search(client):
    response = client.get("/api/v1/actors/Tehreek%20e%20Taliban")
    assert response.status_code == 404
    assert response.json() == {
        "detail": "no actor with id 'Tehreek e Taliban'; search with /api/v1/search?q=Tehreek%20e%20Taliban"
    }
    assert client.get("/api/v1/actors/nobody/events").status_code == 404


def test_actor_events_take_the_event_filters(client):
    body = client.get("/api/v1/actors/ttp/events?from=2021&to=2021&layer=data&limit=100").json()
    assert body["total"] == 119 and body["count"] == 100
    assert body["next"].startswith("http://testserver/api/v1/actors/ttp/events?")
    rest = client.get(body["next"]).json()
    assert rest["count"] == 19 and rest["next"] is None
    csv_response = client.get("/api/v1/actors/ttp/events?from=2021&to=2021&layer=data&limit=1000&format=csv")
    assert csv_response.headers["content-disposition"] == 'attachment; filename="torkham-events-ttp.csv"'
    assert len(csv_response.text.splitlines()) == 120


def test_actor_events_refuse_a_second_actor(client):
    response = client.get("/api/v1/actors/ttp/events?actor=tta")
    assert problem(response) == (
        "actor: unknown parameter; this endpoint takes: admin1, country, cursor, dataset, format, from, "
        "layer, limit, min_fatalities, q, to, type"
    )
