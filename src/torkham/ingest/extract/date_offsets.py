"""A day told by its distance from the dated clause it follows: "Pakistan officials will hold talks in Qatar
Saturday …, a day after Islamabad launched air strikes" — the happening after "a day after" came a day
BEFORE the date just written (Friday), and one after "a day before" a day after it. Only "a day" or "a week"
(one, the article): "nine days after it was shut" is a figure, as the annotations count it."""

from __future__ import annotations

import re

APPOSITIVE = re.compile(r"(?<=,\s)(?P<n>(?i:a|one))\s+(?P<unit>day|week)\s+(?P<dir>after|before)\b")


def appositive_offset(m: re.Match) -> tuple[str, int]:
    """('days', -1) for ', a day after …': the happening it names is a day before the date before it."""
    days = 7 if m.group("unit") == "week" else 1
    return "days", -days if m.group("dir") == "after" else days
