"""/api/v1/events: both layers, filters, cursor pagination, CSV, facets, one event; bad input."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import pytest
from problems import problem

TTP_2021 = "/api/v1/events?actor=TTP&from=2021&to=2021&layer=data"


def walk(client, url: str) -> tuple[list[dict], list[dict]]:
    """Every item, following `next` to the end; and every page body."""
    items, pages = [], []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        page = response.json()
        pages.append(page)
        items += page["items"]
        url = page["next"]
    return items, pages


def test_ttp_2021_events_are_the_119_ucdp_events_the_cli_and_series_count(client, cli, bundled_store):
    body = client.get(TTP_2021).json()
    assert (body["total"], body["count"]) == (119, 100)
    # `next` is this URL with a cursor added and nothing else changed; it leads to the other 19 events.
    following = urlsplit(body["next"])
    asked = urlsplit("http://testserver" + TTP_2021)
    assert (following.scheme, following.netloc, following.path) == (asked.scheme, asked.netloc, asked.path)
    query = parse_qs(following.query)
    assert {k: v for k, v in query.items() if k != "cursor"} == parse_qs(asked.query)
    assert len(query["cursor"]) == 1 and query["cursor"][0]
    rest = client.get(body["next"]).json()
    assert (rest["total"], rest["count"], rest["next"]) == (119, 19, None)
    assert not {e["id"] for e in body["items"]} & {e["id"] for e in rest["items"]}
    assert {e["dataset"] for e in body["items"]} == {"ucdp-ged"}
    assert all("ttp" in e["actors"] and e["date"].startswith("2021") for e in body["items"])
    timeline = cli("--db", bundled_store, "timeline", "--layer", "data", "--actor", "TTP", "--from", "2021", "--to",
                   "2021", "--json")  # fmt: skip
    assert timeline.code == 0
    series = client.get("/api/v1/series?actor=TTP&country=Pakistan&by=year&from=2021&to=2021").json()
    assert len(json.loads(timeline.out)) == series["total"] == body["total"] == 119


def test_following_next_gives_every_event_once_in_order(client):
    items, pages = walk(client, TTP_2021 + "&limit=25")
    whole = client.get(TTP_2021 + "&limit=1000").json()
    assert [p["count"] for p in pages] == [25, 25, 25, 25, 19]
    assert {p["total"] for p in pages} == {119}
    assert [e["id"] for e in items] == [e["id"] for e in whole["items"]]
    assert len({e["id"] for e in items}) == 119
    assert whole["next"] is None and pages[-1]["next"] is None


def test_next_keeps_the_filters_and_changes_only_the_cursor(client):
    following = client.get(TTP_2021 + "&limit=10").json()["next"]
    assert following.startswith("http://testserver/api/v1/events?")
    query = parse_qs(urlsplit(following).query)
    assert {k: v for k, v in query.items() if k != "cursor"} == {
        "actor": ["TTP"], "from": ["2021"], "to": ["2021"], "layer": ["data"], "limit": ["10"],
    }  # fmt: skip
    assert len(query["cursor"]) == 1


def test_both_layers_walk_puts_the_papers_events_first_on_a_day(client):
    items, _ = walk(client, "/api/v1/events?from=2021-08&to=2021-12&limit=40")
    total = client.get("/api/v1/events?from=2021-08&to=2021-12").json()["total"]
    assert len(items) == len({e["id"] for e in items}) == total
    assert {e["layer"] for e in items} == {"kb", "data"}
    keys = [(e["date"][:10] if e["layer"] == "data" else e["date"], e["layer"] != "kb", e["id"]) for e in items]
    data_days = [k for k in keys if k[1]]
    assert data_days == sorted(data_days)
    kb_event = next(e for e in items if e["layer"] == "kb")
    assert {"source", "locator", "quote"} <= set(kb_event)


def test_csv_download_has_the_header_the_rows_and_a_filename(client):
    response = client.get(TTP_2021 + "&limit=30&format=csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-events.csv"'
    assert response.headers["x-total-count"] == "119"
    assert (
        response.headers["link"].startswith("<http://testserver/api/v1/events?")
        and 'rel="next"' in response.headers["link"]
    )
    rows = list(csv.DictReader(io.StringIO(response.text)))
    header = response.text.splitlines()[0].split(",")
    assert header[:6] == ["layer", "id", "date", "end_date", "type", "title"]
    assert len(rows) == 30
    assert rows[0]["layer"] == "data" and rows[0]["dataset"] == "ucdp-ged" and rows[0]["fatalities.best"].isdigit()


def test_an_empty_csv_still_has_its_header(client):
    response = client.get("/api/v1/events?q=no-such-place-anywhere&format=csv")
    assert response.text.splitlines() == [response.text.splitlines()[0]]
    assert response.text.startswith("layer,id,date,end_date,type,title,place,country,admin1,")


@pytest.mark.parametrize("country", ["Pakistan", "PAK", "pak"])
def test_country_by_name_or_iso3(client, country):
    body = client.get(f"/api/v1/events?country={country}&layer=data&limit=1").json()
    assert body["total"] == 6416 + 55  # UCDP GED 22.1 and the candidate events of October 2023


def test_country_reaches_the_papers_events_by_iso3(client):
    items, _ = walk(client, "/api/v1/events?country=Afghanistan&limit=1000")
    assert len(items) == 20 + 12 and {e["country"] for e in items} <= {"AFG", "Afghanistan"}  # + 12 candidate events
    assert client.get("/api/v1/events?country=afg&layer=kb").json()["total"] == 20


def test_admin1_filter_ignores_case(client):
    body = client.get("/api/v1/events?admin1=balochistan%20PROVINCE&actor=TTP&from=2021&to=2021&limit=1000").json()
    assert body["total"] == 5
    assert {e["admin1"] for e in body["items"]} == {"Balochistan province"}


def test_type_min_fatalities_text_and_layer_filters(client):
    one_sided = client.get("/api/v1/events?type=one-sided&limit=1").json()
    assert one_sided["total"] == 559 + 14  # + the candidate events of October 2023
    deadly = client.get("/api/v1/events?min_fatalities=50&limit=1000").json()
    assert deadly["total"] > 0 and all(e["fatalities"]["best"] >= 50 for e in deadly["items"])
    peshawar = client.get("/api/v1/events?q=peshawar&layer=data&limit=1000").json()
    assert peshawar["total"] == 262 + 1 and all("peshawar" in json.dumps(e).lower() for e in peshawar["items"])
    kb = client.get("/api/v1/events?layer=kb&limit=1000").json()
    assert kb["total"] == 98 and {e["layer"] for e in kb["items"]} == {"kb"}
    attacks = client.get("/api/v1/events?type=attack&layer=kb&limit=1000").json()
    assert attacks["total"] == 14 and {e["type"] for e in attacks["items"]} == {"attack"}
    assert client.get("/api/v1/events?dataset=ucdp-ged&limit=1").json()["total"] == 6416


def test_facets_count_the_filtered_events(client):
    regions = client.get("/api/v1/events/facets?by=admin1&actor=TTP&from=2021&to=2021&layer=data").json()
    assert regions["by"] == "admin1"
    assert sum(r["count"] for r in regions["items"]) == 119
    assert regions["items"][0] == {
        "value": "Federally Administered Tribal Areas", "label": "Federally Administered Tribal Areas",
        "count": 75, "fatalities": 166, "fatalities_unknown": 0,
    }  # fmt: skip
    years = client.get("/api/v1/events/facets?by=year&actor=TTP&layer=data").json()["items"]
    assert [y["value"] for y in years] == sorted((y["value"] for y in years), reverse=True)  # newest first
    assert next(y for y in years if y["value"] == "2021")["count"] == 119
    actors = client.get("/api/v1/events/facets?by=actor&from=2021&to=2021&layer=data").json()["items"]
    assert next(a for a in actors if a["value"] == "ttp") == {
        "value": "ttp", "label": "Tehrik-e-Taliban Pakistan", "count": 119,
        "fatalities": sum(r["fatalities"] for r in regions["items"]), "fatalities_unknown": 0,
    }  # fmt: skip


def test_a_page_with_its_facet_counts_in_one_request(client):
    query = "actor=TTP&from=2021&to=2021&layer=data"
    page = client.get(f"/api/v1/events?{query}&limit=5&facet=admin1")
    assert page.status_code == 200
    body = page.json()
    alone = client.get(f"/api/v1/events?{query}&limit=5").json()
    assert body["items"] == alone["items"] and body["total"] == alone["total"] == 119
    assert body["facets"] == {"admin1": client.get(f"/api/v1/events/facets?by=admin1&{query}").json()["items"]}
    assert "facets" not in alone
    as_csv = client.get(f"/api/v1/events?{query}&limit=5&facet=admin1&format=csv")
    assert as_csv.status_code == 200 and len(as_csv.text.strip().splitlines()) == 6  # the header and 5 rows


def test_facets_as_csv(client):
    response = client.get("/api/v1/events/facets?by=event_type&format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-events-by-event_type.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert {r["value"]: int(r["count"]) for r in rows}["state-based"] == 5388 + 47  # + candidate events


def test_one_event_by_id(client):
    data = client.get("/api/v1/events/ucdp-ged:425055")
    assert data.status_code == 200
    assert data.json()["title"] == "Government of Pakistan – IS" and data.json()["place"] == "Peshawar town"
    kb = client.get("/api/v1/events/ev-2007-12-ttp-founded").json()
    assert (kb["layer"], kb["source"], kb["type"]) == ("kb", "gul-2024", "formation")


@pytest.mark.parametrize("event_id", ["nope", "ucdp-ged:0", "ttp"])
def test_unknown_event_is_404_with_a_hint(client, event_id):
    response = client.get(f"/api/v1/events/{event_id}")
    assert response.status_code == 404
    assert response.json() == {
        "detail": f"no event with id '{event_id}'; knowledge events have ids like ev-2007-12-ttp-founded, dataset "
        "events <dataset>:<event id> like ucdp-ged:425055; list them with /api/v1/events"
    }


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2021-13", "from: '2021-13' has month 13; months run from 01 to 12"),
        ("to=2021-02-30", "to: '2021-02-30' is not a real day: February 2021 has 28 days"),
        ("from=2022&to=2021", "from: 2022 is after to 2021; swap them"),
        ("cursor=abc", "cursor: not a cursor this API issued; start again without it"),
        ("cursor=eyJvZmZzZXQiOjN9", "cursor: not a cursor this API issued; start again without it"),
        ("country=Narnia", "country: no events in 'Narnia'; the store holds: Afghanistan (AFG), Germany (DEU), Iran (IRN), "
         "Pakistan (PAK), United States (USA)"),
        ("admin1=Atlantis", "admin1: unknown value 'Atlantis'; choose one of: Azad Jammu & Kashmir, "
         "Baghlan province, Balkh province, Balochistan province, Federally Administered Tribal Areas, Gilgit-Baltistan, "
         "Islamabad Capital territory, Kabul province, Kapisa province, Khyber Pakhtunkhwa, Khyber Pakhtunkwa province, "
         "Kunar, Kunar province, Nuristan province, Paktika province, Punjab province, Sindh province"),
        ("dataset=acled", "dataset: unknown value 'acled'; choose one of: ucdp-candidate, ucdp-ged"),
        ("contry=Pakistan", "contry: unknown parameter; this endpoint takes: actor, admin1, country, cursor, dataset, "
         "facet, format, from, layer, limit, min_fatalities, q, to, type"),
        ("facet=u.id", "facet: unknown facet 'u.id'; choose one of: admin1, region, event_type, dataset, year, country, "
         "actor"),
        ("layer=kb&layer=data", "layer: given 2 times; give it once"),
        ("q=" + "x" * 201, "q: 201 characters is too long; use at most 200"),
    ],
)  # fmt: skip
def test_bad_values_are_422_naming_the_parameter(client, query, message):
    response = client.get(f"/api/v1/events?{query}")
    assert problem(response) == message


def test_unknown_type_lists_the_types(client):
    detail = problem(client.get("/api/v1/events?type=bombing"))
    assert detail.startswith("type: unknown value 'bombing'; choose one of: takeover, withdrawal, attack,")
    assert detail.endswith("non-state, one-sided, state-based")


def test_ambiguous_actor_lists_candidates(client):
    response = client.get("/api/v1/events?actor=Dostom")
    assert problem(response) == (
        "actor: 'Dostom' is ambiguous; it names 2 actors:\n  abdul-rashid-dostom  Abdul Rashid Dostom\n"
        "  yar-mohammad-dostom  Yar Mohammad Dostom\nUse one of these ids instead."
    )


@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        ("limit=1001", "limit", "limit: Input should be less than or equal to 1000"),
        ("limit=0", "limit", "limit: Input should be greater than or equal to 1"),
        ("limit=ten", "limit", "limit: Input should be a valid integer, unable to parse string as an integer"),
        ("layer=all", "layer", "layer: Input should be 'kb', 'data' or 'both'"),
        ("format=xml", "format", "format: Input should be 'json' or 'csv'"),
        ("min_fatalities=-1", "min_fatalities", "min_fatalities: Input should be greater than or equal to 0"),
    ],
)
def test_out_of_range_parameters_are_422(client, query, parameter, message):
    response = client.get(f"/api/v1/events?{query}")
    assert problem(response) == message
    assert response.json()["detail"][0]["loc"] == ["query", parameter]


def test_a_long_value_of_any_parameter_is_refused(client):
    response = client.get("/api/v1/events/facets?by=" + "a" * 300)
    assert problem(response) == "by: 300 characters is too long; use at most 200"


def test_facet_names_come_from_a_fixed_list(client):
    for by in ["admin1; DROP TABLE events", "u.id", "admin1--"]:
        response = client.get("/api/v1/events/facets", params={"by": by})
        assert problem(response) == (
            f"by: unknown facet '{by}'; choose one of: admin1, region, event_type, dataset, year, country, actor"
        )


def test_sql_injection_attempts_change_nothing(client, web_app):
    attempts = {
        "q": "'; DROP TABLE events; --",
        "admin1": "x' OR '1'='1",
        "actor": "1 OR 1=1",
        "type": "attack' OR 1=1 --",
        "dataset": "ucdp-ged'; DELETE FROM events; --",
        "country": "PAK') OR ('1'='1",
    }
    for name, value in attempts.items():
        response = client.get("/api/v1/events", params={name: value})
        assert response.status_code in (200, 422), name
        if response.status_code == 200:
            assert response.json()["total"] == 0, name
    cursor = web_app.state.con.cursor()
    try:
        assert cursor.execute("SELECT count(*) FROM events").fetchone()[0] == 6416 + 67
        assert cursor.execute("SELECT count(*) FROM kb_events").fetchone()[0] == 98
    finally:
        cursor.close()
    assert client.get("/api/v1/events?limit=1").json()["total"] == 6416 + 67 + 98
