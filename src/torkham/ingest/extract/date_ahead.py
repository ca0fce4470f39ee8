"""A yearless date that the text puts ahead of itself: "plans to assist 100,000 Afghans during a six month
period finishing on October 8", in a release of September 2000, is 2000-10-08 — not 1999-10-08, the year
before that a yearless date after the document's date otherwise takes (dates.py). Only a word of
`ahead_words` (date_words.yaml) before the date, in its sentence, says so."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from torkham.model.yamlfile import load_yaml, word_list

DATE_WORDS = Path(__file__).with_name("date_words.yaml")
_SENTENCE_START = re.compile(r"[.!?]\s|\n")
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def ahead_words() -> frozenset[str]:
    return frozenset(word_list(load_yaml(DATE_WORDS) or {}, "ahead_words", DATE_WORDS))


def _sentence_before(text: str, start: int) -> str:
    opening = max((m.end() for m in _SENTENCE_START.finditer(text, max(0, start - 400), start)), default=0)
    return text[max(opening, start - 400) : start]


def put_ahead(text: str, start: int) -> str | None:
    """The word before the date at `start`, in its sentence, that puts it ahead of the text; None if none."""
    words = ahead_words()
    return next((w for w in _WORD.findall(_sentence_before(text, start).lower()) if w in words), None)
