"""Where a capital's name, an alias of a government ("Islamabad" of the Pakistani government), is written as the
city itself and so is no mention of the government (shadows.py): besides after a preposition of place,

- with its country or state after it: "Islamabad, Pakistan", "Washington, DC";
- after the word "capital": "the Pakistani capital, Islamabad";
- opening a dateline: "Islamabad - On October 8, 2010, …", "Islamabad | June 19, 2014", "Islamabad, 3 November
  2023: …";
- in a list beside a province: "Khyber Pakhtunkhwa, Islamabad, Punjab, Sindh and Balochistan"."""

from __future__ import annotations

import re

from torkham.geo.gazetteer import load_gazetteer

_CAPITAL_BEFORE = re.compile(r"\bcapital,?\s+$")
_STATE_AFTER = re.compile(
    r",[ \t]+(?:D\.?C\.?(?!\w)|(?P<country>[A-Z][\w-]+(?:[ \t][A-Z][\w-]+)?)(?=\s*(?:$|[\n.,;:)])))"
)
# "Islamabad - On …", "Islamabad | June 19, 2014", "Islamabad, 3 November 2023:": a dash or bar, or a date after a comma
_DATELINE_AFTER = re.compile(r"[ \t]+[-–—|][ \t]+\S|,[ \t]+(?:\d{1,2}[ \t]+)?[A-Z][a-z]{2,8}\.?[ \t]+\d")
_ITEM_BEFORE = re.compile(r"(?P<item>[A-Z][\w-]+(?:[ \t][A-Z][\w-]+){0,2}),[ \t]+$")
_ITEM_AFTER = re.compile(r"(?:,|,?[ \t]+and)[ \t]+(?P<item>[A-Z][\w-]+(?:[ \t][A-Z][\w-]+){0,2})")


def written_as_place(text: str, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is written as the place, by the words around it (above)."""
    gazetteer = load_gazetteer()
    state = _STATE_AFTER.match(text, end)
    if state and (not state.group("country") or gazetteer.resolve(state.group("country")).at_level("country").found):
        return True
    if _CAPITAL_BEFORE.search(text, max(0, start - 12), start):
        return True
    line_start = text.rfind("\n", 0, start) + 1
    if start == line_start and _DATELINE_AFTER.match(text, end):
        return True
    before = _ITEM_BEFORE.search(text, max(0, start - 60), start)
    after = _ITEM_AFTER.match(text, end)
    return any(m and gazetteer.resolve(m.group("item")).at_level("province").found for m in (before, after))
