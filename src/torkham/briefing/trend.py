"""The headline trends of a briefing: events and deaths of each event dataset held, in the part of the
range that data covers, against the previous period of equal length — with the events behind each
number (count, first ids, the SQL listing them) and a chart of both periods (torkham.analysis)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from torkham.analysis import periods
from torkham.analysis.selection import DATASETS, Selection, coverage, events_behind, versions
from torkham.analysis.series import aggregate
from torkham.analysis.signals import TOO_SMALL, band
from torkham.briefing.cite import Citations

MIN_EVENTS = 5  # below this on both sides, a change says nothing
DIRECTIONS = {  # band of the change → what it means for the situation, and its arrow
    "large increase": ("deteriorated", "↑"),
    "moderate increase": ("deteriorated", "↑"),
    "stable": ("unchanged", "→"),
    "moderate decrease": ("improved", "↓"),
    "large decrease": ("improved", "↓"),
    TOO_SMALL: ("too few to tell", "·"),
}
NOT_ASSESSED = ("not assessed", "–")
METRIC_WORDS = {"events": "events", "fatalities": "deaths (best estimate)"}


def previous_window(start: date, end: date) -> tuple[date, date, str]:
    """The period of equal length just before [start, end]: whole months when the range is whole months."""
    if start.day == 1 and end == periods.period_end(periods.period_start(end, "month"), "month"):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        return periods.previous_start(start, "month", months), start - timedelta(days=1), f"{months} month(s)"
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1), f"{days} day(s)"


def months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def dataset_trend(backend, selection: Selection, start: date, end: date, cites: Citations) -> dict:
    """Events and deaths of one dataset in [start, end] ∩ its coverage against the period before."""
    info = DATASETS.get(selection.dataset)
    name = info.name if info else selection.dataset
    span = coverage(backend, selection)
    out: dict = {"dataset": selection.dataset, "name": name, "selection": selection.describe(), "notes": [],
                 "metrics": [], "coverage": [d.isoformat() for d in span] if span else None, "charts": [],
                 "verdict": NOT_ASSESSED[0], "arrow": NOT_ASSESSED[1], "covers_range": False}  # fmt: skip
    out["versions"] = versions(backend, selection, start, end)
    if span is None:
        out["notes"].append(f"The {name} data held has no events for {selection.describe()}.")
        return out
    first, last = max(start, span[0]), min(end, span[1])
    held = f"The {name} data held ({', '.join(out['versions'])}) covers {span[0]} to {span[1]}"
    if first > last:
        out["notes"].append(f"{held}: none of {start} to {end}. No trend can be given from it.")
        return out
    out["current"] = [first.isoformat(), last.isoformat()]
    out["covers_range"] = (first, last) == (start, end)
    if not out["covers_range"]:
        out["share"] = _share(first, last, start, end)
        out["notes"].append(
            f"{held}: only {first} to {last} of this range ({out['share']}). The trend compares "
            "that covered part with the period of equal length before it; nothing outside it is counted."
        )
    before_first, before_last, length = previous_window(first, last)
    out["previous"] = [before_first.isoformat(), before_last.isoformat()]
    out["length"] = length
    now = _counts(backend, selection, first, last)
    earlier = _counts(backend, selection, before_first, before_last) if before_first >= span[0] else None
    if earlier is None:
        out["notes"].append(
            f"The previous {length} ({before_first} to {before_last}) begin before the {name} data "
            f"({span[0]}): no comparison."
        )
    now_cite = _cite(backend, selection, first, last, out["versions"], cites)
    before_cite = (
        None if earlier is None else _cite(backend, selection, before_first, before_last, out["versions"], cites)
    )
    for metric in ("events", "fatalities"):
        row: dict[str, str | int | float | None] = {"metric": metric, "label": METRIC_WORDS[metric], "current": now[metric], "cite": now_cite,
               "previous": None, "previous_cite": before_cite, "change_pct": None, "band": None}  # fmt: skip
        row["direction"], row["arrow"] = NOT_ASSESSED
        if earlier is not None:
            row["previous"] = earlier[metric]
            change, label = band(now[metric], Fraction(earlier[metric]))
            if max(now[metric], earlier[metric]) < MIN_EVENTS:
                label = TOO_SMALL
            row["band"] = label
            row["change_pct"] = None if change is None else round(float(change), 1)
            row["direction"], row["arrow"] = DIRECTIONS[label]
        out["metrics"].append(row)
    out["verdict"], out["arrow"] = overall([r["direction"] for r in out["metrics"]])
    chart_first = before_first if earlier is not None else first
    out["charts"] = [_chart(backend, selection, chart_first, last, metric) for metric in ("events", "fatalities")]
    return out


def overall(directions: list[str]) -> tuple[str, str]:
    """One verdict from the metrics': a change wins over 'unchanged'; opposite changes are 'mixed'."""
    changed = {d for d in directions if d in ("deteriorated", "improved")}
    if len(changed) == 2:
        return "mixed", "↕"
    if changed:
        verdict = changed.pop()
        return verdict, "↑" if verdict == "deteriorated" else "↓"
    if "unchanged" in directions:
        return "unchanged", "→"
    if "too few to tell" in directions:
        return "too few to tell", "·"
    return NOT_ASSESSED


def _share(first: date, last: date, start: date, end: date) -> str:
    if first.day == 1 and start.day == 1:
        return f"{months_between(first, last)} of its {months_between(start, end)} months"
    return f"{(last - first).days + 1} of its {(end - start).days + 1} days"


def _counts(backend, selection: Selection, first: date, last: date) -> dict[str, int]:
    found = aggregate(backend, selection, "year", first, last)
    return {m: sum(v[m] for v in found.values()) for m in ("events", "fatalities")}


def _cite(backend, selection, first: date, last: date, held: list[str], cites: Citations) -> int:
    behind = events_behind(backend, selection, first, last)
    what = f"events of {selection.describe()} dated {first} to {last}"
    return cites.query(selection.dataset, held, what, behind["query"], behind["ids"], behind["count"])


def _chart(backend, selection: Selection, first: date, last: date, metric: str) -> dict:
    import base64
    import tempfile
    from pathlib import Path

    from torkham.analysis.charts import draw_series
    from torkham.analysis.report import series_title
    from torkham.analysis.series import compute_series

    result = compute_series(backend, selection, "month", metric, first, last, window=3)
    with tempfile.TemporaryDirectory(prefix="torkham-brief-") as folder:
        path = Path(folder) / "chart.svg"
        draw_series(result, path)
        svg = path.read_bytes()
    return {
        "title": series_title(result),
        "metric": metric,
        "uri": "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"),
        "source": result.source_line,
        "notes": result.notes,
        "total": result.total,
    }
