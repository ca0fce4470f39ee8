"""Event metrics of a claim check (events, fatalities), read through the analysis selection: the same
Ibis expressions as `torkham series`, with the check's extra filters (admin1, event type). A period
the data held does not cover gives no value — never a zero."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, TypeAlias, TypeVar, cast

from torkham.analysis import periods
from torkham.analysis.selection import DATASETS, SHOWN_IDS, Selection, coverage, listing_sql, selected, versions
from torkham.evidence.check_chain import measure_chain, read_basis
from torkham.evidence.check_spec import NO_DATA, NOT_COVERED, CheckSpec, Measurement, period_text
from torkham.kb.checkspecs import period_unit
from torkham.model.dates import parse_partial_date
from torkham.params import CountryRef

if TYPE_CHECKING:
    import duckdb

    from torkham.analysis._typing import Record, Table
    from torkham.analysis.selection import Tables
    from torkham.store.coverage import Coverage as StoreCoverage

SHOWN_VALUES = 15  # an unknown filter value lists at most this many of the values held

_K = TypeVar("_K")
_V = TypeVar("_V")
Span: TypeAlias = tuple[date, date]  # first and last day of the events held


@dataclass
class EventCache:
    """What the event checks of one run share, each computed once."""

    selections: dict[tuple[str, str | None], tuple[Selection, list[str]]] = field(default_factory=dict)  # by actor
    datasets: dict[str, tuple[Span | None, list[str]]] = field(default_factory=dict)  # span and versions
    filters: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # reasons, by admin1 / event type
    countries: dict[tuple[str, str], Span | None] = field(default_factory=dict)  # span, by country
    coverage: dict[tuple[str, str], Covers] = field(default_factory=dict)  # what covers a range, by country


@dataclass(frozen=True)
class Covers:
    """Whether the check's dataset covers a range of days in the check's country (every country of the
    dataset when the check names none): a day outside its coverage rows is unknown, never a zero — also
    inside the dataset's first and last day, when one country's data end earlier or have a gap."""

    dataset: str
    spans: StoreCoverage

    def __call__(self, first: date, last: date) -> bool:
        keys = list(self.spans.countries())
        return bool(keys) and all(self.spans.covering(self.dataset, k, first, last) for k in keys)


def measure_events(
    con: duckdb.DuckDBPyConnection, backend: Tables, spec: CheckSpec, cache: EventCache | None = None
) -> Measurement:
    """The check's value from the events table; `cache` keeps what several checks of one run share."""
    assert spec.dataset is not None and spec.start is not None and spec.end is not None  # a checkable spec
    cache = EventCache() if cache is None else cache
    selection, filter_reasons = _cached(
        cache.selections, (spec.dataset, spec.filters.get("actor")), lambda: _selection(con, backend, spec)
    )
    country = spec.filters.get("country")
    selection = replace(selection, country=CountryRef.parse(country), country_label=country)
    # The span the dataset speaks for is that of all its events: a country's last event need not be
    # the last day its data cover. A country without any event has no data at all.
    whole = replace(selection.without_actor(), country=None)
    span, whole_versions = _cached(cache.datasets, spec.dataset, lambda: _dataset_facts(backend, whole))
    if span is not None:
        key = (spec.dataset, str(_extra(spec)))
        filter_reasons = filter_reasons + _cached(cache.filters, key, lambda: _filter_values(backend, spec))
    place = selection.without_actor()
    # The days the data speak for: the dataset's span, once the country has data at all. A gap in it (the
    # country's data ending earlier) is read through coverage below, by compute_series, never as a zero.
    in_country = span is not None and (
        not selection.country
        or _cached(cache.countries, (spec.dataset, selection.country.typed.lower()), lambda: coverage(backend, place))
        is not None
    )
    here = span if in_country else None
    covers = _cached(
        cache.coverage,
        (spec.dataset, selection.country.typed.lower() if selection.country else ""),
        lambda: _covers(backend, spec.dataset or "", selection),
    )
    table = _filtered(backend, selection, spec, spec.start, spec.end)
    expr = _totals(table)
    totals = expr.to_pyarrow().to_pylist()[0]
    listing = _listing(selection, spec, spec.start, spec.end)
    evidence: Record = {
        "dataset": spec.dataset,
        "versions": sorted(totals["versions"] or []) or whole_versions,
        "data_covers": [d.isoformat() for d in span] if span else None,
        "licence": _licence(spec.dataset),
        "query": {"description": _describe(spec, selection), "sql": _ibis_sql(expr), "listing": listing},
        "events": {"count": int(totals["events"]), "ids": _first_ids(table), "listing": listing},
    }
    needed = _needed(spec)
    in_period = here is not None and covers(spec.start, spec.end)
    reasons: list[str] = []
    if span is None:
        reasons.append(f"{NO_DATA}: the store holds no {spec.dataset} events (import some with 'torkham import')")
    elif here is None:
        reasons.append(f"{NO_DATA}: the {spec.dataset} data held has no events in {spec.filters.get('country')}")
    elif not in_period:
        reasons.append(_uncovered(spec, here, spec.start, spec.end, "the period", covers))
    elif not covers(*needed):
        what = "the window" if spec.comparator == "highest_in" else "the baseline"
        reasons.append(_uncovered(spec, here, *needed, what, covers))
    gap = bool(reasons)  # the check's own dataset does not cover what it reads
    reasons += filter_reasons
    value = int(totals[spec.metric] or 0) if in_period and not filter_reasons else None
    evidence["value"] = value
    result = Measurement(value, reasons, evidence)
    if here is not None and spec.comparator == "highest_in":
        _window_values(backend, selection, spec, needed[0], covers, result)
    elif here is not None and spec.comparator in ("rose", "fell"):
        _baseline_value(backend, selection, spec, covers, result)
    if gap or read_basis(spec) != "auto":
        # Read through coverage: another dataset of the family may cover the whole range.
        chained = measure_chain(backend, spec, selection, *needed, result)
        if chained is not None:
            chained.reasons += [r for r in filter_reasons if r not in chained.reasons]
            return chained
    return result


def _cached(cache: dict[_K, _V], key: _K, compute: Callable[[], _V]) -> _V:
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _dataset_facts(backend: Tables, whole: Selection) -> tuple[Span | None, list[str]]:
    """The span of the dataset's events and its versions (None, [] when the store holds none)."""
    span = coverage(backend, whole)
    return span, versions(backend, whole) if span else []


def _licence(dataset: str) -> str | None:
    info = DATASETS.get(dataset)
    return info.licence if info else None


def _selection(con: duckdb.DuckDBPyConnection, backend: Tables, spec: CheckSpec) -> tuple[Selection, list[str]]:
    from torkham.store.queries import actor_names

    assert spec.dataset is not None  # a checkable spec
    actor = spec.filters.get("actor")
    country = spec.filters.get("country")
    name = actor_names(con).get(actor) if actor else None
    selection = Selection(spec.dataset, actor, name, CountryRef.parse(country), country)
    if actor is None:
        return selection, []
    table = backend.table("dataset_actor_names")
    mapped = table.filter(table.dataset == spec.dataset, table.actor_id == actor)
    raw = sorted(mapped.select("raw_name").distinct().to_pyarrow().column(0).to_pylist())
    if not raw:
        reason = (
            f"{NO_DATA}: no {spec.dataset} actor name maps to {name} ({actor}), so its events cannot be selected "
            f"(knowledge/crosswalks/{spec.dataset}.yaml maps dataset names to actors)"
        )
        return selection, [reason]
    return replace(selection, raw_names=tuple(raw)), []


def _extra(spec: CheckSpec) -> dict[str, str]:
    return {k: v for k, v in spec.filters.items() if k in ("admin1", "event_type")}


def _filter_values(backend: Tables, spec: CheckSpec) -> list[str]:
    """A reason for each admin1 / event_type filter that matches no event of the dataset at all."""
    events = backend.table("events")
    reasons: list[str] = []
    for column, wanted in _extra(spec).items():
        mine = events.filter(events.dataset == spec.dataset)
        if mine.filter(mine[column].lower() == wanted.lower()).count().to_pyarrow().as_py():
            continue
        held = sorted(v for v in mine.select(column).distinct().to_pyarrow().column(0).to_pylist() if v)
        shown = ", ".join(held[:SHOWN_VALUES]) + (f", … ({len(held)} in all)" if len(held) > SHOWN_VALUES else "")
        reasons.append(f"{NO_DATA}: no {spec.dataset} event has {column} '{wanted}'; the data holds: {shown or 'none'}")
    return reasons


def _filtered(backend: Tables, selection: Selection, spec: CheckSpec, start: date, end: date) -> Table:
    table = selected(backend, selection, start, end)
    for column, wanted in _extra(spec).items():
        table = table.filter(table[column].lower() == wanted.lower())
    return table


def _listing(selection: Selection, spec: CheckSpec, start: date, end: date) -> str:
    sql = listing_sql(selection, start, end)
    extra = "".join(f" AND lower({c}) = '{v.lower().replace(chr(39), chr(39) * 2)}'" for c, v in _extra(spec).items())
    return sql.replace(" ORDER BY", extra + " ORDER BY", 1) if extra else sql


def _ibis_sql(expr: Table) -> str:
    import ibis

    return cast(str, ibis.to_sql(expr, dialect="duckdb")).strip()


def _totals(table: Table) -> Table:
    """One query for what a check reads of its events: their number, deaths and dataset versions."""
    return table.aggregate(
        events=table.count(),
        fatalities=table.fatalities_best.sum().fill_null(0),
        versions=table.dataset_version.collect(distinct=True),
    )


def _first_ids(table: Table) -> list[str]:
    rows = table.select("event_id", "date_start").order_by(["date_start", "event_id"]).limit(SHOWN_IDS)
    return cast("list[str]", rows.to_pyarrow().column("event_id").to_pylist())


def _describe(spec: CheckSpec, selection: Selection) -> str:
    assert spec.dataset is not None  # a checkable spec
    what = "events" if spec.metric == "events" else "deaths (sum of best estimates) in events"
    info = DATASETS.get(spec.dataset)
    parts = [f"{info.name if info else spec.dataset} {what}"]
    if selection.actor_id:
        names = ", ".join(selection.raw_names) or "none"
        parts.append(f"with {selection.actor_name} ({selection.actor_id}) on either side (dataset names: {names})")
    if selection.country:
        parts.append(f"in {selection.country.typed}")
    parts += [f"with {column} '{value}'" for column, value in _extra(spec).items()]
    parts.append(f"dated {period_text(spec.start, spec.end)}")
    return " ".join(parts)


def _needed(spec: CheckSpec) -> tuple[date, date]:
    """The whole range the comparator reads: the period, its window or its baseline."""
    assert spec.start is not None and spec.end is not None  # a checkable spec
    if spec.comparator == "highest_in":
        return window_start(spec), spec.end
    if spec.comparator in ("rose", "fell") and spec.baseline:
        return min(spec.baseline[0], spec.start), max(spec.baseline[1], spec.end)
    return spec.start, spec.end


def window_start(spec: CheckSpec) -> date:
    assert spec.start is not None and spec.end is not None and spec.window is not None  # a highest_in spec
    unit = period_unit(spec.start, spec.end) or "month"
    kind, amount = next(iter(spec.window.items()))
    if kind == "since":
        return periods.period_start(parse_partial_date(amount).first_day, unit)
    count = amount * 12 if (kind, unit) == ("years", "month") else amount
    return periods.previous_start(spec.start, unit, count - 1)


def _covers(backend: Tables, dataset: str, selection: Selection) -> Covers:
    from torkham.analysis.coverage import read_coverage

    return Covers(dataset, read_coverage(backend).of((dataset,), selection.country))


def _uncovered(spec: CheckSpec, span: Span, start: date, end: date, what: str, covers: Covers) -> str:
    text = f"{NOT_COVERED}: the {spec.dataset} data held covers {span[0]} to {span[1]}"
    if span[0] <= start and end <= span[1]:  # inside the dataset's days: a country's data end earlier or pause
        text += " (" + "; ".join(covers.spans.sentences(start, end)) + ")"
    return text + f"; {what} runs {period_text(start, end)}"


def _window_values(
    backend: Tables, selection: Selection, spec: CheckSpec, first: date, covers: Covers, result: Measurement
) -> None:
    """The value of every period of the window; None for a period the data held do not cover."""
    assert spec.start is not None and spec.end is not None  # a checkable spec
    unit = period_unit(spec.start, spec.end) or "month"
    table = _filtered(backend, selection, spec, first, spec.end)
    bucket = table.date_start.truncate(periods.IBIS_UNITS[unit]).cast("date")
    value = table.count() if spec.metric == "events" else table.fatalities_best.sum().fill_null(0)
    rows = table.group_by(period=bucket).aggregate(value=value).to_pyarrow().to_pylist()
    found = {r["period"]: int(r["value"]) for r in rows}
    series = [
        (periods.label(s, unit), found.get(s, 0) if covers(s, periods.period_end(s, unit)) else None)
        for s in periods.starts(first, spec.end, unit)
    ]
    result.others = [(p, v) for p, v in series[:-1] if v is not None]
    result.evidence["window"] = {
        "unit": unit,
        "from": first.isoformat(),
        "to": spec.end.isoformat(),
        "values": [{"period": p, "value": v} for p, v in series],
    }


def _baseline_value(
    backend: Tables, selection: Selection, spec: CheckSpec, covers: Covers, result: Measurement
) -> None:
    """The baseline's value; None when the data held do not cover the whole baseline."""
    assert spec.start is not None and spec.end is not None and spec.baseline is not None  # a rose / fell spec
    start, end = spec.baseline
    table = _filtered(backend, selection, spec, start, end)
    totals = _totals(table).to_pyarrow().to_pylist()[0]
    covered = covers(start, end)
    result.baseline = int(totals[spec.metric] or 0) if covered else None
    result.months = (_months(spec.start, spec.end), _months(start, end))
    listing = _listing(selection, spec, start, end)
    result.evidence["baseline"] = {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "value": result.baseline,
        "events": {"count": int(totals["events"]), "listing": listing},
    }


def _months(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1
