"""Escalation signals as of a day: this week against the previous 4 and 52 weeks (ACLED-style bands),
record months ("highest in N months"), change points of the monthly series, newly active actors.
Every signal carries the events behind it: their count, the first ids and a SQL query listing them."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from functools import partial
from typing import TYPE_CHECKING, TypeAlias

from torkham.analysis import periods
from torkham.analysis.changepoints import change_points
from torkham.analysis.selection import Selection, coverage, selected, versions
from torkham.analysis.series import METRICS, aggregate
from torkham.analysis.signal_records import Signal, Signals

if TYPE_CHECKING:
    from torkham.analysis._typing import Record
    from torkham.analysis.selection import Tables

LARGE, MODERATE = Fraction(25), Fraction(10)  # percent: > +25 large, +10..+25 moderate; the same downwards
TOO_SMALL = "below minimum"
BASELINES = (4, 52)  # weeks compared with this week
RECENT_MONTHS = 12  # a change point this close to the as-of day is flagged recent

Monthly: TypeAlias = list[tuple[date, dict[str, int]]]  # each month's start and its metrics, oldest first


def band(current: int, baseline: Fraction) -> tuple[Fraction | None, str]:
    """Percent change of `current` against the `baseline` mean, and its band. Edges: exactly +25% is a
    moderate increase, exactly +10% too; exactly -10% and -25% are moderate decreases."""
    if baseline == 0:
        return (None, "large increase") if current > 0 else (Fraction(0), "stable")
    change = (current - baseline) * 100 / baseline
    if change > LARGE:
        return change, "large increase"
    if change >= MODERATE:
        return change, "moderate increase"
    if change < -LARGE:
        return change, "large decrease"
    if change <= -MODERATE:
        return change, "moderate decrease"
    return change, "stable"


def compute_signals(
    backend: Tables,
    selection: Selection,
    as_of: date | None = None,
    min_events: int = 5,
    gap_days: int = 365,
    record_months: int = 12,
) -> Signals:
    from torkham.analysis.newactors import new_actor_signals

    span = coverage(backend, selection)
    if as_of is None:
        as_of = span[1] if span else date.today()
        note = f"as of {as_of}: the last day the {selection.dataset} data held covers (--as-of picks another day)"
    else:
        note = f"as of {as_of} (--as-of)"
    result = Signals(selection, as_of, note, [], span, min_events, gap_days, record_months)
    result.versions = versions(backend, selection, span[0] if span else None, as_of)
    if span and as_of > span[1]:
        result.notes.append(
            f"the {selection.dataset} data held covers to {span[1]}, before {as_of}: no signal is computed where "
            "no data covers (a week without data is unknown, not calm)"
        )
        return result
    if not span or as_of < span[0]:
        result.notes.append(f"no {selection.dataset} data before {as_of}: nothing to compare")
        return result
    result.signals += _comparisons(backend, result, span)
    monthly = _monthly(backend, selection, span[0], as_of)
    result.signals += _highest(backend, result, monthly, record_months)
    result.signals += _change_points(backend, result, monthly)
    result.signals += new_actor_signals(backend, result, span, gap_days)
    return result


def _comparisons(backend: Tables, result: Signals, span: tuple[date, date]) -> list[Signal]:
    import ibis

    as_of, selection = result.as_of, result.selection
    weeks = max(BASELINES) + 1
    table = selected(backend, selection, as_of - timedelta(days=7 * weeks - 1), as_of)
    back = ibis.date(as_of).delta(table.date_start, unit="day") // 7
    rows = (
        table.group_by(back=back)
        .aggregate(events=table.count(), fatalities=table.fatalities_best.sum().fill_null(0))
        .to_pyarrow()
        .to_pylist()
    )
    by_week = {int(r["back"]): r for r in rows}
    start, end = result.week
    behind = result.behind(backend, start, end)
    out = []
    for metric in METRICS:
        current = int(by_week.get(0, {}).get(metric) or 0)
        for size in BASELINES:
            held = [k for k in range(1, size + 1) if as_of - timedelta(days=7 * k) >= span[0]]  # data by its end
            total = sum(int(by_week.get(k, {}).get(metric) or 0) for k in held)
            out.append(_comparison(metric, size, current, held, total, result, behind))
    return out


def _comparison(
    metric: str, size: int, current: int, held: list[int], total: int, result: Signals, behind: Record
) -> Signal:
    start, end = result.week
    values: Record = {"this_period": current, "baseline_weeks": len(held)}
    if not held:
        summary = f"{metric} in the week {start} to {end}: {current}; no earlier week of data to compare with"
        values.update(baseline_mean=None, change_pct=None, band="no baseline")
        return Signal(f"compare-{size}w", metric, start, end, summary, values, behind)
    mean = Fraction(total, len(held))
    change, label = band(current, mean)
    if max(Fraction(current), mean) < result.min_events:
        label = TOO_SMALL
    shown = "new" if change is None else f"{float(change):+.1f}%"
    summary = (
        f"{metric} in the week {start} to {end}: {current} against {float(mean):.2f} a week over the previous "
        f"{len(held)} weeks: {shown}, {label}"
    )
    if label == TOO_SMALL:
        summary += f" (fewer than {result.min_events} on both sides)"
    values.update(
        baseline_mean=round(float(mean), 4),
        change_pct=None if change is None else round(float(change), 2),
        band=label,
    )
    return Signal(f"compare-{size}w", metric, start, end, summary, values, behind)


def _monthly(backend: Tables, selection: Selection, first: date, as_of: date) -> Monthly:
    found = aggregate(backend, selection, "month", periods.period_start(first, "month"), as_of)
    zero: dict[str, int] = dict.fromkeys(METRICS, 0)
    return [(m, found.get(m, zero)) for m in periods.starts(first, as_of, "month")]


def _highest(backend: Tables, result: Signals, monthly: Monthly, record_months: int) -> list[Signal]:
    month, current = monthly[-1]
    start, end = month, result.as_of
    in_progress = end != periods.period_end(month, "month")
    out = []
    for metric in METRICS:
        value = current[metric]
        lower = 0
        for _, earlier in reversed(monthly[:-1]):
            if earlier[metric] >= value:
                break
            lower += 1
        span = lower + 1
        since_start = lower == len(monthly) - 1
        if value < max(result.min_events, 1) or span < record_months:
            result.notes.append(
                f"{metric} in {periods.label(month, 'month')}{' to ' + str(end) if in_progress else ''}: {value:,}, "
                f"highest in {span} month(s): no record (that needs {record_months}+ months and a value of {max(result.min_events, 1)}+)"
            )
            continue
        if since_start:
            where = f"since the data began ({periods.label(monthly[0][0], 'month')})"
        else:
            previous = monthly[-lower - 2]
            where = f"since {periods.label(previous[0], 'month')} ({previous[1][metric]:,})"
        summary = f"{metric} in {periods.label(month, 'month')}: {value:,}, the highest in {span} months, {where}"
        if in_progress:
            summary += f" (month to {end})"
        values = {"value": value, "months": span, "since_data_began": since_start}
        out.append(Signal("highest", metric, start, end, summary, values, result.behind(backend, start, end)))
    return out


def _change_points(backend: Tables, result: Signals, monthly: Monthly) -> list[Signal]:
    if result.as_of != periods.period_end(monthly[-1][0], "month"):
        monthly = monthly[:-1]  # a month in progress would look like a fall
    counts = [m[1]["events"] for m in monthly]
    cuts = change_points(counts)
    bounds = [0, *cuts, len(counts)]
    out = []
    for i, cut in enumerate(cuts):
        before, after = counts[bounds[i] : cut], counts[cut : bounds[i + 2]]
        mean_before, mean_after = sum(before) / len(before), sum(after) / len(after)
        start, end = monthly[cut][0], periods.period_end(monthly[bounds[i + 2] - 1][0], "month")
        months_ago = (result.as_of.year - start.year) * 12 + result.as_of.month - start.month
        direction = "up" if mean_after > mean_before else "down"
        label = partial(_month_label, monthly)
        summary = (
            f"change point {label(cut)}: events per month {direction} from {mean_before:.1f} "
            f"({label(bounds[i])} to {label(cut - 1)}) to {mean_after:.1f} ({label(cut)} to {label(bounds[i + 2] - 1)})"
        )
        values = {
            "before_mean": round(mean_before, 3),
            "after_mean": round(mean_after, 3),
            "direction": direction,
            "months_before_as_of": months_ago,
            "recent": months_ago < RECENT_MONTHS,
        }
        behind = result.behind(backend, start, end)
        out.append(Signal("change-point", "events", start, end, summary, values, behind))
    if not cuts:
        result.notes.append(f"no change point in the {len(counts)} monthly event counts")
    return out


def _month_label(monthly: Monthly, index: int) -> str:
    return periods.label(monthly[index][0], "month")
