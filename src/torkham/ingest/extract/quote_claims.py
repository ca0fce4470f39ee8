"""Quotations with their speaker: '"TTP attacks originate from within Pakistan" (Express Tribune, 2023),
said spokesperson Sohail Shaheen'. A quotation that follows one with a speaker in the same paragraph
continues it ('"…," Durrani stressed. "So, almost 450,000 have left."'); a quotation that runs on over
paragraphs (each opening with a quotation mark) is one claim per paragraph. A quotation whose speaker
cannot be named is not proposed."""

from __future__ import annotations

import re

from torkham.ingest.extract.claim_record import ClaimPass
from torkham.ingest.extract.quote_speakers import speaker_after, speaker_before
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.proposal import Proposal

MIN_QUOTE_WORDS = 4
_QUOTE = re.compile(r"\"([^\"\n]{3,1500}?)\"|“([^”]{3,1500}?)”|\*\"([^\"\n]{3,600}?)\"\*")
# between the end of the last claim and the next quotation: '…,” Durrani stressed. “So, …'
_CONTINUES = re.compile(r"[\s.,;:*\"”]{0,6}(?:[\w-]+[\s,]+){0,2}?(?:[\w-]+)?[\s.,;:*\"”]{0,6}")
_PARAGRAPH_OPENS = re.compile(r"\n\s*(?=“)")  # a quotation that runs on: each paragraph opens with “


def quote_claims(cp: ClaimPass) -> list[Proposal]:
    """The claims, with the spans they hold registered on `cp` (reported speech does not look inside)."""
    text = cp.doc.text
    proposals: list[Proposal] = []
    spans: list[tuple[int, int]] = []
    last: tuple[int, Speaker] | None = None  # where the last quotation's claim ends, and its speaker
    for m in _QUOTE.finditer(text):
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        body_start, body_end = m.start(group), m.end(group)
        if len(m.group(group).split()) < MIN_QUOTE_WORDS or cp.regions.within("bibliography", m.start()):
            continue
        sentence_start = cp.sentences.around(m.start())[0]
        speaker = speaker_after(text, m.end()) or speaker_before(text, m.start(), sentence_start)
        start, end = m.start(), m.end()
        if speaker is not None:
            start, end = min(start, _attribution_start(text, speaker, start)), max(end, speaker.end)
        elif last is not None and _CONTINUES.fullmatch(text, last[0], m.start()):
            speaker = last[1]
        if speaker is None:
            continue
        parts = _paragraphs(text, body_start, body_end)
        for i, (part_start, part_end) in enumerate(parts):
            if len(text[part_start:part_end].split()) < MIN_QUOTE_WORDS:
                continue
            span = (start if i == 0 else part_start, end if i == len(parts) - 1 else part_end)
            proposals.append(cp.claim(speaker, text[part_start:part_end], *span))
        spans.append((start, end))
        last = (end, speaker)
    cp.cover(spans)
    return proposals


def _attribution_start(text: str, speaker: Speaker, quote_start: int) -> int:
    """'According to the U.S. State Department …, "…"': the claim starts at 'According'."""
    if speaker.start >= quote_start:
        return speaker.start
    according = text.rfind("ccording to", max(0, speaker.start - 30), speaker.start)
    return according - 1 if according > 0 else speaker.start


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of a quotation that runs on ('“It is vital …\n“That's why …'), each without its mark."""
    parts, position = [], start
    for m in _PARAGRAPH_OPENS.finditer(text, start, end):
        parts.append((position, m.start()))
        position = m.end() + 1  # after the opening mark
    parts.append((position, end))
    return parts
