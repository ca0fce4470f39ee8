"""A movement of people dated by "since": after its verb ("More than 2 million Afghans have returned from Iran
since 2004", "40,000 people were displaced since the start of the year") or before it, opening the sentence,
with a verb in the perfect ("Since 15 September 2023, an estimated 160,000 Afghans have left Pakistan",
"Since 1979, Pakistan has hosted Afghan refugees") — the verb tells that people moved, or were taken in, the
date when that began (a displacement or deportation from that date). Not a noun counted since a date
("4,502 total returns since 01 Jan 2018"), nor a share that has moved ("35% of them have returned since 2002"),
nor a verb after a date that does not open the sentence. "As of" a date dates a movement told in the perfect
or pluperfect the same way, opening the sentence ("As of November 17, a reported 374,600 had left Pakistan")
or after the verb ("the roughly 60,000 who had “voluntarily” left as of November 18"): the movement up to
that date."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_vocab import form_pattern, perfect_movements, trend_verbs, type_of, violence_nouns

MOVEMENTS = ("displacement", "deportation")
SINCE_REACH = 120  # characters between the verb and "since", at most
_VERB = re.compile(r"[a-z]+ed|fled")  # "returned", "deported", "displaced", "fled": a verb, not a noun
_BETWEEN = re.compile(r"[^.;:!?\n]*")  # the verb and the date in one clause
_SHARE_BEFORE = re.compile(r"\d\s*(?:%|per\s?cent\b)[^.;:!?\n]*$", re.I)  # "About 35% of them have returned"


def movement_since(text: str, date: DateMention, words: list[re.Match]) -> list[re.Match]:
    """The words of `words` (event words of the date's sentence) that a 'since' date dates: a verb of a
    movement of people before it, in its clause."""
    out = []
    for word in words:
        if word.end() > date.start or date.start - word.end() > SINCE_REACH:
            continue
        if type_of(word.group()) not in MOVEMENTS or not _VERB.fullmatch(word.group()):
            continue
        if _SHARE_BEFORE.search(text, max(0, word.start() - SINCE_REACH), word.start()):
            continue  # a share of a population that has moved: a statistic of the population
        if _BETWEEN.fullmatch(text, word.end(), date.start):
            out.append(word)
    return out


_OPENING_SINCE = re.compile(r"[\s\"“]*(?:Since|As\s+of)\s+$")
_AS_OF = re.compile(r"\bas\s+of\s+$", re.I)
_CLAUSE = re.compile(r"[^;:!?\n]*")  # the rest of the sentence's first clause


@lru_cache(maxsize=1)
def _perfect_pattern() -> re.Pattern:
    forms = "|".join(form_pattern(w) for w in sorted(perfect_movements(), key=len, reverse=True))
    return re.compile(rf"\b(?:has|have|had)\s+(?:[“\"‘']?[a-z]+ly[”\"’']?\s+)?(?:been\s+)?(?:{forms})\b", re.I)


def opening_since(text: str, sentence: tuple[int, int], date: DateMention) -> tuple[re.Match, str] | None:
    """'Since 15 September 2023, an estimated 160,000 Afghans have left Pakistan', 'Since 1979, Pakistan has
    hosted …': (the perfect verb, its event type) when 'Since' and the date open the sentence and a perfect
    verb of people moving or taken in follows in its clause (not a share: '35% of them have returned')."""
    if not _OPENING_SINCE.fullmatch(text, sentence[0], date.start):
        return None
    clause = _CLAUSE.match(text, date.end, sentence[1])
    verb = _perfect_pattern().search(text, date.end, clause.end() if clause else date.end)
    if verb is None or _SHARE_BEFORE.search(text, date.end, verb.start()):
        return None
    said = verb.group().split()[-1]
    kind = type_of(said) if said.lower() in _movement_words() else "displacement"
    return verb, kind


def movement_as_of(text: str, sentence: tuple[int, int], date: DateMention) -> tuple[re.Match, str] | None:
    """'the roughly 60,000 who had left as of November 18': (the perfect verb, its type) of a movement of
    people that an 'as of' date right after it, in its clause, dates."""
    if not _AS_OF.search(text, max(sentence[0], date.start - 8), date.start):
        return None
    start = max(sentence[0], date.start - SINCE_REACH)
    verbs = [
        v for v in _perfect_pattern().finditer(text, start, date.start) if _BETWEEN.fullmatch(text, v.end(), date.start)
    ]
    if not verbs or _SHARE_BEFORE.search(text, start, verbs[-1].start()):
        return None
    said = verbs[-1].group().split()[-1]
    return verbs[-1], type_of(said) if said.lower() in _movement_words() else "displacement"


@lru_cache(maxsize=1)
def _violence_pattern() -> re.Pattern:
    nouns = "|".join(form_pattern(w) for w in sorted(violence_nouns(), key=len, reverse=True))
    return re.compile(
        rf"[ \t]*,?[ \t]+(?:[\w-]+[ \t]+){{0,3}}?(?:{nouns})[ \t]+(?:has|have)[ \t]+(?:[a-z]+ly[ \t]+)?"
        r"(?:been[ \t]+)?(?P<verb>[a-z]+ed)\b",
        re.I,
    )


def violence_since(text: str, sentence: tuple[int, int], date: DateMention) -> tuple[re.Match, str] | None:
    """'Since 10 October, cross-border armed violence has escalated …': (the verb, 'attack') when 'Since' and
    the date open the sentence and a noun of ongoing armed violence is the subject of a perfect verb — not a
    trend verb, and no number in between (a statistic)."""
    if not _OPENING_SINCE.fullmatch(text, sentence[0], date.start) or not text[sentence[0] :].lstrip(' "“').startswith(
        "Since"
    ):
        return None
    found = _violence_pattern().match(text, date.end, sentence[1])
    if found is None or found.group("verb").lower() in trend_verbs() or re.search(r"\d", found.group()):
        return None
    return found, "attack"


@lru_cache(maxsize=1)
def _movement_words() -> frozenset[str]:
    from torkham.ingest.extract.event_vocab import event_words

    return frozenset(w for t in MOVEMENTS for w in event_words().get(t, []))
