"""One event per happening: a report that tells its happening twice, in a standfirst and again in its first
paragraph ('Pak-Afghan border at Torkham was closed on Wednesday after …' / 'LANDIKOTAL: The Pak-Afghan border
at Torkham was closed on Wednesday after …, officials said.'), proposes it once, at its first telling. A later
event is the same happening when it has the same date and type and its sentence holds nearly all the words of
the earlier one's. A dated heading ("Briefing Notes, 2 July 2013") whose happening the text under it tells
with its own date ("at the press briefing, on 2 July 2013") proposes it once, at that sentence."""

from __future__ import annotations

import re

from torkham.ingest.proposal import Proposal

SHARED_WORDS = 0.8  # of the shorter sentence's words
MIN_WORDS = 8  # a shorter sentence repeats nothing
_WORD = re.compile(r"\w+")


def _words(sentence: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(sentence)}


HEADING_NOTE = "the date of the heading that names a publication or statement"
RETOLD_REACH = 1000  # characters after a dated heading in which its body tells the same happening


def _retold_heading(event: Proposal, events: list[Proposal]) -> bool:
    """'Briefing Notes, 2 July 2013' over 'a summary of what was said … at the press briefing, on 2 July
    2013': a dated heading's event that a sentence just under it tells with its own date (same day, same
    type) is that sentence's happening."""
    if HEADING_NOTE not in event.notes:
        return False
    key = (event.record.get("date"), event.record.get("type"))
    return any(
        HEADING_NOTE not in other.notes
        and (other.record.get("date"), other.record.get("type")) == key
        and event.end <= other.start <= event.end + RETOLD_REACH
        for other in events
    )


def without_repeats(events: list[Proposal]) -> list[Proposal]:
    """The events in their order, each retelling of an earlier one (above) left out, and a dated heading's
    event that the sentence under it tells again."""
    events = [e for e in events if not _retold_heading(e, events)]
    kept: list[Proposal] = []
    told: list[tuple[object, object, set[str]]] = []
    for event in sorted(events, key=lambda e: e.start):
        words = _words(event.sentence)
        key = (event.record.get("date"), event.record.get("type"))
        repeat = any(
            (date, kind) == key
            and len(words) >= MIN_WORDS
            and len(earlier) >= MIN_WORDS
            and len(words & earlier) >= SHARED_WORDS * min(len(words), len(earlier))
            for date, kind, earlier in told
        )
        if not repeat:
            kept.append(event)
            told.append((*key, words))
    kept_ids = {id(k) for k in kept}
    return [e for e in events if id(e) in kept_ids]
