"""A WHERE clause built from conditions and the values they bind — every value a bound parameter, never
text spliced into SQL.

    where = Where()
    where.add("e.date_end >= ?", period.start)        # skipped when the value is None
    where.add("e.dataset = ?", dataset)
    where.among("e.country", names)                   # e.country IN (?, ?): one parameter per value
    con.execute(f"SELECT … FROM events e {where.sql()}", where.params)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def listed(column: str, values: Sequence[Any]) -> str:
    """`column IN (?, …)` with one placeholder per value; `false` for no value."""
    return f"{column} IN ({', '.join('?' * len(values))})" if values else "false"


class Where:
    def __init__(self) -> None:
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *values: Any) -> Where:
        """Add `condition` binding `values`, unless a value is None (the filter was not asked for)."""
        if any(v is None for v in values):
            return self
        self.conditions.append(condition)
        self.params.extend(values)
        return self

    def always(self, condition: str, *values: Any) -> Where:
        """Add `condition` even when a value is None."""
        self.conditions.append(condition)
        self.params.extend(values)
        return self

    def among(self, column: str, values: Sequence[Any] | None) -> Where:
        """`column IN (?, …)` binding each of `values` (false when there are none), unless `values` is None. A
        list of placeholders is a plain filter, where `= ANY(?)` of one list parameter is a join DuckDB plans
        again for every statement (bench/api_load.py)."""
        if values is None:
            return self
        return self.always(listed(column, values), *values)

    def expression(self) -> str:
        """The conditions joined by AND ('true' when there are none)."""
        return " AND ".join(self.conditions) if self.conditions else "true"

    def sql(self) -> str:
        """`WHERE …`, or nothing when there are no conditions."""
        return f"WHERE {self.expression()}" if self.conditions else ""
