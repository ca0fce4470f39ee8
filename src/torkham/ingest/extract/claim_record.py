"""What the claim finders share: the record a claim proposes (speaker, topic, statement) and the state of
one document's pass — the spans quotations hold, and one claim per sentence and speaker."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, Sentences, propose
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize

STATEMENT_CHARS = 400


class Covered:
    """Spans merged once, so whether an offset lies inside one is a binary search, not a scan of all."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


@dataclass
class ClaimPass:
    """One document's claim finding: what is held so far."""

    doc: Document
    lexicon: Lexicon
    regions: Regions
    sentences: Sentences
    quoted: Covered = field(default_factory=lambda: Covered([]))
    claimed: set[tuple[int, str]] = field(default_factory=set)  # (sentence start, speaker): one claim each
    made: list[tuple[Proposal, Speaker | None]] = field(default_factory=list)
    # a quotation's following sentences: (the claim, the first sentence's claim, the speaker as written)
    continued: list[tuple[Proposal, Proposal, str]] = field(default_factory=list)

    def cover(self, spans: list[tuple[int, int]]) -> None:
        """The spans quotations hold: reported speech and attributions do not look inside them."""
        self.quoted = Covered(spans)

    def skipped(self, offset: int) -> bool:
        return self.quoted.covers(offset) or self.regions.within("bibliography", offset)

    def held(self, offset: int, speaker: Speaker) -> bool:
        return (self.sentences.around(offset)[0], normalize(speaker.text)) in self.claimed

    def claim(self, speaker: Speaker | None, statement: str, start: int, end: int) -> Proposal:
        """The proposal, its sentence and speaker held."""
        if speaker is not None:
            self.claimed.add((self.sentences.around(start)[0], normalize(speaker.text)))
        record, notes = claim_record(self.lexicon, speaker, statement)
        right = self.sentences.around(start)[1]
        if end == right and right - start > 1 and self.doc.text[right - 1] not in '.!?"”’)]':
            end -= 1  # a piece of a line without a full stop: the claim stays inside it (Sentences.sentence)
        proposal = propose(self.doc, "claim", record, start, end, notes)
        self.made.append((proposal, speaker))
        return proposal

    def held_sentences(self) -> set[int]:
        """The starts of the sentences some claim holds."""
        return {start for start, _ in self.claimed}

    def inside(self, offset: int) -> bool:
        """Whether `offset` lies in what an earlier claim of its sentence says (no ';', ', but', ', while'
        between, nor ', which'): 'X said … that his government announced …' is X's claim."""
        sentence_start = self.sentences.around(offset)[0]
        for proposal, speaker in self.made:
            if speaker is None or not proposal.start <= offset < proposal.end or proposal.start < sentence_start:
                continue
            if not re.search(r";|,\s+(?:but|while|whereas|which|who)\b", self.doc.text[proposal.start : offset]):
                return True
        return False

    def speaker_ending_at(self, offset: int) -> Speaker | None:
        """The speaker of a claim that ends just before `offset` ('…", said spokesperson X, adding …')."""
        for proposal, speaker in reversed(self.made):
            if speaker is not None and 0 <= offset - proposal.end <= 2:
                return speaker
        return None


@lru_cache(maxsize=1)
def _topic_patterns() -> dict[str, re.Pattern[str]]:
    topics = default_words().claim_topics
    return {t: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in ks) + r")\b") for t, ks in topics.items()}


def claim_topic(statement: str) -> tuple[str, str | None]:
    """The topic whose keywords the statement uses most (wordlists.yaml: claim_topics), and a note."""
    words = default_words()
    low = statement.lower()
    scores = {t: len(p.findall(low)) for t, p in _topic_patterns().items()}
    best = max(scores, key=lambda t: scores[t])
    if scores[best] == 0:
        return words.fallback_topic, f"no topic word found; topic '{words.fallback_topic}' is a placeholder"
    return best, f"topic guessed from keywords: {best}"


def claim_record(lexicon: Lexicon, speaker: Speaker | None, statement: str) -> tuple[dict, list[str]]:
    notes: list[str] = []
    asserted: list[str] = []
    if speaker is None:
        notes.append("speaker not found")
    elif speaker.generic:
        notes.append(f"speaker is '{speaker.text}': name who it refers to")
    else:
        for name in (*speaker.also, speaker.text):
            asserted.append(lexicon.resolve(name) or name)
            notes += _speaker_notes(lexicon, name)
    topic, topic_note = claim_topic(statement)
    if topic_note:
        notes.append(topic_note)
    return {"asserted_by": asserted, "topic": topic, "statement": short_statement(statement)}, notes


def _speaker_notes(lexicon: Lexicon, name: str) -> list[str]:
    if lexicon.is_ambiguous(name):
        return [f"ambiguous speaker '{name}': names {', '.join(lexicon.actors_named(name))}"]
    if lexicon.resolve(name) is None:
        return [f"speaker '{name}' is not a known actor"]
    return []


def short_statement(statement: str) -> str:
    statement = " ".join(statement.split())
    if len(statement) > STATEMENT_CHARS:
        statement = statement[:STATEMENT_CHARS].rsplit(" ", 1)[0] + " …"
    return statement


_MANNER = re.compile(  # "said in a statement issued late on Monday that …": how it was said, not what
    r"^\s*in\s+(?:a|an|its|his|her|their)\s+(?:[a-z]+\s+)?(?:statement|interview|speech|message|post|letter|"
    r"briefing|address|tweet|report|communiqué|press\s+release)\b[^,.;\"“]{0,50}?(?:,\s*|\s+(?=that\s))"
)


def statement_between(text: str, start: int, end: int) -> str:
    """What was said, without a leading 'that' (nor 'in a statement … that') or a trailing ', as'."""
    said = _MANNER.sub("", text[start:end])
    return re.sub(r"^\s*(?:that\s+)?|,?\s*(?:as\s+(?:once\s+)?)?$", "", said).strip()
