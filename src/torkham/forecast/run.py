"""Forecasts from histories: every approach (the model and the baselines) on the same histories, seeded,
with fitted results cached per data state (the histories' fingerprints, horizon, draws, seed)."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

import numpy as np

from torkham.forecast.baselines import BASELINE_BASES, BASELINES, Samples
from torkham.forecast.history import History, add_months, load_history
from torkham.forecast.models import CHOSEN, MODELS, Track
from torkham.forecast.results import Distribution, Forecast
from torkham.params import InvalidParameter

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.params import ForecastQuery

_CACHE: dict[tuple[object, ...], dict[str, Samples]] = {}
CACHE_SIZE = 4096


def approach_names() -> list[str]:
    return [*MODELS, *BASELINES]


def check_model(name: str) -> str:
    chosen = CHOSEN if name == "auto" else name
    if chosen not in MODELS and chosen not in BASELINES:
        raise InvalidParameter("model", f"unknown model '{name}'; choose auto, {', '.join(approach_names())}")
    return chosen


def run_approach(name: str, histories: list[History], horizon: int, samples: int, seed: int) -> dict[str, Samples]:
    """Samples (horizon, samples) per history label from one model or baseline; the draws depend only on the
    histories, the horizon, the number of draws, the seed and the approach's name."""
    key = (name, tuple(h.fingerprint() for h in histories), horizon, samples, seed)
    if key in _CACHE:
        return _CACHE[key]
    rng = np.random.default_rng([seed, zlib.crc32(name.encode())])
    if name in BASELINES:
        run = BASELINES[name]
        result = {h.label: run(np.asarray(h.values), horizon, samples, rng) for h in histories}
    else:
        tracks = {h.label: Track(np.asarray(h.values, dtype=float), h.origin.month) for h in histories}
        result = MODELS[name].run(tracks, horizon, samples, rng)
    result = {label: np.maximum(np.nan_to_num(s, nan=0.0, posinf=0.0), 0.0) for label, s in result.items()}
    if len(_CACHE) >= CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def forecast_histories(
    histories: list[History], horizon: int, samples: int = 1000, seed: int = 12, model: str = "auto"
) -> Forecast:
    """The model's and every baseline's distributions for each history, `horizon` months past its origin."""
    chosen = check_model(model)

    def distributions(name: str) -> tuple[Distribution, ...]:
        drawn = run_approach(name, histories, horizon, samples, seed)
        return tuple(
            Distribution.of(h.country, add_months(h.origin, step + 1), drawn[h.label][step], h.basis, h.actor)
            for h in histories
            for step in range(horizon)
        )

    versions: dict[str, list[str]] = {}
    for h in histories:
        for dataset, found in h.versions.items():
            versions[dataset] = sorted(set(versions.get(dataset, [])) | set(found))
    basis = MODELS[chosen].basis if chosen in MODELS else BASELINE_BASES[chosen]
    return Forecast(
        origin=max(h.origin for h in histories),
        model=chosen,
        model_basis=basis,
        forecasts=distributions(chosen),
        baselines={name: distributions(name) for name in BASELINES if name != chosen},
        sources=tuple(dict.fromkeys(h.source_line for h in histories)),
        versions=versions,
        notes=tuple(dict.fromkeys(n for h in histories for n in h.notes)),
        seed=seed,
    )


def make_forecast(con: DuckDBPyConnection, query: ForecastQuery) -> Forecast:
    """The forecast a user asked for: histories read up to the origin, then every approach."""
    check_model(query.model)
    histories = [load_history(con, country, query.actor, query.origin) for country in query.countries]
    return forecast_histories(histories, query.horizon, query.samples, query.seed, query.model)
