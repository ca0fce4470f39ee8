"""Zero-filled event and fatality series by week, month or year, with a trailing rolling mean."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.analysis import periods
from torkham.analysis.selection import DATASETS, Selection, coverage, selected, versions

if TYPE_CHECKING:
    from torkham.analysis.selection import Tables
from torkham.params import GRAINS, METRICS, InvalidParameter, Period, check_choice

METRIC_UNITS = {"events": "events", "fatalities": "deaths (best estimate)"}


@dataclass
class Point:
    period: str
    start: date
    end: date
    value: int
    rolling_mean: float | None


@dataclass
class Series:
    selection: Selection
    by: str
    metric: str
    window: int
    start: date
    end: date
    points: list[Point]
    versions: list[str]
    coverage: tuple[date, date] | None
    notes: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(p.value for p in self.points)

    @property
    def source_line(self) -> str:
        info = DATASETS.get(self.selection.dataset)
        version = ", ".join(self.versions) or "?"
        if info is None:
            return f"Source: {self.selection.dataset} {version}"
        return f"Source: {info.name} {version} ({self.selection.dataset}), {info.publisher}; licence {info.licence}"

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.selection.dataset,
            "versions": self.versions,
            "licence": DATASETS[self.selection.dataset].licence if self.selection.dataset in DATASETS else None,
            "actor": {"id": self.selection.actor_id, "name": self.selection.actor_name}
            if self.selection.actor_id
            else None,
            "country": self.selection.country_label,
            "by": self.by,
            "metric": self.metric,
            "unit": METRIC_UNITS[self.metric],
            "window": self.window,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "data_covers": [d.isoformat() for d in self.coverage] if self.coverage else None,
            "total": self.total,
            "notes": self.notes,
            "series": [
                {
                    "period": p.period,
                    "start": p.start.isoformat(),
                    "end": p.end.isoformat(),
                    self.metric: p.value,
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
    """The series over whole periods from `start` to `end` (default: the span of the data)."""
    check_choice(by, GRAINS, "by")
    check_choice(metric, METRICS, "metric")
    if window < 1:
        raise InvalidParameter("window", f"{window} periods is too few; use 1 or more (1: no smoothing)")
    Period(start, end).check_order()
    span = coverage(backend, selection)
    notes: list[str] = []
    first = start or (span[0] if span else date.today())
    last = end or (span[1] if span else date.today())
    if last < first:  # one bound given, beyond the data: a one-period range at that bound
        first, last = (first, first) if end is None else (last, last)
    range_start = periods.period_start(first, by)
    range_end = periods.period_end(periods.period_start(last, by), by)
    if (start and range_start != start) or (end and range_end != end):
        notes.append(f"range widened to whole {by}s: {range_start} to {range_end}")
    lookback = periods.previous_start(range_start, by, window - 1)
    values = aggregate(backend, selection, by, lookback, range_end, (metric,))
    all_starts = periods.starts(lookback, range_end, by)
    counts = [values[s][metric] if s in values else 0 for s in all_starts]
    data_start = periods.period_start(span[0], by) if span else range_end
    points, empty_means = [], 0
    for i in range(window - 1, len(all_starts)):
        begin = all_starts[i - window + 1]
        mean = sum(counts[i - window + 1 : i + 1]) / window if begin >= data_start else None
        empty_means += mean is None
        s = all_starts[i]
        points.append(Point(periods.label(s, by), s, periods.period_end(s, by), counts[i], mean))
    result = Series(selection, by, metric, window, range_start, range_end, points, [], span, notes)
    result.versions = versions(backend, selection, range_start, range_end)
    _add_notes(result, empty_means)
    return result


def aggregate(
    backend: Tables, selection: Selection, by: str, start: date, end: date, metrics: tuple[str, ...] = METRICS
) -> dict[date, dict[str, int]]:
    """Per period start: the metrics of the selected events dated in [start, end] (periods with none are absent)."""
    table = selected(backend, selection, start, end)
    period = table.date_start.truncate(periods.IBIS_UNITS[by]).cast("date")
    exprs = {"events": table.count(), "fatalities": table.fatalities_best.sum().fill_null(0)}
    rows = table.group_by(period=period).aggregate(**{m: exprs[m] for m in metrics}).to_pyarrow().to_pylist()
    return {r["period"]: {m: int(r[m]) for m in metrics} for r in rows}


def _add_notes(series: Series, empty_means: int) -> None:
    span, name = series.coverage, series.selection.dataset
    by = series.by
    if span and (
        series.start < periods.period_start(span[0], by)
        or series.end > periods.period_end(periods.period_start(span[1], by), by)
    ):
        series.notes.append(
            f"the {name} data held covers {span[0]} to {span[1]}; periods outside it count 0 for lack of data"
        )
    if series.total == 0:
        series.notes.append(f"no {series.metric} in this range for {series.selection.describe()}: the series is all 0")
    if empty_means:
        series.notes.append(
            f"the rolling mean is empty for the first {empty_means} {series.by}(s): its window starts before the data"
        )
