"""The empirical-error (analog) model, the honest selection on validation origins, and the on-disk cache of
fitted forecasts per data state."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb
import numpy as np
import pytest

from torkham.forecast import run
from torkham.forecast.analog import AnalogParams, analog_draws, errors, levels
from torkham.forecast.backtest import origins_between
from torkham.forecast.history import History, add_months
from torkham.forecast.models import Track
from torkham.forecast.selection import VALIDATION_CUT, select, validation_histories
from torkham.params import ForecastQuery


def history(country: str, values: np.ndarray, start: date = date(1995, 1, 1)) -> History:
    return History(country, None, None, "aggregate", tuple(add_months(start, i) for i in range(len(values))),
                   tuple(float(v) for v in values))  # fmt: skip


def test_levels_and_errors_use_only_the_past():
    logs = np.log1p(np.arange(40, dtype=float))
    level = levels(logs, 2.0)
    assert level[0] == logs[0] and np.all(np.diff(level) > 0)  # follows a rising series from below
    changed = logs.copy()
    changed[30:] = 0.0
    assert np.array_equal(levels(changed, 2.0)[:30], level[:30])  # a level never sees later months
    err, start, age = errors(logs, level, 3)
    assert len(err) == len(logs) - 3 - 12  # starts from month 12 (the warm-up) to the last with a known target
    assert age.min() == 0 and np.allclose(err, logs[np.arange(12, 37) + 3] - level[12:37])


def test_the_analog_model_is_calibrated_on_a_stationary_series():
    rng = np.random.default_rng(5)
    values = np.expm1(5.0 + rng.normal(0.0, 0.6, 400))  # log-normal noise around a fixed level
    params = AnalogParams(halflife=3.0, pooled=False, bandwidth=None, recency=None, conflictology=0.0)
    inside, total = 0, 0
    for origin in range(200, 388, 4):
        drawn = analog_draws({"A": Track(values[: origin + 1], 1)}, 12, 400, rng, params)["A"]
        low, high = np.quantile(drawn, [0.05, 0.95], axis=1)
        ahead = values[origin + 1 : origin + 13]
        inside += int(np.sum((low <= ahead) & (ahead <= high)))
        total += len(ahead)
    assert 0.85 <= inside / total <= 0.95
    assert drawn.shape == (12, 400) and drawn.min() >= 0


def test_the_analog_model_never_looks_ahead():
    rng = np.random.default_rng(1)
    values = rng.poisson(80, 120).astype(float)
    full = [history("A", values), history("B", values * 3)]
    origin = date(2001, 12, 1)
    later = [history("A", np.r_[values[:84], values[84:] * 50]), history("B", values * 3)]
    first = run.run_approach("analog", [h.until(origin) for h in full], 6, 200, 3)
    second = run.run_approach("analog", [h.until(origin) for h in later], 6, 200, 3)
    assert all(np.array_equal(first[k], second[k]) for k in first)


def test_the_selection_reads_no_target_after_the_validation_cut():
    rng = np.random.default_rng(2)
    months = (2020 - 1995) * 12
    a, b = rng.poisson(300, months).astype(float), rng.poisson(40, months).astype(float)
    cut = (VALIDATION_CUT.year - 1995) * 12 + VALIDATION_CUT.month  # months up to and including the cut
    histories = [history("A", a), history("B", b)]
    changed = [history("A", np.r_[a[:cut], a[cut:] * 100]), history("B", np.r_[b[:cut], np.zeros(months - cut)])]
    assert all(h.origin == VALIDATION_CUT for h in validation_histories(histories))
    grid = (AnalogParams(1.0, True, 0.5, None, 0.5), AnalogParams(3.0, False, None, 5.0, 0.0))
    kwargs = {"horizon": 12, "samples": 100, "step": 12, "grid": grid, "models": ()}
    one, two = select(histories, **kwargs), select(changed, **kwargs)  # type: ignore[arg-type]
    assert one.final.origins == tuple(origins_between(date(2005, 1, 1), date(2013, 12, 1), 12))
    assert one.grid.scores == two.grid.scores and one.final.scores == two.final.scores
    assert one.model == two.model and one.analog == two.analog
    # the last origin's 12th month ahead is the cut: every case was scored, none after it
    assert all(s.n == 9 for s in one.final.scores if s.horizon == 12)


def test_a_second_forecast_with_unchanged_data_reads_the_disk_cache(bundled_store, tmp_path, monkeypatch):
    copy = tmp_path / "store.duckdb"
    shutil.copy(bundled_store, copy)
    calls: list[str] = []
    original = run.REGISTRY["analog"]

    def counted(series, horizon, samples, rng):
        calls.append("run")
        return original.run(series, horizon, samples, rng)

    monkeypatch.setitem(run.REGISTRY, "analog", run.ModelInfo("analog", counted, original.basis))
    monkeypatch.setattr(run, "_CACHE", {})
    query = ForecastQuery.parse("Afghanistan,Pakistan", horizon=3, samples=100, model="analog")
    with duckdb.connect(str(copy), read_only=True) as con:
        first = run.make_forecast(con, query).to_json()
    folder = tmp_path / "store.duckdb.forecast-cache"
    assert calls == ["run"] and len(list(folder.glob("*.npz"))) == 1 + 4  # the model and the four baselines
    assert not list(folder.glob(".tmp-*"))  # written atomically: no temporary file is left
    monkeypatch.setattr(run, "_CACHE", {})  # a new process: only the disk remembers
    with duckdb.connect(str(copy), read_only=True) as con:
        again = run.make_forecast(con, query).to_json()
    assert calls == ["run"] and again == first  # the hit: nothing refitted, the same draws
    with duckdb.connect(str(copy)) as con:  # the data change: one month revised
        con.execute("UPDATE country_month SET value = value + 7 WHERE iso3 = 'PAK' AND month = DATE '2024-03-01'")
    monkeypatch.setattr(run, "_CACHE", {})
    with duckdb.connect(str(copy), read_only=True) as con:
        changed = run.make_forecast(con, query).to_json()
    assert calls == ["run", "run"] and changed != first
    assert len(list(folder.glob("*.npz"))) == 2 * 5


def test_a_store_in_memory_has_no_disk_cache():
    with duckdb.connect() as con:
        assert run.store_cache_dir(con) is None


@pytest.mark.parametrize("name", ["analog", "analog_ensemble", "quantile", "quantile_ensemble"])
def test_the_new_models_are_offered(name):
    assert name in run.approach_names() and run.check_model(name) == name


@pytest.mark.parametrize("name", ["quantile", "quantile_ensemble"])
def test_the_quantile_models_never_look_ahead_and_have_the_baselines_shape(name):
    rng = np.random.default_rng(4)
    values = rng.poisson(80, 120).astype(float)
    full = [history("A", values), history("B", values * 3)]
    origin = date(2001, 12, 1)
    later = [history("A", np.r_[values[:84], values[84:] * 50]), history("B", np.r_[values[:84] * 3, np.zeros(36)])]
    first = run.run_approach(name, [h.until(origin) for h in full], 6, 200, 3)
    second = run.run_approach(name, [h.until(origin) for h in later], 6, 200, 3)
    assert all(np.array_equal(first[k], second[k]) for k in first)
    baseline = run.run_approach("conflictology", [h.until(origin) for h in full], 6, 200, 3)
    assert set(first) == set(baseline) == {"A", "B"}
    assert all(first[k].shape == baseline[k].shape == (6, 200) and first[k].min() >= 0 for k in first)


def test_quantile_averaging_sorts_then_averages_rank_by_rank():
    from torkham.forecast.quantile import vincentise

    parts = [{"A": np.array([[3.0, 1.0, 2.0]])}, {"A": np.array([[10.0, 30.0, 20.0]])}]
    assert np.array_equal(vincentise(parts)["A"], np.array([[5.5, 11.0, 16.5]]))
