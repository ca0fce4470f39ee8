"""A capital standing for its government is an actor, not a place: "Kabul said", "Islamabad’s commitment"
(places.py flags these), a capital a government verb acts on ("urged Islamabad to", "accused Kabul of"),
one that a relation is held toward ("preferences toward Kabul", "relations with Islamabad") and one given
something ("offering Kabul new guarantees"). Not when a place preposition comes before it ("a police
spokesman in Kabul said": the place where he spoke). Word lists: places.yaml (government_verbs,
government_nouns, relation_prepositions, giving_verbs)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from torkham.ingest.extract.place_abbreviations import after_preposition

if TYPE_CHECKING:
    from torkham.ingest.extract.places import Found, PlaceWords

_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_TWO_WORDS_BEFORE = re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)\s+$")
_OBJECT_AFTER = re.compile(r"\s+(?i:to|of|for|over|against|into)\b")  # "urged Kabul to", "accused Islamabad of"
_NOUN_AFTER = re.compile(r"\s+(?!(?:to|of|for|in|on|at|from|with|and|or|by)\b)[a-z]+")  # "offering Kabul new …"


def stands_for_government(text: str, item: Found, words: PlaceWords) -> bool:
    """Whether the capital `item` names its government rather than the city."""
    if not any(p.capital_of for p in item.resolution.places) or after_preposition(
        text, item.start, words.place_prepositions
    ):
        return False
    if item.government:
        return True
    window = text[max(0, item.start - 40) : item.start]
    before = _WORD_BEFORE.search(window)
    if before is None:
        return False
    word = before.group(1).lower()
    if word in words.government_verbs and _OBJECT_AFTER.match(text, item.end):
        return True  # "Kabul Urges Islamabad Against …", "accused Kabul of harbouring …"
    if word in words.giving_verbs and _NOUN_AFTER.match(text, item.end):
        return True  # "providing Islamabad fresh opportunities"
    two = _TWO_WORDS_BEFORE.search(window)
    return bool(
        two and two.group(2).lower() in words.relation_prepositions and two.group(1).lower() in words.government_nouns
    )  # "preferences toward Kabul", "relations with Islamabad"
