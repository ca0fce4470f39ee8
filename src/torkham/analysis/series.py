"""Event and fatality series by week, month or year, with a trailing rolling mean. Each period rests on
the first dataset of the selection's chain that covers it (final events, then country totals, then
candidate events); a period no data covers is null — unknown — never 0."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.analysis import periods
from torkham.analysis.compose import Cell, compose, usable_chain
from torkham.analysis.selection import DATASETS, Selection, selected

if TYPE_CHECKING:
    from torkham.analysis.selection import Tables
    from torkham.store.coverage import Coverage
from torkham.params import GRAINS, METRICS, InvalidParameter, Period, check_choice

METRIC_UNITS = {"events": "events", "fatalities": "deaths (best estimate)"}


@dataclass
class Point:
    period: str
    start: date
    end: date
    value: int | None  # None: no data covers this period (unknown, not 0)
    rolling_mean: float | None
    basis: str | None = None  # events | candidate | aggregate | mixed
    datasets: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass
class Series:
    selection: Selection
    by: str
    metric: str
    window: int
    start: date
    end: date
    points: list[Point]
    versions: dict[str, list[str]]  # dataset -> versions of the data read
    coverage: Coverage
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """The sum over the periods data covers (see `unknown` for the others; 0 when none is covered)."""
        return sum(p.value for p in self.points if p.value is not None)

    @property
    def unknown(self) -> int:
        return sum(p.value is None for p in self.points)

    @property
    def datasets(self) -> list[str]:
        used = {d for p in self.points for d in p.datasets}
        return [d for d in self.selection.datasets if d in used]

    @property
    def source_line(self) -> str:
        parts = []
        for dataset in self.datasets or [self.selection.dataset]:
            info = DATASETS.get(dataset)
            version = ", ".join(self.versions.get(dataset, [])) or "?"
            if info is None:
                parts.append(f"{dataset} {version}")
            else:
                status = {"preliminary": ", preliminary", "aggregate": ", country totals"}.get(info.status, "")
                parts.append(f"{info.name} {version} ({dataset}{status}), {info.publisher}; licence {info.licence}")
        return "Source: " + " · ".join(parts)

    def to_json(self) -> dict[str, Any]:
        spans = self.coverage.bounds()
        return {
            "dataset": self.selection.dataset,
            "datasets": self.datasets,
            "versions": self.versions,
            "licence": DATASETS[self.selection.dataset].licence if self.selection.dataset in DATASETS else None,
            "actor": {"id": self.selection.actor_id, "name": self.selection.actor_name}
            if self.selection.actor_id
            else None,
            "members": [{"id": i, "name": n} for i, n in self.selection.members] or None,
            "country": self.selection.country_label,
            "by": self.by,
            "metric": self.metric,
            "unit": METRIC_UNITS[self.metric],
            "window": self.window,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "data_covers": [d.isoformat() for d in spans] if spans else None,
            "coverage": [s.to_json() for s in self.coverage.spans],
            "total": None if self.unknown == len(self.points) else self.total,
            "periods_unknown": self.unknown,
            "notes": self.notes,
            "series": [
                {
                    "period": p.period,
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat(),
                    self.metric: p.value,
                    "basis": p.basis,
                    "countries": list(p.countries),
                    "rolling_mean": None if p.rolling_mean is None else round(p.rolling_mean, 4),
                }
                for p in self.points
            ],
        }


def compute_series(
    backend: Tables,
    selection: Selection,
    by: str = "month",
    metric: str = "events",
    start: date | None = None,
    end: date | None = None,
    window: int = 3,
) -> Series:
    """The series over whole periods from `start` to `end` (default: the span the data covers)."""
    from torkham.analysis.coverage import read_coverage
    from torkham.analysis.readings import read

    check_choice(by, GRAINS, "by")
    check_choice(metric, METRICS, "metric")
    if window < 1:
        raise InvalidParameter("window", f"{window} periods is too few; use 1 or more (1: no smoothing)")
    Period(start, end).check_order()
    chain, left_out = usable_chain(selection.datasets, metric, by)
    notes: list[str] = []
    covered = read_coverage(backend).of(chain, selection.country)
    range_start, range_end = _range(covered.bounds(), start, end, by)
    if (start and range_start != start) or (end and range_end != end):
        notes.append(f"range widened to whole {by}s: {range_start} to {range_end}")
    lookback = periods.previous_start(range_start, by, window - 1)
    starts = periods.starts(lookback, range_end, by)
    readings = read(backend, selection, chain, by, lookback, range_end, metric)  # one query for the chain
    cells = compose(covered, chain, starts, by, readings.values)
    points = _points(cells, starts, by, window)
    found = {d: sorted(readings.versions[d]) or _covered_versions(backend, selection.on(d)) for d in chain}
    result = Series(selection, by, metric, window, range_start, range_end, points, found, covered, notes)
    _add_notes(result, left_out)
    return result


def _range(bounds: tuple[date, date] | None, start: date | None, end: date | None, by: str) -> tuple[date, date]:
    first = start or (bounds[0] if bounds else date.today())
    last = end or (bounds[1] if bounds else date.today())
    if last < first:  # one bound given, beyond the data: a one-period range at that bound
        first, last = (first, first) if end is None else (last, last)
    return periods.period_start(first, by), periods.period_end(periods.period_start(last, by), by)


def _points(cells: list[Cell], starts: list[date], by: str, window: int) -> list[Point]:
    points = []
    for i in range(window - 1, len(starts)):
        shown = [c.value for c in cells[i - window + 1 : i + 1]]
        mean = None if any(v is None for v in shown) else sum(v or 0 for v in shown) / window
        cell, begin = cells[i], starts[i]
        points.append(
            Point(
                periods.label(begin, by),
                begin,
                periods.period_end(begin, by),
                cell.value,
                mean,
                cell.basis,
                cell.datasets,
                cell.countries,
            )  # fmt: skip
        )
    return points


def _covered_versions(backend: Tables, selection: Selection) -> list[str]:
    """The versions of the coverage of `selection.dataset` (country totals, or events when none was read)."""
    from torkham.analysis.coverage import read_coverage

    spans = read_coverage(backend).of((selection.dataset,), selection.country).spans
    return sorted({s.version for s in spans})


def aggregate(
    backend: Tables, selection: Selection, by: str, start: date, end: date, metrics: tuple[str, ...] = METRICS
) -> dict[date, dict[str, int]]:
    """Per period start: the metrics of the selected events dated in [start, end] (periods with none are absent)."""
    table = selected(backend, selection, start, end)
    period = table.date_start.truncate(periods.IBIS_UNITS[by]).cast("date")
    exprs = {"events": table.count(), "fatalities": table.fatalities_best.sum().fill_null(0)}
    rows = table.group_by(period=period).aggregate(**{m: exprs[m] for m in metrics}).to_pyarrow().to_pylist()
    return {r["period"]: {m: int(r[m]) for m in metrics} for r in rows}


def _add_notes(series: Series, left_out: list[str]) -> None:
    notes, by = series.notes, series.by
    shown = series.points
    if series.unknown:  # why a dataset was left out matters only where nothing else covers
        notes.extend(left_out)
    notes.extend(series.coverage.sentences(series.start, series.end, overlapping=not series.unknown))
    if not series.coverage.spans:
        notes.append(f"no data covers {series.selection.describe()}: every {by} is unknown (null), not 0")
    elif series.unknown:
        notes.append(
            f"{series.unknown} of {len(shown)} {by}s are not wholly covered by any dataset: their value is unknown "
            "(null), not 0"
        )
    if any(p.basis == "candidate" or "ucdp-candidate" in p.datasets for p in shown):
        notes.append(
            "periods with basis candidate rest on UCDP Candidate Events, which are preliminary: UCDP revises them "
            "in its next release"
        )
    if any(p.basis in ("aggregate", "mixed") and "ucdp-country-month" in p.datasets for p in shown):
        notes.append(
            "periods with basis aggregate are UCDP country totals (deaths of all types of violence), not events: "
            "no actor or province can be read from them"
        )
    if series.unknown < len(shown) and series.total == 0:
        notes.append(f"no {series.metric} in the covered {by}s for {series.selection.describe()}")
    if any(p.rolling_mean is None and p.value is not None for p in shown):
        notes.append(f"the rolling mean is empty where its {series.window}-{by} window holds a period no data covers")
