"""A capital standing for its government where it does not open a sentence: the object of a government verb
("Kabul Urges Islamabad Against …", "accused Kabul of harbouring …"), given something ("providing Islamabad
fresh opportunities") or the other side of a relation ("preferences toward Kabul", "relations with
Islamabad"). These are the frames place_governments.py reads to leave such a capital out of the places; here
the capital is proposed as a government body. Not after a place preposition ("ambassador to Islamabad", "a
spokesman in Kabul"). Word lists: places.yaml (government_verbs, giving_verbs, government_nouns,
relation_prepositions, place_prepositions); the capitals: actor_words.yaml (capital_cities)."""

from __future__ import annotations

import re

from torkham.ingest.extract.capital_agents import capital_pattern
from torkham.ingest.extract.place_abbreviations import after_preposition
from torkham.ingest.extract.places import PlaceWords, place_words

_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_TWO_WORDS_BEFORE = re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)\s+$")
_OBJECT_AFTER = re.compile(r"\s+(?i:to|of|for|over|against|into)\b")
_NOUN_AFTER = re.compile(r"\s+(?!(?:to|of|for|in|on|at|from|with|and|or|by)\b)[a-z]+")


def capital_frames(text: str) -> list[tuple[str, int, int, str]]:
    """(capital, start, end, note) of each capital a government verb acts on, that is given something or
    that a relation is held toward, in text order."""
    words = place_words()
    out = []
    for m in capital_pattern().finditer(text):
        if after_preposition(text, m.start(), words.place_prepositions):
            continue
        frame = _frame(text, m.start(), m.end(), words)
        if frame:
            out.append((m.group(), m.start(), m.end(), f"'{frame} {m.group()}': a capital for its government"))
    return out


def _frame(text: str, start: int, end: int, words: PlaceWords) -> str | None:
    """The words before the capital that make it its government, or None."""
    window = text[max(0, start - 40) : start]
    before = _WORD_BEFORE.search(window)
    if before is None:
        return None
    word = before.group(1).lower()
    if word in words.government_verbs and _OBJECT_AFTER.match(text, end):
        return before.group(1)
    if word in words.giving_verbs and _NOUN_AFTER.match(text, end):
        return before.group(1)
    two = _TWO_WORDS_BEFORE.search(window)
    related = two and two.group(2).lower() in words.relation_prepositions
    if two and related and two.group(1).lower() in words.government_nouns:
        return f"{two.group(1)} {two.group(2)}"
    return None
