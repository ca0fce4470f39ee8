"""One value per period from several datasets, never counting twice: for each country and period, the
first dataset of the chain whose coverage holds the whole period answers; a period that no dataset covers
for any country is unknown (None), never 0."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from torkham.analysis import periods
from torkham.datasets.catalog import catalog

if TYPE_CHECKING:
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
    held = _held(coverage)
    bases = {d: known[d].basis if d in known else "events" for d in chain}
    cells = []
    for start in starts:
        end = periods.period_end(start, by)
        total, used, covered = 0, [], []
        for key, name in countries.items():
            dataset = next((d for d in chain if _holds(held.get((d, key), ()), start, end)), None)
            if dataset is not None:
                total += values.get(dataset, {}).get((start, key), 0)
                used.append(dataset)
                covered.append(name)
        if not covered:
            cells.append(Cell(None, None, (), ()))
            continue
        kinds = {bases[d] for d in used}
        basis = kinds.pop() if len(kinds) == 1 else "mixed"
        cells.append(Cell(total, basis, tuple(dict.fromkeys(used)), tuple(covered)))
    return cells


def _held(coverage: Coverage) -> dict[tuple[str, str], list[tuple[date, date]]]:
    """Per dataset and country key: the days its spans hold, spans that meet or overlap joined (as
    Coverage.covering joins them), in order."""
    by_country: dict[tuple[str, str], list[tuple[date, date]]] = {}
    for span in coverage.spans:
        by_country.setdefault((span.dataset, span.key), []).append((span.first, span.last))
    joined: dict[tuple[str, str], list[tuple[date, date]]] = {}
    for key, spans in by_country.items():
        out: list[tuple[date, date]] = []
        for first, last in sorted(spans):
            if out and first <= out[-1][1] + timedelta(days=1):
                out[-1] = (out[-1][0], max(out[-1][1], last))
            else:
                out.append((first, last))
        joined[key] = out
    return joined


def _holds(held: list[tuple[date, date]] | tuple[()], first: date, last: date) -> bool:
    """Whether one joined stretch holds every day of [first, last]."""
    return any(begin <= first and last <= end for begin, end in held)
