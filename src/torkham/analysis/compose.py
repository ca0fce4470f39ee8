"""One value per period from several datasets, never counting twice: for each country and period, the
first dataset of the chain whose coverage holds the whole period answers; a period that no dataset covers
for any country is unknown (None), never 0."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from torkham.analysis import periods
from torkham.datasets.catalog import catalog

if TYPE_CHECKING:
    from torkham.analysis.selection import Selection, Tables
    from torkham.store.coverage import Coverage

Values = dict[tuple[date, str], int]  # (period start, country key) -> value


@dataclass(frozen=True)
class Cell:
    value: int | None
    basis: str | None  # events | candidate | aggregate | mixed; None where nothing covers
    datasets: tuple[str, ...]
    countries: tuple[str, ...]  # the countries covered in this period (names)


def usable_chain(chain: tuple[str, ...], metric: str, by: str) -> tuple[tuple[str, ...], list[str]]:
    """The chain's datasets that can answer `metric` per `by`, and why any were left out."""
    known, notes = catalog(), list[str]()
    aggregates = [d for d in chain if d in known and known[d].is_aggregate]
    if not aggregates:
        return chain, notes
    if metric == "events":
        notes.append("country totals hold deaths only, not events: they are not used for an events series")
    elif by == "week":
        notes.append("country totals are monthly: they cannot answer a weekly series and are not used")
    else:
        return chain, notes
    return tuple(d for d in chain if d not in aggregates), notes


def compose(
    coverage: Coverage, chain: tuple[str, ...], starts: list[date], by: str, values: dict[str, Values]
) -> list[Cell]:
    known = catalog()
    countries = coverage.countries()
    cells = []
    for start in starts:
        end = periods.period_end(start, by)
        total, used, covered = 0, [], []
        for key, name in countries.items():
            dataset = next((d for d in chain if coverage.covering(d, key, start, end)), None)
            if dataset is not None:
                total += values.get(dataset, {}).get((start, key), 0)
                used.append(dataset)
                covered.append(name)
        if not covered:
            cells.append(Cell(None, None, (), ()))
            continue
        bases = {known[d].basis if d in known else "events" for d in used}
        basis = bases.pop() if len(bases) == 1 else "mixed"
        cells.append(Cell(total, basis, tuple(dict.fromkeys(used)), tuple(covered)))
    return cells


def event_values(backend: Tables, selection: Selection, by: str, start: date, end: date, metric: str) -> Values:
    """Per period and country key: the metric of the selection's events dated in [start, end]."""
    from torkham.analysis.selection import selected
    from torkham.store.coverage import country_key

    table = selected(backend, selection, start, end)
    period = table.date_start.truncate(periods.IBIS_UNITS[by]).cast("date")
    value = table.count() if metric == "events" else table.fatalities_best.sum().fill_null(0)
    rows = table.group_by("country", "iso3", period=period).aggregate(value=value).to_pyarrow().to_pylist()
    out: Values = {}
    for row in rows:
        key = (row["period"], country_key(row["country"], row["iso3"]))
        out[key] = out.get(key, 0) + int(row["value"])
    return out


def total_values(backend: Tables, selection: Selection, by: str, start: date, end: date) -> Values:
    """Per period and country key: the country totals (measure `fatalities`) of months in [start, end]."""
    import ibis

    from torkham.store.coverage import country_key

    totals = backend.table("country_month")
    chosen = totals.filter(
        totals.dataset == selection.dataset,
        totals.measure == "fatalities",
        totals.month >= ibis.date(periods.period_start(start, "month")),
        totals.month <= ibis.date(end),
    )
    if selection.country is not None:
        spellings = sorted(selection.country.spellings)
        chosen = chosen.filter(chosen.country.lower().isin(spellings) | chosen.iso3.lower().isin(spellings))
    period = chosen.month.truncate(periods.IBIS_UNITS[by]).cast("date")
    rows = (
        chosen.group_by("country", "iso3", period=period).aggregate(value=chosen.value.sum()).to_pyarrow().to_pylist()
    )
    return {(r["period"], country_key(r["country"], r["iso3"])): int(r["value"] or 0) for r in rows}
