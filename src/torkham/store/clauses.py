"""A WHERE clause built from conditions and the values they bind — every value a bound parameter, never
text spliced into SQL.

    where = Where()
    where.add("e.date_end >= ?", period.start)        # skipped when the value is None
    where.add("e.dataset = ?", dataset)
    con.execute(f"SELECT … FROM events e {where.sql()}", where.params)"""

from __future__ import annotations

from typing import Any


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

    def expression(self) -> str:
        """The conditions joined by AND ('true' when there are none)."""
        return " AND ".join(self.conditions) if self.conditions else "true"

    def sql(self) -> str:
        """`WHERE …`, or nothing when there are no conditions."""
        return f"WHERE {self.expression()}" if self.conditions else ""
