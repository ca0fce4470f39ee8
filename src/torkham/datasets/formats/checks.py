"""The checks a format declares, as SQL over the staged text columns: a row is quarantined by the first
check whose `bad` is true. Values are read exactly: an empty cell is missing (never a value to compare),
a whole number is an optional sign and digits, a decimal has no exponent, hex or NaN, a date is
YYYY-MM-DD (with the time part the format declares) in the years the dataset can hold, nothing after."""

from __future__ import annotations

from dataclasses import dataclass

WHOLE = "[+-]?[0-9]+"
DECIMAL = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)"
ISO_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
LAST_YEAR = "(year(current_date) + 1)"  # an event dated next year at most (time zones, late exports)


@dataclass(frozen=True)
class Check:
    """A row is quarantined when `bad` (SQL over the staging columns, all text) is true."""

    field: str
    bad: str
    reason: str


def _value(column: str) -> str:
    return f"NULLIF(trim({column}), '')"


def free_text(column: str) -> str:
    """SQL: a free-text field (a name, a place, a source text) without outer white space, NULL when empty.
    A value that starts and ends with a visible ASCII character is taken as it is: DuckDB's trim reads the
    whole text to find its end (about 0.4 s of CPU per million source texts). Ids, codes, numbers and dates
    are short and trimmed as they are. Write every use of one field the same way (DuckDB computes an
    expression once for all the columns and checks that repeat it)."""
    visible = f"ascii({column}) BETWEEN 33 AND 126 AND ascii({column}[-1]) BETWEEN 33 AND 126"
    return f"NULLIF(CASE WHEN {visible} THEN {column} ELSE trim({column}) END, '')"


def _cast(column: str, kind: str) -> str:
    """The trimmed value as `kind` (NULL when empty or not one): written as the formats' columns write it,
    so that DuckDB casts a field once for the check and the column (a cast of '' is NULL, as of NULL)."""
    return f"TRY_CAST(trim({column}) AS {kind})"


def required(*columns: str) -> tuple[Check, ...]:
    """A row whose `column` is empty (or absent) is quarantined: 'field X is empty'."""
    return tuple(Check(c, f"{_value(c)} IS NULL", f"field {c} is empty") for c in columns)


def number_check(column: str, kind: str = "INTEGER") -> Check:
    """A non-empty value that is not exactly a number: INTEGER (sign and digits, in range) or DOUBLE
    (plain decimal notation)."""
    value = _value(column)
    if kind == "INTEGER":
        bad = (
            f"{value} IS NOT NULL AND (NOT regexp_full_match({value}, '{WHOLE}') OR {_cast(column, 'INTEGER')} IS NULL)"
        )
        return Check(column, bad, "not a whole number")
    bad = f"{value} IS NOT NULL AND (NOT regexp_full_match({value}, '{DECIMAL}') OR {_cast(column, kind)} IS NULL)"
    return Check(column, bad, "not a number")


def count_check(column: str) -> tuple[Check, Check]:
    """A count: a whole number, never negative (empty: not known)."""
    return number_check(column), Check(column, f"{_cast(column, 'INTEGER')} < 0", "negative")


def range_check(column: str, low: float, high: float) -> Check:
    return Check(
        column,
        f"{_cast(column, 'DOUBLE')} NOT BETWEEN {low} AND {high}",
        f"out of range ({low:g} to {high:g})",
    )


def order_check(column: str, low: str, high: str, reason: str) -> Check:
    """`low <= high` (whole numbers) where both are given; reported on `column`."""
    return Check(column, f"{_cast(low, 'INTEGER')} > {_cast(high, 'INTEGER')}", reason)


def date_check(
    column: str, required: bool = True, first_year: int = 1946, time: str | None = None
) -> tuple[Check, Check]:
    """A date written YYYY-MM-DD, followed by `time` (a regex, optional) and nothing else; a real day of a
    year from `first_year` to next year. Empty: quarantined when `required`."""
    value = _value(column)
    shape = ISO_DATE + (f"({time})?" if time else "")
    empty = f"{value} IS NULL OR " if required else f"{value} IS NOT NULL AND "
    day = f"TRY_CAST(left(trim({column}), 10) AS DATE)"
    exact = f"(NOT regexp_full_match({value}, '{shape}') OR {day} IS NULL)"
    return (
        Check(column, f"{empty}{exact}", "not a real date (expected YYYY-MM-DD)"),
        year_check(column, day, first_year),
    )


def year_check(column: str, day: str, first_year: int) -> Check:
    """The date `day` (SQL) falls in a year the dataset can hold."""
    return Check(
        column,
        f"year({day}) NOT BETWEEN {first_year} AND {LAST_YEAR}",
        f"year out of range ({first_year} to next year)",
    )
