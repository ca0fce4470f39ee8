"""Claims: quotations and reported speech with the speaker the text names."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

TEXT = (
    'The expulsion was criticised. *"TTP attacks originate from within Pakistan"* (Express Tribune, 2023), '
    "said spokesperson Sohail Shaheen. Zabihullah Mujahid condemned US drone surveillance over Afghanistan. "
    "They asserted that these refugees are innocent and have no connection with the violence. "
    "Critics, however, believe that a calibrated approach would have prevented the fallout."
)


def _claims(lexicon: Lexicon | None = None) -> list[tuple[list[str], str, str, list[str]]]:
    doc = text_document(TEXT, date="2024-04")
    found = [p for p in propose(doc, lexicon if lexicon is not None else Lexicon.empty()) if p.kind == "claim"]
    for p in found:
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
    return [(p.record["asserted_by"], p.record["topic"], p.record["statement"], p.notes) for p in found]


def test_a_quotation_with_its_speaker_after_it():
    by, topic, statement, notes = _claims()[0]
    assert (by, topic, statement) == (["Sohail Shaheen"], "ttp-origin", "TTP attacks originate from within Pakistan")
    assert notes == ["speaker 'Sohail Shaheen' is not a known actor", "topic guessed from keywords: ttp-origin"]


def test_reported_speech_with_its_subject():
    by, topic, statement, _ = _claims()[1]
    assert (by, topic, statement) == (
        ["Zabihullah Mujahid"],
        "drone-surveillance",
        "US drone surveillance over Afghanistan.",
    )


def test_a_pronoun_or_unnamed_group_leaves_the_speaker_to_the_reviewer():
    pronoun, critics = _claims()[2:4]
    assert pronoun[0] == [] and pronoun[3][0] == "speaker is 'They': name who it refers to"
    assert pronoun[2] == "these refugees are innocent and have no connection with the violence."
    assert critics[0] == [] and critics[3][0] == "speaker is 'Critics': name who it refers to"


def test_a_known_speaker_becomes_its_actor_id():
    lexicon = Lexicon.from_names([("sohail-shaheen", "Sohail Shaheen", "person")], [])
    assert _claims(lexicon)[0][0] == ["sohail-shaheen"]
    assert _claims(lexicon)[0][3] == ["topic guessed from keywords: ttp-origin"]


def _claims_of(text: str) -> list[tuple[list[str], str, list[str]]]:
    doc = text_document(text, date="2024-04")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]
    for p in found:
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
    return [(p.record["asserted_by"], p.record["statement"], p.notes) for p in found]


def test_attributions_and_speakers_that_follow_what_they_said():
    claims = _claims_of(
        "Two soldiers were wounded, according to a statement from the Pakistani military. "
        "Pakistan reopened the crossing on Friday, officials said. "
        "A jirga mediated the arrangement, the Khyber district administration said in a statement. "
        "Its leader was reported by one Member State to be in poor health."
    )
    assert [(by, statement) for by, statement, _ in claims] == [
        (["Pakistani military"], "Two soldiers were wounded."),
        ([], "Pakistan reopened the crossing on Friday"),
        (["Khyber district administration"], "A jirga mediated the arrangement"),
        (["Member State"], "Its leader to be in poor health."),
    ]
    assert claims[1][2][0] == "speaker is 'officials': name who it refers to"


def test_bodies_named_by_common_nouns_and_short_claims_of_responsibility():
    claims = _claims_of(
        "The Taliban administration in Kabul accused Pakistani forces of opening fire. "
        "The BLA claimed the killings. The TTP said it had captured villages, which the army denied. "
        "No group claimed responsibility for the ambush. He was said to have led the assault."
    )
    assert [(by, statement) for by, statement, _ in claims] == [
        (["Taliban administration"], "Pakistani forces of opening fire."),
        (["BLA"], "the killings."),
        ([], "The TTP said it had captured villages"),  # what the army denied
        (["TTP"], "it had captured villages, which the army denied."),
    ]
    assert claims[2][2][0] == "speaker is 'army': name who it refers to"
    # no claim from "No group claimed" nor from "was said to have"
