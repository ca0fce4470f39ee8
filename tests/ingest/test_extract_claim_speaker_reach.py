"""A speaker named in the next paragraph does not speak a quotation that closes the paragraph before
(voa-chaman-clashes: '… against “the uncalled-for aggression …”\n\nMaulvi X, a spokesperson …, told VOA');
a speaker after the quotation in its own paragraph, or a name line under it, still does. A clause verb that
ends its sentence reports what comes before it ("…, local officials and residents reported.")."""

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


def _statements(text: str) -> list[tuple[list[str], str, str]]:
    doc = text_document(text, date="2025-03")
    return [
        (p.record["asserted_by"], p.record["statement"], p.notes[0])
        for p in propose(doc, Lexicon.empty())
        if p.kind == "claim"
    ]


def test_a_clause_verb_that_ends_the_sentence_reports_what_comes_before():
    claims = _statements(
        "The clashes began when troops tried to repair the fence near the crossing, local officials and residents"
        " reported."
    )
    assert claims == [
        (
            [],
            "The clashes began when troops tried to repair the fence near the crossing",
            "speaker is 'local officials and residents': name who it refers to",
        )
    ]
    named = _statements(
        "The clashes began when troops tried to repair the fence, the Frontier Corps announced on Monday."
    )
    assert [(by, statement) for by, statement, _ in named] == [
        (["Frontier Corps"], "The clashes began when troops tried to repair the fence")
    ]


def test_a_clause_verb_with_an_object_or_in_the_passive_reports_nothing():
    assert _statements("The Frontier Corps reported on the clashes near the crossing at Chaman.") == []
    assert _statements("Two new cases of polio in the district of Bannu were reported.") == []


def test_a_clause_verb_after_a_relative_at_the_sentence_end_reports_nothing():
    assert _statements("The plan includes three new camps near the border, which the ministry announced.") == []


def test_an_aside_as_highlighted_is_the_texts_own_not_speech():
    text = "Militancy in Pakistan, as highlighted earlier in the chapter, has grown since August 2021 in the north."
    assert _statements(text) == []
    assert _statements("Ambassador Kato highlighted the support of Japan for the returnees in the province.") == [
        (["Kato"], "the support of Japan for the returnees in the province.", "speaker 'Kato' is not a known actor")
    ]
