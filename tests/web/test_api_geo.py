"""/api/v1/map: provinces as GeoJSON with figures and coverage (null where nothing covers, never 0), fixed
classes, event locations as points; a test per status code."""

from __future__ import annotations

import pytest
from problems import problem

PROVINCES = "/api/v1/map/provinces"
CLASSES = ["0", "1–9", "10–49", "50–249", "250–999", "1,000 or more"]


def _by_code(body: dict) -> dict[str, dict]:
    return {f["id"]: f["properties"] for f in body["features"]}


def test_provinces_200_figures_match_the_event_listing_and_afghanistan_is_not_covered(client):
    response = client.get(PROVINCES, params={"from": "2010-01", "to": "2012-12", "geometry": "false"})
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "FeatureCollection" and len(body["features"]) == 34 + 8
    assert body["period"] == {"from": "2010-01-01", "to": "2012-12-31"}
    sindh = _by_code(body)["PK-SD"]
    listed = client.get("/api/v1/events?layer=data&admin1=Sindh province&from=2010-01&to=2012-12&limit=1").json()
    assert sindh["events"] == listed["total"] == 23
    assert (sindh["fatalities"], sindh["coverage"], sindh["class_events"], sindh["names"]) == (
        111, "full", 2, ["Sindh province"]
    )  # fmt: skip
    # no event data covers Afghanistan in 2010–2012: unknown (null), not 0; the country totals say what is held
    kabul = _by_code(body)["AF-KAB"]
    assert [kabul[k] for k in ("events", "fatalities", "coverage", "class_events")] == [None, None, "none", None]
    afghanistan = body["countries"][0]
    assert (afghanistan["name"], afghanistan["coverage"], afghanistan["covered"]) == ("Afghanistan", "none", [])
    assert afghanistan["national"]["fatalities"] == 21814 and afghanistan["national"]["months_known"] == 36
    assert "no event data covers Afghanistan from 2010-01-01 to 2012-12-31" in body["coverage_notes"]
    assert all(f["geometry"] is None for f in body["features"])


def test_provinces_of_october_2023_show_afghanistan_from_the_candidate_events(client):
    body = client.get(PROVINCES, params={"from": "2023-10", "to": "2023-10"}).json()
    kabul = _by_code(body)["AF-KAB"]
    assert (kabul["events"], kabul["fatalities"], kabul["coverage"]) == (3, 10, "full")
    assert _by_code(body)["AF-HEL"]["events"] == 0  # covered, and no event: a real 0
    assert body["features"][0]["geometry"]["type"] == "MultiPolygon"


def test_classes_are_the_same_for_every_filter(client):
    wide = client.get(PROVINCES, params={"geometry": "false"}).json()
    narrow = client.get(PROVINCES, params={"from": "2023-10", "to": "2023-10", "type": "one-sided",
                                           "geometry": "false"}).json()  # fmt: skip
    assert [c["label"] for c in wide["classes"]] == [c["label"] for c in narrow["classes"]] == CLASSES
    assert wide["classes"] == narrow["classes"]


def test_provinces_current_boundaries_fold_fata_into_khyber_pakhtunkhwa(client):
    body = client.get(PROVINCES, params={"boundaries": "current", "geometry": "false"}).json()
    kp = _by_code(body)["PK-KP"]
    assert "PK-TA" not in _by_code(body) and len(body["features"]) == 34 + 7
    assert kp["events"] == 4783 and "Federally Administered Tribal Areas" in kp["names"]


def test_provinces_count_the_papers_events_placed_there_and_null_elsewhere(client):
    body = client.get(PROVINCES, params={"from": "1989-01", "to": "2023-10", "geometry": "false"}).json()
    placed = {code: (p["knowledge_events"], p["knowledge_names"]) for code, p in _by_code(body).items()
              if p["knowledge_events"] is not None}  # fmt: skip
    # the paper's events with a province: the FATA merger and the Tank fort attack (KP), Bajauri in Kunar
    assert placed == {"PK-KP": (2, ["Khyber Pakhtunkhwa"]), "AF-KNR": (1, ["Kunar"])}
    assert _by_code(body)["PK-SD"]["knowledge_events"] is None  # none placed there: null, not 0
    assert body["knowledge"]["events"] - body["knowledge"]["not_given"] == 3
    listed = client.get("/api/v1/events?layer=kb&admin1=Khyber Pakhtunkhwa&from=1989-01&to=2023-10&limit=1").json()
    assert listed["total"] == 2
    before = client.get(PROVINCES, params={"from": "2010-01", "to": "2012-12", "geometry": "false"}).json()
    assert all(p["knowledge_events"] is None for p in _by_code(before).values())


def test_events_200_points_per_place_sum_to_the_events(client):
    response = client.get("/api/v1/map/events", params={"from": "2010-01", "to": "2012-12", "type": "one-sided"})
    assert response.status_code == 200
    body = response.json()
    assert body["type"] == "FeatureCollection" and body["too_many"] is False
    assert sum(f["properties"]["events"] for f in body["features"]) + body["without_coordinates"] == body["events"]
    assert body["events"] == 173
    assert {f["geometry"]["type"] for f in body["features"]} == {"Point"}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (PROVINCES + "?from=2021-13", "from: '2021-13' has month 13; months run from 01 to 12"),
        (PROVINCES + "?from=2012&to=2010", "from: 2012 is after to 2010; swap them"),
        (PROVINCES + "?boundaries=nope", "boundaries: unknown value 'nope'; choose one of: with-fata, current"),
        (
            "/api/v1/map/events?to=yesterday",
            "to: 'yesterday' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)",
        ),
        (
            "/api/v1/map/events?boundaries=current",
            "boundaries: unknown parameter; this endpoint takes: actor, dataset, from, to, type",
        ),
    ],
)
def test_bad_values_are_422_naming_the_parameter(client, url, message):
    assert problem(client.get(url)) == message
