"""Honest model choice: every parameter and the model itself are chosen on a validation backtest whose
origins and targets all lie before the evaluation period, so the evaluation (2015-01…2023-04) scores a
choice made without seeing it.

Validation: origins 2005-01…2013-12, horizons 1–12, the histories cut at 2014-12 before anything runs (a
target after 2014-12 is never read). Two stages, one rule: the lowest worst-country mean CRPS ratio to
conflictology, among the candidates whose 90% intervals cover 80–97% of observations in every country
(all candidates if none does).
1. the analog grid (`analog.GRID`) → the analog parameters;
2. the statistical models, the earlier ensemble, the chosen analog, the analog mixed equally with nb_glm
   and ets, the LightGBM quantile model, and the quantile averaging of the quantile model, the chosen analog
   (without its conflictology share) and conflictology (`forecast/quantile.py`) → the model
   `torkham forecast` uses."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from torkham.forecast.analog import GRID, GRID_MODELS, AnalogParams, analog_ensemble_model, analog_model
from torkham.forecast.backtest import Backtest, origins_between, run_backtest
from torkham.forecast.history import History
from torkham.forecast.models import MODELS
from torkham.forecast.quantile import QUANTILE, quantile_ensemble_model
from torkham.forecast.run import register

VALIDATION_FIRST, VALIDATION_LAST = date(2005, 1, 1), date(2013, 12, 1)
VALIDATION_CUT = date(2014, 12, 1)  # the last month whose value the validation may read
COVERAGE90 = (0.80, 0.97)


@dataclass(frozen=True)
class Selection:
    analog: AnalogParams
    model: str  # the name of the stage-2 winner (one of MODELS, or an analog name)
    kind: str  # what the winner is: "analog", "analog_ensemble", "quantile", "quantile_ensemble" or of MODELS
    grid: Backtest
    final: Backtest


def validation_histories(histories: list[History], cut: date = VALIDATION_CUT) -> list[History]:
    """The histories as known at the cut: nothing later reaches the validation."""
    return [h.until(cut) for h in histories]


def pick(backtest: Backtest, candidates: list[str]) -> str:
    """The candidate with the lowest worst-country CRPS ratio among those whose 90% coverage is in range in
    every country (among all candidates if none is)."""
    countries = sorted({s.country for s in backtest.scores})

    def calibrated(name: str) -> bool:
        return all(COVERAGE90[0] <= backtest.overall(name, c).coverage90 <= COVERAGE90[1] for c in countries)

    return backtest.best([c for c in candidates if calibrated(c)] or candidates)


def select(
    histories: list[History], horizon: int = 12, samples: int = 300, seed: int = 12, step: int = 1,
    grid: tuple[AnalogParams, ...] = GRID, models: tuple[str, ...] = tuple(MODELS),
    first: date = VALIDATION_FIRST, last: date = VALIDATION_LAST, cut: date = VALIDATION_CUT,
    progress: Callable[[int, int, date], None] | None = None,
) -> Selection:  # fmt: skip
    """Run the two validation stages (see the module's text) on `histories` cut at `cut`."""
    seen = validation_histories(histories, cut)
    origins = origins_between(first, last, step)
    names = {p.name: p for p in grid}
    for params in grid:
        if params.name not in GRID_MODELS:
            register(analog_model(params))
    stage1 = run_backtest(seen, origins, horizon, samples, seed, models=list(names), progress=progress)
    best = names[pick(stage1, list(names))]
    mixture, averaged = analog_ensemble_model(best), quantile_ensemble_model(best)
    for info in (mixture, averaged, QUANTILE):
        register(info)
    candidates = [*models, best.name, mixture.name, QUANTILE.name, averaged.name]
    stage2 = run_backtest(seen, origins, horizon, samples, seed, models=candidates, progress=progress)
    winner = pick(stage2, candidates)
    kinds = {best.name: "analog", mixture.name: "analog_ensemble", averaged.name: "quantile_ensemble"}
    kind = kinds.get(winner, winner)
    return Selection(best, winner, kind, stage1, stage2)
