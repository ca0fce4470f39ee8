"""Direct quantile forecasting: CRPS is the integral of the pinball (quantile) loss over the quantile levels,
so models trained with the quantile loss at many levels optimise it directly.

`quantile`: one LightGBM model per quantile level (`LEVELS`), pooled over the series given and over the
horizons (the horizon is a feature), learning log(1 + y[t + h]) − level[t], where level[t] is log(1 + the
mean of the last 3 months). The features, all on the log scale and relative to that level so one model
serves a country counting thousands and one counting tens: the last month, the 6- and 12-month means, the
12-month minimum and maximum, the spread of the 12 months' logs, the level itself, the horizon, and the
seasonal shape — the target's calendar month one year earlier, and on average over the three years before,
relative to the mean of its year. Quantiles are equivariant under monotone transforms, so the fitted
quantiles are sorted (no crossing), interpolated into draws (inverse CDF at evenly spaced probabilities,
in random order), expm1'd and clipped at 0.

`quantile_ensemble`: quantile averaging (Vincentisation) of the quantile model, the analog model without
its conflictology share, and the conflictology draws: the members' sorted draws averaged rank by rank.

Only the values given are read (the caller cuts them at the origin); the fits use a fixed LightGBM seed,
so they are memoised per data state and shared by every candidate that uses them."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from torkham.forecast.analog import SELECTED, AnalogParams, analog_draws
from torkham.forecast.baselines import Samples, conflictology
from torkham.forecast.models import Array, ModelInfo, Track

LEVELS = np.array([0.02, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.98])
FIRST_ROW = 35  # a feature row needs 36 months (three years of seasonal shape)
LGBM_PARAMS: dict[str, object] = {
    "objective": "quantile", "learning_rate": 0.1, "num_leaves": 7, "min_data_in_leaf": 50,
    "feature_fraction": 0.9, "bagging_fraction": 0.8, "bagging_freq": 1, "seed": 12, "deterministic": True,
    "num_threads": 1, "verbose": -1,
}  # fmt: skip
ROUNDS = 80
_MEMO: dict[tuple[object, ...], dict[str, Array]] = {}
MEMO_SIZE = 512


def row(logs: Array, values: Array, t: int, step: int) -> list[float]:
    """The features at index t (months ≤ t only) for the month `step` ahead; index 6 is the level."""
    window = values[t - 11 : t + 1]
    last12 = logs[t - 11 : t + 1]
    level = float(np.log1p(window[-3:].mean()))
    seasonal = []
    for years in (1, 2, 3):
        end = t - 12 * (years - 1)  # the year ending here holds the target's calendar month
        seasonal.append(float(logs[t + step - 12 * years] - logs[max(0, end - 11) : end + 1].mean()))
    return [
        float(last12[-1]) - level,
        float(np.log1p(window[-6:].mean())) - level,
        float(np.log1p(window.mean())) - level,
        float(last12.min()) - level,
        float(last12.max()) - level,
        float(last12.std()),
        level,
        float(step),
        seasonal[0],
        float(np.mean(seasonal)),
    ]


def training(values: Array, horizon: int) -> tuple[Array, Array]:
    """Feature rows and targets (log(1 + y[t + h]) − level[t]) for every t, h with t + h inside `values`."""
    logs = np.log1p(values)
    rows, targets = [], []
    for t in range(FIRST_ROW, len(values) - 1):
        for step in range(1, min(horizon, len(values) - 1 - t) + 1):
            features = row(logs, values, t, step)
            rows.append(features)
            targets.append(float(logs[t + step]) - features[6])
    return np.array(rows).reshape(-1, 10), np.array(targets)


def quantiles(series: dict[str, Track], horizon: int) -> dict[str, Array]:
    """Per series, the fitted quantiles of log(1 + y) shaped (horizon, len(LEVELS)), sorted; memoised."""
    key = (horizon, tuple((k, t.last_month, np.asarray(t.values, dtype=float).tobytes()) for k, t in series.items()))
    if key in _MEMO:
        return _MEMO[key]
    import lightgbm as lgb

    blocks = [training(np.asarray(t.values, dtype=float), horizon) for t in series.values()]
    rows, targets = np.vstack([b[0] for b in blocks]), np.concatenate([b[1] for b in blocks])
    now: dict[str, Array] = {}
    for name, track in series.items():
        values = np.asarray(track.values, dtype=float)
        logs, t = np.log1p(values), len(values) - 1
        now[name] = np.array([row(logs, values, t, step) for step in range(1, horizon + 1)])
    fitted: dict[str, list[Array]] = {name: [] for name in series}
    data = lgb.Dataset(rows, targets, free_raw_data=False)
    for level in LEVELS:
        booster = lgb.train({**LGBM_PARAMS, "alpha": float(level)}, data, num_boost_round=ROUNDS)
        for name in series:
            fitted[name].append(np.asarray(booster.predict(now[name]), dtype=float))
    out = {name: np.sort(np.array(q).T + now[name][:, 6:7], axis=1) for name, q in fitted.items()}
    if len(_MEMO) >= MEMO_SIZE:
        _MEMO.clear()
    _MEMO[key] = out
    return out


def quantile_draws(
    series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator
) -> dict[str, Samples]:
    """Draws (horizon, samples) by inverse-CDF interpolation of the fitted quantiles (flat beyond the end
    levels), back on the count scale."""
    probabilities = (np.arange(samples) + 0.5) / samples
    out: dict[str, Samples] = {}
    for name, fitted in quantiles(series, horizon).items():
        logs = np.array([np.interp(probabilities, LEVELS, q) for q in fitted])
        out[name] = np.clip(np.expm1(rng.permuted(logs, axis=1)), 0.0, None)
    return out


def vincentise(parts: list[dict[str, Samples]]) -> dict[str, Samples]:
    """Quantile averaging: each part's draws sorted per month, then averaged rank by rank."""
    return {key: np.mean([np.sort(p[key], axis=1) for p in parts], axis=0) for key in parts[0]}


def quantile_ensemble_model(params: AnalogParams, name: str | None = None) -> ModelInfo:
    """Vincentisation of the quantile model, the analog of `params` without its conflictology share, and the
    conflictology draws, in equal parts."""
    analog = replace(params, conflictology=0.0)

    def run(series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator) -> dict[str, Samples]:
        parts = [quantile_draws(series, horizon, samples, rng), analog_draws(series, horizon, samples, rng, analog)]
        parts.append(
            {k: conflictology(np.asarray(t.values, dtype=float), horizon, samples, rng) for k, t in series.items()}
        )
        return vincentise(parts)

    return ModelInfo(
        name or f"quantile+{analog.name}+conflictology",
        run,
        f"quantile averaging of the LightGBM quantile model, {analog.name} and conflictology, equal parts",
    )


QUANTILE = ModelInfo(
    "quantile", quantile_draws, "LightGBM quantile regressions at 11 levels, pooled countries and horizons, log scale"
)

# shown beside the analog models (the ensemble uses the analog parameters the validation chose)
QUANTILE_MODELS: dict[str, ModelInfo] = {
    "quantile": QUANTILE,
    "quantile_ensemble": quantile_ensemble_model(SELECTED, "quantile_ensemble"),
}
