"""A news agency credited in brackets in a dateline: "ISLAMABAD, Apr 16 (APP):", "PESHAWAR, Pakistan (AP) —".
The line opens with a place in capitals, maybe a date or a country after a comma, then the bracketed credit
and a dash or a colon; the credit is a media candidate."""

from __future__ import annotations

import re

_CREDIT = re.compile(
    r"^[ \t]*[A-Z]{2}[A-Z.'’ -]{0,38}(?:,[ \t]*[A-Z][\w.]*(?:[ \t,]+[\w.]+){0,3})?[ \t]*"
    r"\((?P<agency>[A-Z][A-Za-z]{1,19})\)[ \t]*(?:[—–:]|--?)",
    re.M,
)


def dateline_agencies(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, note) of each agency credited in a dateline, in text order."""
    return [
        (m.group("agency"), m.start("agency"), m.end("agency"), f"credited in the dateline '{m.group().strip()}'")
        for m in _CREDIT.finditer(text)
    ]
