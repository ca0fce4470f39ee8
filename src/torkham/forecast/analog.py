"""The empirical-error (analog) model: calibrated by construction.

At an origin t a series' level is an exponentially weighted mean of log(1 + fatalities) over its past
months. For each horizon h the predictive distribution is that level plus draws from the errors the same
rule made h months ahead in the past, log(1 + y[s + h]) − level[s], over every month s with s + h ≤ t (so
only outcomes known at the origin are used). The errors are weighted: past levels close to today's count
more (a Gaussian kernel of `bandwidth` on the log scale: the analogs), recent errors can count more (a
half-life in years), and the errors of every series given can be pooled. Draws are back-transformed with
expm1 and clipped at 0; a share `conflictology` of the draws can come from the country's last 12 months
instead (the ViEWS baseline), a mixture chosen like the rest on the validation origins.

There is nothing to fit: the parameters come from a small grid (`GRID`) scored with the library CRPS on
validation origins before the evaluation period (`forecast/selection.py`)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from torkham.forecast.baselines import Samples, conflictology
from torkham.forecast.models import Array, ModelInfo, Track

WARMUP = 12  # months a level needs before its errors are used


@dataclass(frozen=True)
class AnalogParams:
    halflife: float = 2.0  # months: the level's exponential weighting
    pooled: bool = True  # errors of every series given, or only the series' own
    bandwidth: float | None = 0.5  # log units: past levels near today's count more (None: all alike)
    recency: float | None = None  # years: half-life of an error's weight by its age (None: all alike)
    conflictology: float = 0.0  # share of draws from the conflictology baseline

    @property
    def name(self) -> str:
        parts = [
            f"hl{self.halflife:g}",
            "pooled" if self.pooled else "own",
            f"bw{self.bandwidth:g}" if self.bandwidth else "bwall",
            f"r{self.recency:g}" if self.recency else "rall",
            f"c{self.conflictology:g}",
        ]
        return "analog[" + ",".join(parts) + "]"


def levels(logs: Array, halflife: float) -> Array:
    """The exponentially weighted mean of `logs` at each month, using that month and the ones before it."""
    weight = 1.0 - 0.5 ** (1.0 / halflife)
    out = np.empty_like(logs)
    current = float(logs[0]) if len(logs) else 0.0
    for index, value in enumerate(logs):
        current = current + weight * (float(value) - current)
        out[index] = current
    return out


def errors(logs: Array, level: Array, step: int) -> tuple[Array, Array, Array]:
    """The `step`-month-ahead errors of the level rule whose target is known in `logs` (s + step ≤ last):
    (errors, the level they started from, their age in months at the end of `logs`)."""
    last = len(logs) - 1
    starts = np.arange(WARMUP, last - step + 1)
    return logs[starts + step] - level[starts], level[starts], (last - starts - step).astype(float)


def analog_draws(
    series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator, params: AnalogParams
) -> dict[str, Samples]:
    """Samples (horizon, samples) per series; see the module's text."""
    logs = {key: np.log1p(np.asarray(track.values, dtype=float)) for key, track in series.items()}
    lev = {key: levels(values, params.halflife) for key, values in logs.items()}
    out: dict[str, Samples] = {}
    for key, track in series.items():
        now = float(lev[key][-1])
        draws = []
        for step in range(1, horizon + 1):
            found, weights = [], []
            for other in series if params.pooled else [key]:
                err, start_level, age = errors(logs[other], lev[other], step)
                weight = np.ones(len(err))
                if params.bandwidth:
                    weight *= np.exp(-0.5 * ((start_level - now) / params.bandwidth) ** 2)
                if params.recency:
                    weight *= 0.5 ** (age / (12.0 * params.recency))
                found.append(err)
                weights.append(weight)
            err, weight = np.concatenate(found), np.concatenate(weights)
            if not len(err) or not np.isfinite(weight.sum()) or weight.sum() <= 0:
                err, weight = np.zeros(1), np.ones(1)  # no past error to learn from: the level itself
            chosen = rng.choice(err, size=samples, p=weight / weight.sum())
            draws.append(np.clip(np.expm1(now + chosen), 0.0, None))
        drawn = np.array(draws)
        if params.conflictology > 0:
            baseline = conflictology(np.asarray(track.values, dtype=float), horizon, samples, rng)
            drawn = np.where(rng.random(drawn.shape) < params.conflictology, baseline, drawn)
        out[key] = drawn
    return out


def analog_model(params: AnalogParams) -> ModelInfo:
    def run(series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator) -> dict[str, Samples]:
        return analog_draws(series, horizon, samples, rng, params)

    pooled = "pooled over the series given" if params.pooled else "the series' own"
    mix = f", {params.conflictology:.0%} conflictology draws" if params.conflictology else ""
    return ModelInfo(
        params.name,
        run,
        f"EWMA level of log(1 + fatalities) (half-life {params.halflife:g} months) plus past h-step errors "
        f"({pooled}, weighted by level similarity{', recency' if params.recency else ''}){mix}",
    )


GRID: tuple[AnalogParams, ...] = tuple(
    AnalogParams(halflife, pooled, bandwidth, recency, share)
    for halflife in (1.0, 3.0)
    for pooled in (False, True)
    for bandwidth in (0.25, 0.5, 1.0)
    for recency in (None, 5.0)
    for share in (0.0, 0.3, 0.5, 0.7)
)
GRID_MODELS: dict[str, ModelInfo] = {p.name: analog_model(p) for p in GRID}


def analog_ensemble_model(params: AnalogParams, name: str | None = None) -> ModelInfo:
    """An equal mixture of the analog model and the two statistical models of the earlier ensemble
    (nb_glm, ets): each draw comes from one of the three."""
    from torkham.forecast.models import MODELS, blend

    def run(series: dict[str, Track], horizon: int, samples: int, rng: np.random.Generator) -> dict[str, Samples]:
        parts = [analog_draws(series, horizon, samples, rng, params)]
        parts += [MODELS[part].run(series, horizon, samples, rng) for part in ("nb_glm", "ets")]
        return blend(parts, [1.0] * len(parts), rng)

    return ModelInfo(name or f"ensemble+{params.name}", run, f"equal mixture of {params.name}, nb_glm and ets")


# The analog parameters the validation backtest chose (origins 2005-01…2013-12, targets to 2014-12 only;
# `torkham forecast evaluate` reruns that choice and says if it differs): see docs/forecasting.md.
SELECTED = AnalogParams(halflife=3.0, pooled=True, bandwidth=0.25, recency=None, conflictology=0.7)


def _named(info: ModelInfo, name: str) -> ModelInfo:
    return ModelInfo(name, info.run, f"{info.basis}; {SELECTED.name}")


SHOWN_MODELS: dict[str, ModelInfo] = {
    "analog": _named(analog_model(SELECTED), "analog"),
    "analog_ensemble": analog_ensemble_model(SELECTED, "analog_ensemble"),
}
