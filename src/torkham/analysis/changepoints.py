"""Change points of a count series with ruptures: penalised (Pelt) search for shifts in the mean.

Counts are variance-stabilised first (Anscombe: sqrt(x + 3/8), variance about 1/4 for Poisson
counts); the noise variance is estimated robustly from the month-to-month differences where
anything happened, never below the Poisson 1/4, and the penalty is the BIC-like 2·σ²·log(n)."""

from __future__ import annotations

import math

MIN_SEGMENT = 3  # periods: a change must hold at least this long


def change_points(values: list[int], min_size: int = MIN_SEGMENT) -> list[int]:
    """Indices where a new segment starts (0 < i < len(values)), in order."""
    import numpy as np
    import ruptures as rpt

    if len(values) < 2 * min_size:
        return []
    y = np.sqrt(np.asarray(values, dtype=float) + 3 / 8)
    if float(y.max() - y.min()) == 0.0:
        return []
    penalty = 2 * noise_variance(values) * math.log(len(y))
    algo = rpt.KernelCPD(kernel="linear", min_size=min_size).fit(y.reshape(-1, 1))  # Pelt with the l2 cost, in C
    return [int(i) for i in algo.predict(pen=penalty)[:-1]]


def noise_variance(values: list[int]) -> float:
    import numpy as np

    counts = np.asarray(values, dtype=float)
    y = np.sqrt(counts + 3 / 8)
    diffs = np.diff(y)
    active = (counts[1:] > 0) | (counts[:-1] > 0)
    if int(active.sum()) > 2:
        diffs = diffs[active]
    sigma = 1.4826 * float(np.median(np.abs(diffs - np.median(diffs)))) / math.sqrt(2)
    return max(sigma * sigma, 0.25)
