"""A movement of people dated by "since" after its verb: "More than 2 million Afghans have returned from Iran
since 2004", "40,000 people were displaced since the start of the year" — the verb tells that people moved,
the date when the movement began (a displacement or deportation from that date). Not a noun counted since a
date ("4,502 total returns since 01 Jan 2018"), nor a sentence that opens with "Since" and a date ("Since 01
January 2018, 122,073 Afghans have returned": the period a count covers), nor a share that has moved
("35% of them have returned since 2002"), nor a verb after the date."""

from __future__ import annotations

import re

from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_vocab import type_of

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
