"""A press release's dateline that opens its first sentence with a colon ("Islamabad, 3 November 2023: UNHCR,
IOM and UNICEF are deeply concerned …") dates that sentence: what the issuers say or do there is said or
done on the release's date — a statement, or the event its own event word tells ("Geneva, 5 May 2023: The
agencies today signed …"). So does a release's dateline with a dash, its place written as a name ("Kabul, 1
November 2023 - Hundreds of Afghan children are crossing …, Save the Children said."): a first sentence that
closes with its issuer's saying is a statement. A news report's dateline with a dash, its place in capitals
("PESHAWAR, Sept 16, 2023 —"), dates the report, not what it tells (date_places.is_dateline)."""

from __future__ import annotations

import re

from torkham.ingest.extract.common import Sentences
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_finder import EventFinder
from torkham.ingest.extract.event_vocab import event_word_pattern, saying_verbs
from torkham.ingest.proposal import Proposal

_PLACE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3}(?:,[ \t]*[A-Z][\w.'’-]*){0,1},[ \t]*")
_COLON = re.compile(r"[ \t]*:[ \t]*(?=\S)")  # the sentence follows on the same line
_DASH = re.compile(r"[ \t]+[-–—][ \t]+(?=[A-Z])")  # "Kabul, 1 November 2023 - Hundreds of …"
_CAPITALS = re.compile(r"[ \t]*[A-Z][A-Z.'’-]+\b")  # a wire's place: "PESHAWAR", "ISLAMABAD"


def release_dateline(text: str, date: DateMention) -> bool:
    """'Islamabad, 3 November 2023: …': a place opens the line, the date and a colon follow, then the text."""
    line_start = text.rfind("\n", 0, date.start) + 1
    return (
        date.first.precision == "day"
        and date.last is None
        and bool(_PLACE.fullmatch(text, line_start, date.start))
        and bool(
            _COLON.match(text, date.end) or (_DASH.match(text, date.end) and not _CAPITALS.match(text, line_start))
        )
    )


def _closing_saying(text: str, sentence: tuple[int, int]) -> re.Match | None:
    """', Save the Children said.': the saying verb that closes the sentence after its speaker, else None."""
    verbs = "|".join(saying_verbs())
    closing = re.compile(rf",[ \t]+(?:[\w.'’-]+[ \t]+){{1,6}}(?P<verb>{verbs})[ \t]*[.!]?[ \t]*$")
    return closing.search(text, sentence[0], sentence[1])


def release_statements(finder: EventFinder, datelines: list[DateMention], sentences: Sentences) -> list[Proposal]:
    """The event of each sentence a release's dateline opens: the type of its first event word after the
    colon, else a statement; the note names the dateline."""
    text = finder.doc.text
    proposals = []
    for date in datelines:
        sentence = sentences.around(date.start)
        opener = _COLON.match(text, date.end) or _DASH.match(text, date.end)
        body = opener.end() if opener else date.end
        said = _closing_saying(text, sentence)
        word = event_word_pattern().search(text, body, sentence[1]) if said is None else None
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
