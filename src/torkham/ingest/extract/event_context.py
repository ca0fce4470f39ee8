"""Events dated by where they are written rather than by a date in their sentence: a dated heading line
that names a publication or a statement ("Afghanistan: Humanitarian Update, April 2024", "Press Statement
… Islamabad, Pakistan / October 28, 2009"); what a statement under its date line says is done now ("The
Secretary of State has designated …", "The UK will be releasing …"); and a sentence with a time of day
("At 3 a.m., gunmen stormed …") on the day written shortly before it."""

from __future__ import annotations

import re
from bisect import bisect_left

from torkham.ingest.extract.common import Sentences
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_fields import is_field
from torkham.ingest.extract.event_filters import habitual
from torkham.ingest.extract.event_finder import EventFinder, dated_event
from torkham.ingest.extract.event_repeats import HEADING_NOTE
from torkham.ingest.extract.event_vocab import (
    announcing_words,
    event_word_pattern,
    heading_word_pattern,
    heading_words,
    type_of,
)
from torkham.ingest.extract.relative_dates import heading_starts
from torkham.ingest.proposal import Proposal

HEADING_LINE_CHARS = 160  # a heading line (a title, a byline, a date line) is shorter than this
BLOCK_LINES = 5  # lines of a heading block above its date line ("Press Statement / name / title / place")
STATEMENT_SENTENCES = 8  # sentences under a press statement's date line that it dates, at most
PARAGRAPH_SENTENCES = 3  # sentences of the paragraph under a date alone on its line that it dates
_SPACE = re.compile(r"\s*")
_AFTER_DATE = re.compile(r"[ \t.,;)\]]*(?:\n|$)")


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, end if end >= 0 else len(text)


def _heading_like(line: str) -> bool:
    return 0 < len(line.strip()) < HEADING_LINE_CHARS and not line.rstrip().endswith((".", "!", "?", ":"))


def heading_word(text: str, date: DateMention) -> re.Match | None:
    """The heading word that makes `date` the date of a publication or statement: the date ends its line,
    not in brackets, and the word is on that line before it or on a line of the heading block above it."""
    start, end = _line(text, date.start)
    if not _AFTER_DATE.match(text, date.end) or text[max(0, date.start - 1) : date.start] in ("(", "["):
        return None
    if not _heading_like(text[start:end]):
        return None
    word = heading_word_pattern().search(text, start, date.start)
    for _ in range(BLOCK_LINES):
        if word is not None or start == 0:
            break
        start, end = _line(text, start - 1)
        if not _heading_like(text[start:end]):
            break  # a blank line, or a sentence: the block ends
        word = heading_word_pattern().search(text, start, end)
    return word


# A news report's first line: its place in capitals and a colon or dash ("ISLAMABAD: The Foreign Office …",
# "PESHAWAR, Pakistan (AP) — …").
_NEWS_OPENER = re.compile(
    r"\s*[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,2}(?:,[^\n:—–]{1,40})?[ \t]*(?::|[—–]|--)[ \t]"
)
_CREDIT = re.compile(r"[ \t]*Published\s+in\s+[A-Z][^\n,]{0,40},[ \t]*$")  # "Published in Dawn, "


def news_page_date(text: str, word: re.Match, date: DateMention) -> bool:
    """'Published February 5, 2022' above a news report's opening ('ISLAMABAD: …'), and the closing credit
    'Published in Dawn, February 5th, 2022': the page's own date, which dates the document, not an event."""
    if word.group().lower() != "published":
        return False
    line_start = _line(text, date.start)[0]
    if _CREDIT.fullmatch(text, line_start, date.start):
        return True
    return _NEWS_OPENER.match(text, _line(text, date.start)[1]) is not None


def dated_headings(finder: EventFinder, dates: list[DateMention]) -> tuple[list[Proposal], list[DateMention]]:
    """(the events, the dates that made them) of dated heading lines: 'Updated December 1, 2023',
    'UK … Office press release, 3 September 2021', 'Press Statement / … / October 28, 2009'."""
    text = finder.doc.text
    proposals, used = [], []
    for date in dates:
        if date.last is not None or is_field(text, date):
            continue  # a period; or a head field glued to its label ("UpdatedAugust 6, 2017"): event_fields
        word = heading_word(text, date)
        if word is None or news_page_date(text, word, date):
            continue
        heading = " ".join(text[_line(text, word.start())[0] : _line(text, date.start)[1]].split())
        event_type = heading_words()[" ".join(word.group().lower().split())]
        sentence = _line(text, date.start)
        proposal = finder.event(date, word, sentence, 0, heading=heading, event_type=event_type)
        if proposal is not None:
            proposal.notes.append(HEADING_NOTE)
            proposals.append(proposal)
            used.append(date)
    return proposals, used


_DONE_NOW = re.compile(r"\b(?:has|have|is|are)\s+(?:\w+ly\s+)?$")  # "has designated", "is designating"
_DONE_OR_WILL = re.compile(r"\b(?:has|have|is|are|will(?:\s+be)?)\s+(?:\w+ly\s+)?$")  # "will be releasing"


# Before a date that ends its line: a place and a separator ("Islamabad | June 19, 2014", "Washington, …")
_PLACE_BEFORE = re.compile(r"[ \t]*(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*[ \t]*(?:[|,·•/]|[—–-])[ \t]*")


def _statement_dates(text: str, dates: list[DateMention], headed: list[DateMention]) -> list[DateMention]:
    """Day-precise dates that date the statement under them: a date alone on its line (or after its place:
    'Islamabad | June 19, 2014'), or a heading's."""
    alone = []
    for date in dates:
        start, end = _line(text, date.start)
        placed = _PLACE_BEFORE.fullmatch(text, start, date.start) and not text[date.end : end].strip(" \t.")
        if date.first.precision == "day" and (text[start:end].strip() == date.text.strip() or placed or date in headed):
            alone.append(date)
    return alone


def _body(text: str, position: int) -> int:
    """Where the text after `position` starts (white space skipped)."""
    m = _SPACE.match(text, position)
    return m.end() if m else position


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n\n", _body(text, position))
    return len(text) if end < 0 else end


def _statement_sentences(
    text: str, line_date: DateMention, headed: list[DateMention], sentences: Sentences
) -> list[tuple[tuple[int, int], re.Pattern]]:
    """The sentences a date line dates, each with the verb forms that say it is done: under a press
    statement's or release's heading, up to the next heading (in the first paragraph also what it will do);
    under a date alone, its first paragraph's first sentences."""
    position = _line(text, line_date.start)[1]
    lede_end = _paragraph_end(text, position)
    if line_date in headed:
        i = bisect_left(headings := heading_starts(text), position)
        count, stop = STATEMENT_SENTENCES, headings[i] if i < len(headings) else len(text)
    else:
        count, stop = PARAGRAPH_SENTENCES, lede_end
    found = []
    for _ in range(count):
        if _body(text, position) >= min(stop, len(text)):
            break
        sentence = sentences.around(_body(text, position))
        lede = line_date in headed and sentence[0] < lede_end
        found.append((sentence, _DONE_OR_WILL if lede else _DONE_NOW))
        position = sentence[1]
    return found


ANNOUNCING = ("statement", "policy", "agreement")  # types whose past tense a release's lede reports of its day


def _announced(word: re.Match) -> bool:
    """'Ambassador Olson announced that …', 'the minister signed …': in the first sentence under a date line, a
    word of announcing, policy or agreement in the past tense tells what was done on that day."""
    said = word.group()
    return said.islower() and said.endswith("ed") and type_of(said) in ANNOUNCING


def _done_now(text: str, done: re.Pattern, sentence_start: int, word: re.Match) -> bool:
    m = done.search(text, max(sentence_start, word.start() - 30), word.start())
    return m is not None and not habitual(m, word)


def dated_by_statement_line(
    finder: EventFinder,
    dates: list[DateMention],
    headed: list[DateMention],
    dated: set[tuple[int, int]],
    sentences: Sentences,
) -> list[Proposal]:
    """A statement's date on a line of its own ('September 1, 2010', or ending a heading line) dates what
    the sentences under it say is done now: 'The Secretary of State has designated …', 'the Department is
    designating …'; in the first paragraph under a statement's or a release's heading also what it will do
    ('The UK will be releasing …')."""
    text = finder.doc.text
    proposals = []
    for line_date in _statement_dates(text, dates, headed):
        said = _said_already(finder, line_date)
        lede = _statement_line(text, line_date, headed)  # not a publication's date: "Updated December 1, 2023"
        for i, (sentence, done) in enumerate(_statement_sentences(text, line_date, headed, sentences)):
            if sentence in dated:
                continue
            words = event_word_pattern().finditer(text, sentence[0], sentence[1])
            words = (w for w in words if not (said and _saying(w)))
            word = next(
                (w for w in words if _done_now(text, done, sentence[0], w) or (i == 0 and lede and _announced(w))), None
            )
            if word is None:
                continue
            note = f"dated by the statement's date line '{line_date.text}'"
            proposal = dated_event(finder, word, word, sentence, line_date.date, note)
            if proposal:
                proposals.append(proposal)
                dated.add(sentence)
    return proposals


def _statement_line(text: str, line_date: DateMention, headed: list[DateMention]) -> bool:
    """A date line of a statement or release: a date alone (or after its place), or a statement's heading."""
    if line_date not in headed:
        return True
    word = heading_word(text, line_date)
    return word is not None and heading_words()[" ".join(word.group().lower().split())] == "statement"


def _saying(word: re.Match) -> bool:
    """A statement word that tells of saying ('welcomed', 'said'), not of an act of its own ('announced')."""
    return type_of(word.group()) == "statement" and " ".join(word.group().lower().split()) not in announcing_words()


def _said_already(finder: EventFinder, line_date: DateMention) -> bool:
    """Whether a statement of the date line's day is proposed already (the briefing's heading, 'said at the
    press briefing on 26 March 2010'): what the statement says under it ('UNHCR has welcomed …') is that
    statement, one happening, not another."""
    day = line_date.first.iso()
    return any(when == day and kind == "statement" for _start, when, kind in finder.seen)


CONTEXT_REACH = 600  # characters back to the day a sentence dated by context happened on
_TIME_OF_DAY = re.compile(
    r"\bat\s+(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|o['’]clock)|dawn|dusk|midnight|noon)"
    r"|\b(?:later|earlier)\s+that\s+(?:day|night|morning|evening)\b|\bthat\s+(?:night|evening|afternoon)\b",
    re.I,
)


def dated_by_time_of_day(
    finder: EventFinder, dates: list[DateMention], dated: set[tuple[int, int]], sentences: Sentences
) -> list[Proposal]:
    """'At 3 a.m., gunmen stormed …': a sentence with no date of its own but a time of day and an event
    word happened on the day written shortly before it; the note says which."""
    text = finder.doc.text
    days = [d for d in dates if d.first.precision == "day" and d.last is None]
    ends = [d.end for d in days]
    proposals = []
    for m in _TIME_OF_DAY.finditer(text):
        sentence = sentences.around(m.start())
        i = bisect_left(ends, sentence[0] + 1) - 1
        if sentence in dated or i < 0 or sentence[0] - days[i].end > CONTEXT_REACH:
            continue
        word = next((w for w in event_word_pattern().finditer(text, sentence[0], sentence[1])), None)
        if word is None:
            continue
        note = f"dated by context: the day of '{days[i].text}' before it"
        proposal = dated_event(finder, m, word, sentence, days[i].date, note)
        if proposal:
            proposals.append(proposal)
        dated.add(sentence)
    return proposals
