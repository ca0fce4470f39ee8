"""Numbers that name or mark something rather than count it, so propose no figure: an identifier after its
label ("Article 370", "Section 219", figure_words.yaml's identifier_labels), a code glued to letters
("COVID-19", "G-20"), a URL escape ("%E2%80%99"), a time of day ("at 5:30 am"), the base of a rate ("per
1,000 people"), an age ("60 years old"), the last day of a range of days ("from April 27 to 29"),
and a number word that modifies the first half of a compound ("the twin-tower attacks": towers, not
attacks)."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.figure_vocab import alternation, figure_words

_CODE_BEFORE = re.compile(r"[A-Za-z]-$")  # "COVID-19", "F-16", "PK-301"
_AM_PM = re.compile(r"\s*(?i:[ap]\.m\b\.?|[ap]m\b|hrs\b)")  # "at 5:30 am", "11.30 p.m.", "0400 hrs"
_HOUR = re.compile(r"\d{1,2}(?:[.:]\d{2})?|\d{4}")
# "3.5 per 1,000 people", "1 in 4 children", "two out of three": the base of a rate or a ratio
_RATE_BASE = re.compile(
    r"(?:\b(?i:per|every|for\s+every|in\s+every)|(?:\d|\b(?i:one|two|three))\s+(?i:in|out\s+of))\s+$"
)
_AGE_AFTER = re.compile(r"\s+(?i:old|of\s+age|of\s+his\s+age|of\s+her\s+age)\b")  # "60 years old"
_DAY_RANGE = re.compile(r"\s*(?:to|through|till|until|and|-|–|—)\s*(\d{1,2})\b(?![.,]\d)", re.I)  # "April 27 to 29"
_COMPOUND = re.compile(r"-[A-Za-z]+")  # "twin-tower", "three-member"
DAYS_IN_MONTH = 31


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern:
    return re.compile(rf"(?<![\w.])(?:{alternation(figure_words().identifier_labels)})\s*$", re.I)


def names_not_counts(text: str, start: int, end: int) -> bool:
    """The number at start..end names or marks something, or is the base of a rate: an identifier, a
    code, a URL escape, a time of day ('5:30 am'), 'per 1,000 people'."""
    if _label_pattern().search(text, max(0, start - 12), start) or _CODE_BEFORE.search(text, max(0, start - 2), start):
        return True
    if _RATE_BASE.search(text, max(0, start - 14), start) or _clock(text, start, end):
        return True
    return text[start - 1 : start] == "%"  # "%E2%80%99s": an escape in a web address


def _clock(text: str, start: int, end: int) -> bool:
    """'at 5:30 am', '11.30 p.m.', '10 pm': a time of day."""
    if _HOUR.fullmatch(text, start, end) and _AM_PM.match(text, end):
        return True
    return re.match(r":\d{2}\b", text[end : end + 3]) is not None or text[max(0, start - 2) : start][-1:] == ":"


def an_age(text: str, noun_end: int) -> bool:
    """'He is 60 years old', 'under 5 years of age': an age, not a span of time."""
    return bool(_AGE_AFTER.match(text, noun_end))


def range_end_days(text: str, dates: list[DateMention]) -> list[tuple[int, int]]:
    """'from April 27 to 29': the last day of a range written after a day-precise date, where its number
    stands."""
    spans = []
    for date in dates:
        m = _DAY_RANGE.match(text, date.end) if date.first.precision == "day" and date.last is None else None
        if m and 1 <= int(m.group(1)) <= DAYS_IN_MONTH:
            spans.append(m.span(1))
    return spans


def modifies_compound(text: str, amount_end: int, noun_start: int) -> bool:
    """'the twin-tower attacks': a number word hyphened to a word that is not its count noun counts that
    word ('three-member committee', 'two-day visit' are counts of their nouns)."""
    m = _COMPOUND.match(text, amount_end)
    return m is not None and noun_start >= m.end()
