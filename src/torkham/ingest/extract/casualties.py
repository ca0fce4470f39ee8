"""Counts of people written without a count noun, as casualty reports write them: an amount followed by
what happened to them ("61 killed or wounded", "3 dead and at least 17 injured", "nine of whom were later
found dead", "dozens were displaced") or preceded by the verb ("killing at least 12", "wounding more
than 500", "wounded another 230"). Both word lists are data (wordlists.yaml: casualty_words, casualty_verbs)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from torkham.ingest.extract.words import default_words

VERB_REACH = 50  # characters between a casualty verb and its amount (its qualifier included), at most
_TOLL = r"(?:death|casualty)\s+toll\s+(?:\w+\s+){0,2}?(?:to|at|of)"  # "the death toll rose to 45"


@dataclass(frozen=True)
class Casualty:
    counts: str  # what is counted, as written: "killed or wounded", "wounding"
    start: int  # the span of the words that say so
    end: int


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    words = default_words()
    happened = "|".join(sorted(words.casualty_words, key=len, reverse=True))
    verbs = "|".join(sorted(words.casualty_verbs, key=len, reverse=True))
    # Between the amount and the word: "were", "have been", "of whom were later found", "people reported".
    filler = (
        r"(?:of\s+(?:whom|them)\s+|(?:were|was|are|is|have\s+been|had\s+been|has\s+been|been|reportedly|later|also|"
    )
    filler += r"were\s+reportedly|others|more|people|persons|found|confirmed|left)\s+){0,4}"
    after = re.compile(rf"\s+{filler}(?P<word>(?:{happened})(?:\s+(?:or|and)\s+(?:{happened}))?)\b", re.I)
    before = re.compile(rf"\b(?P<verb>{verbs}|{_TOLL})\s+(?:(?:another|a\s+further|an\s+additional)\s+)?$", re.I)
    return after, before


def casualty_after(text: str, amount_end: int) -> Casualty | None:
    """'61 killed or wounded', 'nine of whom were later found dead': the words after an amount."""
    m = _patterns()[0].match(text, amount_end)
    if m is None:
        return None
    return Casualty(" ".join(m.group("word").split()), m.start("word"), m.end("word"))


def casualty_before(text: str, start: int) -> Casualty | None:
    """'killing at least 12', 'wounding more than 500': the verb before an amount (or its qualifier)."""
    m = _patterns()[1].search(text, max(0, start - VERB_REACH), start)
    if m is None:
        return None
    verb = m.group("verb").lower()
    if "toll" in verb:
        return Casualty("killed" if verb.startswith("death") else "killed or wounded", m.start("verb"), m.end("verb"))
    participle = next((w for w in default_words().casualty_words if w[:4] == verb[:4]), verb)  # killing: killed
    return Casualty(participle, m.start("verb"), m.end("verb"))
