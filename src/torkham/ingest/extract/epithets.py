"""People named with an epithet: a capitalised name, "the" and a capitalised epithet ("Alexander the Great",
"Timur the Lame", "Pliny the Elder"). The epithets are data (actor_words.yaml: epithets)."""

from __future__ import annotations

import re

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.words import default_words

_EPITHETED = re.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]+(?:\s+[IVX]+)?)\s+the\s+(?P<epithet>[A-Z][a-z]+)\b")


def epithet_names(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, note) of each person named with an epithet, in text order."""
    out = []
    not_names = default_words().non_name_words
    for m in _EPITHETED.finditer(text):
        if m.group("epithet").lower() in actor_words().epithets and m.group("name").lower() not in not_names:
            out.append((m.group(), m.start(), m.end(), f"an epithet after the name: 'the {m.group('epithet')}'"))
    return out
