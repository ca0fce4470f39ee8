"""Headlines. One that names its source after a colon: '6 TTP militants killed in intelligence-based
operation in KP’s Lakki Marwat: police', '… Afghan soil: FO'. The words before the colon are the source's
claim. Only a heading line (the text's first line, or a line set off by blank lines) of four words or more
before the colon, and a source of one to three words: a speaking noun ('police', 'officials') or a name.
One with no speaker whose verb judges what it reports ('Mass Returns Overwhelm Borders, Stretch Resources';
claim_words.yaml: headline_judgements) is the publisher's own claim."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_record import ClaimPass, claim_topic, short_statement
from torkham.ingest.extract.claim_words import claim_words, inflect
from torkham.ingest.extract.common import propose
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


@lru_cache(maxsize=1)
def _judging_verbs() -> re.Pattern[str]:
    forms = {
        f for lemma in claim_words().headline_judgements for k, f in inflect(lemma, {}).items() if k in ("base", "s")
    }
    return re.compile(r"(?<=\s)(?:" + "|".join(sorted((f.capitalize() for f in forms), key=len, reverse=True)) + r")\b")


def judging_headlines(cp: ClaimPass) -> list[Proposal]:
    """A title-case line (four words or more, most capitalised, no full stop) whose verb judges: the author's."""
    text, proposals = cp.doc.text, []
    for line in re.finditer(r"^[^\n]{10,160}$", text, re.M):
        words = line.group().split()
        capitals = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
        if len(words) < MIN_WORDS or capitals < 0.7 * len(words) or line.group().rstrip().endswith("."):
            continue
        verb = _judging_verbs().search(line.group())
        if verb is None or cp.skipped(line.start()) or cp.sentences.around(line.start())[0] in cp.held_sentences():
            continue
        statement = short_statement(line.group())
        topic, topic_note = claim_topic(statement)
        notes = [f"the author's own assertion ('{verb.group().lower()}'): a headline that judges", topic_note]
        record = {"asserted_by": [], "topic": topic, "statement": statement}
        proposals.append(propose(cp.doc, "claim", record, line.start(), line.end(), [n for n in notes if n]))
    return proposals
