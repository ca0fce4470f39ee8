"""The author's own assertions: a sentence of the text itself — no quotation, no reported speech —
that judges, evaluates, generalises or predicts ("Militant groups have only grown stronger", "There is
no justification for killing innocent people") is proposed as a claim of the source's author. The
markers are data (claim_words.yaml: author_markers, and author_frames: a lead and what follows it, "has
… emboldened", "would … weaken", "remains … divided", "turned out to be"); asserted_by stays empty and the note says the
source's author asserts it (the reviewer fills in the author's actor id).

A marker written with a capital inside the sentence belongs to a name ('a decree titled Illegal Foreigners
Repatriation Plan'); a word or two in scare quotes ('are said to enjoy “safe haven.”') does not make the sentence a quotation."""

from __future__ import annotations

import re

from torkham.ingest.document import Document
from torkham.ingest.extract.claim_record import claim_topic, short_statement
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.common import Regions, Sentences, propose
from torkham.ingest.proposal import Proposal

MIN_WORDS = 6  # a shorter sentence is a heading or a caption
SCARE_QUOTE_WORDS = 3  # a quotation this short is a word the author holds at a distance, not someone's speech
_NOT_TEXT = ("bibliography", "caption", "tweet", "quotation", "heading", "contents")
_QUOTED = re.compile(r"[\"“]([^\"“”]*)[\"”]")


def author_claims(doc: Document, regions: Regions, sentences: Sentences, claimed: set[int]) -> list[Proposal]:
    """One claim per marked sentence whose start is not in `claimed` (the sentences other claims hold)."""
    who = f"the source's author ({doc.author})" if doc.author else "the source's author"
    proposals = []
    for start, end in sentences.spans:
        start += len(doc.text[start:end]) - len(doc.text[start:end].lstrip('”"’ '))  # a quotation's closing mark
        end += doc.text[end : end + 1] in ("”", '"')  # '… said to enjoy “safe haven.”': the mark closes it
        sentence = doc.text[start:end]
        if start in claimed or not _own_text(sentence) or any(regions.within(k, start) for k in _NOT_TEXT):
            continue
        marker = _marker(sentence)
        if marker is None:
            continue
        statement = short_statement(sentence)
        topic, topic_note = claim_topic(statement)
        notes = [f"the author's own assertion ('{marker}'): asserted by {who}", topic_note]
        record = {"asserted_by": [], "topic": topic, "statement": statement}
        proposals.append(propose(doc, "claim", record, start, end, [n for n in notes if n]))
    return proposals


_NOT_OPENING = re.compile(r"\s*(?:[a-z]|[-•▪◦*]|\d{1,2}[.)]\s)")  # "constitution, and the trial …", "- Lack of …"


def _own_text(sentence: str) -> bool:
    """Long enough, a sentence of running text (not a fragment that opens in lowercase, nor an item of a
    list), no quotation but scare quotes, no speech act that asserts nothing, no hearsay adverb ('reportedly')."""
    if len(sentence.split()) < MIN_WORDS or _NOT_OPENING.match(sentence):
        return False
    if claim_words().not_claim_pattern.search(sentence) or _hearsay(sentence):
        return False
    unquoted = _QUOTED.sub(lambda m: "" if len(m.group(1).split()) <= SCARE_QUOTE_WORDS else m.group(), sentence)
    return not any(q in unquoted for q in ('"', "“", "”"))


def _hearsay(sentence: str) -> bool:
    """'X reportedly took up the matter': the author relays what others say."""
    return any(w.strip(",;") in claim_words().hearsay_adverbs for w in sentence.lower().split())


def _marker(sentence: str) -> str | None:
    """The first marker of the sentence not written inside a name (a capital after the sentence's start)
    nor an infinitive perfect, which is hearsay ('said to have emboldened')."""
    for m in claim_words().marker_pattern.finditer(sentence):
        if m.start() > 0 and m.group()[:1].isupper() and not re.search(r"[.:!?]\s*$", sentence[: m.start()]):
            continue
        if m.group()[:4].lower() == "have" and re.search(r"\bto\s+$", sentence[: m.start()]):
            continue
        return " ".join(m.group().lower().split())
    conditional = _CONDITIONAL.match(sentence)
    return "if …, will" if conditional else None


# A prediction on a condition: "If the Taliban do not contain threats, the primary tool will be …" (not "If
# you are a refugee, you will need a card": a direction to the reader)
_CONDITIONAL = re.compile(
    r"\s*(?:If|Unless)\s+(?!you\b)[^.;:,]{3,120},\s+(?!you\b)[^.;:]{0,80}?\b(?:will|would)\s+be\b"
)
