"""The candidate models. Each sees only the histories it is given (cut at the origin by the caller) and
returns, per series, non-negative samples shaped (horizon, samples). Fitting is left to libraries:
statsmodels (negative-binomial regression, exponential smoothing) and LightGBM (gradient boosting with a
Poisson loss). Features are on the log scale, so one model serves a country counting thousands of deaths
a month and one counting tens."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from torkham.forecast.baselines import Samples, dispersion, nb_draws

Array = npt.NDArray[np.float64]
LAGS = 12  # months a feature row looks back
TRAIN_MONTHS = 180  # the most recent months (targets) a model learns from: old regimes teach little


def features(values: Array, t: int) -> list[float]:
    """Log-scale summaries of the 12 months ending at index t: last month, 3- and 12-month means, their
    spread, the maximum."""
    window = values[t - LAGS + 1 : t + 1]
    logs = np.log1p(window)
    return [
        float(np.log1p(window[-1])),
        float(np.log1p(window[-3:].mean())),
        float(np.log1p(window.mean())),
        float(logs.std()),
        float(np.log1p(window.max())),
    ]


def season(month: int) -> list[float]:
    """The calendar month (1-12) as 11 indicators (January: all 0): the fighting season."""
    return [float(month == m) for m in range(2, 13)]


def calendar(last_month: int, length: int, t: int) -> int:
    """The calendar month (1-12) of index t of a series of `length` months whose last month is `last_month`."""
    return (last_month - 1 - (length - 1 - t)) % 12 + 1


def training_rows(values: Array, horizon: int, last_month: int) -> tuple[Array, Array, Array, Array]:
    """Feature rows at each month t with a known target t+h (h = 1..horizon), over the last TRAIN_MONTHS:
    (features, horizon of the row, calendar month of the target, target)."""
    rows, steps, months, targets = [], [], [], []
    first = max(LAGS - 1, len(values) - TRAIN_MONTHS - horizon)
    for t in range(first, len(values)):
        row = features(values, t)
        for h in range(1, horizon + 1):
            if t + h < len(values):
                rows.append(row)
                steps.append(h)
                months.append(calendar(last_month, len(values), t + h))
                targets.append(values[t + h])
    return np.array(rows), np.array(steps, dtype=float), np.array(months, dtype=float), np.array(targets)


@dataclass(frozen=True)
class Track:
    """One history a model sees: values, oldest first, and the calendar month (1-12) of the last."""

    values: Array
    last_month: int

    def next_months(self, horizon: int) -> list[int]:
        return [(self.last_month - 1 + h) % 12 + 1 for h in range(1, horizon + 1)]


def _alpha(observed: Array, mean: Array) -> float:
    """Negative-binomial dispersion of `observed` around fitted means (moments, pooled)."""
    mean = np.maximum(mean, 1e-6)
    return max(float(np.sum((observed - mean) ** 2 - mean) / np.sum(mean**2)), 0.0)


def _design(rows: Array, months: Array) -> Array:
    return np.column_stack([np.ones(len(rows)), rows, [season(int(m)) for m in months]])


def nb_glm(series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator) -> dict[str, Samples]:
    """Negative-binomial regression (statsmodels, maximum likelihood) of the count h months ahead on the
    log-scale features and the calendar month, one direct model per country and horizon; draws from the
    fitted negative binomial."""
    from statsmodels.discrete.discrete_model import NegativeBinomial

    out: dict[str, Samples] = {}
    for key, track in series.items():
        values = track.values
        rows, steps, months, targets = training_rows(values, horizon, track.last_month)
        now = features(values, len(values) - 1)
        draws = []
        for h, month in enumerate(track.next_months(horizon), start=1):
            chosen = steps == h
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fit = NegativeBinomial(targets[chosen], _design(rows[chosen], months[chosen])).fit(disp=0, maxiter=300)
            params = np.asarray(fit.params, dtype=float)
            beta, alpha = params[:-1], float(params[-1])
            mean = float(np.exp(np.clip(_design(np.array([now]), np.array([month])) @ beta, -20, 15))[0])
            if not np.isfinite(mean) or not np.isfinite(alpha) or mean > 10 * max(float(targets.max()), 1.0):
                # a diverged fit (a mean far beyond anything in its training targets): the last year instead
                mean, alpha = float(values[-12:].mean()), dispersion(values[-12:])
            draws.append(nb_draws(np.array([mean]), max(alpha, 0.0), samples, rng)[0])
        out[key] = np.array(draws)
    return out


def log_ols(series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator) -> dict[str, Samples]:
    """Least squares (statsmodels) of log(1 + count) h months ahead on the log-scale features and the
    calendar month, one direct model per country and horizon; draws add resampled residuals of the fit."""
    import statsmodels.api as sm

    out: dict[str, Samples] = {}
    for key, track in series.items():
        values = track.values
        rows, steps, months, targets = training_rows(values, horizon, track.last_month)
        now = features(values, len(values) - 1)
        draws = []
        for h, month in enumerate(track.next_months(horizon), start=1):
            chosen = steps == h
            fit = sm.OLS(np.log1p(targets[chosen]), _design(rows[chosen], months[chosen])).fit()
            centre = float((_design(np.array([now]), np.array([month])) @ np.asarray(fit.params))[0])
            residuals = np.asarray(fit.resid, dtype=float)
            draws.append(np.clip(np.expm1(centre + rng.choice(residuals, size=samples)), 0.0, None))
        out[key] = np.array(draws)
    return out


def lightgbm_pooled(
    series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator
) -> dict[str, Samples]:
    """One gradient-boosted model (LightGBM, Poisson loss) pooled over the countries and horizons, learning
    how the count h months ahead departs from the recent 3-month level (the level is its offset), with the
    calendar month; draws from a negative binomial with the dispersion of its training residuals."""
    import lightgbm as lgb

    blocks = [training_rows(track.values, horizon, track.last_month) for track in series.values()]
    rows = np.vstack([np.column_stack([r, s, m]) for r, s, m, _ in blocks])
    targets = np.concatenate([b[3] for b in blocks])
    offset = rows[:, 1].copy()  # log1p of the 3-month mean
    params = {
        "objective": "poisson", "learning_rate": 0.05, "num_leaves": 7, "min_data_in_leaf": 40,
        "feature_fraction": 0.8, "bagging_fraction": 0.8, "bagging_freq": 1, "lambda_l2": 1.0,
        "seed": int(rng.integers(0, 2**31 - 1)), "deterministic": True, "num_threads": 1, "verbose": -1,
    }  # fmt: skip
    month_column = rows.shape[1] - 1
    weight = 1.0 / np.maximum(np.expm1(offset), 1.0)  # each country's months weigh alike, whatever its scale
    data = lgb.Dataset(rows, targets, weight=weight, init_score=offset, categorical_feature=[month_column])
    booster = lgb.train(params, data, num_boost_round=150)
    fitted = np.exp(booster.predict(rows, raw_score=True) + offset)
    steps = rows[:, -2]
    alphas = {h: _alpha(targets[steps == h], fitted[steps == h]) for h in range(1, horizon + 1)}
    out: dict[str, Samples] = {}
    for key, track in series.items():
        now_row = features(track.values, len(track.values) - 1)
        now = np.array([[*now_row, float(h), float(m)] for h, m in enumerate(track.next_months(horizon), start=1)])
        mean = np.exp(booster.predict(now, raw_score=True) + now[:, 1])
        out[key] = np.array([nb_draws(mean[h - 1 : h], alphas[h], samples, rng)[0] for h in range(1, horizon + 1)])
    return out


def ets_log(series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator) -> dict[str, Samples]:
    """Exponential smoothing with a damped trend and additive seasonality (statsmodels, maximum likelihood)
    on log(1 + fatalities) over the last TRAIN_MONTHS; simulated paths with resampled residuals, back on
    the count scale."""
    from statsmodels.tsa.holtwinters import ExponentialSmoothing

    out: dict[str, Samples] = {}
    for key, track in series.items():
        logs = np.log1p(track.values[-TRAIN_MONTHS:])
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit = ExponentialSmoothing(logs, trend="add", damped_trend=True, seasonal="add", seasonal_periods=12).fit()
            paths = fit.simulate(horizon, repetitions=samples, error="add", anchor="end", random_errors="bootstrap",
                                 random_state=np.random.RandomState(int(rng.integers(0, 2**31 - 1))))  # fmt: skip
        out[key] = np.clip(np.expm1(np.asarray(paths, dtype=float).reshape(horizon, samples)), 0.0, None)
    return out


def blend(parts: list[dict[str, Samples]], weights: list[float], rng: np.random.Generator) -> dict[str, Samples]:
    """A mixture: each draw comes from one part, chosen with the parts' weights."""
    out: dict[str, Samples] = {}
    for key in parts[0]:
        stacked = np.stack([p[key] for p in parts])  # (parts, horizon, samples)
        pick = rng.choice(len(parts), size=stacked.shape[1:], p=np.asarray(weights) / sum(weights))
        out[key] = np.take_along_axis(stacked, pick[None], axis=0)[0]
    return out


Model = Callable[[dict[str, Track], int, int, np.random.Generator], dict[str, Samples]]


@dataclass(frozen=True)
class ModelInfo:
    name: str
    run: Model
    basis: str


MODELS: dict[str, ModelInfo] = {
    m.name: m
    for m in (
        ModelInfo(
            "log_ols", log_ols, "least squares on log lags and calendar month, resampled residuals (statsmodels)"
        ),
        ModelInfo("nb_glm", nb_glm, "negative-binomial regression on log lags and calendar month (statsmodels)"),
        ModelInfo("lightgbm", lightgbm_pooled, "gradient boosting, Poisson loss, pooled countries (LightGBM)"),
        ModelInfo("ets", ets_log, "damped-trend seasonal exponential smoothing on log(1 + fatalities) (statsmodels)"),
    )
}


ENSEMBLE_PARTS = ("nb_glm", "ets")  # mixed in equal parts with the conflictology baseline


def ensemble(series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator) -> dict[str, Samples]:
    """An equal mixture of the negative-binomial regression, the seasonal exponential smoothing and the
    conflictology draws: each model's view of the trend, tempered by the last year's spread."""
    from torkham.forecast.baselines import conflictology

    parts = [MODELS[name].run(series, horizon, samples, rng) for name in ENSEMBLE_PARTS]
    parts.append({key: conflictology(track.values, horizon, samples, rng) for key, track in series.items()})
    return blend(parts, [1.0] * len(parts), rng)


MODELS["ensemble"] = ModelInfo(
    "ensemble", ensemble, "equal mixture of nb_glm, ets and the conflictology draws (chosen by backtest)"
)
CHOSEN = "quantile_ensemble"  # what `torkham forecast` uses by default: chosen on validation origins (selection.py)
