"""A count of things whose noun has no unit of its own: "three bullets", "two light weapons", "12 trucks";
and one said as "a single", "the sole" or "single-" ("a single year", "the sole country", "single-page").

When no count noun of the word lists follows an amount of two or more, a plural noun written in lowercase
right after it (up to three describing words between) is what it counts; the unit is `item` and `counts`
names the noun. Not a fraction or a multiplier ("two thirds", "three times"), not a verb ("two says" is no
English), not a noun that is part of a name, not a year ("2021 elections")."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.figure_vocab import extra_units, figure_record, figure_words
from torkham.ingest.extract.unit_nouns import STOP_WORDS
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

PLURAL_REACH = 4  # the plural noun is one of the next four words (as unit_nouns.UNIT_REACH)
_WORD = re.compile(r"[ \t]+([a-z][a-z'’-]*)\b")
_PLURAL = re.compile(r"[a-z'’-]{2,}(?<![sui'’])s")  # "bullets", "vehicles"; not "cross", "bus", "this"
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def plural_after(text: str, start: int, end: int, value: float | None) -> tuple[str, int, int] | None:
    """('item', start, end) of the lowercase plural noun an amount of two or more counts, or None."""
    if value is None or value < 2 or _YEAR.fullmatch(text, start, end):
        return None
    position = end
    for _ in range(PLURAL_REACH):
        m = _WORD.match(text, position)
        if m is None:
            return None
        word = m.group(1)
        if word in STOP_WORDS or word in _not_counted():
            return None
        if _PLURAL.fullmatch(word):
            return "item", m.start(1), m.end(1)
        if word.endswith("ing"):
            return None
        position = m.end()
    return None


@lru_cache(maxsize=1)
def _not_counted() -> frozenset[str]:
    """Plurals that are no count of things: fractions and multipliers, verbs after a count of people or
    the number of a bare figure ("7,400 cross", "595 were"), currencies ("300 rupees": money), casualties."""
    words, more = default_words(), figure_words()
    currencies = [f.lower() for _before, after in more.currencies.values() for f in after]
    return frozenset(
        [*more.not_count_plurals, *more.people_verbs, *more.bare_after, *words.casualty_words, *currencies]
    )


_SINGLE = re.compile(r"\b(?:(?i:a|the|one)\s+(?:single|sole)\s+|(?i:single)-)(?P<noun>[a-z][a-z]+)\b")


def single_figures(doc: Document, regions: Regions) -> list[Proposal]:
    """'a single year' (1 year), 'the sole country' (1 country), 'the single-page agreement' (1 page)."""
    nouns = {**extra_units(), **default_words().unit_of_noun}
    out = []
    for m in _SINGLE.finditer(doc.text):
        noun = m.group("noun")
        forms = [noun, noun + "s", noun + "es", noun[:-1] + "ies" if noun.endswith("y") else noun]
        unit = next((nouns[f] for f in forms if f in nouns), "item")
        if unit == "percent":
            continue
        record = figure_record(1, m.group(), unit, noun, regions, m.start())
        out.append(propose(doc, "figure", record, m.start(), m.end(), ["one, said as 'single' or 'sole'"]))
    return out
