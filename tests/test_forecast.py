"""Forecasts: shape, baselines' exact behaviour, no look-ahead, CRPS from the library, the backtest table,
CLI errors."""

from __future__ import annotations

import json
import shutil
from datetime import date

import duckdb
import numpy as np
import pytest

from torkham.forecast.backtest import COLUMNS, REFERENCE, crps, origins_between, run_backtest
from torkham.forecast.baselines import conflictology, persistence, rolling_nb, zero
from torkham.forecast.history import History, add_months, load_history
from torkham.forecast.run import forecast_histories
from torkham.params import CountryRef, ForecastQuery


def synthetic(country: str, months: int = 72, level: float = 50.0, seed: int = 0) -> History:
    rng = np.random.default_rng(seed)
    start = date(2010, 1, 1)
    values = rng.poisson(level * (1 + 0.3 * np.sin(np.arange(months) / 12 * 2 * np.pi)))
    return History(country, None, None, "aggregate", tuple(add_months(start, i) for i in range(months)),
                   tuple(float(v) for v in values))  # fmt: skip


@pytest.fixture(scope="module")
def store(bundled_store):
    return bundled_store


def test_forecast_shape_from_the_store(store):
    query = ForecastQuery.parse("Afghanistan,Pakistan", horizon=12, samples=200, model="nb_glm")
    with duckdb.connect(str(store), read_only=True) as con:
        from torkham.forecast.run import make_forecast

        result = make_forecast(con, query)
    data = result.to_json()
    assert data["origin"] == "2024-04" and data["target"] == "fatalities" and data["model"] == "nb_glm"
    assert len(data["forecasts"]) == 24
    assert {f["country"] for f in data["forecasts"]} == {"Afghanistan", "Pakistan"}
    assert [f["month"] for f in data["forecasts"][:12]] == [f"2024-{m:02d}" for m in range(5, 13)] + [
        f"2025-{m:02d}" for m in range(1, 5)
    ]
    assert set(data["baselines"]) == {"zero", "persistence", "conflictology", "rolling_nb"}
    for items in [data["forecasts"], *data["baselines"].values()]:
        assert len(items) == 24
        for item in items:
            assert set(item) == {"country", "month", "samples", "mean", "quantiles", "basis"}
            assert item["basis"] == "aggregate"
            assert len(item["samples"]) >= 100 and min(item["samples"]) >= 0
            q = item["quantiles"]
            assert list(q) == ["0.05", "0.25", "0.5", "0.75", "0.95"]
            assert q["0.05"] <= q["0.25"] <= q["0.5"] <= q["0.75"] <= q["0.95"]
    assert data["data"]["versions"] == {"ucdp-country-month": ["25.1-pace-hist"]}
    assert data["data"]["source"][0].startswith("Source: UCDP")


def test_baselines_exact_behaviour():
    values = np.array([5.0] * 20 + list(range(100, 112)) + [7.0])  # the last 12 observed: 101..111, 7
    rng = np.random.default_rng(1)
    assert np.all(zero(values, 4, 150, rng) == 0) and zero(values, 4, 150, rng).shape == (4, 150)
    assert np.all(persistence(values, 4, 150, rng) == 7.0)
    drawn = conflictology(values, 6, 2000, rng)
    assert drawn.shape == (6, 2000)
    assert set(np.unique(drawn)) == set(values[-12:])  # only (and, with 2000 draws, every one of) the last 12
    noisy = rolling_nb(values, 3, 5000, rng)
    assert noisy.shape == (3, 5000) and noisy.min() >= 0 and np.all(noisy == np.round(noisy))
    assert abs(noisy.mean() - values[-12:].mean()) < 3


def test_same_seed_same_forecast_and_every_approach_has_the_same_shape():
    histories = [synthetic("A"), synthetic("B", level=500, seed=1)]
    first = forecast_histories(histories, 5, 120, seed=3, model="ets")
    again = forecast_histories(histories, 5, 120, seed=3, model="ets")
    assert first.to_json() == again.to_json()
    for items in first.approaches().values():
        assert [(d.country, d.month) for d in items] == [(d.country, d.month) for d in first.forecasts]
        assert all(len(d.samples) == 120 for d in items)


def test_adding_later_data_never_changes_an_earlier_forecast(store, tmp_path):
    copy = tmp_path / "later.duckdb"
    shutil.copy(store, copy)
    origin = date(2023, 6, 1)
    query = ForecastQuery.parse("Pakistan,Afghanistan", horizon=3, samples=100, origin="2023-06", model="lightgbm")
    from torkham.forecast.run import make_forecast

    with duckdb.connect(str(copy), read_only=True) as con:
        before = make_forecast(con, query).to_json()
        history = load_history(con, CountryRef.parse("Pakistan"), origin=origin)
    assert history.origin == origin and len(history.values) == 414
    with duckdb.connect(str(copy)) as con:
        con.execute(
            "INSERT INTO country_month SELECT dataset, dataset_version, country, iso3, month + INTERVAL 12 MONTH, "
            "measure, value * 10, import_id FROM country_month WHERE month >= DATE '2023-05-01'"
        )
        con.execute("UPDATE coverage SET last_day = DATE '2025-04-30' WHERE dataset = 'ucdp-country-month'")
    with duckdb.connect(str(copy), read_only=True) as con:
        assert load_history(con, CountryRef.parse("Pakistan")).origin == date(2025, 4, 1)  # the later data is seen
        after = make_forecast(con, query).to_json()
    # the distributions are identical; only the notes on what the store covers may differ
    assert {k: v for k, v in after.items() if k != "data"} == {k: v for k, v in before.items() if k != "data"}


def test_crps_is_the_librarys():
    import scoringrules

    observed = np.array([3.0, 10.0])
    samples = np.array([[0.0, 1.0, 2.0, 3.0], [1.0, 1.0, 1.0, 1.0]])
    assert np.allclose(crps(observed, samples), scoringrules.crps_ensemble(observed, samples))
    assert crps(np.array([10.0]), np.array([[1.0, 1.0]]))[0] == pytest.approx(9.0)  # point mass: |x - y|


def test_a_small_backtest_and_its_table():
    histories = [synthetic("A"), synthetic("B", level=300, seed=2)]
    origins = origins_between(date(2014, 1, 1), date(2014, 12, 1), step=6)
    result = run_backtest(histories, origins, horizon=3, samples=100, models=["nb_glm", "zero", "persistence"])
    assert result.origins == (date(2014, 1, 1), date(2014, 7, 1))
    rows = [s.row() for s in result.scores]
    assert all(list(r) == list(COLUMNS) for r in rows)
    assert {r["model"] for r in rows} == {"nb_glm", "zero", "persistence", REFERENCE}
    for country in ("A", "B"):
        ref = result.overall(REFERENCE, country)
        assert ref.crps_ratio == pytest.approx(1.0) and ref.n == 6
        for name in ("nb_glm", "zero"):
            score = result.overall(name, country)
            assert score.crps_ratio == pytest.approx(score.crps / ref.crps)
        per_h = [s for s in result.scores if s.model == "zero" and s.country == country and s.horizon]
        assert [s.horizon for s in per_h] == [1, 2, 3] and all(s.n == 2 for s in per_h)
        assert result.overall("persistence", country).coverage90 <= 0.5  # a point mass rarely covers


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--horizon", "0"], "Error: --horizon: 0 months is out of range; use 1 to 36"),
        (["--origin", "2030-01"], "Error: --origin: 2030-01 is beyond the data; the last month covered is 2024-04"),
        (["--origin", "1990-01"],
         "Error: --origin: 1990-01 leaves 13 month(s) of gap-free history before it; a forecast needs at least 36"),
        (["--country", "Narnia"], "Error: --country: unknown country 'Narnia'"),
        (["--samples", "5"], "Error: --samples: 5 draws is out of range; use 100 to 10000"),
        (["--model", "oracle"], "Error: --model: unknown model 'oracle'"),
    ],
)  # fmt: skip
def test_cli_errors(cli, store, args, message):
    result = cli("--db", store, "forecast", *args)
    assert result.code == 1
    assert result.err.startswith(message) and "Traceback" not in result.err


def test_cli_json_and_csv(cli, store):
    result = cli("--db", store, "forecast", "--country", "Pakistan", "--horizon", "2", "--samples", "100",
                 "--model", "rolling_nb", "--json")  # fmt: skip
    assert result.code == 0
    data = json.loads(result.out)
    assert data["model"] == "rolling_nb" and len(data["forecasts"]) == 2 and "rolling_nb" not in data["baselines"]
    result = cli("--db", store, "forecast", "--country", "Pakistan", "--horizon", "2", "--samples", "100", "--csv")
    lines = result.out.strip().splitlines()
    assert lines[0] == "origin,country,actor,month,model,kind,basis,mean,q0.05,q0.25,q0.5,q0.75,q0.95"
    assert len(lines) == 1 + 2 * 5
