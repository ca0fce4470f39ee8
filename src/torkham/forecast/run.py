"""Forecasts from histories: every approach (the model and the baselines) on the same histories, seeded,
with fitted results cached per data state (the histories' fingerprints, horizon, draws, seed, the approach's
name — which spells out its parameters — and the code's revision): in memory, and for `make_forecast` on
disk beside the store (`<store>.forecast-cache/`, one file per data state, written atomically)."""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from torkham.forecast.analog import GRID_MODELS, SHOWN_MODELS
from torkham.forecast.baselines import BASELINE_BASES, BASELINES, Samples
from torkham.forecast.history import History, add_months, load_history
from torkham.forecast.models import CHOSEN, MODELS, ModelInfo, Track
from torkham.forecast.quantile import QUANTILE_MODELS
from torkham.forecast.results import Distribution, Forecast
from torkham.params import InvalidParameter

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.params import ForecastQuery

_CACHE: dict[tuple[object, ...], dict[str, Samples]] = {}
CACHE_SIZE = 4096
CACHE_REVISION = "3"  # bump when a model's code changes what it draws: older files on disk are then ignored

# every model run_approach knows: the ones shown (and backtested by default), then the analog grid the
# validation searches (forecast/selection.py)
REGISTRY: dict[str, ModelInfo] = {**MODELS, **SHOWN_MODELS, **QUANTILE_MODELS, **GRID_MODELS}


def approach_names() -> list[str]:
    return [*MODELS, *SHOWN_MODELS, *QUANTILE_MODELS, *BASELINES]


def register(info: ModelInfo) -> None:
    """Make a further model (e.g. a mixture built during selection) known to run_approach by its name."""
    REGISTRY[info.name] = info


def check_model(name: str) -> str:
    chosen = CHOSEN if name == "auto" else name
    if chosen not in REGISTRY and chosen not in BASELINES:
        raise InvalidParameter("model", f"unknown model '{name}'; choose auto, {', '.join(approach_names())}")
    return chosen


def cache_key(name: str, histories: list[History], horizon: int, samples: int, seed: int) -> str:
    """The data state and request a result depends on, as a file-safe digest."""
    text = repr((CACHE_REVISION, name, tuple(h.fingerprint() for h in histories), horizon, samples, seed))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _read_cached(path: Path) -> dict[str, Samples] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            labels = [str(x) for x in data["labels"]]
            return {label: np.asarray(data[f"s{i}"], dtype=float) for i, label in enumerate(labels)}
    except (OSError, KeyError, ValueError):
        return None  # absent, or unreadable: compute again


def _write_cached(path: Path, result: dict[str, Samples]) -> None:
    """Write atomically (a temporary file in the same folder, then a rename); a failure only loses the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".npz")
        try:
            with os.fdopen(handle, "wb") as out:
                arrays = {f"s{i}": s for i, s in enumerate(result.values())}
                np.savez_compressed(out, labels=np.array(list(result), dtype=str), **arrays)  # type: ignore[arg-type]
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError:
        pass


def run_approach(
    name: str, histories: list[History], horizon: int, samples: int, seed: int, cache_dir: Path | None = None
) -> dict[str, Samples]:
    """Samples (horizon, samples) per history label from one model or baseline; the draws depend only on the
    histories, the horizon, the number of draws, the seed and the approach's name. With `cache_dir`, a result
    computed before for the same data state is read from there, and a new one is written there."""
    key = (name, tuple(h.fingerprint() for h in histories), horizon, samples, seed)
    if key in _CACHE:
        return _CACHE[key]
    path = cache_dir / f"{cache_key(name, histories, horizon, samples, seed)}.npz" if cache_dir else None
    result = _read_cached(path) if path is not None and path.exists() else None
    if result is None:
        rng = np.random.default_rng([seed, zlib.crc32(name.encode())])
        if name in BASELINES:
            run = BASELINES[name]
            result = {h.label: run(np.asarray(h.values), horizon, samples, rng) for h in histories}
        else:
            tracks = {h.label: Track(np.asarray(h.values, dtype=float), h.origin.month) for h in histories}
            result = REGISTRY[name].run(tracks, horizon, samples, rng)
        result = {label: np.maximum(np.nan_to_num(s, nan=0.0, posinf=0.0), 0.0) for label, s in result.items()}
        if path is not None:
            _write_cached(path, result)
    if len(_CACHE) >= CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = result
    return result


def forecast_histories(
    histories: list[History], horizon: int, samples: int = 1000, seed: int = 12, model: str = "auto",
    cache_dir: Path | None = None,
) -> Forecast:  # fmt: skip
    """The model's and every baseline's distributions for each history, `horizon` months past its origin."""
    chosen = check_model(model)

    def distributions(name: str) -> tuple[Distribution, ...]:
        drawn = run_approach(name, histories, horizon, samples, seed, cache_dir)
        return tuple(
            Distribution.of(h.country, add_months(h.origin, step + 1), drawn[h.label][step], h.basis, h.actor)
            for h in histories
            for step in range(horizon)
        )

    versions: dict[str, list[str]] = {}
    for h in histories:
        for dataset, found in h.versions.items():
            versions[dataset] = sorted(set(versions.get(dataset, [])) | set(found))
    basis = REGISTRY[chosen].basis if chosen in REGISTRY else BASELINE_BASES[chosen]
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


def store_cache_dir(con: DuckDBPyConnection) -> Path | None:
    """Where fitted forecasts of this store are kept: `<store file>.forecast-cache/` beside the store file
    (never in the package); None for a store in memory."""
    row = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchone()  # fmt: skip
    if not row or not row[0]:
        return None
    db = Path(str(row[0]))
    return db.parent / f"{db.name}.forecast-cache"


def make_forecast(con: DuckDBPyConnection, query: ForecastQuery) -> Forecast:
    """The forecast a user asked for: histories read up to the origin, then every approach (reused from the
    store's forecast cache when the data state and the request are unchanged)."""
    check_model(query.model)
    histories = [load_history(con, country, query.actor, query.origin) for country in query.countries]
    return forecast_histories(
        histories, query.horizon, query.samples, query.seed, query.model, cache_dir=store_cache_dir(con)
    )
