"""Event checks read through coverage: when the check's own dataset does not cover what the check
reads (its period, window or baseline) for its country, the other datasets of its family answer — the
first one whose coverage holds the whole range, so that one comparison never mixes datasets, versions or
definitions. Values come from `compute_series`, which gives None — unknown, never 0 — for a period no
data covers. Country totals (basis aggregate) answer only a country-level question of deaths; candidate
events are preliminary and said so. When nothing covers, the reason cites the coverage sentences."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from torkham.analysis import periods
from torkham.analysis.selection import DATASETS, Selection, held_datasets, listing_sql
from torkham.evidence.check_spec import NOT_COVERED, CheckSpec, Measurement, period_text

if TYPE_CHECKING:
    from torkham.analysis._typing import Record
    from torkham.analysis.selection import Tables

BASES = ("auto", "events", "aggregate", "candidate")
ACTOR_TOTALS = "cannot be decided: only country totals cover {period}, and they cannot be filtered by actor"


def read_basis(spec: CheckSpec) -> str:
    """The basis the check may read: `basis` of the record (auto when not given)."""
    return spec.basis if spec.basis in BASES else "auto"


def family_chain(backend: Tables, spec: CheckSpec) -> tuple[tuple[str, ...], list[str]]:
    """The datasets of the check's family held, in precedence order, that may answer it, and why the
    country totals may not (an actor, a province or an event type, or a count of events)."""
    from torkham.datasets.catalog import family

    assert spec.dataset is not None  # a checkable spec
    held = set(held_datasets(backend))
    chain = tuple(d.id for d in family(spec.dataset) if d.id in held) or (spec.dataset,)
    basis = read_basis(spec)
    if basis != "auto":
        chain = tuple(d for d in chain if d in DATASETS and DATASETS[d].basis == basis)
    why_not: list[str] = []
    if any(d in DATASETS and DATASETS[d].is_aggregate for d in chain):
        if spec.filters.get("actor"):
            why_not.append("actor")
        if spec.filters.get("admin1") or spec.filters.get("event_type"):
            why_not.append("place")
        if spec.metric == "events":
            why_not.append("events")
        if why_not:
            chain = tuple(d for d in chain if not (d in DATASETS and DATASETS[d].is_aggregate))
    return chain, why_not


def grain(spec: CheckSpec, first: date, last: date) -> str | None:
    """'year' when the period, window and baseline are whole years; 'month' when whole months; else None."""
    assert spec.start is not None and spec.end is not None  # a checkable spec
    bounds = [(spec.start, spec.end), (first, last)] + ([spec.baseline] if spec.baseline else [])
    for unit in ("year", "month"):
        if all(a == periods.period_start(a, unit) and b == _end(b, unit) for a, b in bounds):
            return unit
    return None


def _end(day: date, unit: str) -> date:
    return periods.period_end(periods.period_start(day, unit), unit)


def measure_chain(
    backend: Tables, spec: CheckSpec, selection: Selection, first: date, last: date, own: Measurement
) -> Measurement | None:
    """The check measured from the first dataset of its family that covers [first, last] for its
    country; a Measurement without value (the coverage sentences as reason) when none does; None when
    the family has nothing to add to `own` (the check's own dataset measurement)."""
    from torkham.analysis.coverage import read_coverage

    assert spec.start is not None and spec.end is not None  # a checkable spec
    chain, why_not = family_chain(backend, spec)
    # The whole family, whatever `basis` allows, so that the sentences say why the others do not answer.
    full, _ = family_chain(backend, replace(spec, filters={}, metric="fatalities", basis="auto"))
    if len(full) < 2 and read_basis(spec) == "auto":
        return None  # no family to read through
    coverage = read_coverage(backend).of(full, selection.country)
    keys = list(coverage.countries())
    unit = grain(spec, first, last)

    def covers(dataset: str) -> bool:
        return bool(keys) and all(coverage.covering(dataset, k, first, last) for k in keys)

    answering = next((d for d in chain if covers(d)), None)
    sentences = coverage.sentences(first, last)
    evidence: Record = dict(own.evidence) | {
        "chain": list(chain),
        "coverage": sentences,
        "read_through": (
            f"the {' → '.join(full)} family; the first dataset whose coverage holds the whole of "
            f"{period_text(first, last)} answers, one dataset for the whole comparison"
        ),
    }
    if answering is None or unit is None:
        reasons = [_not_covered(spec, selection, first, last, sentences, unit)]
        totals = [d for d in full if d in DATASETS and DATASETS[d].is_aggregate and d not in chain]
        if "actor" in why_not and any(covers(d) for d in totals):
            reasons.append(ACTOR_TOTALS.format(period=period_text(first, last)))
        elif why_not and any(covers(d) for d in totals):
            what = {"place": "a province or an event type", "events": "events (they hold deaths only)"}
            reasons.append(
                f"cannot be decided: only country totals cover {period_text(first, last)}, and they cannot count "
                + " or ".join(what[w] for w in why_not if w in what)
            )
        evidence["value"] = None
        return Measurement(None, reasons, evidence)
    return _measured(backend, spec, selection, answering, unit, first, last, sentences, evidence)


def _not_covered(
    spec: CheckSpec, selection: Selection, first: date, last: date, sentences: list[str], unit: str | None
) -> str:
    where = f" in {selection.country.typed}" if selection.country else ""
    text = f"{NOT_COVERED}: no dataset held covers the whole of {period_text(first, last)}{where}"
    if sentences:
        text += ": " + "; ".join(sentences)
    if unit is None:
        text += " (a check read through coverage needs whole months or years)"
    return text


def _measured(
    backend: Tables,
    spec: CheckSpec,
    selection: Selection,
    dataset: str,
    unit: str,
    first: date,
    last: date,
    sentences: list[str],
    evidence: Record,
) -> Measurement:
    from torkham.analysis.series import compute_series

    assert spec.start is not None and spec.end is not None and spec.metric is not None  # a checkable spec
    info = DATASETS.get(dataset)
    chosen = replace(selection, dataset=dataset, chain=(dataset,))
    series = compute_series(backend, chosen, by=unit, metric=spec.metric, start=first, end=last, window=1)
    points = [p for p in series.points if first <= p.start and p.end <= last]
    reasons: list[str] = []
    if any(p.value is None for p in points):  # covered as a whole, so this should not happen; never a zero
        missing = ", ".join(p.period for p in points if p.value is None)
        reasons.append(f"{NOT_COVERED}: no value for {missing}: " + "; ".join(sentences))

    def total(a: date, b: date) -> int | None:
        chosen_points = [p.value for p in points if a <= p.start and p.end <= b]
        if not chosen_points or any(v is None for v in chosen_points):
            return None
        return sum(v for v in chosen_points if v is not None)

    value = total(spec.start, spec.end)
    preliminary = bool(info and info.is_preliminary)
    evidence |= {
        "dataset": dataset,
        "basis": info.basis if info else "events",
        "status": info.status if info else "final",
        "preliminary": preliminary,
        "versions": series.versions.get(dataset, []),
        "data_covers": [d.isoformat() for d in b] if (b := series.coverage.bounds()) else None,
        "licence": info.licence if info else None,
        "value": value if not reasons else None,
        "periods": [
            {"period": p.period, "value": p.value, "basis": p.basis, "datasets": list(p.datasets)} for p in points
        ],
        "query": {
            "description": _describe(spec, chosen, dataset, unit, first, last),
            "sql": _sql(chosen, dataset, unit, spec.metric, first, last),
            "listing": _listing(chosen, dataset, first, last),
        },
    }
    evidence.pop("events", None)  # the own dataset's events: the values now come from `periods`
    result = Measurement(value if not reasons else None, reasons, evidence)
    if spec.comparator == "highest_in":
        window = [(p.period, p.value) for p in points if p.end < spec.start]
        result.others = [(label, v) for label, v in window if v is not None]
        values = [*window, (periods.label(spec.start, unit), value)]
        evidence["window"] = {
            "unit": unit,
            "from": first.isoformat(),
            "to": spec.end.isoformat(),
            "values": [{"period": label, "value": v} for label, v in values],
        }
    elif spec.comparator in ("rose", "fell") and spec.baseline:
        start, end = spec.baseline
        result.baseline = total(start, end)
        result.months = (_months(spec.start, spec.end), _months(start, end))
        evidence["baseline"] = {"from": start.isoformat(), "to": end.isoformat(), "value": result.baseline}
    return result


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _describe(spec: CheckSpec, selection: Selection, dataset: str, unit: str, first: date, last: date) -> str:
    info = DATASETS.get(dataset)
    name = info.name if info else dataset
    if info is not None and info.is_aggregate:
        what = f"{name}: deaths of all types of organised violence per {unit} (country totals, not events)"
    else:
        what = (
            f"{name} {'events' if spec.metric == 'events' else 'deaths (sum of best estimates) in events'} per {unit}"
        )
    parts = [what]
    if selection.actor_id:
        names = ", ".join(selection.raw_names) or "none"
        parts.append(f"with {selection.actor_name} ({selection.actor_id}) on either side (dataset names: {names})")
    if selection.country:
        parts.append(f"in {selection.country.typed}")
    parts.append(f"dated {period_text(first, last)}")
    if info is not None and info.is_preliminary:
        parts.append("(preliminary: UCDP revises candidate events in its next release)")
    return " ".join(parts)


def _sql(selection: Selection, dataset: str, unit: str, metric: str, first: date, last: date) -> str:
    """A query a user can run on the store (duckdb FILE) giving the values per period."""
    info = DATASETS.get(dataset)
    bucket = f"strftime(date_trunc('{unit}', {{column}}), '{'%Y' if unit == 'year' else '%Y-%m'}')"
    span = f"DATE '{first.isoformat()}' AND DATE '{last.isoformat()}'"
    if info is not None and info.is_aggregate:
        where = [f"dataset = {_quote(dataset)}", "measure = 'fatalities'", f"month BETWEEN {span}"]
        where += _country_where(selection, "iso3", "country")
        return (
            f"SELECT {bucket.format(column='month')} AS period, sum(value) AS fatalities, "
            "count(value) AS months_measured, string_agg(DISTINCT dataset_version, ', ') AS versions "
            f"FROM country_month WHERE {' AND '.join(where)} GROUP BY period ORDER BY period"
        )
    listing = listing_sql(selection, first, last)
    condition = listing.split(" WHERE ", 1)[1].rsplit(" ORDER BY", 1)[0]
    value = "count(*) AS events" if metric == "events" else "sum(fatalities_best) AS fatalities"
    return (
        f"SELECT {bucket.format(column='date_start')} AS period, {value} FROM events WHERE {condition} "
        "GROUP BY period ORDER BY period"
    )


def _listing(selection: Selection, dataset: str, first: date, last: date) -> str:
    info = DATASETS.get(dataset)
    if info is not None and info.is_aggregate:
        where = [f"dataset = {_quote(dataset)}", "measure = 'fatalities'"]
        where += [f"month BETWEEN DATE '{first.isoformat()}' AND DATE '{last.isoformat()}'"]
        where += _country_where(selection, "iso3", "country")
        return (
            "SELECT dataset, dataset_version, country, iso3, month, measure, value FROM country_month WHERE "
            + " AND ".join(where)
            + " ORDER BY month"
        )
    return listing_sql(selection, first, last)


def _country_where(selection: Selection, iso3: str, name: str) -> list[str]:
    if selection.country is None:
        return []
    spellings = ", ".join(_quote(s) for s in sorted(selection.country.spellings))
    return [f"(lower({iso3}) IN ({spellings}) OR lower({name}) IN ({spellings}))"]
