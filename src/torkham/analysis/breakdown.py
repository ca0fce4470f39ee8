"""Deaths per month in one country split by dyad — the two sides UCDP names for each event (Government of
Pakistan – TTP; TTP – Civilians for one-sided violence) — so that the parts add up to the country's event
deaths without counting an event twice. The top dyads by deaths over the range are kept, the rest is
"other". Each month is read from the first event dataset of the family that covers it (final events, then
candidate events; never country totals, which have no sides); a month none covers is None (a gap).

    found = deaths_by_dyad(backend, CountryRef.parse("Pakistan"), date(2018, 1, 1), date(2024, 4, 30))"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from torkham.analysis import periods
from torkham.analysis.selection import DATASETS, Selection, choose_chain, selected

if TYPE_CHECKING:
    from torkham.analysis.selection import Tables
    from torkham.params import CountryRef
    from torkham.store.coverage import Coverage

OTHER = "other"
Month = dict[str, int]  # dyad -> deaths


@dataclass(frozen=True)
class Breakdown:
    periods: list[str]  # YYYY-MM
    layers: list[tuple[str, list[int | None]]]  # dyad (or "other") -> deaths per month; None: not covered
    datasets: tuple[str, ...]  # the datasets months were read from
    versions: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def unknown(self) -> list[str]:
        """The months no event data covers."""
        first = self.layers[0][1] if self.layers else []
        return [p for p, v in zip(self.periods, first, strict=True) if v is None]

    @property
    def source_line(self) -> str:
        parts = []
        for dataset in self.datasets:
            info = DATASETS.get(dataset)
            version = ", ".join(self.versions.get(dataset, [])) or "?"
            name = (
                f"{info.name} {version}{', preliminary' if info.status == 'preliminary' else ''}" if info else dataset
            )
            parts.append(f"{name}, {info.publisher}; licence {info.licence}" if info else name)
        return "Source: " + " · ".join(parts) if parts else "Source: no event data covers this range"


def deaths_by_dyad(backend: Tables, country: CountryRef, start: date, end: date, top: int = 5) -> Breakdown:
    """Deaths per month in `country` from `start` to `end` by dyad: the `top` dyads by deaths and "other"."""
    from torkham.analysis.coverage import read_coverage

    chain = choose_chain(backend, None, actor=True)  # events of one family; country totals have no sides
    covered = read_coverage(backend).of(chain, country)
    starts = periods.starts(periods.period_start(start, "month"), end, "month")
    values = {d: _by_month(backend, Selection(d, country=country), starts[0], end) for d in chain}
    months: list[Month | None] = []
    used: list[str] = []
    for first in starts:
        dataset = _covering(covered, chain, first)
        months.append(None if dataset is None else values[dataset].get(first, {}))
        if dataset is not None and dataset not in used:
            used.append(dataset)
    totals: dict[str, int] = {}
    for month in months:
        for dyad, deaths in (month or {}).items():
            totals[dyad] = totals.get(dyad, 0) + deaths
    kept = sorted(totals, key=lambda d: (-totals[d], d))[:top]
    layers = [(dyad, [None if m is None else m.get(dyad, 0) for m in months]) for dyad in kept]
    if len(totals) > len(kept):
        rest = [None if m is None else sum(v for d, v in m.items() if d not in kept) for m in months]
        layers.append((OTHER, rest))
    versions = {d: _versions(backend, Selection(d, country=country), starts[0], end) for d in used}
    notes = covered.sentences(starts[0], end, overlapping=True)
    return Breakdown([periods.label(s, "month") for s in starts], layers, tuple(used), versions, notes)


def _covering(covered: Coverage, chain: tuple[str, ...], first: date) -> str | None:
    last = periods.period_end(first, "month")
    for dataset in chain:
        if any(covered.covering(dataset, key, first, last) for key in covered.countries()):
            return dataset
    return None


def _by_month(backend: Tables, selection: Selection, start: date, end: date) -> dict[date, Month]:
    table = selected(backend, selection, start, end)
    month = table.date_start.truncate("M").cast("date")
    rows = (
        table.group_by("actor1", "actor2", month=month)
        .aggregate(deaths=table.fatalities_best.sum())
        .to_pyarrow()
        .to_pylist()
    )
    out: dict[date, Month] = {}
    for row in rows:
        if row["deaths"] is None:  # no event of the dyad gives a figure that month: not a 0, left out
            continue
        dyad = f"{row['actor1'] or '?'} – {row['actor2'] or '?'}"
        out.setdefault(row["month"], {})[dyad] = out.get(row["month"], {}).get(dyad, 0) + int(row["deaths"])
    return out


def _versions(backend: Tables, selection: Selection, start: date, end: date) -> list[str]:
    found = selected(backend, selection, start, end).select("dataset_version").distinct().to_pyarrow()
    return sorted(str(v) for v in found.column(0).to_pylist())
