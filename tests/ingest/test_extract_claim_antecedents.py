"""Speakers named before (eval/README.md, "Speakers named before"): "He said", "the report observes", "the
statement added", "the ministry said", "the group claimed" are the claims of the party the text named shortly
before; two candidates, or none, leave the speaker as written, with a note saying why."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], list[str]]]:
    doc = text_document(text, date="2025-03")
    return [(p.record["asserted_by"], p.notes[:2]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]


def _last(text: str) -> tuple[list[str], list[str]]:
    return _claims(text)[-1]


def test_he_is_the_person_named_in_the_sentence_before():
    by, notes = _last(
        "Taliban spokesman Zabihullah Mujahid visited the crossing on Monday.\n\n"
        "He said the gates would stay closed until the talks were over."
    )
    assert by == ["Zabihullah Mujahid"]
    assert notes[0] == "speaker 'He' resolved to 'Zabihullah Mujahid', named in the sentence before"


def test_a_surname_is_the_same_person_and_a_later_he_reaches_three_sentences_back():
    text = (
        "Asif Durrani, the special envoy, met traders at the border. Durrani said the crossing would reopen soon. "
        "The market was quiet on Tuesday. Trucks lined the road for miles. He added that fees would not change."
    )
    by, notes = _last(text)
    assert by == ["Asif Durrani"]
    assert notes[0] == "speaker 'He' resolved to 'Asif Durrani', named 3 sentences before"


def test_a_described_person_is_the_antecedent_but_stays_unnamed():
    by, notes = _last(
        "An official performing duty at the border told reporters that a bunker was being built.\n\n"
        "He said the construction broke the agreement between the two sides."
    )
    assert by == []
    assert notes[0] == (
        "speaker 'He' resolved to 'An official', described in the sentence before: name who it refers to"
    )


def test_two_people_named_before_leave_he_as_written():
    by, notes = _last(
        "Interior Minister Mohsin Naqvi met Ambassador Asif Durrani in Islamabad on Friday. "
        "He said the deadline for the returns would not be extended."
    )
    assert by == []
    assert notes == [
        "speaker is 'He': name who it refers to",
        "speaker 'He' left as written: 2 parties it could stand for are named before it ('Mohsin Naqvi', "
        "'Asif Durrani')",
    ]


def test_no_person_named_before_leaves_she_as_written():
    by, notes = _last("The border stayed closed for a week.\n\nShe said the traders had lost millions in the closure.")
    assert by == []
    assert notes[1] == "speaker 'She' left as written: no party it could stand for is named shortly before it"


def test_the_report_is_the_body_whose_report_it_is():
    by, notes = _last(
        "The US Institute of Peace report paints an unsettling picture of the border. "
        "The report observes that militants move freely across the frontier."
    )
    assert by == ["US Institute of Peace"]
    assert notes[0] == "speaker 'report' resolved to 'US Institute of Peace', named in the sentence before"


def test_the_statement_is_the_body_that_issued_it():
    by, notes = _last(
        "An official announcement by the Ministry of Foreign Affairs (MOFA) was issued on Monday. "
        "The statement added that Pakistan would keep working with the interim government."
    )
    assert by == ["Ministry of Foreign Affairs"]
    assert notes[0] == "speaker 'statement' resolved to 'Ministry of Foreign Affairs', named in the sentence before"


def test_two_publishers_leave_the_report_as_written():
    by, notes = _last(
        "The Crisis Group report and the Human Rights Watch report were both published in May. "
        "The report says deportations rose sharply over the summer."
    )
    assert by == []
    assert notes[1].startswith("speaker 'report' left as written: 2 parties it could stand for are named")


def test_the_ministry_is_the_ministry_named_before():
    by, notes = _last(
        "The Interior Ministry announced new rules for the crossing on Monday. "
        "The ministry said all travellers would need a passport and a visa."
    )
    assert by == ["Interior Ministry"]
    assert notes[0] == "speaker 'ministry' resolved to 'Interior Ministry', named in the sentence before"


def test_the_group_is_the_armed_group_named_before():
    by, notes = _last(
        "Fighters of Tehreek-e-Taliban Pakistan attacked a police post near the border on Sunday. "
        "The group claimed that it had killed six officers in the attack."
    )
    assert by == ["Tehreek-e-Taliban Pakistan"]
    assert notes[0] == "speaker 'group' resolved to 'Tehreek-e-Taliban Pakistan', named in the sentence before"


def test_the_spokesman_needs_a_named_person():
    by, notes = _last(
        "A police spokesman gave no details of the raid.\n\nThe spokesman said two suspects were arrested at the scene."
    )
    assert by == []
    assert notes[1] == "speaker 'spokesman' left as written: no party it could stand for is named shortly before it"
