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
