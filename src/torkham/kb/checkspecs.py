"""Checks of the claim-check records (kind `checks`) across their fields and against other records:
what each comparator needs, metric and dataset of one family, filters, periods and windows, the ids
in `about`, and that every figure counting people or attacks has a check or a stated reason."""

from __future__ import annotations

import calendar
import difflib
import re
from datetime import date

from torkham.kb.loader import KnowledgeBase, Record
from torkham.kb.schema import CHECK_FILTERS
from torkham.model.dates import DateError, PartialDate, parse_partial_date
from torkham.model.vocabulary import Vocabulary

ISO3 = re.compile(r"^[A-Z]{3}$")
COVERED_UNITS = ("person", "attack")  # figures of these units need a check or a stated reason
ONLY_FOR = {  # optional fields and the comparators that use them
    "tolerance": ("equals",),
    "strict": ("at_least", "at_most"),
    "window": ("highest_in",),
    "min_size": ("highest_in",),
    "baseline": ("rose", "fell"),
    "min_change": ("rose", "fell"),
}
SPEC_FIELDS = (
    "metric",
    "dataset",
    "filters",
    "period",
    "aggregate",
    "comparator",
    "value",
    "basis",
    "against",
    *ONLY_FOR,
)
BASES = ("auto", "events", "aggregate", "candidate")  # the data an event check may read (datasets/catalog.yaml)


def check_specs(kb: KnowledgeBase, vocab: Vocabulary) -> None:
    """Append the problems of every check record, then the figures left without a check."""
    checks = kb.of("checks")
    ids = kb.by_id()
    for record in checks:
        problems = _about(record, ids)
        if record.get("checkable", True) is False:
            problems += _not_checkable(record)
        else:
            problems += _checkable(record, ids, vocab)
        kb.problems.extend(problems)
    if checks:
        _coverage(kb, checks)


def _label(record: Record) -> str:
    return f"check '{record.id}'"


def _about(record: Record, ids: dict[str, Record]) -> list[str]:
    value = record.get("about")
    targets = value if isinstance(value, list) else [value]
    problems = []
    known = [r.id for r in ids.values() if r.kind in ("figures", "claims")]
    for target in targets:
        if not isinstance(target, str):
            continue
        found = ids.get(target)
        if found is not None and found.kind in ("figures", "claims"):
            continue
        if found is None:
            close = difflib.get_close_matches(target, known, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else "; give the id of a figure or claim"
            problems.append(
                f"{record.where('about')}: about: unknown figure or claim '{target}' (dangling reference){hint}"
            )
        else:
            noun = found.kind[:-1] if found.kind != "ambiguities" else "ambiguity"
            article = "an" if noun[0] in "aeiou" else "a"
            problems.append(
                f"{record.where('about')}: about: '{target}' is {article} {noun}, not a figure or claim; a check is about a figure or a claim"
            )
    return problems


def _not_checkable(record: Record) -> list[str]:
    problems = []
    if "reason" not in record.data:
        problems.append(
            f"{record.where('checkable')}: {_label(record)} has checkable: false: give the reason it cannot be checked (reason: …)"
        )
    extra = [key for key in SPEC_FIELDS if key in record.data]
    if extra:
        problems.append(
            f"{record.where(extra[0])}: {_label(record)} has checkable: false but also {', '.join(extra)}; remove them or drop checkable: false"
        )
    return problems


def _checkable(record: Record, ids: dict[str, Record], vocab: Vocabulary) -> list[str]:
    label = _label(record)
    problems = []
    if "reason" in record.data:
        problems.append(
            f"{record.where('reason')}: {label}: reason is for checkable: false; a checkable check states its caveats instead"
        )
    missing = [key for key in ("metric", "dataset", "period", "comparator") if key not in record.data]
    for key in missing:
        problems.append(f"{record.where()}: {label} has no {key} (or set checkable: false and give the reason)")
    metric, dataset = record.get("metric"), record.get("dataset")
    metrics, datasets = vocab["check_metrics"], vocab["check_datasets"]
    family = datasets[dataset]["family"] if dataset in datasets else None
    if metric in metrics and family and dataset not in metrics[metric]["datasets"]:
        problems.append(
            f"{record.where('dataset')}: {label}: metric '{metric}' is not in dataset '{dataset}'; "
            f"datasets holding it: {', '.join(metrics[metric]['datasets'])}"
        )
    if family == "events" and record.get("aggregate", "sum") != "sum":
        problems.append(f"{record.where('aggregate')}: {label}: events are counted over the period: aggregate is sum")
    period = _dates(record, "period")
    if family == "refugees" and record.get("comparator") == "highest_in" and period and _unit(period) != "year":
        problems.append(f"{record.where('period')}: {label}: the UNHCR tables are yearly: highest_in compares one year")
    problems += _filters(record, family, ids)
    problems += _basis(record, family)
    problems += _against(record, family, ids)
    problems += _period(record, "period")
    problems += _comparator(record, vocab)
    return problems


def _filters(record: Record, family: str | None, ids: dict[str, Record]) -> list[str]:
    filters = record.get("filters")
    if not isinstance(filters, dict) or family is None:
        return []
    label, problems = _label(record), []
    allowed = CHECK_FILTERS.get(family, ())
    for key, value in filters.items():
        where = (
            f"{record.file}:{filters.line_of(key) if hasattr(filters, 'line_of') else record.data.line_of('filters')}"
        )
        if key not in allowed:
            problems.append(
                f"{where}: {label}: unknown filter '{key}' for {record.get('dataset')} ({family} data); known: {', '.join(allowed)}"
            )
        elif key == "actor":
            found = ids.get(value) if isinstance(value, str) else None
            if found is None or found.kind != "actors":
                actors = [r.id for r in ids.values() if r.kind == "actors"]
                close = difflib.get_close_matches(str(value), actors, n=3)
                hint = f"; did you mean {', '.join(close)}?" if close else "; give an actor id"
                problems.append(f"{where}: {label}: filters: unknown actor '{value}' (dangling reference){hint}")
        elif key in ("country", "origin", "asylum"):
            if not isinstance(value, str) or not ISO3.match(value):
                problems.append(f"{where}: {label}: filters: {key} '{value}' must be an ISO3 code such as PAK")
        elif not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: {label}: filters: {key} must be text (the dataset's own value)")
    return problems


def _basis(record: Record, family: str | None) -> list[str]:
    """`basis`: the data an event check may read — auto (its dataset's family, through coverage), events
    (final events), aggregate (country totals: deaths in a country, never an actor's, a province's or a
    count of events) or candidate (preliminary events, named as such in the verdict)."""
    if "basis" not in record.data:
        return []
    basis, label, where = record.get("basis"), _label(record), record.where("basis")
    if basis not in BASES:
        return [f"{where}: {label}: basis '{basis}' is not one of {', '.join(BASES)}"]
    if family is not None and family != "events":
        return [f"{where}: {label}: basis is for event checks; {record.get('dataset')} is {family} data"]
    if basis != "aggregate":
        return []
    value = record.get("filters")
    filters: dict[object, object] = value if isinstance(value, dict) else {}
    why = [f"filters: {key}" for key in ("actor", "admin1", "event_type") if key in filters]
    if record.get("metric") == "events":
        why.append("metric: events")
    if why:
        return [
            f"{where}: {label}: basis aggregate (country totals of deaths) cannot answer {', '.join(why)}; "
            "country totals hold deaths per country and month only"
        ]
    if "country" not in filters:
        return [f"{where}: {label}: basis aggregate needs filters: {{country: ISO3}} (totals are per country)"]
    return []


def _against(record: Record, family: str | None, ids: dict[str, Record]) -> list[str]:
    """`against`: the figures a figure check sets against the stated one (family figures only)."""
    label, where = _label(record), record.where("against" if "against" in record.data else None)
    value = record.get("against")
    if family != "figures":
        return [f"{where}: {label}: against is for figure checks (a dataset of family figures)"] if value else []
    if not value:
        return [f"{where}: {label}: a figure check needs against: the ids of the figures set against the stated one"]
    problems = []
    about = record.get("about")
    targets = about if isinstance(about, list) else [about]
    for target in value if isinstance(value, list) else [value]:
        found = ids.get(target) if isinstance(target, str) else None
        if found is None or found.kind != "figures":
            continue  # a dangling reference: reported by the reference check (refs:figures), with file:line
        if target in targets:
            problems.append(
                f"{where}: {label}: against: '{target}' is also in about; a figure is not set against itself"
            )
    first = ids.get(targets[0]) if targets and isinstance(targets[0], str) else None
    if first is not None and first.kind != "figures":
        problems.append(f"{record.where('about')}: {label}: a figure check is about a figure first (the stated value)")
    if record.get("aggregate", "last") not in ("last", "max"):
        problems.append(
            f"{record.where('aggregate')}: {label}: figures of several sources are never summed: aggregate is last or max"
        )
    if record.get("filters"):
        problems.append(
            f"{record.where('filters')}: {label}: a figure check takes no filters (the figures say what they count)"
        )
    return problems


def _dates(record: Record, key: str) -> tuple[PartialDate, PartialDate] | None:
    value = record.get(key)
    if not isinstance(value, dict) or set(value) != {"from", "to"}:
        return None
    try:
        return parse_partial_date(value["from"]), parse_partial_date(value["to"])
    except DateError:
        return None  # reported by the field check


def _period(record: Record, key: str) -> list[str]:
    value = record.get(key)
    if isinstance(value, dict) and set(value) != {"from", "to"} and "as_of" in value:
        return [f"{record.where(key)}: {_label(record)}: {key} needs from and to (partial dates), not as_of"]
    if isinstance(value, dict) and set(value) != {"from", "to"}:
        return [f"{record.where(key)}: {_label(record)}: {key} needs both from and to (partial dates)"]
    return []


def _comparator(record: Record, vocab: Vocabulary) -> list[str]:
    comparator = record.get("comparator")
    if comparator not in vocab["check_comparators"]:
        return []
    label, problems = _label(record), []
    for need in vocab["check_comparators"][comparator]["needs"]:
        if record.get(need) is None:
            hint = {
                "value": "value: the number stated",
                "tolerance": "tolerance: {absolute: N} or {relative: 0.1}",
                "window": "window: {months: N}, {years: N} or {since: DATE}",
                "baseline": 'baseline: {from: "YYYY-MM", to: "YYYY-MM"}',
            }[need]
            problems.append(f"{record.where('comparator')}: {label}: comparator {comparator} needs {hint}")
    for key, users in ONLY_FOR.items():
        if key in record.data and comparator not in users:
            problems.append(f"{record.where(key)}: {label}: {key} is not used by comparator {comparator}; remove it")
    if comparator == "equals" and isinstance(record.get("tolerance"), dict):
        problems += _tolerance(record)
    if comparator == "highest_in" and isinstance(record.get("window"), dict):
        problems += _window(record)
    if comparator in ("rose", "fell") and "baseline" in record.data:
        problems += _period(record, "baseline")
    min_size = record.get("min_size")
    if isinstance(min_size, int) and min_size < 1:
        problems.append(f"{record.where('min_size')}: {label}: min_size must be 1 or more")
    return problems


def _tolerance(record: Record) -> list[str]:
    tolerance = record.get("tolerance")
    where = record.where("tolerance")
    if not isinstance(tolerance, dict):
        return []  # the caller checks only a mapping
    if len(tolerance) != 1 or next(iter(tolerance)) not in ("absolute", "relative"):
        return [
            f"{where}: {_label(record)}: tolerance is {{absolute: N}} or {{relative: F}} (F a fraction such as 0.1)"
        ]
    kind, amount = next(iter(tolerance.items()))
    if not isinstance(amount, (int, float)) or isinstance(amount, bool) or amount < 0:
        return [f"{where}: {_label(record)}: tolerance {kind} must be a number of 0 or more"]
    if kind == "relative" and amount >= 1:
        return [f"{where}: {_label(record)}: tolerance relative is a fraction of value below 1 (0.1 for 10%)"]
    return []


def _window(record: Record) -> list[str]:
    window, label, where = record.get("window"), _label(record), record.where("window")
    if not isinstance(window, dict):
        return []  # the caller checks only a mapping
    if len(window) != 1 or next(iter(window)) not in ("months", "years", "since"):
        return [f"{where}: {label}: window is {{months: N}}, {{years: N}} or {{since: DATE}}"]
    kind, amount = next(iter(window.items()))
    period = _dates(record, "period")
    unit = _unit(period) if period else None
    if period and unit is None:
        return [
            f"{record.where('period')}: {label}: highest_in compares one month or one year; "
            f"period {period[0]} to {period[1]} is neither"
        ]
    if kind == "since":
        try:
            since = parse_partial_date(amount)
        except DateError as exc:
            return [f"{where}: {label}: window since: {exc}"]
        if period and since.first_day >= period[0].first_day:
            return [f"{where}: {label}: window since {since} must be before the period ({period[0]})"]
        return []
    if not isinstance(amount, int) or isinstance(amount, bool) or amount < 2:
        return [f"{where}: {label}: window {kind} must be a whole number from 2 (the period included)"]
    if kind == "months" and unit == "year":
        return [f"{where}: {label}: the period is a year: give the window in years"]
    return []


def _unit(period: tuple[PartialDate, PartialDate]) -> str | None:
    return period_unit(period[0].first_day, period[1].last_day)


def period_unit(first: date, last: date) -> str | None:
    """'year' or 'month' when [first, last] is exactly one calendar year or month, else None."""
    if first == date(first.year, 1, 1) and last == date(first.year, 12, 31):
        return "year"
    month_end = date(last.year, last.month, calendar.monthrange(last.year, last.month)[1])
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) and last == month_end:
        return "month"
    return None


def _coverage(kb: KnowledgeBase, checks: list[Record]) -> None:
    """Figures of people or attacks need a check — in the sources whose figures have checks at all, so
    that a report ingested beside a checked paper is not held to the paper's standard."""
    covered: set[str] = set()
    for record in checks:
        about = record.get("about")
        covered.update(a for a in (about if isinstance(about, list) else [about]) if isinstance(a, str))
    ids = kb.by_id()
    checked_sources = {ids[a].get("source") for a in covered if a in ids}
    for figure in kb.curated("figures"):
        if figure.get("source") not in checked_sources:
            continue
        if figure.get("unit") in COVERED_UNITS and figure.id not in covered:
            kb.problems.append(
                f"{figure.where()}: figure '{figure.id}' (unit {figure.get('unit')}) has no check: add a check about it "
                "to a checks file, or one with checkable: false and the reason"
            )
