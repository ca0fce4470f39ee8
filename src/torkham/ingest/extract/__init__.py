"""The extractors of `torkham ingest`: from a Document and the names the knowledge base knows, proposals
of every kind — mentions of known actors, new actor candidates, dates, figures, events, claims,
citations and places — each with its page, character offsets and verbatim sentence.

    from torkham.ingest.extract import propose
    from torkham.ingest.extract.lexicon import Lexicon
    proposals = propose(document, Lexicon.from_store(con))   # or Lexicon.empty()
"""

from __future__ import annotations

from collections.abc import Callable

from torkham.ingest.document import Document
from torkham.ingest.extract.candidates import find_candidates
from torkham.ingest.extract.citations import bibliography_entries, citation_proposals, citation_spans
from torkham.ingest.extract.claims import find_claims
from torkham.ingest.extract.common import Regions, sentences_of, tokenize
from torkham.ingest.extract.datelines import date_statements, dated_by_dateline, find_datelines, place_spans
from torkham.ingest.extract.dates import date_proposals, find_dates
from torkham.ingest.extract.event_places import not_place_people, place_events
from torkham.ingest.extract.events import find_events
from torkham.ingest.extract.figures import find_figures
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import mentions_and_shadows
from torkham.ingest.extract.places import find_places
from torkham.ingest.extract.repeats import reading_view
from torkham.ingest.proposal import Proposal

__all__ = ["Lexicon", "propose"]


def propose(doc: Document, lexicon: Lexicon) -> list[Proposal]:
    """Every proposal for the document, in document order. Sentences the document repeats word for word
    are read once (extract.repeats); the document's notes say how many. A news report's dateline gives the
    document its day when its own date does not (extract.datelines)."""
    doc.date = dated_by_dateline(doc, find_datelines(doc.text)) or doc.date
    doc, back = _read_once(doc)
    datelines = find_datelines(doc.text)
    tokens = tokenize(doc.text)
    regions = Regions(doc)
    sentences = sentences_of(doc)
    entries = bibliography_entries(doc, regions)
    citations = citation_proposals(doc, lexicon, regions)
    cited = citation_spans(doc, regions)
    dates = find_dates(doc, regions, cited)
    mentions, shadows = mentions_and_shadows(doc, lexicon, tokens)
    candidates = not_place_people(find_candidates(doc, lexicon, entries, shadows))
    figures = find_figures(doc, regions, dates, [(c.start, c.end) for c in citations])
    events = find_events(doc, dates, mentions, candidates, regions, sentences, tokens, cited)
    claims = find_claims(doc, lexicon, regions, sentences, candidates)
    places = find_places(doc, [(m.start, m.end) for m in mentions])
    place_events(events, places, place_spans(datelines))
    date_statements(doc, claims, datelines)
    proposals = [*mentions, *candidates, *date_proposals(doc, dates), *figures, *events, *claims, *citations, *places]
    return sorted(map(back, proposals), key=lambda p: (p.start, p.end, p.kind))


def _read_once(doc: Document) -> tuple[Document, Callable[[Proposal], Proposal]]:
    view, back, note = reading_view(doc)
    if note and note not in doc.notes:
        doc.notes.append(note)
    return view, back
