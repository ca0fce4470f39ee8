"""The monthly fatality history a forecast rests on, read through the analysis layer and never past the
origin: a country's totals (basis `aggregate`), or one actor's events in a country (basis `events` or
`candidate`, where event data covers). A month no data covers is unknown, never 0: a history is the
gap-free run of covered months that ends at the origin."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from torkham.params import ActorRef, CountryRef, DataSelection, InvalidParameter

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

MIN_HISTORY = 36  # months of gap-free history a forecast needs (12 lags, and two years to learn from)
CONFLICTOLOGY_MONTHS = 12  # months the conflictology baseline draws from


@dataclass(frozen=True)
class History:
    """A gap-free monthly series of fatalities ending at `origin` (the last month a forecast sees)."""

    country: str  # the name shown, e.g. Pakistan
    iso3: str | None
    actor: str | None  # the actor's name, for an actor's events
    basis: str  # aggregate | events | candidate | mixed
    months: tuple[date, ...]  # first days, consecutive
    values: tuple[float, ...]
    source_line: str = ""
    versions: dict[str, list[str]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def origin(self) -> date:
        return self.months[-1]

    @property
    def label(self) -> str:
        return f"{self.actor} in {self.country}" if self.actor else self.country

    def until(self, origin: date) -> History:
        """The same history cut at `origin` (for a backtest: what was known then)."""
        kept = sum(m <= origin for m in self.months)
        if kept < MIN_HISTORY:
            raise InvalidParameter("origin", _too_short(origin, kept))
        return History(
            self.country, self.iso3, self.actor, self.basis, self.months[:kept], self.values[:kept],
            self.source_line, self.versions, self.notes,
        )  # fmt: skip

    def fingerprint(self) -> str:
        """What identifies this data state: the series and the versions it was read from."""
        text = repr((self.country, self.actor, self.basis, self.months[0], self.values, sorted(self.versions.items())))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def month_label(month: date) -> str:
    return f"{month.year:04d}-{month.month:02d}"


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def _too_short(origin: date, months: int) -> str:
    return (
        f"{month_label(origin)} leaves {months} month(s) of gap-free history before it; a forecast needs at least "
        f"{MIN_HISTORY}"
    )


def load_history(
    con: DuckDBPyConnection, country: CountryRef, actor: ActorRef | None = None, origin: date | None = None
) -> History:
    """The history of `country` (or of `actor`'s events there) up to `origin` (default: the last month data
    covers; for an actor, the end of the longest gap-free run). Reads nothing dated after the origin."""
    from torkham.analysis.periods import period_end
    from torkham.analysis.selection import select
    from torkham.analysis.series import compute_series
    from torkham.model.countries import countries

    basis = "auto" if actor else "aggregate"
    chosen = DataSelection(actor=actor, country=country, basis=basis)  # type: ignore[arg-type]
    backend, selection = select(con, chosen)
    end = period_end(origin, "month") if origin else None
    series = compute_series(backend, selection, by="month", metric="fatalities", end=end, window=1)
    covered = [p for p in series.points if p.value is not None]
    if not covered:
        raise InvalidParameter("country", f"no data covers {selection.describe()}")
    last = covered[-1].start
    notes = list(series.notes)
    runs = _runs([(p.start, p.value, p.basis) for p in series.points])
    if origin is not None:
        if origin > last:
            raise InvalidParameter(
                "origin", f"{month_label(origin)} is beyond the data; the last month covered is {month_label(last)}"
            )
        run = next((r for r in runs if r[-1][0] == origin), None)
        if run is None:
            raise InvalidParameter("origin", f"no data covers {month_label(origin)}; a gap there is unknown, not 0")
    else:
        run = runs[-1]
        if actor is not None:
            longest = max(runs, key=lambda r: (len(r), r[-1][0]))
            if len(run) < MIN_HISTORY and longest is not run:
                run = longest
                notes.append(
                    f"the origin is {month_label(run[-1][0])}, the end of the longest gap-free event history; data "
                    f"after it (to {month_label(last)}) follows a gap and is not used"
                )
    if len(run) < MIN_HISTORY:
        raise InvalidParameter("origin", _too_short(run[-1][0], len(run)))
    bases = {b for _, _, b in run if b}
    known = countries().get(country.iso3 or "")
    return History(
        country=known.name if known else country.typed,
        iso3=country.iso3,
        actor=selection.actor_name,
        basis=bases.pop() if len(bases) == 1 else "mixed",
        months=tuple(m for m, _, _ in run),
        values=tuple(float(v) for _, v, _ in run),
        source_line=series.source_line,
        versions={k: list(v) for k, v in series.versions.items()},
        notes=tuple(notes),
    )


def _runs(points: list[tuple[date, int | None, str | None]]) -> list[list[tuple[date, int, str | None]]]:
    """The gap-free runs of covered months, in order."""
    runs: list[list[tuple[date, int, str | None]]] = [[]]
    for start, value, basis in points:
        if value is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((start, value, basis))
    return [r for r in runs if r]
