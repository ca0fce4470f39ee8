"""What a forecast returns: per series and month ahead, a predictive distribution (draws, mean,
quantiles), for the model and every baseline, with the data it rests on. Surfaces (CLI, API, charts,
briefing) render `Forecast` without computing anything."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from torkham.forecast.history import month_label

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)  # what a fan chart needs: the median, 50% and 90% bands


@dataclass(frozen=True)
class Distribution:
    """The predictive distribution of one series' fatalities in one month."""

    country: str
    month: date
    samples: tuple[float, ...]
    basis: str
    actor: str | None = None

    @classmethod
    def of(
        cls, country: str, month: date, draws: npt.NDArray[np.float64], basis: str, actor: str | None = None
    ) -> Distribution:
        return cls(country, month, tuple(float(x) for x in np.maximum(draws, 0.0)), basis, actor)

    @property
    def mean(self) -> float:
        return float(np.mean(self.samples))

    def quantile(self, q: float) -> float:
        return float(np.quantile(np.asarray(self.samples), q))

    @property
    def quantiles(self) -> dict[str, float]:
        return {f"{q:g}": self.quantile(q) for q in QUANTILES}

    def to_json(self, samples: bool = True) -> dict[str, Any]:
        item: dict[str, Any] = {"country": self.country}
        if self.actor:
            item["actor"] = self.actor
        item["month"] = month_label(self.month)
        if samples:
            item["samples"] = [round(x, 3) for x in self.samples]
        item["mean"] = round(self.mean, 3)
        item["quantiles"] = {k: round(v, 3) for k, v in self.quantiles.items()}
        item["basis"] = self.basis
        return item


@dataclass(frozen=True)
class Forecast:
    origin: date  # the last month the forecast saw (the latest of the series' origins)
    model: str
    model_basis: str
    forecasts: tuple[Distribution, ...]
    baselines: dict[str, tuple[Distribution, ...]]
    sources: tuple[str, ...] = ()
    versions: dict[str, list[str]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    seed: int = 0
    target: str = "fatalities"

    def approaches(self) -> dict[str, tuple[Distribution, ...]]:
        """The model first, then the baselines."""
        return {self.model: self.forecasts, **self.baselines}

    def to_json(self, samples: bool = True) -> dict[str, Any]:
        return {
            "origin": month_label(self.origin),
            "target": self.target,
            "model": self.model,
            "model_basis": self.model_basis,
            "seed": self.seed,
            "forecasts": [d.to_json(samples) for d in self.forecasts],
            "baselines": {name: [d.to_json(samples) for d in items] for name, items in self.baselines.items()},
            "data": {"source": list(self.sources), "versions": self.versions, "notes": list(self.notes)},
        }

    def write_csv(self, out: IO[str]) -> None:
        """One row per series × month × approach: mean and quantiles (no draws)."""
        writer = csv.writer(out)
        names = [f"q{q:g}" for q in QUANTILES]
        writer.writerow(["origin", "country", "actor", "month", "model", "kind", "basis", "mean", *names])
        for name, items in self.approaches().items():
            kind = "model" if name == self.model else "baseline"
            for d in items:
                writer.writerow(
                    [month_label(self.origin), d.country, d.actor or "", month_label(d.month), name, kind, d.basis,
                     f"{d.mean:.3f}", *(f"{d.quantile(q):.3f}" for q in QUANTILES)]
                )  # fmt: skip
