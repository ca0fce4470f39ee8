"""A press release's dateline that opens its first sentence with a colon ("Islamabad, 3 November 2023: UNHCR,
IOM and UNICEF are deeply concerned …") dates that sentence: what the issuers say or do there is said or
done on the release's date — a statement, or the event its own event word tells ("Geneva, 5 May 2023: The
agencies today signed …"). A news report's dateline with a dash ("PESHAWAR, Sept 16, 2023 —") dates the
report, not what it tells (date_places.is_dateline)."""

from __future__ import annotations

import re

from torkham.ingest.extract.common import Sentences
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_finder import EventFinder
from torkham.ingest.extract.event_vocab import event_word_pattern
from torkham.ingest.proposal import Proposal

_PLACE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:,[ \t]*[A-Z][\w.'’-]*){0,1},[ \t]*")
_COLON = re.compile(r"[ \t]*:[ \t]*(?=\S)")  # the sentence follows on the same line


def release_dateline(text: str, date: DateMention) -> bool:
    """'Islamabad, 3 November 2023: …': a place opens the line, the date and a colon follow, then the text."""
    line_start = text.rfind("\n", 0, date.start) + 1
    return (
        date.first.precision == "day"
        and date.last is None
        and bool(_PLACE.fullmatch(text, line_start, date.start))
        and bool(_COLON.match(text, date.end))
    )


def release_statements(finder: EventFinder, datelines: list[DateMention], sentences: Sentences) -> list[Proposal]:
    """The event of each sentence a release's dateline opens: the type of its first event word after the
    colon, else a statement; the note names the dateline."""
    text = finder.doc.text
    proposals = []
    for date in datelines:
        sentence = sentences.around(date.start)
        colon = _COLON.match(text, date.end)
        body = colon.end() if colon else date.end
        word = event_word_pattern().search(text, body, sentence[1])
        at = word or re.compile(r"\S+").match(text, body)
        if at is None:
            continue
        proposal = finder.event(date, at, sentence, 0, event_type=None if word else "statement")
        if proposal is not None:
            if word is None:
                proposal.notes[0] = "a statement: what the release's first sentence says on its date"
            proposal.notes.append(f"dated by the release's dateline '{date.text}'")
            proposals.append(proposal)
    return proposals
