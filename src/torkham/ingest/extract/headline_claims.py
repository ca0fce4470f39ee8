"""A news headline that names its source after a colon: '6 TTP militants killed in intelligence-based
operation in KP’s Lakki Marwat: police', '… Afghan soil: FO'. The words before the colon are the source's
claim. Only a heading line (the text's first line, or a line set off by blank lines) of four words or more
before the colon, and a source of one to three words: a speaking noun ('police', 'officials') or a name."""

from __future__ import annotations

import re

from torkham.ingest.extract.claim_record import ClaimPass
from torkham.ingest.extract.speakers import body_before, first_name_in
from torkham.ingest.proposal import Proposal

MIN_WORDS = 4
_HEADLINE = re.compile(
    r"(?m)^[ \t]*(?P<statement>[^\n:.!?]{10,160}?)[ \t]*:[ \t]*(?P<who>[^\s:]+(?:[ \t]+[^\s:]+){0,2})[ \t]*$"
)

_LABEL_END = re.compile(r"\b(?:by|of|in|for|to|as|and|or|with|from|on|at|the|a|an|include|includes)$", re.I)


def headline_sources(cp: ClaimPass) -> list[Proposal]:
    text, proposals = cp.doc.text, []
    for m in _HEADLINE.finditer(text):
        if not _heading(text, m.start(), m.end()) or cp.skipped(m.start()):
            continue
        statement = m.group("statement").strip()
        speaker = body_before(text, m.start("who"), m.end("who")) or first_name_in(m.group("who"), m.start("who"))
        if speaker is None or (speaker.start, speaker.end) != m.span("who") or len(statement.split()) < MIN_WORDS:
            continue  # the whole source must be a speaking noun or a name: "Location: Kabul" is a label
        if _LABEL_END.search(statement):
            continue  # "Designated as a terrorist organisation by: United States": an infobox field
        if cp.held(m.start(), speaker):
            continue
        proposals.append(cp.claim(speaker, statement, m.start("statement"), m.end()))
    return proposals


def _heading(text: str, start: int, end: int) -> bool:
    """The text's first line, or a line with a blank line (or the text's edge) on each side."""
    before = text[:start].rstrip(" \t")
    if not before.strip():
        return True
    after = text[end:].lstrip(" \t")
    return before.endswith("\n\n") and (not after.strip() or after.startswith("\n\n"))
