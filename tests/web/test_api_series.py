"""/api/v1/series and /api/v1/signals: the analysis commands' results over HTTP."""

from __future__ import annotations

import pytest
from problems import problem, problems


def test_series_is_the_cli_series(client, cli, bundled_store):
    import json

    body = client.get("/api/v1/series?actor=TTP&country=Pakistan&by=month&from=2021-01&to=2021-12").json()
    assert body["total"] == 119 and len(body["series"]) == 12
    assert (body["dataset"], body["licence"], body["country"]) == ("ucdp-ged", "CC BY 4.0", "Pakistan (PAK)")
    result = cli("--db", bundled_store, "series", "--actor", "TTP", "--country", "Pakistan", "--by", "month", "--from",
                 "2021-01", "--to", "2021-12", "--json")  # fmt: skip
    assert json.loads(result.out) == body


def test_series_csv(client):
    response = client.get("/api/v1/series?actor=TTP&from=2021&to=2021&format=csv")
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-series-events-by-month.csv"'
    lines = response.text.splitlines()
    assert lines[0] == "period,start,end,events,rolling_mean,window,basis,dataset,version" and len(lines) == 13
    assert sum(int(line.split(",")[3]) for line in lines[1:]) == 119


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("from=2021-13", "from: '2021-13' has month 13; months run from 01 to 12"),
        ("from=2022&to=2021", "from: 2022 is after to 2021; swap them"),
        ("country=Narnia", "country: no ucdp-ged or ucdp-country-month or ucdp-candidate data covers 'Narnia'; the data "
         "covers: Afghanistan (AFG), Pakistan (PAK)"),
        ("dataset=acled", "dataset: the store holds no acled events (import some with 'torkham import'); it holds: "
         "ucdp-ged, ucdp-country-month, ucdp-candidate"),
        ("basis=final", "basis: Input should be 'auto', 'events', 'candidate' or 'aggregate'"),
        ("actor=Sohail%20Shaheen", "actor: no ucdp-ged actor name maps to Sohail Shaheen (sohail-shaheen); 'torkham actors "
         "unmatched --dataset ucdp-ged' lists the names to review, and knowledge/crosswalks/ucdp-ged.yaml maps them"),
    ],
)  # fmt: skip
def test_series_bad_values_name_the_parameter(client, query, detail):
    response = client.get(f"/api/v1/series?{query}")
    assert problem(response) == detail


def test_series_choices_are_checked(client):
    response = client.get("/api/v1/series?by=day&window=0")
    assert response.status_code == 422
    assert problems(response) == [
        "by: Input should be 'month', 'week' or 'year'", "window: Input should be greater than or equal to 1",
    ]  # fmt: skip


def test_signals_as_of_the_last_day_held(client):
    body = client.get("/api/v1/signals?actor=TTP&country=Pakistan").json()
    assert body["as_of"] == "2021-12-31" and body["signals"]
    assert all({"kind", "summary", "events"} <= set(s) for s in body["signals"])
    response = client.get("/api/v1/signals?actor=TTP&country=Pakistan&format=csv")
    assert response.text.splitlines()[0].startswith("kind,metric,from,to,summary,band")
    assert len(response.text.splitlines()) > len(body["signals"])


def test_signals_bad_day(client):
    response = client.get("/api/v1/signals?as_of=2021-13")
    assert problem(response) == "as_of: '2021-13' has month 13; months run from 01 to 12"


@pytest.mark.parametrize(
    ("value", "sentence"),
    [
        ("2021-13", "'2021-13' has month 13; months run from 01 to 12"),
        ("March 2022", "'March 2022' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)"),
    ],
)
def test_a_bad_date_is_the_same_sentence_from_every_surface(client, cli, bundled_store, value, sentence):
    for command in ("series", "timeline"):
        result = cli("--db", bundled_store, command, "--from", value)
        assert (result.code, result.err) == (1, f"Error: --from: {sentence}\n"), command
    for path in ("/api/v1/series", "/api/v1/events"):
        response = client.get(path, params={"from": value})
        assert response.json() == {"detail": [{"loc": ["query", "from"], "msg": sentence, "type": "value_error"}]}
