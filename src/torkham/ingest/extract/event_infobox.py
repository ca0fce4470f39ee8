"""An infobox field that gives the years a group has been active — "Dates of operation 26 January 2015–present",
"Dates active 2007–2014" — dates the group's formation by its first date (the line's first), where no
heading above it names an event (a battle's infobox has its own)."""

from __future__ import annotations

import re

_OPERATING = re.compile(r"[ \t]*(?:Dates?\s+of\s+operations?|Dates?\s+active)(?=[\s:]|[A-Z0-9])")


def operating_field(text: str, offset: int) -> re.Match | None:
    """The label of the field 'Dates of operation' when the date at `offset` is on its line, else None."""
    return _OPERATING.match(text, text.rfind("\n", 0, offset) + 1)
