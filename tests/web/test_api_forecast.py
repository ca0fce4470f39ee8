"""/api/v1/forecast: the JSON and CSV of `torkham forecast`; bad values are 422 naming the parameter."""

from __future__ import annotations

import pytest
from problems import problem

from torkham.forecast.models import CHOSEN


def test_forecast_json_without_draws_by_default(client):
    response = client.get("/api/v1/forecast?country=Afghanistan,Pakistan&horizon=12")
    assert response.status_code == 200
    body = response.json()
    assert (body["origin"], body["target"], body["model"], body["seed"]) == ("2024-04", "fatalities", CHOSEN, 12)
    assert len(body["forecasts"]) == 24
    first = body["forecasts"][0]
    assert (first["country"], first["month"], first["basis"]) == ("Afghanistan", "2024-05", "aggregate")
    assert "samples" not in first and set(first["quantiles"]) == {"0.05", "0.25", "0.5", "0.75", "0.95"}
    assert set(body["baselines"]) == {"zero", "persistence", "conflictology", "rolling_nb"}
    assert all(len(items) == 24 for items in body["baselines"].values())
    assert any("CC BY 4.0" in line for line in body["data"]["source"])


def test_forecast_with_draws_model_and_origin_is_the_cli_json(client, cli, bundled_store):
    import json

    body = client.get("/api/v1/forecast?country=Pakistan&horizon=3&origin=2022-12&model=nb_glm&samples=true").json()
    assert (body["origin"], body["model"]) == ("2022-12", "nb_glm")
    assert [d["month"] for d in body["forecasts"]] == ["2023-01", "2023-02", "2023-03"]
    assert all(len(d["samples"]) == 1000 and min(d["samples"]) >= 0 for d in body["forecasts"])
    result = cli("--db", bundled_store, "forecast", "--country", "Pakistan", "--horizon", "3", "--origin", "2022-12",
                 "--model", "nb_glm", "--json")  # fmt: skip
    assert json.loads(result.out) == body


def test_forecast_csv(client):
    response = client.get("/api/v1/forecast?country=Pakistan&horizon=2&format=csv")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="torkham-forecast-2-months.csv"'
    lines = response.text.splitlines()
    assert lines[0] == "origin,country,actor,month,model,kind,basis,mean,q0.05,q0.25,q0.5,q0.75,q0.95"
    assert len(lines) == 1 + 2 * 5  # 2 months × (the model and four baselines)
    assert lines[1].startswith(f"2024-04,Pakistan,,2024-05,{CHOSEN},model,")


@pytest.mark.parametrize(
    ("query", "detail"),
    [
        ("horizon=0", "horizon: 0 months is out of range; use 1 to 36"),
        ("horizon=37", "horizon: 37 months is out of range; use 1 to 36"),
        ("horizon=soon", "horizon: 'soon' is not a whole number"),
        ("origin=2024-13", "origin: '2024-13' is not a month; write YYYY-MM, e.g. 2023-04"),
        ("origin=2030-01", "origin: 2030-01 is beyond the data; the last month covered is 2024-04"),
        ("origin=1990-06", "origin: 1990-06 leaves 18 month(s) of gap-free history before it; a forecast needs at least 36"),
        ("samples=maybe", "samples: Input should be a valid boolean, unable to interpret input"),
        ("format=xml", "format: Input should be 'json' or 'csv'"),
        ("horizons=12", "horizons: unknown parameter; this endpoint takes: country, format, horizon, model, origin, samples"),
    ],
)  # fmt: skip
def test_bad_values_are_422_naming_the_parameter(client, query, detail):
    response = client.get(f"/api/v1/forecast?{query}")
    assert problem(response) == detail


def test_an_unknown_model_is_422_listing_the_choices(client):
    from torkham.forecast.run import approach_names

    response = client.get("/api/v1/forecast?model=magic")
    assert problem(response) == f"model: unknown model 'magic'; choose auto, {', '.join(approach_names())}"


def test_an_unknown_country_is_422_naming_it(client):
    response = client.get("/api/v1/forecast?country=Narnia")
    assert response.status_code == 422
    assert problem(response).startswith("country: ")
    assert "Narnia" in problem(response)
