"""A speaker named in the next paragraph does not speak a quotation that closes the paragraph before
(voa-chaman-clashes: '… against “the uncalled-for aggression …”\n\nMaulvi X, a spokesperson …, told VOA');
a speaker after the quotation in its own paragraph, or a name line under it, still does."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], int]]:
    doc = text_document(text, date="2025-03")
    return [(p.record["asserted_by"], p.start) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]


def test_the_next_paragraphs_speaker_does_not_take_the_quotation():
    text = (
        "The statement said troops staged a measured response against “the aggression of the border forces near"
        " the town.”\n\nNaseer Zaid, a spokesperson for the governor of Kandahar, told reporters a guard was killed."
    )
    assert _claims(text) == [([], 4), (["Naseer Zaid"], text.index("Naseer"))]


def test_a_speaker_with_a_role_after_the_quotation_in_its_paragraph_speaks_it():
    text = (
        "“The crossing will stay closed until the talks are over,” Naseer Zaid, a spokesperson for the governor, said."
    )
    assert _claims(text) == [(["Naseer Zaid"], 0)]


def test_a_name_line_under_the_quotation_speaks_it():
    text = "“The crossing will stay closed until the talks are over.”\n\nNaseer Zaid, Kandahar governor office\n"
    assert _claims(text) == [(["Naseer Zaid"], 0)]
