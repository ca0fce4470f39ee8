"""The unit noun that follows an amount: "2.2 million registered Afghans" (person), "45 attacks", "seven U.S.
citizens", "acts of terrorism" — within a few words, not across a stop word or a sentence end, and not
when it is part of a name ("One Member State") or the amount numbers a section ("5.4 Pakistani air strikes")."""

from __future__ import annotations

import re

from torkham.ingest.extract.figure_more import extra_units
from torkham.ingest.extract.words import Words

UNIT_REACH = 4  # words between an amount and its unit noun, at most
_STOP = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "but",
    "who",
    "which",
    "that",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "of",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "it",
    "its",
    "their",
    "them",
    "they",
    "this",
    "these",
    "those",
    "than",
    "then",
    "there",
    "here",
    "not",
    "no",
    "so",
    "such",
    "each",
    "alone",
    "only",
}
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# Between words: white space, asterisks, quote marks ('3 "safe" houses'), an abbreviation in brackets
# ("379 Security Force (SF) personnel"); the word may be an abbreviation itself ("U.S.").
_WORD_AFTER = re.compile(
    r"(?:[\s*\"“”‘]*-?\s*|\s+)(?:\([A-Z][A-Za-z.]{0,7}\)\s*)?[\"“‘]?([A-Za-z][A-Za-z'’-]*(?:\.[A-Za-z]+)*\.?)"
)


def unit_after(text: str, position: int, words: Words) -> tuple[str, int, int] | None:
    """(unit, start, end) of the unit noun that follows an amount, within a few words."""
    nouns = {**extra_units(), **words.unit_of_noun}
    amount_end = position
    for _ in range(UNIT_REACH):
        m = _WORD_AFTER.match(text, position)
        if not m:
            return None
        word = m.group(1).lower().strip("'’-.")
        found = _noun_at(text, m, word, nouns)
        if found:
            unit, end = found
            if _name_or_section(text, amount_end, m.start(1), end):
                return None
            return unit, m.start(1), end
        if word in _STOP or (m.group(1).endswith(".") and "." not in m.group(1)[:-1]):
            return None  # a sentence ends before any unit noun
        position = m.end()
    return None


def _noun_at(text: str, m: re.Match, word: str, nouns: dict[str, str]) -> tuple[str, int] | None:
    """The longest unit noun of one to three words starting with `word` ("acts of terrorism")."""
    following, position = [], m.end()
    for _ in range(2):
        nxt = _NEXT_WORD.match(text, position)
        if not nxt:
            break
        following.append(nxt)
        position = nxt.end()
    for n in range(len(following), 0, -1):
        phrase = " ".join([word, *(f.group(1).lower() for f in following[:n])])
        if phrase in nouns:
            return nouns[phrase], following[n - 1].end()
    if word in nouns:
        return nouns[word], m.start(1) + len(m.group(1).rstrip("'’-."))
    return None


_CAPITALISED_AFTER = re.compile(r"\s+[A-Z]")
_SECTION_NUMBER = re.compile(r"[ \t]*\d+(?:\.\d+)+")


def _name_or_section(text: str, amount_end: int, noun_start: int, noun_end: int) -> bool:
    """'One Member State': a capitalised noun before a capitalised word is part of a name; '5.4 Pakistani
    air strikes' at the start of a line numbers a section."""
    if text[noun_start].isupper() and _CAPITALISED_AFTER.match(text, noun_end):
        return True
    line_start = text.rfind("\n", 0, amount_end) + 1
    return bool(_SECTION_NUMBER.fullmatch(text, line_start, amount_end))
