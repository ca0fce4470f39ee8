"""A count of things whose noun has no unit of its own: "three bullets", "two light weapons", "12 trucks";
one said as "a single", "the sole" or "single-" ("a single year", "the sole country", "single-page"); the
size of a force ("a 1,200-strong force": people); and a share said as a fraction of a counted whole
("two-thirds of the refugees": 0.6667, "a quarter of returnees": 0.25).

When no count noun of the word lists follows an amount of two or more, a plural noun written in lowercase
right after it (up to three describing words between) is what it counts; the unit is `item` and `counts`
names the noun. Not a fraction or a multiplier ("two thirds", "three times"), not a verb ("two says" is no
English), not a noun that is part of a name, not a year ("2021 elections")."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.figure_vocab import STOP_WORDS, extra_units, figure_record, figure_words
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

PLURAL_REACH = 4  # the plural noun is one of the next four words (as unit_nouns.UNIT_REACH)
_WORD = re.compile(r"[ \t]+([a-z][a-z'’-]*)\b")
_PLURAL = re.compile(r"[a-z'’-]{2,}(?<![sui'’])s")  # "bullets", "vehicles"; not "cross", "bus", "this"
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_VERB_OBJECT = re.compile(r"\s+(?:a|an|the|its|their|his|her|that|this|about|to|over|more|less|up|down)\b", re.I)
# "4,502 represents a rise", "the total of 300 remains to be": a verb with its object, not a plural noun


_STRONG = re.compile(r"-strong\b")


def plural_after(text: str, start: int, end: int, value: float | None) -> tuple[str, int, int] | None:
    """('item', start, end) of the lowercase plural noun an amount of two or more counts ('person' for the
    strength of a force: "a 1,200-strong force"), or None."""
    if value is None or value < 2 or _YEAR.fullmatch(text, start, end):
        return None
    strong = _STRONG.match(text, end)
    if strong:
        return "person", strong.start() + 1, strong.end()
    position = end
    for _ in range(PLURAL_REACH):
        m = _WORD.match(text, position)
        if m is None:
            return None
        word = m.group(1)
        if word in STOP_WORDS or word in not_counted():
            return None
        if is_counted_plural(text, m):
            return "item", m.start(1), m.end(1)
        if word.endswith("ing"):
            return None
        position = m.end()
    return None


def is_counted_plural(text: str, m: re.Match) -> bool:
    """Whether the word `m` matched (group 1) is a lowercase plural noun that counts things: not a verb with
    its object ("4,502 represents a rise"), not a plural of `not_counted`."""
    word = m.group(1)
    if not word.islower() or word in not_counted() or not _PLURAL.fullmatch(word):
        return False
    return not _VERB_OBJECT.match(text, m.end())


@lru_cache(maxsize=1)
def not_counted() -> frozenset[str]:
    """Plurals that are no count of things: fractions and multipliers, verbs after a count of people or
    the number of a bare figure ("7,400 cross", "595 were"), currencies ("300 rupees": money), casualties."""
    words, more = default_words(), figure_words()
    currencies = [f.lower() for _before, after in more.currencies.values() for f in after]
    return frozenset(
        [*more.not_count_plurals, *more.people_verbs, *more.bare_after, *words.casualty_words, *currencies]
    )


_SINGLE = re.compile(r"\b(?:(?i:a|the|one)\s+(?:single|sole)\s+|(?i:single)-)(?P<noun>[a-z][a-z]+)\b")
# "the single largest donor", "the single most important": a superlative after "single" is emphasis, no count
# (nouns that end in -est are not superlatives: "a single request", "the sole interest")
_SUPERLATIVE = re.compile(r"(?:most|least|[a-z]+est)$")
_EST_NOUNS = re.compile(r"(?:requ|inter|prot|cont|gu|n|ch|t|qu|arr|for|harv|conqu|beh|inqu|unr|w|manif|dig|pri)est$")


def single_figures(doc: Document, regions: Regions) -> list[Proposal]:
    """'a single year' (1 year), 'the sole country' (1 country), 'the single-page agreement' (1 page)."""
    nouns = {**extra_units(), **default_words().unit_of_noun}
    out = []
    for m in _SINGLE.finditer(doc.text):
        noun = m.group("noun")
        if _SUPERLATIVE.match(noun) and not _EST_NOUNS.match(noun):
            continue  # "the single largest donor": a superlative, not one of anything
        forms = [noun, noun + "s", noun + "es", noun[:-1] + "ies" if noun.endswith("y") else noun]
        unit = next((nouns[f] for f in forms if f in nouns), "item")
        if unit == "percent":
            continue
        record = figure_record(1, m.group(), unit, noun, regions, m.start())
        out.append(propose(doc, "figure", record, m.start(), m.end(), ["one, said as 'single' or 'sole'"]))
    return out


_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}
_FRACTION = re.compile(
    r"\b(?:(?P<n>(?i:a|one|two|three|four))[\s-]+(?P<part>half|thirds?|quarters?|fifths?)|(?P<half>(?i:half)))\s+of\s+"
    r"(?:(?:the|all|its|their|these|those)\s+)?(?P<tail>[A-Za-z-]+(?:\s+[a-z-]+){0,2})"
)
_SMALL = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def fraction_figures(doc: Document, regions: Regions) -> list[Proposal]:
    """'two-thirds of the refugees' (0.6667), 'a quarter of returnees' (0.25): a share of a counted whole
    (its noun a count noun of the word lists), as 'one in five' is."""
    nouns = {**extra_units(), **default_words().unit_of_noun}
    out = []
    for m in _FRACTION.finditer(doc.text):
        noun = next((w for w in m.group("tail").split() if w.lower() in nouns), None)
        if noun is None or nouns[noun.lower()] in ("percent", "year", "month", "day", "week", "hour", "decade"):
            continue
        share = 0.5 if m.group("half") else _SMALL[m.group("n").lower()] / _FRACTIONS[m.group("part")]
        if share >= 1:
            continue
        text = doc.text[m.start() : m.end("half" if m.group("half") else "part")]
        end = m.start("tail") + m.group("tail").index(noun) + len(noun)
        record = figure_record(round(share, 4), text, "proportion", doc.text[m.start("tail") : end], regions, m.start())
        out.append(propose(doc, "figure", record, m.start(), end, ["a share said as a fraction"]))
    return out
