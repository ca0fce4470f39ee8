"""Governments named by the place they govern with a word between or after that the capitalised-name runs
do not take: "the government of northwestern Khyber Pakhtunkhwa province", "the Government of colonial
British India", and a country's government written in lowercase ("the government of Pakistan"). The whole
phrase is the candidate's name (a government body); a capitalised "Government of Bengal" the name runs
find."""

from __future__ import annotations

import re

from torkham.ingest.extract.words import default_words

_UNITS = "province|district|region|state|territory|agency|division"
_GOVERNMENT = re.compile(
    r"\b(?P<name>(?:[Gg]overnment|[Aa]dministration)\s+of\s+(?:the\s+)?(?P<adjective>[a-z][a-z-]+\s+)?"
    rf"(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,2}})(?P<unit>\s+(?:{_UNITS}))?)\b"
)


def _country(place: str) -> bool:
    return place in default_words().countries


def government_names(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, note) of each government named with a lowercase word before its place or a unit
    after it, in text order."""
    out = []
    skip = default_words().non_name_words
    for m in _GOVERNMENT.finditer(text):
        adjective = (m.group("adjective") or "").strip()
        country = m.group("name")[0].islower() and _country(m.group("place"))  # "the government of Pakistan"
        if not (adjective or m.group("unit") or country) or adjective in skip:
            continue
        if m.group("place").split()[0].lower() in skip:
            continue
        out.append((m.group("name"), m.start("name"), m.end("name"), f"'{m.group('name')}' in the text"))
    return out
