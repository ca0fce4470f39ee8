"""A heading capitalises every word, so a capitalised word after a place's name does not make it part of a
longer name there ("Kabul Urges Islamabad …") — unless a head noun of a name follows within a few
capitalised words: "Afghanistan Humanitarian Bulletin Issue 62" (a publication), "Pakistan Army Chief Visits
…" (a body), "United States Official Commends …" (a person by office). Word list: places.yaml (name_heads,
heading_heads). And a heading in capitals, where every letter is one."""

from __future__ import annotations

import re

HEAD_REACH = 3  # capitalised words between a name and the head noun of the longer name, at most
_CAPITALISED = re.compile(r"[ -]+([A-Z][\w’'-]*)")


def in_capitals(text: str, offset: int) -> bool:
    """A heading in capitals: a line of under 200 characters, every letter a capital."""
    start, end = text.rfind("\n", max(0, offset - 200), offset), text.find("\n", offset, offset + 200)
    if (start < 0 < offset - 200) or (end < 0 and offset + 200 < len(text)):
        return False
    letters = [c for c in text[start + 1 : end if end >= 0 else len(text)] if c.isalpha()]
    return len(letters) > 12 and all(c.isupper() for c in letters)


def names_in_heading(text: str, end: int, heads: frozenset[str]) -> bool:
    """Whether a head noun of `heads` follows the name ending at `end` within a few capitalised words."""
    position = end
    for _ in range(HEAD_REACH):
        m = _CAPITALISED.match(text, position)
        if m is None:
            return False
        if m.group(1).lower() in heads:
            return True
        position = m.end()
    return False
