"""Numbers without a count noun right after them that take the noun their sentence gives, when something
says they are counts: a verb after them ("just over 1,100 were in Pakistan", "7,400 cross the border"),
a word before them ("at 4,000 for …", "is now 4,502", "quadrupling to at least 1,438"), a qualifier
("up to 2.46 million in Pakistan and more than 900,000 in Iran"), "of them" ("over four million of them"),
or brackets closing a clause ("(364)."). Not the numbers of a list ("(1) globally oriented; (2) …") nor
an age ("under the age of 5"). The noun is the nearest count noun of the sentence, the one before first,
and not one that a much smaller amount counts ("these two countries" does not count 2.46 million)."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.figure_counters import number
from torkham.ingest.extract.figure_vocab import NUMERIC, alternation, extra_units, figure_record, figure_words
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

SENTENCE_REACH = 300  # characters either side of a bare number searched for the noun it counts
NOT_COUNTED = (
    "hour",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "percent",
    "interaction",
)  # units a bare number never takes from its sentence


# Between a number and a people verb: a relative pronoun, an auxiliary and an adverb, quoted or not
# ("a reported 374,600 had left", "the roughly 60,000 who had “voluntarily” left").
_PEOPLE_VERB_LEAD = (
    r"(?:\s+(?:who|that))?(?:\s+(?:had|have|has|were|was|are|is)(?:\s+been)?)?(?:\s+[“\"‘']?[a-z]+ly[”\"’']?)?"
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words, more = default_words(), figure_words()
    scale = "|".join(sorted(words.scales, key=len, reverse=True))
    number_words = "|".join(sorted(words.number_words, key=len, reverse=True))
    qualifier = alternation([*words.qualifiers, "under"])
    return {
        "bare": re.compile(
            rf"(?:(?<![\w.,/$£%-])(?P<num>{NUMERIC})|\b(?P<words>(?i:{number_words})(?:[\s-]+(?i:{number_words}))*)(?=\s*(?i:{scale})\b))"
            rf"(?:\s*(?P<scale>(?i:{scale}))\b)?(?![\w/%]|[.,]\d|\s*[-–]\s*\d)"
        ),
        "after": re.compile(rf"\s+(?:{alternation(more.bare_after)})\b", re.I),
        "before": re.compile(rf"\b(?:{alternation(more.bare_before)})\s+(?:(?:just\s+)?(?:{qualifier})\s+)?$", re.I),
        "qualified": re.compile(rf"\b(?:{alternation(list(words.qualifiers))})\s+$", re.I),
        "not_counts": re.compile(rf"\b(?:{alternation(more.not_counts_after)})\s+$", re.I),
        "people_verb": re.compile(rf"{_PEOPLE_VERB_LEAD}\s+(?P<verb>{alternation(more.people_verbs)})\b", re.I),
        "counted_by": re.compile(
            rf"(?:(?P<num>\d[\d,.]*)|\b(?P<word>{'|'.join(words.number_words)}))(?:\s*(?P<scale>{scale})\b)?"
            r"\s+(?:[A-Za-z-]+\s+){0,2}$",
            re.I,
        ),
    }


def bare_figures(doc: Document, regions: Regions) -> list[Proposal]:
    """A number introduced as a count takes the count noun its sentence gives (the module's docstring)."""
    out = []
    text, patterns = doc.text, _patterns()
    for m in patterns["bare"].finditer(text):
        value = _value(m)
        if _year_like(m.group("num") or "", value) or not _introduced(text, m) or _list_number(text, m):
            continue
        if patterns["not_counts"].search(text, max(0, m.start() - 30), m.start()):
            continue
        back = 2 if _OF_THEM.match(text, m.end()) else 1  # "… Afghans fleeing. Nearly five million of them landed"
        noun = _noun_after_verb(text, m.end()) or _sentence_noun(doc, m.start(), m.end(), value, back)
        verb = patterns["people_verb"].match(text, m.end())
        if noun is None and verb is not None:
            noun = ("person", f"people ({verb.group('verb')})")
        if noun is None:
            continue
        unit, word = noun
        qualified = patterns["qualified"].search(text, max(0, m.start() - 20), m.start())
        start = qualified.start() if qualified else m.start()
        record = figure_record(value, text[start : m.end()], unit, word, regions, m.start())
        if qualified:  # "up to 2.46 million in Pakistan"
            record["qualifier"] = default_words().qualifiers[" ".join(qualified.group().lower().split())]
        note = f"no count noun after the number: '{word}' is the noun its sentence gives"
        out.append(propose(doc, "figure", record, start, m.end(), [note]))
    return out


_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b", re.I)


def _value(m: re.Match) -> float:
    """'4,502', '2.46 million', 'four million' (words only with a scale)."""
    words, scale = default_words(), m.group("scale")
    amount = (
        number(m.group("num"))
        if m.group("num")
        else sum(words.number_words[w] for w in re.split(r"[\s-]+", m.group("words").lower()))
    )
    return amount * (words.scales[scale.lower()] if scale else 1)


def _introduced(text: str, m: re.Match) -> bool:
    """Whether something says the number is a count: a verb after it, a word or a qualifier before it, or
    brackets that close a clause ('compared to the previous week (364).')."""
    patterns = _patterns()
    if patterns["after"].match(text, m.end()) or patterns["before"].search(text, max(0, m.start() - 40), m.start()):
        return True
    if patterns["qualified"].search(text, max(0, m.start() - 20), m.start()):
        return True
    return _bracketed(text, m) and re.match(r"\)\s*(?:[.,;:]|$)", text[m.end() : m.end() + 3]) is not None


def _bracketed(text: str, m: re.Match) -> bool:
    return text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"


def _list_number(text: str, m: re.Match) -> bool:
    """'(1) globally oriented; (2) Afghanistan-oriented': the numbers of a list."""
    return _bracketed(text, m) and re.match(r"\)\s+[A-Za-z]", text[m.end() : m.end() + 4]) is not None


def _noun_after_verb(text: str, end: int) -> tuple[str, str] | None:
    """'595 were spontaneous returnees': the count noun a few words after 'were' counts the number."""
    m = re.match(r"\s+(?:were|was|are|is)((?:\s+[A-Za-z-]+){1,3})", text[end : end + 80])
    nouns = {**default_words().unit_of_noun, **extra_units()}
    for word in m.group(1).split() if m else []:
        unit = nouns.get(word.lower())
        if unit and unit != "percent":
            return unit, word.lower()
    return None


def _year_like(raw: str, value: float) -> bool:
    return raw.isdigit() and 1900 <= value <= 2100


def _sentence_noun(doc: Document, start: int, end: int, value: float, back: int = 1) -> tuple[str, str] | None:
    """The count noun nearest to the number in its sentence (and the `back - 1` sentences before it)."""
    nouns = {**default_words().unit_of_noun, **extra_units()}
    s_start, s_end = _sentence_bounds(doc.text, start, end, back)
    best: tuple[int, str, str] | None = None
    for m in re.finditer(r"[A-Za-z][A-Za-z-]*", doc.text[s_start:s_end]):
        unit = nouns.get(m.group().lower())
        at = s_start + m.start()
        if unit is None or unit in NOT_COUNTED or _counts_far_less(doc.text, at, value):
            continue
        distance = (start - at) if at < start else (at - end) * 2  # the noun before it first
        if best is None or distance < best[0]:
            best = (distance, unit, m.group().lower())
    return (best[1], best[2]) if best else None


def _counts_far_less(text: str, noun_start: int, value: float) -> bool:
    """'these two countries': a noun that an amount a thousand times smaller counts does not count `value`."""
    m = _patterns()["counted_by"].search(text, max(0, noun_start - 40), noun_start)
    if m is None:
        return False
    if m.group("num"):
        try:
            counted = number(m.group("num").rstrip(".,"))
        except ValueError:
            return False
    else:
        counted = default_words().number_words[m.group("word").lower()]
    scale = m.group("scale")
    return counted * (default_words().scales[scale.lower()] if scale else 1) * 1000 <= value


def _sentence_bounds(text: str, start: int, end: int, back: int = 1) -> tuple[int, int]:
    window_start = max(0, start - SENTENCE_REACH * back)
    stops = [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z(])|\n", text[window_start:start])]
    first = window_start + (stops[-back] if len(stops) >= back else 0)
    last = re.search(r"[.!?](?=\s+[A-Z(]|\s*$)|\n", text[end : end + SENTENCE_REACH])
    return first, end + (last.start() if last else min(SENTENCE_REACH, len(text) - end))
