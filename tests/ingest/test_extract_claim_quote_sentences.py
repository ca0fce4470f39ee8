"""A quotation of several sentences is one claim per sentence, each its speaker's (settled conventions:
one claim per sentence and speaker; quote_sentences.py). Sentences written for the tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.proposal import Proposal

CONTINUES = "continues the quotation of '{}' begun in the sentence before"


def _claims(text: str) -> list[Proposal]:
    doc = text_document(text, date="2024-04")
    return [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]


def _said(text: str) -> list[tuple[list[str], str]]:
    return [(p.record["asserted_by"], p.record["statement"]) for p in _claims(text)]


def test_a_quotation_of_three_sentences_is_three_claims_of_its_speaker():
    text = (
        "“The crossing will stay closed until the talks end. Traders have lost millions in a single week. "
        "Nobody in Kabul has answered our letters,” Governor Ahmad Khan said."
    )
    claims = _claims(text)
    assert [(p.record["asserted_by"], p.record["statement"]) for p in claims] == [
        (["Ahmad Khan"], "The crossing will stay closed until the talks end."),
        (["Ahmad Khan"], "Traders have lost millions in a single week."),
        (["Ahmad Khan"], "Nobody in Kabul has answered our letters,"),
    ]
    assert not any(n.startswith("continues the quotation") for n in claims[0].notes)
    assert [p.notes[0] for p in claims[1:]] == [CONTINUES.format("Ahmad Khan")] * 2
    # the first claim opens at the quotation mark, the last runs to the speaker after the quotation
    assert text[claims[0].start] == "“" and text[claims[-1].start : claims[-1].end].endswith("Governor Ahmad Khan")


def test_the_following_sentences_take_the_speaker_the_first_is_resolved_to():
    text = (
        "Police spokesman Shahid Hameed spoke to reporters. “When the teams reached the hideout, they opened fire "
        "at the officers. The police retaliated with heavy weapons,” he said."
    )
    claims = _claims(text)
    assert [p.record["asserted_by"] for p in claims] == [["Shahid Hameed"], ["Shahid Hameed"]]
    assert claims[1].notes[0] == CONTINUES.format("he")
    assert any("resolved to 'Shahid Hameed'" in n for n in claims[1].notes)


def test_a_speaker_before_the_quotation_speaks_every_sentence():
    text = 'Minister Ali Khan said: "The crossing will reopen on Monday. Trucks are already waiting at the gate."'
    assert _said(text) == [
        (["Ali Khan"], "The crossing will reopen on Monday."),
        (["Ali Khan"], "Trucks are already waiting at the gate."),
    ]


def test_a_quotation_interrupted_by_the_authors_own_sentence_stops():
    text = (
        "Minister Ali Khan said: “The crossing will reopen on Monday. Trucks are already waiting at the gate.” "
        "The crossing was shut on 3 March after the clashes, which killed four guards. "
        "“The talks were long and difficult for everyone.”"
    )
    assert _said(text) == [
        (["Ali Khan"], "The crossing will reopen on Monday."),
        (["Ali Khan"], "Trucks are already waiting at the gate."),
    ]


def test_a_quotation_continuing_reported_speech_is_one_claim_per_sentence():
    text = (
        "Police spokesman Shahid Hameed said that the police found the bodies of six militants. "
        "“A huge cache of arms was recovered from the site. The men had been wanted for two years.”"
    )
    claims = _claims(text)
    assert [(p.record["asserted_by"], p.record["statement"]) for p in claims][1:] == [
        (["Shahid Hameed"], "A huge cache of arms was recovered from the site."),
        (["Shahid Hameed"], "The men had been wanted for two years."),
    ]
    assert claims[2].notes[0] == CONTINUES.format("Shahid Hameed")


def test_a_sentence_cut_at_an_ellipsis_stays_whole():
    text = (
        '"We have to draw the lessons that ... interventions do not export a government. We need to think about '
        'their purposes," said Foreign Minister Heiko Maas.'
    )
    assert [statement for _, statement in _said(text)] == [
        "We have to draw the lessons that ... interventions do not export a government.",
        "We need to think about their purposes,",
    ]


def test_a_quotation_of_one_sentence_is_unchanged():
    text = "“The crossing will stay closed until the talks end,” Governor Ahmad Khan said."
    claims = _claims(text)
    assert [(p.record["asserted_by"], p.record["statement"]) for p in claims] == [
        (["Ahmad Khan"], "The crossing will stay closed until the talks end,")
    ]
    assert (
        text[claims[0].start : claims[0].end]
        == "“The crossing will stay closed until the talks end,” Governor Ahmad Khan"
    )
    assert not any(n.startswith("continues the quotation") for n in claims[0].notes)
