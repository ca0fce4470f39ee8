"""'Pakistan officials will hold talks in Qatar Saturday …' in a report dated that Saturday: what the report
says "will" happen on its own day is that day's happening, not a plan for later (event_filters.planned still
holds for "plans to", "would", "is scheduled to", and for any later day)."""

from __future__ import annotations

import re

from torkham.ingest.extract.dates import DateMention

_WILL = re.compile(r"\bwill\s+(?:[a-z]+ly\s+)?[a-z]+\s+(?:[a-z]+\s+)?$")  # "will hold ", "will hold a "
SAME_DAY_REACH = 40  # characters from the event word to its weekday


def on_report_day(text: str, word: re.Match, dates: list[DateMention], report_day: str | None) -> bool:
    """Whether `word` follows 'will' and a weekday or 'today' close after it is the report's own day."""
    if report_day is None or not _WILL.search(text, max(0, word.start() - 30), word.start()):
        return False
    return any(
        d.relative is not None
        and d.relative[0] in ("weekday", "today")
        and d.date.iso() == report_day
        and 0 <= d.start - word.end() <= SAME_DAY_REACH
        for d in dates
    )
