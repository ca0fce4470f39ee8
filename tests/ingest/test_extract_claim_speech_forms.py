"""Attributed speech forms: a role without an article between a name and its verb ('X, governor of …,
said'), a name after a preposition before an inverted verb ('…, mostly in Paktika, said X'), a name with a
linked particle ('Shuja ul-Mulk'), a finding reported by a body ('The audit found that …')."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _speakers(text: str) -> list[list[str]]:
    doc = text_document(text, date="2025-03")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]
    return [p.record["asserted_by"] or [p.notes[0]] for p in found]


def test_a_role_without_an_article_stands_between_the_name_and_its_verb():
    assert _speakers("Gul Rahman, governor of Paktika province, said the drones had come from the east.") == [
        ["Gul Rahman"]
    ]
    assert _speakers("Zarina Bibi, deputy spokeswoman for the ministry, told reporters that the camps were full.") == [
        ["Zarina Bibi"]
    ]


def test_a_name_with_a_linked_particle_is_one_speaker():
    text = "Ikram ul-Haq Durrani, governor of Nuristan province, said the shells landed near a school."
    assert _speakers(text) == [["Ikram ul-Haq Durrani"]]


def test_a_place_after_a_preposition_is_not_the_speaker_of_an_inverted_verb():
    assert _speakers("The drones struck villages, mostly in the north of Paktika, said Gul Rahman.") == [["Gul Rahman"]]


def test_a_finding_is_reported_only_with_a_clause():
    assert _speakers("The audit found that half of the funds for the camps never reached the families.") == [
        ["speaker is 'audit': name who it refers to"]
    ]
    assert _speakers("Police found two bodies in the river near the bridge on Tuesday morning.") == []


def test_looking_forward_to_is_the_subjects_stance():
    assert _speakers("The agency looks forward to the adoption of the new policy on residence cards.") == [
        ["speaker is 'agency': name who it refers to"]
    ]


def test_a_light_verb_with_a_noun_of_speech_is_the_subjects_claim():
    assert _speakers("The Kunar council raised concerns about the safety of the returning families.") == [
        ["Kunar council"]
    ]


def test_how_it_was_said_may_stand_between_the_subject_and_its_verb():
    assert _speakers("The group, in a message sent to reporters, claimed responsibility for the raid on the post.") == [
        ["speaker is 'group': name who it refers to"]
    ]
    assert _speakers(
        "Customs officials, speaking on condition of anonymity, said the gate would reopen on Friday."
    ) == [["Customs officials"]]


def test_agreeing_on_a_thing_is_not_a_claim_but_agreeing_that_is():
    assert _speakers("Flights to the capital may resume once both airlines agree on the new landing fees.") == []
    assert _speakers("The two ministers agreed that the crossing had been closed for too long.") == [
        ["speaker is 'two ministers': name who it refers to"]
    ]


def test_a_capitalised_adjective_opening_the_sentence_is_not_a_speaker():
    assert _speakers("Recent raids show that the smugglers have moved their routes to the west.") == []
    assert _speakers("Taliban fighters said they had taken the hill post after a night of shelling.") == [
        ["Taliban fighters"]
    ]
