"""Sentences dated by the one before them: "As a response, Pakistan temporarily closed the border crossing.",
"Also overnight, security forces conducted an operation …" — a sentence with no date of its own that opens
with a word of response or of the same night (event_words.yaml `context_openers`) and has an event word
happened on the day or in the month written shortly before it; the note says which date."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from torkham.ingest.extract.common import Sentences
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_finder import EventFinder, dated_event
from torkham.ingest.extract.event_vocab import context_openers, event_word_pattern, form_pattern
from torkham.ingest.proposal import Proposal

OPENER_REACH = 600  # characters back to the date the opener refers to, at most


@lru_cache(maxsize=1)
def _opener() -> re.Pattern:
    forms = "|".join(form_pattern(f) for f in sorted(context_openers(), key=len, reverse=True))
    return re.compile(rf"[\"“]?(?:(?:Also|And|But)\s+)?(?i:{forms})\b\s*,?", re.I)


def dated_by_opener(
    finder: EventFinder, dates: list[DateMention], dated: set[tuple[int, int]], sentences: Sentences
) -> list[Proposal]:
    """Each undated sentence that opens with a context opener and tells of an event, dated by the nearest
    date before it when that is a day or a month (a year, a period or a date far back dates no happening)."""
    text = finder.doc.text
    known = sorted(dates, key=lambda d: d.end)
    ends = [d.end for d in known]
    proposals = []
    for sentence in sentences.spans:
        opener = _opener().match(text, sentence[0])
        i = bisect_left(ends, sentence[0] + 1) - 1
        if opener is None or sentence in dated or i < 0:
            continue
        date = _finest_before(known, i, sentences)
        if not _refers_to(date, sentence[0]):
            continue
        word = next(iter(event_word_pattern().finditer(text, opener.end(), sentence[1])), None)
        if word is None:
            continue
        note = f"dated by context: '{opener.group().strip(' ,')}' after '{date.text}'"
        proposal = dated_event(finder, opener, word, sentence, date.date, note)
        if proposal:
            proposals.append(proposal)
            dated.add(sentence)
    return proposals


def _finest_before(dates: list[DateMention], i: int, sentences: Sentences) -> DateMention:
    """The last date before, or a finer one of its sentence in the same year: 'On 15 August 2021, Torkham was
    seized … as part of the wider 2021 Taliban offensive.' refers to 15 August 2021."""
    last = dates[i]
    sentence = sentences.around(last.start)
    finer = [d for d in dates[: i + 1] if d.start >= sentence[0] and d.first.year == last.first.year]
    return max(finer, key=lambda d: (("year", "month", "day").index(d.first.precision), d.end), default=last)


def _refers_to(date: DateMention, start: int) -> bool:
    return date.first.precision in ("day", "month") and date.last is None and start - date.end <= OPENER_REACH
