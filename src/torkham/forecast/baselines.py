"""The field's baselines, always shown beside a model. Each takes the history up to the origin (values,
oldest first), the months ahead and the draws wanted, and returns non-negative samples shaped
(horizon, samples) — the same shape every model returns."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from torkham.forecast.history import CONFLICTOLOGY_MONTHS

Samples = npt.NDArray[np.float64]  # (horizon, samples), non-negative
Baseline = Callable[[npt.NDArray[np.float64], int, int, np.random.Generator], Samples]

ROLLING_MONTHS = 12  # the window of the rolling-mean baseline


def zero(values: npt.NDArray[np.float64], horizon: int, samples: int, rng: np.random.Generator) -> Samples:
    """No fatalities, every month."""
    return np.zeros((horizon, samples))


def persistence(values: npt.NDArray[np.float64], horizon: int, samples: int, rng: np.random.Generator) -> Samples:
    """The last observed month, repeated (a point mass)."""
    return np.full((horizon, samples), float(values[-1]))


def conflictology(values: npt.NDArray[np.float64], horizon: int, samples: int, rng: np.random.Generator) -> Samples:
    """ViEWS' conflictology baseline: each month ahead, draws (with replacement) from the country's own last
    12 observed months."""
    recent = np.asarray(values[-CONFLICTOLOGY_MONTHS:], dtype=float)
    return rng.choice(recent, size=(horizon, samples), replace=True)


def rolling_nb(values: npt.NDArray[np.float64], horizon: int, samples: int, rng: np.random.Generator) -> Samples:
    """The mean of the last 12 months with negative-binomial noise whose dispersion is the window's own
    (method of moments); Poisson noise when the window varies no more than a Poisson count would."""
    recent = np.asarray(values[-ROLLING_MONTHS:], dtype=float)
    return nb_draws(np.full(horizon, recent.mean()), dispersion(recent), samples, rng)


def dispersion(values: npt.NDArray[np.float64]) -> float:
    """alpha of a negative binomial with variance mu + alpha·mu², by the method of moments (0: Poisson)."""
    mean, var = float(values.mean()), float(values.var(ddof=1)) if len(values) > 1 else 0.0
    return max(var - mean, 0.0) / mean**2 if mean > 0 else 0.0


def nb_draws(mean: npt.NDArray[np.float64], alpha: float, samples: int, rng: np.random.Generator) -> Samples:
    """Draws from a negative binomial of mean `mean` (one per month) and dispersion `alpha`, (horizon, samples)."""
    mu = np.maximum(np.asarray(mean, dtype=float), 0.0)[:, None] * np.ones((1, samples))
    if alpha <= 1e-9:
        return rng.poisson(mu).astype(float)
    size = 1.0 / alpha
    return rng.negative_binomial(size, size / (size + np.maximum(mu, 1e-12))).astype(float)


BASELINES: dict[str, Baseline] = {
    "zero": zero,
    "persistence": persistence,
    "conflictology": conflictology,
    "rolling_nb": rolling_nb,
}
BASELINE_BASES = {
    "zero": "no fatalities",
    "persistence": "the last observed month",
    "conflictology": f"draws from the last {CONFLICTOLOGY_MONTHS} observed months (ViEWS)",
    "rolling_nb": f"the mean of the last {ROLLING_MONTHS} months with negative-binomial noise",
}
