"""The backtest's scores as shipped: `backtest.json` beside this module is the output of
`torkham forecast evaluate --json` (2015-01…2023-04, 100 monthly origins, horizons 1–12, 300 draws, seed 12;
about 3 minutes), read by the surfaces, which never run a backtest in a request. To refresh it after a model
changes:

    torkham forecast evaluate --json -o src/torkham/forecast/backtest.json"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

PATH = Path(__file__).resolve().parent / "backtest.json"
OVERALL_COLUMNS = ("model", "crps", "crps_ratio", "msle", "coverage50", "coverage90")


@dataclass(frozen=True)
class BacktestScores:
    origins: tuple[str, str]
    origin_count: int
    horizons: tuple[int, int]
    samples: int
    seed: int
    reference: str
    chosen: str
    scores: tuple[dict[str, Any], ...] = field(default=())

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BacktestScores:
        first, last = data["origins"]
        low, high = data["horizons"]
        return cls((first, last), int(data["origin_count"]), (int(low), int(high)), int(data["samples"]),
                   int(data["seed"]), data["reference"], data.get("chosen", ""), tuple(data["scores"]))  # fmt: skip

    @property
    def countries(self) -> list[str]:
        return sorted({s["country"] for s in self.scores})

    def overall(self, country: str) -> list[dict[str, Any]]:
        """The all-horizon rows of `country`, best CRPS ratio first."""
        rows = [s for s in self.scores if s["country"] == country and s["horizon"] == "all"]
        return sorted(rows, key=lambda s: (s["crps_ratio"], s["model"]))

    def ratio(self, model: str, country: str) -> float | None:
        found = next((s for s in self.overall(country) if s["model"] == model), None)
        return None if found is None else float(found["crps_ratio"])

    def describe(self) -> str:
        return (
            f"Backtest {self.origins[0]}…{self.origins[1]}: {self.origin_count} monthly origins, horizons "
            f"{self.horizons[0]}–{self.horizons[1]}, {self.samples} draws, seed {self.seed}; CRPS ratio = the "
            f"approach's CRPS / {self.reference}'s on the same cases (below 1: better than {self.reference})"
        )

    def ratio_line(self, model: str, countries: list[str] | None = None) -> str:
        """One sentence: the model's CRPS ratio to the reference per country, or why there is none."""
        parts = []
        for country in countries or self.countries:
            value = self.ratio(model, country)
            parts.append(f"{country} {'not scored' if value is None else f'{value:.3f}'}")
        return (
            f"Backtest ({self.origins[0]}…{self.origins[1]}, {self.origin_count} origins, horizons "
            f"{self.horizons[0]}–{self.horizons[1]}): CRPS of {model} / {self.reference} = {'; '.join(parts)} "
            "(below 1 is better than the baseline)"
        )


@lru_cache(maxsize=1)
def shipped_backtest() -> BacktestScores | None:
    """The precomputed backtest, or None when the file is missing or unreadable."""
    try:
        return BacktestScores.from_json(json.loads(PATH.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
