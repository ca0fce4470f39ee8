"""/api/v1/refugees: the UNHCR stocks and returns of Afghans in Pakistan and Iran by year, with licence, status
and attribution, and the reported returns figures with their quotes; CSV; a country not held is 422 naming
the parameter and the codes held, a malformed value 422 naming its parameter."""

from __future__ import annotations

import csv
import io

import pytest
from problems import problem


def values(body: dict, measure: str, asylum: str) -> dict[int, int | None]:
    (series,) = [s for s in body["series"] if (s["measure"], s["asylum"]) == (measure, asylum)]
    return {v["year"]: v["value"] for v in series["values"]}


def test_json_defaults_to_afghans_in_pakistan_and_iran(client):
    response = client.get("/api/v1/refugees?from=2022&to=2025")
    assert response.status_code == 200
    body = response.json()
    assert body["origin"] == {"iso3": "AFG", "name": "Afghanistan"}
    assert [a["iso3"] for a in body["asylum"]] == ["PAK", "IRN"]
    assert (body["from"], body["to"], body["licence"], body["versions"]) == (2022, 2025, "CC BY 4.0", ["2025.12.1"])
    assert body["status"] == "published annual statistics; UNHCR revises past years in later releases"
    assert body["attribution"].startswith("Source: UNHCR Refugee Data Finder")
    assert values(body, "refugees", "PAK") == {2022: 1_743_278, 2023: 1_987_717, 2024: 1_559_964, 2025: 1_158_538}
    assert values(body, "returned_refugees", "IRN")[2025] == 1_386_970
    assert values(body, "oip", "PAK") == {2022: None, 2023: None, 2024: None, 2025: 140_558}  # not recorded, not 0
    (oip,) = [s for s in body["series"] if (s["measure"], s["asylum"]) == ("oip", "PAK")]
    assert oip["values"][0]["reason"] == "not recorded in the source"
    assert [m["measure"] for m in body["measures"]] == ["refugees", "asylum_seekers", "ooc", "oip", "returned_refugees"]


def test_json_carries_the_reported_returns_figures_with_quotes(client):
    figures = client.get("/api/v1/refugees").json()["returns_figures"]
    assert figures and all(f["quote"] and f["source"] and f["publisher"] for f in figures)
    assert any(f["secondary"] for f in figures) and any(not f["secondary"] for f in figures)
    first = figures[0]
    assert (first["id"], first["value_text"], first["source"]) == (
        "fig-abc-2023-historical-daily-returns", "less than 260", "abc-appeal-2023",
    )  # fmt: skip


def test_years_not_held_are_null_with_the_reason(client):
    body = client.get("/api/v1/refugees?asylum=PAK&from=2025&to=2027").json()
    assert values(body, "refugees", "PAK") == {2025: 1_158_538, 2026: None, 2027: None}
    (series,) = [s for s in body["series"] if s["measure"] == "refugees"]
    assert series["values"][1] == {"year": 2026, "value": None, "reason": "no rows held", "version": None}


def test_csv(client):
    response = client.get("/api/v1/refugees?asylum=Iran&from=2023&to=2024&format=csv")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-refugees-afg-irn.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == ["year", "origin", "asylum", "measure", "kind", "value", "reason", "table", "version",
                             "licence", "status"]  # fmt: skip
    assert len(rows) == 2 * 5
    assert rows[0] | {"status": ""} == {
        "year": "2023", "origin": "AFG", "asylum": "IRN", "measure": "refugees", "kind": "stock", "value": "3752317",
        "reason": "", "table": "population", "version": "2025.12.1", "licence": "CC BY 4.0", "status": "",
    }  # fmt: skip
    assert [r["value"] for r in rows if r["measure"] == "oip"] == ["", ""]  # empty, never 0


def test_unknown_country_of_origin_is_422_listing_the_codes_held(client):
    response = client.get("/api/v1/refugees?origin=XYZ")
    assert response.status_code == 422
    assert problem(response).startswith(
        "origin: no UNHCR figures held for 'XYZ' as country of origin; use one of the 52 ISO3 codes held: AFG, AGO, BDI,"
    )


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("asylum=Narnia", "asylum",
         "'Narnia' is neither an ISO3 country code nor a country name torkham knows; use e.g. AFG, PAK or IRN"),
        ("asylum=PAK,", "asylum", "an empty name; write e.g. PAK,IRN"),
        ("from=20x", "from", "'20x' is not a year; write YYYY from 1951, e.g. 2015"),
        ("from=2020&to=2010", "from", "2020 is after to 2010; swap them"),
        ("format=xml", "format", "Input should be 'json' or 'csv'"),
        ("year=2020", "year", "unknown parameter; this endpoint takes: asylum, format, from, origin, to"),
    ],
)  # fmt: skip
def test_bad_values_are_422_naming_the_parameter(client, query, field, message):
    response = client.get(f"/api/v1/refugees?{query}")
    assert response.status_code == 422
    assert problem(response) == f"{field}: {message}"
