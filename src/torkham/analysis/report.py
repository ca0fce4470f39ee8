"""Plain-text and CSV renderings of series and signals (JSON comes from their to_json())."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

from torkham.analysis import periods
from torkham.analysis.series import Series

if TYPE_CHECKING:
    from torkham.analysis._typing import Record
    from torkham.analysis.signals import Signals


def series_title(result: Series) -> str:
    what = "events" if result.metric == "events" else "fatalities (best estimate)"
    span = f"{periods.label(result.start, result.by)} to {periods.label(result.points[-1].start, result.by)}"
    return f"{result.selection.describe()}: {what} per {result.by}, {span}"


def data_line(dataset: str, versions: list[str]) -> str:
    from torkham.analysis.selection import DATASETS

    info = DATASETS.get(dataset)
    shown = f"Data: {dataset} version {', '.join(versions) or '?'}"
    if info is None:
        return shown
    status = {"preliminary": " (preliminary)", "aggregate": " (country totals, not events)"}.get(info.status, "")
    return shown + f" — {info.name}{status}, {info.publisher}, licence {info.licence}"


UNKNOWN = "unknown"  # how a period no data covers is shown in text (null in JSON, empty in CSV)


def series_text(result: Series) -> str:
    value_head, mean_head = result.metric, f"mean of {result.window}"
    shown = [UNKNOWN if p.value is None else f"{p.value:,}" for p in result.points]
    width = max(len(value_head), *(len(v) for v in shown))
    lines = [series_title(result)]
    lines += [data_line(d, result.versions.get(d, [])) for d in result.datasets or result.selection.datasets]
    lines += ["", f"{'period':<10}  {value_head:>{width}}  {mean_head:>10}  basis"]
    for p, value in zip(result.points, shown, strict=True):
        mean = "" if p.rolling_mean is None else f"{p.rolling_mean:.2f}"
        lines.append(f"{p.period:<10}  {value:>{width}}  {mean:>10}  {p.basis or 'no data'}")
    if result.unknown == len(result.points):
        lines.append(f"{'total':<10}  {UNKNOWN:>{width}} (no data covers this range)")
    else:
        covered = f" (over the {len(result.points) - result.unknown} covered {result.by}s)" if result.unknown else ""
        lines.append(f"{'total':<10}  {result.total:>{width},}{covered}")
    lines.extend(f"note: {note}" for note in result.notes)
    return "\n".join(lines) + "\n"


def write_series_csv(result: Series, out: TextIO) -> None:
    """One row per period; a period no data covers has an empty value (unknown), never 0."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["period", "start", "end", result.metric, "rolling_mean", "window", "basis", "dataset", "version"])
    for p in result.points:
        mean = "" if p.rolling_mean is None else f"{p.rolling_mean:.4f}"
        value = "" if p.value is None else p.value
        version = ";".join(v for d in p.datasets for v in result.versions.get(d, []))
        writer.writerow(
            [p.period, p.start, p.end, value, mean, result.window, p.basis or "", ";".join(p.datasets), version]
        )


SECTIONS = (
    ("compare-4w", "This week against the previous 4 weeks"),
    ("compare-52w", "This week against the previous 52 weeks"),
    ("highest", "Record months"),
    ("change-point", "Change points (monthly events; ruptures, penalised Pelt)"),
    ("new-actor", "Newly active actors"),
)


def signals_text(result: Signals) -> str:
    start, end = result.week
    lines = [
        f"Signals for {result.selection.describe()}",
        result.as_of_note,
        data_line(result.selection.dataset, result.versions),
        f"This period: the week {start} to {end}; signals rest on at least {result.min_events} events or deaths",
    ]
    shown: set[str] = set()
    for kind, title in SECTIONS:
        found = [s for s in result.signals if s.kind == kind]
        lines += ["", f"{title}:"]
        if not found:
            lines.append("  none")
        for signal in found:
            lines.append(f"  {signal.summary}")
            lines.append(f"    events: {events_line(signal.events)}")
            query = signal.events["query"]
            if signal.events["count"]:
                lines.append(f"    list them: {'as above' if query in shown else query}")
                shown.add(query)
    if result.notes:
        lines.append("")
        lines.extend(f"note: {note}" for note in result.notes)
    return "\n".join(lines) + "\n"


def events_line(events: Record) -> str:
    count, ids = events["count"], events["ids"]
    if not count:
        return "none"
    shown = ", ".join(ids)
    return f"{count:,} ({shown})" if count == len(ids) else f"{count:,}, first {len(ids)}: {shown}, …"


def write_signals_csv(result: Signals, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["kind", "metric", "from", "to", "summary", "band", "value", "baseline_mean", "change_pct",
         "events", "event_ids", "query", "as_of", "dataset", "version"]
    )  # fmt: skip
    for s in result.signals:
        v = s.values
        value = v.get("this_period", v.get("value", v.get("after_mean", "")))
        writer.writerow(
            [s.kind, s.metric or "", s.start, s.end, s.summary, v.get("band", ""), value,
             _blank(v.get("baseline_mean", v.get("before_mean"))), _blank(v.get("change_pct")),
             s.events["count"], " ".join(s.events["ids"]), s.events["query"], result.as_of,
             result.selection.dataset, ";".join(result.versions)]
        )  # fmt: skip


def _blank(value: object) -> str:
    return "" if value is None else str(value)
