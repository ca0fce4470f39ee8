"""An event's place as a reviewable field (issue 14): the place the gazetteer resolves in the event's
sentence — the name as written, its level, district, country and province codes, or the places a name
of several places could be — goes from the proposal through review and acceptance into the store, the
events API and the map's count of reviewed events per province."""

from __future__ import annotations

import json

import yaml

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.event_places import PLACE_FIELDS, event_place, place_fields
from torkham.ingest.extract.lexicon import Lexicon

REPORT = "Border Notes\n\nOn 12 March 2021 militants attacked a checkpoint in Khyber district, killing 14 soldiers.\n"


def _events(text: str, date: str | None = "2023") -> list[dict]:
    return [p.record for p in propose(text_document(text, date=date), Lexicon.empty()) if p.kind == "event"]


def _place(record: dict) -> dict:
    keys = ("place", "place_level", "district", "country", "admin1", "place_candidates")
    return {k: record[k] for k in keys if k in record}


def test_an_event_in_a_named_district_carries_its_codes():
    [event] = _events("On 12 March 2021 militants attacked a checkpoint in Khyber district, killing 14 soldiers.")
    assert _place(event) == {
        "place": "Khyber", "place_level": "district", "district": "Khyber", "country": "PAK", "admin1": "PK-KP",
    }  # fmt: skip


def test_the_place_is_the_name_as_the_text_writes_it_and_a_town_gives_its_district():
    [event] = _events("A drone strike hit Khost on 3 June 2023.")
    assert _place(event) == {"place": "Khost", "place_level": "town", "country": "AFG", "admin1": "AF-KHO"}
    [event] = _events("On 9 July 2023 an attack in Peshawar killed 2 policemen.")
    assert _place(event) == {
        "place": "Peshawar", "place_level": "town", "district": "Peshawar", "country": "PAK", "admin1": "PK-KP",
    }  # fmt: skip


def test_a_name_of_several_places_lists_them_and_guesses_no_code():
    [event] = _events("On 4 May 2022 a bomb exploded in Hyderabad, killing 3 people.")
    assert event["place"] == "Hyderabad" and "admin1" not in event and "place_level" not in event
    assert "Hyderabad (town, IN)" in event["place_candidates"]
    assert "Hyderabad (town, PK-SD)" in event["place_candidates"]
    assert "country" not in event  # India or Pakistan: not said


def test_a_candidate_list_in_one_country_keeps_the_country():
    record = event_place({"text": "Kalat", "name": "Kalat", "level": None, "candidates": [
        {"name": "Kalat", "level": "district", "country": "PK", "province": "PK-BA"},
        {"name": "Kalat", "level": "town", "country": "AF", "province": "AF-ZAB"},
    ]})  # fmt: skip
    assert record == {"place": "Kalat", "place_candidates": ["Kalat (district, PK-BA)", "Kalat (town, AF-ZAB)"]}
    same = event_place({"text": "X", "name": "X", "level": None, "candidates": [
        {"name": "X", "level": "town", "country": "PK", "province": "PK-SD"},
        {"name": "X", "level": "town", "country": "PK", "province": "PK-PB"},
    ]})  # fmt: skip
    assert same["country"] == "PAK" and "admin1" not in same


def test_a_place_a_reviewer_types_gets_the_same_fields():
    assert place_fields("Khyber district") == {
        "place": "Khyber district", "place_level": "district", "district": "Khyber", "country": "PAK",
        "admin1": "PK-KP",
    }  # fmt: skip
    assert place_fields("Kunar province")["admin1"] == "AF-KNR"
    assert place_fields("Hyderabad") == {
        "place": "Hyderabad",
        "place_candidates": ["Hyderabad (town, IN)", "Hyderabad (town, PK-SD)"],
    }
    assert place_fields("Nowhere Ridge") == {"place": "Nowhere Ridge"}  # unknown: kept as typed, no codes
    assert set(place_fields("Peshawar")) <= set(PLACE_FIELDS)


def test_a_resolved_place_is_preferred_to_a_name_of_several_places():
    [event] = _events("On 4 May 2022 gunmen from Hyderabad attacked a school in Bajaur, killing 3 pupils.")
    assert (event["place"], event["admin1"]) == ("Bajaur", "PK-KP") and "place_candidates" not in event


def test_the_dateline_place_is_not_the_event_place():
    text = (
        "PESHAWAR, March 11 (AFP) — The interior ministry said militants attacked a checkpoint in Khyber "
        "district on March 9, killing 4 soldiers."
    )
    [event] = _events(text, "2024")
    assert (event["date"], event["place"], event["admin1"]) == ("2024-03-09", "Khyber", "PK-KP")
    [event] = _events("JAKARTA, Indonesia — The minister condemned the bombing in Pakistan on 3 September 2012.")
    assert (event["place"], event["country"]) == ("Pakistan", "PAK")


def test_a_place_flows_from_proposal_to_review_store_api_and_map(mini, mini_kb, db_path, tmp_path):
    (tmp_path / "notes.txt").write_text(REPORT, encoding="utf-8")
    ingested = mini("ingest", "notes.txt", "--source-id", "notes-2021")
    assert ingested.code == 0, ingested.err
    proposed = yaml.safe_load((mini_kb / "proposed" / "notes-2021" / "events.yaml").read_text())["events"]
    [event] = proposed
    assert _place(event) == {
        "place": "Khyber", "place_level": "district", "district": "Khyber", "country": "PAK", "admin1": "PK-KP",
    }  # fmt: skip

    listed = {p["id"]: p for p in json.loads(mini("review", "--kind", "event", "--json").out)}
    assert "place: 'Khyber' → Khyber (district, PK-KP)" in listed[event["id"]]["notes"]
    assert "place: 'Khyber' → Khyber (district, PK-KP)" in mini("review", "--kind", "event").out

    accepted = mini("accept", event["id"])
    assert accepted.code == 0, accepted.err
    kept = yaml.safe_load((mini_kb / "notes-2021" / "events.yaml").read_text())["events"]
    assert [_place(e) for e in kept] == [_place(event)]
    validated = mini("kb", "validate")
    assert validated.code == 0 and validated.out.startswith("ok: "), validated.out + validated.err

    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        row = con.execute("SELECT place, country, admin1 FROM kb_events WHERE id = ?", [event["id"]]).fetchone()
    finally:
        con.close()
    assert row == ("Khyber", "PAK", "PK-KP")

    from fastapi.testclient import TestClient

    from torkham.config import Settings
    from torkham.web.app import create_app

    with TestClient(create_app(Settings.load(db=str(db_path), kb=str(mini_kb)), warm_up=False)) as web:
        one = web.get(f"/api/v1/events/{event['id']}").json()
        assert _place(one) == _place(event)
        listing = web.get("/api/v1/events", params={"layer": "kb", "admin1": "Khyber Pakhtunkhwa", "from": "2021",
                                                    "to": "2021"}).json()  # fmt: skip
        assert [e["id"] for e in listing["items"]] == [event["id"]]
        provinces = web.get("/api/v1/map/provinces", params={"from": "2021-03", "to": "2021-03",
                                                             "geometry": "false"}).json()  # fmt: skip
        placed = {f["id"]: f["properties"]["knowledge_events"] for f in provinces["features"]}
        assert placed["PK-KP"] == 1
        assert placed["AF-NAN"] is None  # no reviewed event placed there: not a 0
