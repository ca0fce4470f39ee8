"""Calendar periods of a series: ISO weeks (Monday first), months and years."""

from __future__ import annotations

from datetime import date, timedelta

PERIODS = ("month", "week", "year")
IBIS_UNITS = {"month": "M", "week": "W", "year": "Y"}  # for DateValue.truncate


def period_start(day: date, by: str) -> date:
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_start(start: date, by: str) -> date:
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def previous_start(start: date, by: str, count: int = 1) -> date:
    for _ in range(count):
        if by == "week":
            start -= timedelta(days=7)
        elif by == "month":
            start = date(start.year - (start.month == 1), (start.month - 2) % 12 + 1, 1)
        else:
            start = date(start.year - 1, 1, 1)
    return start


def period_end(start: date, by: str) -> date:
    return next_start(start, by) - timedelta(days=1)


def label(start: date, by: str) -> str:
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"{start.year:04d}"


def starts(first: date, last: date, by: str) -> list[date]:
    """Start days of every period from the one holding `first` to the one holding `last`."""
    out, current = [], period_start(first, by)
    while current <= last:
        out.append(current)
        current = next_start(current, by)
    return out
