"""A profile's head fields as a stored copy keeps them, each label glued to its value: "FormedDecember 14,
2007", "UpdatedAugust 6, 2017", "First AttackDecember 23, 2007: The TTP conducted …". A field whose label is
an event word of a happening ("Formed", "Founded") dates that happening: the subject's formation, told once —
a later sentence of the same type dated only by that year ("formed under Baitullah Mehsud in 2007") tells it
again. A field whose label is a publication word or no event word ("Updated", "Disbanded…") is the page's
own stamp or a state, no event; a field that goes on after a colon is a chronology line, read as a
sentence."""

from __future__ import annotations

import re

from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_finder import EventFinder
from torkham.ingest.extract.event_vocab import event_word_pattern, type_of
from torkham.ingest.proposal import Proposal

FIELD_NOTE = "the date of a head field, its label glued to it"
_LABEL = re.compile(r"[ \t]*(?:[A-Z][a-z]+[ \t]+){0,2}(?P<word>[A-Z][a-z]+)")
_FIELD_END = re.compile(r"[ \t]*(?:\n|$)")
NOT_HAPPENINGS = ("publication",)  # "Updated": the page's own stamp


def field_label(text: str, date: DateMention) -> re.Match | None:
    """The capitalised label glued to `date` at the start of its line ("Formed", "First Attack"), else None."""
    if date.start == 0 or not text[date.start - 1].islower():
        return None
    return _LABEL.fullmatch(text, text.rfind("\n", 0, date.start) + 1, date.start)


def is_field(text: str, date: DateMention) -> bool:
    """Whether `date` is the whole value of a head field: glued to its label, nothing after it on its line."""
    return field_label(text, date) is not None and _FIELD_END.match(text, date.end) is not None


def field_event(finder: EventFinder, date: DateMention) -> Proposal | None:
    """The happening a head field's label names ("FormedDecember 14, 2007": a formation), else None."""
    text = finder.doc.text
    label = field_label(text, date)
    if label is None:
        return None
    word = event_word_pattern().fullmatch(text, label.start("word"), label.end())
    if word is None or type_of(word.group()) in NOT_HAPPENINGS:
        return None
    line = (label.start(), date.end)
    proposal = finder.event(date, word, line, 0, heading=text[line[0] : line[1]].strip())
    if proposal is not None:
        proposal.notes.append(FIELD_NOTE)
    return proposal


def without_retold_fields(events: list[Proposal]) -> list[Proposal]:
    """The events but a later one dated only by the year of a head field's event of the same type."""
    fields = [e for e in events if FIELD_NOTE in e.notes]
    return [
        e
        for e in events
        if not any(
            e is not f
            and e.start > f.end
            and e.record.get("type") == f.record.get("type")
            and len(e.record.get("date", "")) == 4
            and str(f.record.get("date", "")).startswith(e.record["date"] + "-")
            for f in fields
        )
    ]
