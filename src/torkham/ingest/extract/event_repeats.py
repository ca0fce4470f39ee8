"""One event per happening: a report that tells its happening twice, in a standfirst and again in its first
paragraph ('Pak-Afghan border at Torkham was closed on Wednesday after …' / 'LANDIKOTAL: The Pak-Afghan border
at Torkham was closed on Wednesday after …, officials said.'), proposes it once, at its first telling. A later
event is the same happening when it has the same date and type and its sentence holds nearly all the words of
the earlier one's."""

from __future__ import annotations

import re

from torkham.ingest.proposal import Proposal

SHARED_WORDS = 0.8  # of the shorter sentence's words
MIN_WORDS = 8  # a shorter sentence repeats nothing
_WORD = re.compile(r"\w+")


def _words(sentence: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(sentence)}


def without_repeats(events: list[Proposal]) -> list[Proposal]:
    """The events in their order, each retelling of an earlier one (above) left out."""
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
