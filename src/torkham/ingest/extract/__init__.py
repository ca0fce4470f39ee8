"""The extractors of `torkham ingest`: from a Document and the names the knowledge base knows, proposals
of every kind — mentions of known actors, new actor candidates, dates, figures, events, claims and
citations — each with its page, character offsets and verbatim sentence.

    from torkham.ingest.extract import propose
    from torkham.ingest.extract.lexicon import Lexicon
    proposals = propose(document, Lexicon.from_store(con))   # or Lexicon.empty()
"""

from __future__ import annotations

from torkham.ingest.document import Document
from torkham.ingest.extract.candidates import find_candidates
from torkham.ingest.extract.citations import bibliography_entries, citation_proposals, citation_spans
from torkham.ingest.extract.claims import find_claims
from torkham.ingest.extract.common import Regions, Sentences, tokenize
from torkham.ingest.extract.dates import date_proposals, find_dates
from torkham.ingest.extract.events import find_events
from torkham.ingest.extract.figures import find_figures
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import mentions_and_shadows
from torkham.ingest.proposal import Proposal

__all__ = ["Lexicon", "propose"]


def propose(doc: Document, lexicon: Lexicon) -> list[Proposal]:
    """Every proposal for the document, in document order."""
    tokens = tokenize(doc.text)
    regions = Regions(doc)
    sentences = Sentences(doc)
    entries = bibliography_entries(doc, regions)
    citations = citation_proposals(doc, lexicon, regions)
    cited = citation_spans(doc, regions)
    dates = find_dates(doc, regions, cited)
    mentions, shadows = mentions_and_shadows(doc, lexicon, tokens)
    candidates = find_candidates(doc, lexicon, entries, shadows)
    figures = find_figures(doc, regions, dates, [(c.start, c.end) for c in citations])
    events = find_events(doc, dates, mentions, candidates, regions, sentences, tokens, cited)
    claims = find_claims(doc, lexicon, regions, sentences)
    proposals = [*mentions, *candidates, *date_proposals(doc, dates), *figures, *events, *claims, *citations]
    return sorted(proposals, key=lambda p: (p.start, p.end, p.kind))
