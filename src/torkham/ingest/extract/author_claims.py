"""The author's own assertions: a sentence of the text itself — no quotation, no reported speech —
that judges, evaluates, generalises or predicts ("Militant groups have only grown stronger", "There is
no justification for killing innocent people") is proposed as a claim of the source's author. The
markers are data (claim_words.yaml: author_markers); asserted_by stays empty and the note says the
source's author asserts it (the reviewer fills in the author's actor id)."""

from __future__ import annotations

from torkham.ingest.document import Document
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.common import Regions, Sentences, propose
from torkham.ingest.proposal import Proposal

MIN_WORDS = 6  # a shorter sentence is a heading or a caption
STATEMENT_CHARS = 400
_NOT_TEXT = ("bibliography", "caption", "tweet", "quotation", "heading", "contents")
_QUOTES = ('"', "“", "”")


def author_claims(doc: Document, regions: Regions, sentences: Sentences, claimed: set[int]) -> list[Proposal]:
    """One claim per marked sentence whose start is not in `claimed` (the sentences other claims hold)."""
    from torkham.ingest.extract.claims import claim_topic

    pattern = claim_words().marker_pattern
    who = f"the source's author ({doc.author})" if doc.author else "the source's author"
    proposals = []
    for start, end in sentences.spans:
        sentence = doc.text[start:end]
        if start in claimed or len(sentence.split()) < MIN_WORDS or any(q in sentence for q in _QUOTES):
            continue
        if any(regions.within(kind, start) for kind in _NOT_TEXT):
            continue
        marker = pattern.search(sentence)
        if marker is None:
            continue
        statement = " ".join(sentence.split())
        if len(statement) > STATEMENT_CHARS:
            statement = statement[:STATEMENT_CHARS].rsplit(" ", 1)[0] + " …"
        topic, topic_note = claim_topic(statement)
        notes = [f"the author's own assertion ('{marker.group().lower()}'): asserted by {who}", topic_note]
        record = {"asserted_by": [], "topic": topic, "statement": statement}
        proposals.append(propose(doc, "claim", record, start, end, [n for n in notes if n]))
    return proposals
