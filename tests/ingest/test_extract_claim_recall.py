"""Recall of claims on texts not seen before, class by class: an author's argued assertion (a caused
change, a predicted consequence, a standing state, a superlative, an outcome assessed after the fact, a
comparison, an inference, a weighed cause), and reported speech wherever its speaker stands. Each sentence
is written for the test."""

from __future__ import annotations

import pytest

from torkham.errors import TorkhamError
from torkham.ingest.extract import propose
from torkham.ingest.extract.claim_words import read_frames
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

AUTHOR = "the author's own assertion ('{}'): asserted by the source's author"


def _claims(text: str) -> list[tuple[list[str], str, str]]:
    """(asserted_by, first note, statement) of each claim proposed for the text."""
    doc = text_document(text, date="2024-04")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]
    return [(p.record["asserted_by"], p.notes[0], p.record["statement"]) for p in found]


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        (
            "The long blockade has further radicalised a generation of young traders in the valley.",
            "has further radicalised",
        ),
        (
            "Three years of drought have left the northern districts far more dependent on aid convoys.",
            "have left the northern districts far more",
        ),
        ("Any rift between the two councils would embolden the smaller armed factions in the south.", "would embolden"),
        (
            "The ruling coalition remains bitterly divided over the budget for the frontier police.",
            "remains bitterly divided",
        ),
        ("Japan is the largest bilateral donor to the new irrigation scheme in the province.", "is the largest"),
        ("The ceasefire of last spring proved to be little more than a pause for rearmament.", "proved to be"),
        (
            "Contrary to Tehran's expectations, the new cabinet closed the western crossings.",
            "contrary to tehran's expectations",
        ),
        (
            "For the militia, the mountain road became a burden rather than a lifeline for its supply lines.",
            "rather than a",
        ),
        ("The mobile clinics are a key factor in the falling rate of measles among returnees.", "a key factor"),
        (
            "The host villages have shown remarkable patience with the newcomers over two winters.",
            "have shown remarkable",
        ),
        (
            "The coastal province remains home to the largest fishing fleet in the whole region.",
            "remains home to the largest",
        ),
        (
            "The spring offensive of the rebels in the hills was not entirely unexpected by the garrison.",
            "not entirely unexpected",
        ),
        (
            "The fall of the capital has fostered a climate of fear among the traders of the old bazaar.",
            "has fostered a climate",
        ),
        (
            "The two provinces have consistently opposed any toll on the trucks that cross the river.",
            "have consistently opposed",
        ),
        ("Despite being a founding member, the island state skipped the summit on fisheries in June.", "despite being"),
        ("That shows how little the truce of May meant to the commanders in the hills.", "that shows"),
        ("The drop in wheat prices at the border is partly due to the early harvest in the south.", "partly due to"),
        (
            "The exodus from the valley is a direct consequence of the ban on cross-border trade.",
            "is a direct consequence of",
        ),
    ],
)
def test_an_argued_sentence_of_the_author_is_a_claim(sentence, marker):
    assert _claims(sentence) == [([], AUTHOR.format(marker), sentence)]


def test_a_perfect_after_to_is_hearsay_not_the_authors_claim():
    assert _claims("The purge is said to have weakened the old guard around the governor of the province.") == []


def test_a_consequence_verb_without_a_modal_is_not_a_judgement():
    assert _claims("The council met on Monday to change the rules for crossing at the eastern gate.") == []


def test_a_frame_without_its_parts_or_with_a_wide_gap_is_refused():
    assert read_frames({"f": {"lead": ["has"], "then": ["weakened"]}})["f"].gap == 0
    with pytest.raises(TorkhamError, match="author_frames.f needs lead, then and a gap of 0 to 4 words"):
        read_frames({"f": {"lead": ["has"], "then": ["weakened"], "gap": 9}})
    with pytest.raises(TorkhamError, match=r"author_frames.f.then must be a list of words"):
        read_frames({"f": {"lead": ["has"]}})


NOT_KNOWN = "speaker '{}' is not a known actor"


@pytest.mark.parametrize(
    ("text", "speaker", "statement"),
    [
        (  # a role between the comma and the name
            "The checkpoint in Chaman will stay closed until further notice, provincial spokesman Naveed Akhtar said.",
            "Naveed Akhtar",
            "The checkpoint in Chaman will stay closed until further notice",
        ),
        (  # a role in apposition before the name
            "The checkpoint in Chaman will stay closed for a week, a senior customs officer, Naveed Akhtar, said.",
            "Naveed Akhtar",
            "The checkpoint in Chaman will stay closed for a week",
        ),
        (  # the speaker after the verb, the role after him
            "The checkpoint in Chaman will stay closed until further notice, said Naveed Akhtar, the provincial spokesman.",
            "Naveed Akhtar",
            "The checkpoint in Chaman will stay closed until further notice",
        ),
        (  # a role in apposition and a title before the name
            "The ferry will not sail before Friday, the spokesman for the port authority, Colonel Lena Berg, said.",
            "Lena Berg",
            "The ferry will not sail before Friday",
        ),
        (  # how it was said is not what was said
            "The Balochistan home department said in a statement issued on Monday that the checkpoint would stay shut.",
            "Balochistan home department",
            "the checkpoint would stay shut.",
        ),
        (  # the passive
            "Provincial spokesman Naveed Akhtar was quoted as saying that the checkpoint would stay shut for a week.",
            "Naveed Akhtar",
            "the checkpoint would stay shut for a week.",
        ),
        (  # praise reports a judgement
            "Governor Sardar Khan commended the traders of Chaman for their patience during the closure.",
            "Sardar Khan",
            "the traders of Chaman for their patience during the closure.",
        ),
    ],
)
def test_reported_speech_names_its_speaker_wherever_the_speaker_stands(text, speaker, statement):
    assert _claims(text) == [([speaker], NOT_KNOWN.format(speaker), statement)]


def test_a_name_with_its_role_in_apposition_before_the_verb_stays_the_speaker():
    text = "Naveed Akhtar, the provincial spokesman, told Dawn that the checkpoint in Chaman would stay shut."
    assert _claims(text) == [
        (["Naveed Akhtar"], NOT_KNOWN.format("Naveed Akhtar"), "the checkpoint in Chaman would stay shut.")
    ]


def test_what_was_said_by_someone_names_a_speech_and_asserts_nothing():
    text = "This is a summary of what was said by the mission's spokesperson Lena Berg at the briefing in Oslo."
    assert _claims(text) == []


def test_a_role_after_a_quotation_speaks_and_a_role_before_a_name_is_its_title():
    role = _claims('"The bridge at Dargai will reopen on Friday," the deputy commissioner told the press.')
    assert role == [
        ([], "speaker is 'deputy commissioner': name who it refers to", "The bridge at Dargai will reopen on Friday,")
    ]
    titled = _claims('"The bridge at Dargai will reopen on Friday," Deputy Commissioner Sara Malik told the press.')
    assert titled == [(["Sara Malik"], NOT_KNOWN.format("Sara Malik"), "The bridge at Dargai will reopen on Friday,")]


@pytest.mark.parametrize(
    "text",
    [
        "Speaking to reporters in Mardan, Sara Malik said the bridge had been repaired.",
        "In an interview with a local radio station, Sara Malik claimed that the bridge had been repaired.",
    ],
)
def test_a_phrase_of_how_or_where_before_the_speaker_is_not_what_was_said(text):
    assert _claims(text) == [(["Sara Malik"], NOT_KNOWN.format("Sara Malik"), "the bridge had been repaired.")]


def test_where_the_speakers_of_an_attribution_are_belongs_to_the_attribution():
    text = "According to local officials in Swabi, the bridge at Dargai had been repaired before the rains."
    assert _claims(text) == [
        (
            [],
            "speaker is 'local officials': name who it refers to",
            "the bridge at Dargai had been repaired before the rains.",
        )
    ]


def test_a_quotation_names_its_speaker_before_an_apposition_and_the_verb():
    text = '"The ferry will not sail before Friday," Lena Berg, a spokeswoman for the port authority, said.'
    assert _claims(text) == [(["Lena Berg"], NOT_KNOWN.format("Lena Berg"), "The ferry will not sail before Friday,")]
