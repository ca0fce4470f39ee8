"""People moved by force, counted without a count noun: "Renewed fighting is forcing tens of thousands to
flee", "the floods drove 2,000 to leave their homes" — an amount between a verb of compelling and the infinitive
of a verb of people moving (both lists in figure_words.yaml) counts people. "rose from 200 to 300" is no such
amount: "to" must be followed by one of the verbs."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.casualties import Casualty, casualty_after, casualty_before
from torkham.ingest.extract.figure_vocab import FIGURE_WORDS_FILE
from torkham.model.yamlfile import load_yaml, word_list

REACH = 12  # characters between the verb of compelling and the amount (its qualifier), at most


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    data = load_yaml(FIGURE_WORDS_FILE) or {}
    verbs = _alternation(word_list(data, "compelling_verbs", FIGURE_WORDS_FILE))
    moving = _alternation(word_list(data, "moving_infinitives", FIGURE_WORDS_FILE))
    before = re.compile(rf"\b(?:{verbs})\s+(?:(?:an\s+estimated|some|over|about|nearly|almost)\s+)?$", re.I)
    after = re.compile(rf"\s+to\s+(?P<verb>{moving})\b", re.I)
    return before, after


def compelled_to_move(text: str, start: int, end: int) -> Casualty | None:
    """'forcing tens of thousands to flee': the amount at [start, end) counts people made to move."""
    before, after = _patterns()
    moved = after.match(text, end)
    if moved is None or before.search(text, max(0, start - REACH - 40), start) is None:
        return None
    return Casualty(f"made to {moved.group('verb').lower()}", moved.start("verb"), moved.end("verb"))


def people_counted(text: str, start: int, end: int) -> Casualty | None:
    """What says the amount at [start, end) counts people, with no count noun: a casualty word after it ("61
    killed"), a casualty verb before it ("killing 12"), or being made to move ("forcing thousands to flee")."""
    return casualty_after(text, end) or casualty_before(text, start) or compelled_to_move(text, start, end)
