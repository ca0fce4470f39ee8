"""Claim classes from the tenth set (seen since): a quotation under a line 'Name, age, said:', a speaker
described by a name and lowercase words ('Pakistan state TV said'), 'It also said …' opening the paragraph
after a body's claim, and reported speech that runs on past a paragraph-opening 'X expressed that …'.
Sentences written for the tests, with near-misses that must not be claims."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _said(text: str) -> list[tuple[list[str], str]]:
    doc = text_document(text, date="2024-04")
    return [
        (p.record["asserted_by"], p.record["statement"]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"
    ]


def test_a_quotation_under_a_line_naming_its_speaker_and_age_is_theirs_sentence_by_sentence():
    text = (
        "Families arrived at the crossing in the morning.\n\nFarida*, 15, said:\n\n"
        "“My father sold our cow to pay the driver. We slept in the open near the gate for two nights.”\n"
    )
    assert _said(text) == [
        (["Farida"], "My father sold our cow to pay the driver."),
        (["Farida"], "We slept in the open near the gate for two nights."),
    ]


def test_a_line_without_a_colon_introduces_no_quotation_below_it():
    text = (
        "Families arrived at the crossing in the morning.\n\nFarida*, 15, arrived on foot.\n\n"
        "“My father sold our cow to pay the driver. We slept in the open near the gate for two nights.”\n"
    )
    assert _said(text) == []


def test_a_quotation_then_a_name_with_its_age():
    text = "“We have not eaten since we left Peshawar,” said Nadia, 12.\n"
    assert _said(text) == [(["Nadia"], "We have not eaten since we left Peshawar,")]


def test_a_body_described_by_a_name_and_lowercase_words_speaks_the_quotation_before_it():
    text = "“The foreign minister will travel to Kabul for the talks on Sunday,” Pakistan state TV said.\n"
    assert _said(text) == [
        (["Pakistan state TV"], "The foreign minister will travel to Kabul for the talks on Sunday,")
    ]


def test_a_noun_that_is_no_verb_is_passed_over_for_the_verb_after_it():
    # "state" is read as a noun here; a name and a verb right after the quotation still speak it
    text = "“The foreign minister will travel to Kabul for the talks,” Lieven said.\n"
    assert _said(text) == [(["Lieven"], "The foreign minister will travel to Kabul for the talks,")]


def test_it_also_said_opening_the_next_paragraph_is_the_body_before():
    text = (
        "The Pakistan Hockey Federation told reporters that two of its players had been injured in the blast.\n\n"
        "It also said it was pulling out of the regional tournament planned for next month.\n"
    )
    said = _said(text)
    assert said[-1] == (
        ["Pakistan Hockey Federation"],
        "it was pulling out of the regional tournament planned for next month.",
    )


def test_it_said_without_also_after_a_paragraph_break_stays_a_pronoun():
    text = (
        "The Pakistan Hockey Federation told reporters that two of its players had been injured in the blast.\n\n"
        "It said it was pulling out of the regional tournament planned for next month.\n"
    )
    assert _said(text)[-1] == ([], "it was pulling out of the regional tournament planned for next month.")


def test_it_also_said_does_not_stand_for_a_person():
    text = (
        "Ahmad Karimi told reporters that two of the players had been injured in the blast.\n\n"
        "It also said it was pulling out of the regional tournament planned for next month.\n"
    )
    assert _said(text)[-1] == ([], "it was pulling out of the regional tournament planned for next month.")


PARAGRAPH = (
    "Li Ming expressed that the two countries are old friends and close partners in trade. "
    "The region has entered a decisive stage of rebuilding after the long war. "
    "Closer cooperation will bring stability and prosperity to all three sides.\n"
)


def test_sentences_after_a_paragraph_opening_reported_speech_are_the_speakers():
    assert _said(PARAGRAPH) == [
        (["Li Ming"], "the two countries are old friends and close partners in trade."),
        (["Li Ming"], "The region has entered a decisive stage of rebuilding after the long war."),
        (["Li Ming"], "Closer cooperation will bring stability and prosperity to all three sides."),
    ]


def test_the_run_stops_at_a_date_another_speaker_and_the_paragraph_end():
    text = (
        "Li Ming expressed that the two countries are old friends and close partners in trade. "
        "The meeting was first held in Beijing in 2017 with three ministers. "
        "Trade between the countries has grown fast in the years since then.\n\n"
        "The ministers later visited a new power station outside the city.\n"
    )
    assert [s for _, s in _said(text)] == ["the two countries are old friends and close partners in trade."]
    other = PARAGRAPH.replace("The region has", "Critics argue the region has")
    assert (["Li Ming"], "Closer cooperation will bring stability and prosperity to all three sides.") not in _said(
        other
    )


def test_no_run_on_after_a_pronoun_a_common_noun_or_a_speaker_inside_the_paragraph():
    for opening in ("He expressed that", "Officials said that", "On Monday, Li Ming said that"):
        text = PARAGRAPH.replace("Li Ming expressed that", opening)
        assert all("region has entered" not in s for _, s in _said(text)), opening
