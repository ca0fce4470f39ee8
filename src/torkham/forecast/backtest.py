"""Rolling-origin backtest, as the field evaluates forecasts: at each origin every approach sees only the
history up to it and forecasts 1..12 months ahead; scores are CRPS (scoringrules), MSLE of the mean and
the coverage of the central 50% and 90% intervals, per approach, country and horizon, with CRPS also as
a ratio to the conflictology baseline's on the same origins and months."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from torkham.forecast.history import History, add_months, month_label
from torkham.forecast.run import approach_names, run_approach

REFERENCE = "conflictology"
FIRST_ORIGIN, LAST_ORIGIN = date(2015, 1, 1), date(2023, 4, 1)
COLUMNS = ("model", "country", "horizon", "n", "crps", "crps_ratio", "msle", "coverage50", "coverage90")


def crps(observed: np.ndarray, samples: np.ndarray) -> np.ndarray:
    """CRPS of ensembles (last axis: draws) against observations, from scoringrules."""
    import scoringrules

    return np.asarray(scoringrules.crps_ensemble(observed, samples, m_axis=-1), dtype=float)


@dataclass(frozen=True)
class Score:
    model: str
    country: str
    horizon: int | None  # None: all horizons
    n: int
    crps: float
    crps_ratio: float  # crps / the conflictology baseline's crps on the same cases
    msle: float  # mean squared error of log(1 + mean) against log(1 + observed)
    coverage50: float
    coverage90: float

    def row(self) -> dict[str, Any]:
        return {
            "model": self.model, "country": self.country, "horizon": "all" if self.horizon is None else self.horizon,
            "n": self.n, "crps": round(self.crps, 3), "crps_ratio": round(self.crps_ratio, 3),
            "msle": round(self.msle, 3), "coverage50": round(self.coverage50, 3), "coverage90": round(self.coverage90, 3),
        }  # fmt: skip


@dataclass(frozen=True)
class Backtest:
    origins: tuple[date, ...]
    horizon: int
    samples: int
    seed: int
    scores: tuple[Score, ...]

    def overall(self, model: str, country: str) -> Score:
        return next(s for s in self.scores if s.model == model and s.country == country and s.horizon is None)

    def best(self, candidates: list[str]) -> str:
        """The candidate whose worst country's overall CRPS ratio is lowest."""
        countries = sorted({s.country for s in self.scores})
        return min(candidates, key=lambda m: max(self.overall(m, c).crps_ratio for c in countries))

    def to_json(self) -> dict[str, Any]:
        return {
            "origins": [month_label(self.origins[0]), month_label(self.origins[-1])] if self.origins else [],
            "origin_count": len(self.origins), "horizons": [1, self.horizon], "samples": self.samples,
            "seed": self.seed, "reference": REFERENCE, "scores": [s.row() for s in self.scores],
        }  # fmt: skip


def origins_between(first: date, last: date, step: int = 1) -> list[date]:
    months, current = [], first
    while current <= last:
        months.append(current)
        current = add_months(current, step)
    return months


def run_backtest(
    histories: list[History], origins: list[date], horizon: int = 12, samples: int = 300, seed: int = 12,
    models: list[str] | None = None, progress: Callable[[int, int, date], None] | None = None,
) -> Backtest:  # fmt: skip
    """Score every approach at every origin that leaves at least one observed month ahead."""
    names = models or approach_names()
    if REFERENCE not in names:
        names = [*names, REFERENCE]
    # per (model, country, horizon): lists of crps, squared log errors, in-50, in-90
    cases: dict[tuple[str, str, int], list[tuple[float, float, bool, bool]]] = {}
    usable = [o for o in origins if all(h.months[0] <= o for h in histories)]
    for index, origin in enumerate(usable, start=1):
        if progress:
            progress(index, len(usable), origin)
        seen = [h.until(origin) for h in histories]
        for name in names:
            drawn = run_approach(name, seen, horizon, samples, seed)
            for full, cut in zip(histories, seen, strict=True):
                ahead = np.asarray(full.values[len(cut.values) : len(cut.values) + horizon], dtype=float)
                if not len(ahead):
                    continue
                draws = drawn[cut.label][: len(ahead)]
                scores = crps(ahead, draws)
                low50, high50, low90, high90 = np.quantile(draws, [0.25, 0.75, 0.05, 0.95], axis=1)
                sle = (np.log1p(draws.mean(axis=1)) - np.log1p(ahead)) ** 2
                for step in range(len(ahead)):
                    cases.setdefault((name, full.label, step + 1), []).append((
                        float(scores[step]), float(sle[step]),
                        bool(low50[step] <= ahead[step] <= high50[step]), bool(low90[step] <= ahead[step] <= high90[step]),
                    ))  # fmt: skip
    return Backtest(
        tuple(usable), horizon, samples, seed, tuple(_scores(cases, names, [h.label for h in histories], horizon))
    )


def _scores(
    cases: dict[tuple[str, str, int], list[tuple[float, float, bool, bool]]], names: list[str], labels: list[str],
    horizon: int,
) -> list[Score]:  # fmt: skip
    out = []
    for name in names:
        for label in labels:
            pooled: list[tuple[float, float, bool, bool]] = []
            reference: list[float] = []
            for step in range(1, horizon + 1):
                found = cases.get((name, label, step), [])
                ref = [c[0] for c in cases.get((REFERENCE, label, step), [])]
                if found:
                    out.append(_score(name, label, step, found, ref))
                pooled += found
                reference += ref
            if pooled:
                out.append(_score(name, label, None, pooled, reference))
    return out


def _score(
    name: str, label: str, step: int | None, found: list[tuple[float, float, bool, bool]], ref: list[float]
) -> Score:
    values = np.array(found, dtype=float)
    mean_crps = float(values[:, 0].mean())
    ref_crps = float(np.mean(ref)) if ref else float("nan")
    ratio = mean_crps / ref_crps if ref_crps > 0 else float("nan")
    return Score(name, label, step, len(found), mean_crps, ratio, float(values[:, 1].mean()),
                 float(values[:, 2].mean()), float(values[:, 3].mean()))  # fmt: skip


def table_text(backtest: Backtest, horizons: bool = True) -> str:
    """A plain-text table: the overall rows, then (optionally) one row per horizon."""
    rows = [s.row() for s in backtest.scores if horizons or s.horizon is None]
    rows.sort(key=lambda r: (r["country"], r["horizon"] != "all", str(r["horizon"]).zfill(3), r["model"]))
    widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in COLUMNS}
    lines = ["  ".join(c.ljust(widths[c]) for c in COLUMNS)]
    lines += ["  ".join(str(r[c]).ljust(widths[c]) for c in COLUMNS) for r in rows]
    return "\n".join(lines) + "\n"
