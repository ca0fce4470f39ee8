"""Partial dates: ISO text truncated to its precision ("2023-09-05", "2023-09", "2023")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PRECISIONS = ("day", "month", "year")


@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.iso()


class DateError(ValueError):
    pass


def parse_partial_date(value: object) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise DateError saying what is wrong."""
    text = str(value).strip() if value is not None else ""
    match = _PATTERN.match(text)
    if not match:
        raise DateError(f"'{text}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (in quotes)")
    year_text, month_text, day_text = match.groups()
    year = int(year_text)  # the pattern always has the year
    month = int(month_text) if month_text else None
    day = int(day_text) if day_text else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}' has month {month}; months run from 01 to 12")
    if day is not None and month is not None:  # the pattern has a day only after a month
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise DateError(f"'{text}' is not a real day: {calendar.month_name[month]} {year} has {last} days")
    return PartialDate(year, month, day)
