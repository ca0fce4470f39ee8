"""What a vague amount counts when no count noun of the word lists follows it: the lowercase plural noun that
heads a described noun phrase after it ("several mortar shells", "hundreds of government and private offices",
"a number of trade and border-related measures", "several FATA agencies"): unit `item`, `counts` names the
noun, value null. A bare plural right after the vague word is not taken ("multiple directions", "several
villages": the annotations count no such phrase), nor an abstract plural (`abstract_plurals`: "several
relevant challenges").

The phrase may hold describing words, an abbreviation in capitals and adjectives joined by "and" or "or";
it ends at a stop word, an -ing word, a verb or a sentence's end. Not a plural that is no count of things
(`not_count_plurals`, people verbs, currencies, casualty words: "several times", "dozens were killed")."""

from __future__ import annotations

import re

from torkham.ingest.extract.figure_plurals import is_counted_plural, not_counted
from torkham.ingest.extract.figure_vocab import STOP_WORDS, abstract_plurals

VAGUE_REACH = 5  # words of the noun phrase after a vague amount, at most
_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’-]*)\b")
_JOINS = ("and", "or")
_OTHER = ("other", "more")  # "a plethora of other groups", "several more attacks"


def vague_plural(text: str, end: int) -> tuple[str, int, int] | None:
    """('item', start, end) of the lowercase plural noun a vague amount ending at `end` counts, or None."""
    position = end
    for index in range(VAGUE_REACH):
        m = _WORD.match(text, position)
        if m is None:
            return None
        word = m.group(1)
        if is_counted_plural(text, m) and word not in abstract_plurals():
            return ("item", m.start(1), m.end(1)) if index > 0 else None  # "several villages": none

        if not _describes(word, index):
            return None
        position = m.end()
    return None


def _describes(word: str, index: int) -> bool:
    """Whether `word` may stand before the noun: an adjective or noun used as one, an abbreviation in
    capitals ('FATA'), 'and'/'or' between two of them, 'other' or 'more' first."""
    lower = word.lower()
    if lower in _JOINS:
        return index > 0
    if lower in _OTHER:
        return True
    if word.isupper() and len(word) > 1:
        return True
    if not word.islower() or lower in STOP_WORDS or lower in not_counted():
        return False
    return not lower.endswith("ing") and not _VERB_FORM.search(lower)


_VERB_FORM = re.compile(r"^[a-z]+ed$")  # "hundreds fled", "dozens crossed": a verb; not "border-related"
