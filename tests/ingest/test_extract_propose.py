"""propose(): every extractor over one document; every proposal fits its knowledge kind and points into the text."""

from __future__ import annotations

from collections import Counter

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.proposal import PROPOSAL_KINDS
from torkham.kb.schema import KINDS

PAGE_1 = (
    "List of Abbreviations\n\nTTP\tTehrik-e-Taliban Pakistan\n\n"
    "Pakistan hosts nearly 2.2 million registered Afghans. In April 2022, the TTP claimed 54 attacks "
    "(Dawn, 2023).\n\n"
)
PAGE_2 = (
    '"TTP attacks originate from within Pakistan", said spokesperson Sohail Shaheen. '
    "On September 22 the Taliban pledged steps at a meeting with Pakistan.\n\n"
    'Bibliography\n\nDawn, 2023. Dawn: "Demarche issued" September 9 2023.\n'
)
LEXICON = Lexicon.from_names([("pakistan", "Pakistan", "state")], [])


def test_every_kind_is_proposed_with_offsets_page_and_sentence():
    doc = text_document(PAGE_1 + PAGE_2, date="2024-04", page_starts=[0, len(PAGE_1)])
    proposals = propose(doc, LEXICON)
    assert Counter(p.kind for p in proposals) == {
        "mention": 3,  # not "Pakistan" inside the name "Tehrik-e-Taliban Pakistan" (a longer unknown name)
        "actor": 4,
        "date": 2,
        "figure": 2,
        "event": 2,
        "claim": 3,
        "citation": 1,
    }
    assert [p.start for p in proposals] == sorted(p.start for p in proposals)
    for p in proposals:
        assert p.kind in PROPOSAL_KINDS
        assert 0 <= p.start < p.end <= len(doc.text)
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
        assert p.page == (1 if p.start < len(PAGE_1) else 2)
    attacks, pledge = (p.record for p in proposals if p.kind == "event")
    assert (attacks["date"], attacks["type"], attacks["actors"]) == ("2022-04", "attack", ["Tehrik-e-Taliban Pakistan"])
    assert (pledge["date"], pledge["type"], pledge["actors"]) == ("2022-09-22", "statement", ["pakistan", "Taliban"])


def test_records_hold_only_fields_of_their_knowledge_kind():
    doc = text_document(PAGE_1 + PAGE_2, date="2024-04")
    for p in propose(doc, LEXICON):
        kind = KINDS[PROPOSAL_KINDS[p.kind]]
        assert set(p.record) <= set(kind["fields"]) | {"cites"}, (p.kind, p.record)
        if p.kind in ("actor", "event", "figure", "claim", "date", "citation"):
            assert set(kind["required"]) <= set(p.record), (p.kind, p.record)
