"""Refugee metrics of a claim check, read through `torkham.refugees.queries` (one value a year).
A year the tables do not hold, or a value the source leaves empty, gives no value — never a zero;
a period that is not whole years cannot be read from yearly tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, TypedDict

from torkham.evidence.check_spec import NO_DATA, NOT_COVERED, YEARLY, CheckSpec, Measurement, period_text
from torkham.model.vocabulary import Vocabulary

if TYPE_CHECKING:
    import duckdb

    from torkham.analysis._typing import Record

SHOWN_ROWS = 10


class YearValue(TypedDict):
    """One year of a check's period, window or baseline, as the evidence lists it."""

    year: int
    value: int | None  # None: not held, or not recorded in the source
    reason: str | None
    query: str


def measure_refugees(con: duckdb.DuckDBPyConnection, spec: CheckSpec, vocab: Vocabulary) -> Measurement:
    from torkham.refugees import queries

    assert spec.dataset is not None and spec.metric is not None  # a checkable spec
    assert spec.start is not None and spec.end is not None
    table: str = vocab["check_datasets"][spec.dataset]["table"]
    measure: str = vocab["check_metrics"][spec.metric]["measure"]
    aggregate: str = spec.aggregate or vocab["check_metrics"][spec.metric]["aggregate"]
    coo, coa = spec.filters.get("origin"), spec.filters.get("asylum")
    held: list[int] = [e["year"] for e in queries.series(con, measure, coo, coa, table=table) if e["rows"]]
    route = _route(coo, coa)
    evidence: Record = {
        "dataset": spec.dataset,
        "table": table,
        "measure": measure,
        "aggregate": aggregate,
        "versions": [],
        "data_covers": [min(held), max(held)] if held else None,
        "licence": queries.LICENCE,
    }
    if not held:
        reason = f"{NO_DATA}: the store holds no {spec.dataset} values of {measure} for {route}"
        return Measurement(None, [reason], evidence)
    reasons: list[str] = []
    if not _whole_years(spec.start, spec.end):
        reasons.append(
            f"{YEARLY}: the UNHCR tables hold one value a year; the period {spec.period_text} is not whole years "
            f"(the values of {_years_text(spec.start.year, spec.end.year)} are shown)"
        )
    years, rows = _years(con, measure, coo, coa, table, spec.start.year, spec.end.year, held, spec, reasons)
    evidence["years"] = years
    evidence["versions"] = sorted({r["dataset_version"] for r in rows})
    evidence["definition"] = _definition(table, measure)
    evidence["attribution"] = queries.attribution(table, evidence["versions"])
    values = [y["value"] for y in years]
    computed = _combine(values, aggregate)
    evidence["query"] = {
        "description": (
            f"UNHCR {table} table, {measure} ({evidence['definition']}), {route}, "
            f"{_years_text(spec.start.year, spec.end.year)}, {_how(aggregate)}"
        ),
        "sql": ";\n".join(y["query"] for y in years),
        "listing": _listing(table, measure, coo, coa, spec.start.year, spec.end.year),
    }
    evidence["rows"] = {"count": len(rows), "shown": [_row(r) for r in rows[:SHOWN_ROWS]]}
    value = computed if not reasons else None
    evidence["value"] = value
    if value is None and computed is not None:
        evidence["value_of_whole_years"] = computed
    result = Measurement(value, reasons, evidence)
    if spec.comparator == "highest_in":
        _window(con, measure, coo, coa, table, held, spec, result)
    elif spec.comparator in ("rose", "fell"):
        _baseline(con, measure, coo, coa, table, held, spec, aggregate, result)
    return result


def _route(coo: str | None, coa: str | None) -> str:
    return f"origin {coo or 'all countries'}, asylum {coa or 'all countries'}"


def _whole_years(start: date, end: date) -> bool:
    return start == date(start.year, 1, 1) and end == date(end.year, 12, 31)


def _years_text(first: int, last: int) -> str:
    return str(first) if first == last else f"{first} to {last}"


def _how(aggregate: str) -> str:
    return {"sum": "summed over the years", "last": "the end-year value of the last year", "max": "the highest year"}[
        aggregate
    ]


def _combine(values: list[int | None], aggregate: str) -> int | None:
    """The years' values combined; None when a year has none."""
    known = [v for v in values if v is not None]
    if len(known) < len(values):
        return None
    combine: dict[str, Callable[[list[int]], int]] = {"sum": sum, "last": lambda v: v[-1], "max": max}
    return combine[aggregate](known)


def _definition(table: str, measure: str) -> str:
    from torkham.refugees.tables import TABLES

    return TABLES[table].measures.get(measure, measure)


def _years(
    con: duckdb.DuckDBPyConnection,
    measure: str,
    coo: str | None,
    coa: str | None,
    table: str,
    first: int,
    last: int,
    held: list[int],
    spec: CheckSpec,
    reasons: list[str],
) -> tuple[list[YearValue], list[Record]]:
    """One entry per year of [first, last] with its value, reason and query; adds a reason per year without a value."""
    from torkham.refugees import queries

    out: list[YearValue] = []
    rows: list[Record] = []
    for year in range(first, last + 1):
        value, evidence = queries.value(con, measure, coo, coa, year, table=table)
        rows += evidence["rows"]
        out.append({"year": year, "value": value, "reason": evidence["reason"], "query": evidence["query"]})
        if value is not None:
            continue
        if not min(held) <= year <= max(held):
            reasons.append(
                f"{NOT_COVERED}: the {spec.dataset} data held has {measure} for {_route(coo, coa)} from {min(held)} "
                f"to {max(held)}; {year} is outside it"
            )
        else:
            reasons.append(f"{NO_DATA}: no {measure} value for {year} ({evidence['reason']})")
    return out, rows


def _row(row: Record) -> Record:
    keys = ("year", "coo_iso", "coa_iso", "value", "qualifier", "dataset_version")
    return {k: row.get(k) for k in keys}


def _listing(table: str, measure: str, coo: str | None, coa: str | None, first: int, last: int) -> str:
    where = [f"table_name = '{table}'", f"measure = '{measure}'"]
    where += [f"{column} = '{value}'" for column, value in (("coo_iso", coo), ("coa_iso", coa)) if value]
    where.append(f"year BETWEEN {first} AND {last}")
    return (
        "SELECT year, coo_iso, coa_iso, measure, value, qualifier, dataset_version FROM refugee_stats WHERE "
        + " AND ".join(where)
        + " ORDER BY year, coo_iso, coa_iso"
    )


def _window(
    con: duckdb.DuckDBPyConnection,
    measure: str,
    coo: str | None,
    coa: str | None,
    table: str,
    held: list[int],
    spec: CheckSpec,
    result: Measurement,
) -> None:
    from torkham.model.dates import parse_partial_date

    assert spec.start is not None and spec.end is not None and spec.window is not None  # a highest_in spec
    kind, amount = next(iter(spec.window.items()))
    first = parse_partial_date(amount).year if kind == "since" else spec.start.year - (amount - 1)
    reasons: list[str] = []
    years, _ = _years(con, measure, coo, coa, table, first, spec.start.year - 1, held, spec, reasons)
    result.others = [(str(y["year"]), y["value"]) for y in years if y["value"] is not None]
    result.reasons += [f"{r} (in the window)" for r in reasons]
    values: list[Mapping[str, object]] = [*years, {"year": spec.start.year, "value": result.value}]
    result.evidence["window"] = {
        "unit": "year",
        "from": str(first),
        "to": str(spec.end.year),
        "values": [{"period": str(y["year"]), "value": y["value"]} for y in values],
    }


def _baseline(
    con: duckdb.DuckDBPyConnection,
    measure: str,
    coo: str | None,
    coa: str | None,
    table: str,
    held: list[int],
    spec: CheckSpec,
    aggregate: str,
    result: Measurement,
) -> None:
    assert spec.start is not None and spec.end is not None and spec.baseline is not None  # a rose / fell spec
    start, end = spec.baseline
    reasons: list[str] = []
    if not _whole_years(start, end):
        reasons.append(f"{YEARLY}: the baseline {period_text(start, end)} is not whole years")
    years, _ = _years(con, measure, coo, coa, table, start.year, end.year, held, spec, reasons)
    values = [y["value"] for y in years]
    result.baseline = _combine(values, aggregate)
    result.months = (12 * (spec.end.year - spec.start.year + 1), 12 * (end.year - start.year + 1))
    if aggregate != "sum":
        result.months = (1, 1)  # stocks compare as they stand, not per month
    result.reasons += [f"{r} (the baseline)" for r in reasons]
    result.evidence["baseline"] = {"from": str(start.year), "to": str(end.year), "value": result.baseline}
