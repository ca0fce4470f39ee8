"""The unit noun that follows an amount: "2.2 million registered Afghans" (person), "45 attacks", "seven U.S.
citizens", "acts of terrorism" — within a few words, not across a stop word or a sentence end, and not
when it is part of a name ("One Member State") or the amount numbers a section ("5.4 Pakistani air strikes")."""

from __future__ import annotations

import re

from torkham.ingest.extract.figure_plurals import plural_after
from torkham.ingest.extract.figure_vague import vague_plural
from torkham.ingest.extract.figure_vocab import STOP_WORDS, extra_units
from torkham.ingest.extract.words import Words

UNIT_REACH = 4  # words between an amount and its unit noun, at most
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# Between words: white space, asterisks, quote marks ('3 "safe" houses'), an abbreviation in brackets
# ("379 Security Force (SF) personnel"), an editor's bracket ("450,000 [Afghans]"); after the first word
# also a comma between adjectives ("numerous armed, nonstate militant groups"); the word may be an
# abbreviation itself ("U.S.").
_WORD_AFTER = re.compile(
    r"(?:[\s*\"“”‘]*-?\s*|\s+)(?:\([A-Z][A-Za-z.]{0,7}\)\s*)?[\"“‘\[]?([A-Za-z][A-Za-z'’-]*(?:\.[A-Za-z]+)*\.?)"
)
_COMMA_AFTER = re.compile(r",(?=\s+[a-z])")
_JOINS = ("and", "or")  # "registered and unregistered Afghans": adjectives joined before the noun


SPANS_OF_TIME = ("hour", "day", "week", "month", "year", "decade")  # "the past two decades": durations
# "rose to 9,000 last week", "300 each day": a span of time named after the amount is when, not what it counts
_WHEN_BETWEEN = re.compile(r"\b(?:last|next|this|that|each|every|per|previous|following|coming)\b", re.I)
_OF_THE = re.compile(r"\s+of\s+(?:the|these|those|its|their|all)\s+")
# "tens of thousands of the world’s most vulnerable refugees": after a vague amount's "of", a determiner
_DETERMINER_AFTER_OF = re.compile(r"(?<=\bof)\s+(?:the|these|those|its|their|all)(?=\s)", re.I)


def counted_unit(text: str, start: int, end: int, value: float | None, words: Words) -> tuple[str, int, int] | None:
    """What the amount at start..end counts: its count noun (not a span of time that says when: '9,000 last
    week'), the count noun of its whole ('Twelve of the 15 groups'), else a lowercase plural after it
    ('three bullets'; `value` None for a vague amount, which takes none); a vague amount's 'of' may take a
    determiner before the noun phrase ('tens of thousands of the world’s refugees')."""
    determiner = _DETERMINER_AFTER_OF.match(text, end) if value is None else None
    unit = unit_after(text, determiner.end() if determiner else end, words)
    if unit and unit[0] in SPANS_OF_TIME and _WHEN_BETWEEN.search(text, end, unit[1]):
        unit = None
    unit = unit or _unit_of_whole(text, end, value, words)
    if value is None:
        return unit or vague_plural(text, determiner.end() if determiner else end)  # "several mortar shells"
    return unit or plural_after(text, start, end, value)


def _unit_of_whole(text: str, end: int, value: float | None, words: Words) -> tuple[str, int, int] | None:
    """'Twelve of the 15 groups', 'Four of the slain militants': a part counts what its whole counts (not
    'one of the groups': one member of a class)."""
    m = _OF_THE.match(text, end)
    if m is None:
        return None
    whole = re.match(r"(?:\d[\d,]*|[A-Za-z-]+)\b", text[m.end() : m.end() + 20])
    if whole is None or not (whole.group()[0].isdigit() or whole.group().lower() in words.number_words):
        return unit_after(text, m.end() - 1, words) if (value or 0) >= 2 else None
    return unit_after(text, m.end() + whole.end(), words)


def unit_after(text: str, position: int, words: Words) -> tuple[str, int, int] | None:
    """(unit, start, end) of the unit noun that follows an amount, within a few words."""
    nouns = {**extra_units(), **words.unit_of_noun}
    amount_end, counted, previous = position, 0, ""
    while counted < UNIT_REACH:
        comma = _COMMA_AFTER.match(text, position) if position > amount_end else None
        m = _WORD_AFTER.match(text, comma.end() if comma else position)
        if not m:
            return None
        word = m.group(1).lower().strip("'’-.")
        one = m.group(1).islower() and _ONE_BEFORE.search(text, max(0, amount_end - 8), amount_end) is not None
        found = _noun_at(text, m, word, nouns, one)
        if found:
            unit, start, end = _head_noun(text, found, m.start(1), nouns)
            if _name_or_section(text, amount_end, start, end):
                return None
            return unit, start, end
        if word in _JOINS and position > amount_end and _joins_adjectives(text, m.end(), previous, words):
            position, previous = m.end(), word
            continue
        if word in STOP_WORDS or (m.group(1).endswith(".") and "." not in m.group(1)[:-1]):
            return None  # a sentence ends before any unit noun
        position, previous, counted = m.end(), word, counted + 1
    return None


def _joins_adjectives(text: str, position: int, previous: str, words: Words) -> bool:
    """'and' between two describing words, not between two counts ('12 injured and two children')."""
    nxt = _NEXT_WORD.match(text, position)
    if nxt is None or previous in words.casualty_words or previous in _JOINS:
        return False
    return nxt.group(1).lower() not in words.number_words and nxt.group(1).lower() not in STOP_WORDS


def _head_noun(text: str, found: tuple[str, int], start: int, nouns: dict[str, str]) -> tuple[str, int, int]:
    """A count noun before another is its modifier: 'Migrant Children', 'organization partners' count the last."""
    unit, end = found
    nxt = _NEXT_WORD.match(text, end)
    if nxt is not None and _lookup(nxt.group(1).lower(), nouns) is not None:
        return _lookup(nxt.group(1).lower(), nouns) or unit, nxt.start(1), nxt.end(1)
    return unit, start, end


def _lookup(word: str, nouns: dict[str, str], one: bool = False) -> str | None:
    """The unit of a count noun; after 'one', also of the plural of a singular one ('one suspect')."""
    forms = [word]
    if one:
        forms += [word + "s", word + "es", word[:-1] + "ies" if word.endswith("y") else word]
    return next((nouns[f] for f in forms if f in nouns and nouns[f] != "percent"), None)


_ONE_BEFORE = re.compile(r"(?i:\b(?:one|a|an|single)|(?<![\d,.])1)\s*$")


def _noun_at(text: str, m: re.Match, word: str, nouns: dict[str, str], one: bool) -> tuple[str, int] | None:
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
    unit = _lookup(word, nouns, one)
    if unit is not None:
        return unit, m.start(1) + len(m.group(1).rstrip("'’-."))
    return None


_CAPITALISED_AFTER = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)[A-Z]")  # not across a blank line
_SECTION_NUMBER = re.compile(r"[ \t]*\d+(?:\.\d+)+")


def _name_or_section(text: str, amount_end: int, noun_start: int, noun_end: int) -> bool:
    """'One Member State': a capitalised noun before a capitalised word is part of a name (not in a title
    written in capitals: 'Pakistan Says 450,000 Undocumented Afghans Returned Home'); '5.4 Pakistani air
    strikes' at the start of a line numbers a section."""
    line_start = text.rfind("\n", 0, amount_end) + 1
    same_line = "\n" not in text[amount_end:noun_start]
    if text[noun_start].isupper() and _CAPITALISED_AFTER.match(text, noun_end):
        return not (same_line and _title_line(text, line_start))
    return bool(_SECTION_NUMBER.fullmatch(text, line_start, amount_end))


TITLE_CHARS = 150


def _title_line(text: str, line_start: int) -> bool:
    """A headline: short, no full stop at its end, its longer words capitalised."""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
    long_words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if len(w) > 3]
    if len(long_words) < 3 or len(line) > TITLE_CHARS or line.endswith("."):
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)
