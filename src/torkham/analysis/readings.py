"""What a series reads from the datasets of its chain, in one query: per dataset, period and country the
metric (events counted, or deaths summed), and the versions of the events read. Country totals are read from
`country_month`; events from `event_months` (events counted per month, store/event_months.py) when the
periods are months or years and that table is in step with the events, else from `events` itself — the same
numbers either way. The query is an Ibis expression (analysis/prepared.py: compiled once per shape on the
store's DuckDB)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from torkham.analysis import periods
from torkham.analysis.compose import Values
from torkham.analysis.prepared import Slots, Value, run
from torkham.datasets.catalog import catalog

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from torkham.analysis.selection import Selection, Tables


@dataclass
class Readings:
    values: dict[str, Values] = field(default_factory=dict)  # dataset -> its values
    versions: dict[str, set[str]] = field(default_factory=dict)  # event dataset -> versions of the events read


def read(
    backend: Tables, selection: Selection, chain: tuple[str, ...], by: str, start: date, end: date, metric: str
) -> Readings:
    """The metric of the selection's events (or country totals) per period of `by` and country, dated in
    [start, end], for each dataset of `chain`."""
    from torkham.store.coverage import country_key

    known = catalog()
    kinds = tuple("totals" if d in known and known[d].is_aggregate else "events" for d in chain)
    source = "event_months" if _monthly(backend, by, start, end) else "events"
    values: dict[str, Value] = {f"dataset{i}": dataset for i, dataset in enumerate(chain)}
    values |= {"start": start, "end": end}
    if "totals" in kinds:
        values["first_month"] = periods.period_start(start, "month")
    if selection.actor_id is not None:
        values["actors"] = selection.actor_ids
    if selection.country is not None:
        values["spellings"] = tuple(sorted(selection.country.spellings))
    key = ("series readings", kinds, by, metric, source)
    rows = run(backend, key, values, lambda slots: _expression(backend, slots, kinds, by, metric, source))
    out = Readings({d: {} for d in chain}, {d: set() for d in chain})
    for row in rows:
        dataset = chain[row["position"]]
        cell = (row["period"], country_key(row["country"], row["iso3"]))
        out.values[dataset][cell] = out.values[dataset].get(cell, 0) + int(row["value"])
        if row["version"] is not None:
            out.versions[dataset].add(row["version"])
    return out


def _monthly(backend: Tables, by: str, start: date, end: date) -> bool:
    """Whether whole months are asked of a store whose `event_months` is in step with its events."""
    from torkham.store.event_months import is_current

    whole = start.day == 1 and periods.period_end(periods.period_start(end, "month"), "month") == end
    return by != "week" and whole and backend.store is not None and is_current(backend.store, backend.names())


_TEXT = "string"  # nullable: the parts of the union agree on their columns' types


def _expression(backend: Tables, slots: Slots, kinds: tuple[str, ...], by: str, metric: str, source: str) -> ir.Table:
    import ibis

    parts = []
    for i, kind in enumerate(kinds):
        dataset = slots.text(f"dataset{i}")
        part = _totals(backend, slots, dataset, by) if kind == "totals" else _events(backend, slots, dataset, by,
                                                                                      metric, source)  # fmt: skip
        parts.append(part.select(position=ibis.literal(i, "int16"), country=part.country.cast(_TEXT),
                                 iso3=part.iso3.cast(_TEXT), period="period", version=part.version.cast(_TEXT),
                                 value=part.value.cast("int64")))  # fmt: skip
    return parts[0] if len(parts) == 1 else ibis.union(*parts, distinct=False)


def _events(backend: Tables, slots: Slots, dataset: ir.StringValue, by: str, metric: str, source: str) -> ir.Table:
    """Per country, period and version: the events counted or their deaths summed (0 when none gives one)."""
    table = backend.table(source)
    day = table.month if source == "event_months" else table.date_start
    conditions = [table.dataset == dataset, day >= slots.day("start"), day <= slots.day("end")]
    if "actors" in slots.values:
        names = backend.table("dataset_actor_names")
        raw = names.filter(names.dataset == dataset, names.actor_id.isin(slots.texts("actors"))).raw_name
        conditions.append(table.actor1.isin(raw) | table.actor2.isin(raw))
    if "spellings" in slots.values:
        spellings = slots.texts("spellings")
        conditions.append(table.country.lower().isin(spellings) | table.iso3.lower().isin(spellings))
    chosen = table.filter(*conditions)
    if source == "event_months":
        value = chosen.events.sum() if metric == "events" else chosen.fatalities.sum().fill_null(0)
    else:
        value = chosen.count() if metric == "events" else chosen.fatalities_best.sum().fill_null(0)
    period = (chosen.month if source == "event_months" else chosen.date_start).truncate(periods.IBIS_UNITS[by])
    return chosen.group_by("country", "iso3", period=period.cast("date"), version=chosen.dataset_version).aggregate(
        value=value
    )


def _totals(backend: Tables, slots: Slots, dataset: ir.StringValue, by: str) -> ir.Table:
    """Per country and period: the country totals (measure `fatalities`) of the months in [start, end]."""
    import ibis

    totals = backend.table("country_month")
    conditions = [
        totals.dataset == dataset,
        totals.measure == "fatalities",
        totals.month >= slots.day("first_month"),
        totals.month <= slots.day("end"),
    ]
    if "spellings" in slots.values:
        spellings = slots.texts("spellings")
        conditions.append(totals.country.lower().isin(spellings) | totals.iso3.lower().isin(spellings))
    chosen = totals.filter(*conditions)
    period = chosen.month.truncate(periods.IBIS_UNITS[by]).cast("date")
    grouped = chosen.group_by("country", "iso3", period=period).aggregate(value=chosen.value.sum().fill_null(0))
    return grouped.mutate(version=ibis.null("string"))
