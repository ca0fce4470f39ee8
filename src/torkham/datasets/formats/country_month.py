"""Totals per country and month (aggregates, never events): the UCDP country-month fatalities file,
one row per country and month, one column per measure. Stored in `country_month`, one value per
(country, month, measure); an empty cell is NULL (not measured), never 0."""

from __future__ import annotations

from dataclasses import dataclass

from torkham.datasets.formats.base import Check


@dataclass(frozen=True)
class AggregateFormat:
    name: str  # e.g. ucdp-country-month-csv
    dataset: str  # e.g. ucdp-country-month
    label: str  # what a user calls it, for messages
    columns: tuple[str, ...]  # the columns the file must have
    measures: dict[str, str]  # measure -> the column holding it
    month: str  # SQL over the staged columns: the month's first day (a DATE), NULL when not a month
    country: str  # SQL: the country as the data writes it
    iso3: str  # SQL: its ISO3 code, NULL when absent
    checks: tuple[Check, ...]
    coverage_measure: str  # the measure whose non-null months state what the file covers
    delimiter: str = ","
    header: bool = True
    reader: str = "csv"
    file_name: str | None = None
    skip_row: str | None = None

    def recognises(self, head: str, header: list[str]) -> bool:
        names = {h.strip().lower() for h in header}
        return set(self.columns) <= names

    def named(self, file_names: tuple[str, ...]) -> bool:
        return True

    def expected(self) -> str:
        return f"a header with {', '.join(self.columns[:4])}, …"

    def missing(self, header: list[str]) -> list[str]:
        names = {h.strip().lower() for h in header}
        return [c for c in self.columns if c not in names]


def _whole(column: str) -> tuple[Check, Check]:
    value = f"NULLIF(trim({column}), '')"
    return (
        Check(
            column,
            f"{value} IS NOT NULL AND (NOT regexp_full_match({value}, '-?[0-9]+') OR TRY_CAST({value} AS BIGINT) IS NULL)",
            "not a whole number",
        ),
        Check(column, f"TRY_CAST({value} AS BIGINT) < 0", "negative"),
    )


_MONTH = "CAST(TRY_STRPTIME(trim(month), '%Y-%m') AS DATE)"

UCDP_COUNTRY_MONTH_CSV = AggregateFormat(
    name="ucdp-country-month-csv",
    dataset="ucdp-country-month",
    label="UCDP fatalities per country-month CSV (month, country, iso3, fatalities_best_all_types, …)",
    columns=("month", "country", "iso3", "fatalities_best_all_types", "fatalities_state_based"),
    measures={"fatalities": "fatalities_best_all_types", "fatalities_state_based": "fatalities_state_based"},
    month=_MONTH,
    country="NULLIF(trim(country), '')",
    iso3="NULLIF(upper(trim(iso3)), '')",
    checks=(
        Check(
            "month",
            f"{_MONTH} IS NULL OR NOT regexp_full_match(trim(month), '[0-9]{{4}}-[0-9]{{2}}')",
            "not a month (expected YYYY-MM)",
        ),
        Check("country", "NULLIF(trim(country), '') IS NULL", "missing country"),
        *_whole("fatalities_best_all_types"),
        *_whole("fatalities_state_based"),
    ),  # fmt: skip
    coverage_measure="fatalities",
)
