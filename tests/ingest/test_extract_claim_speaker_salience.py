"""Speakers by surname and by the salience of the last speaker (docs/extraction.md, "Speakers named before"):
"Mr Mujahid said" after "Zabiullah Mujahid, the spokesman …, said" is the full name's claim; "He said …"
paragraphs after a person's claim continue that person; of two persons, the subject of the last speech verb.
Sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], list[str]]]:
    doc = text_document(text, date="2025-03")
    return [(p.record["asserted_by"], p.notes[:2]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]


def _said(text: str, words: str) -> tuple[list[str], list[str]]:
    doc = text_document(text, date="2025-03")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim" and words in p.record["statement"]]
    assert len(found) == 1, found
    return found[0].record["asserted_by"], found[0].notes[:2]


def test_a_surname_after_mr_is_the_person_named_in_full_before():
    text = (
        "“The crossing will stay shut until the talks end,” Zabiullah Mujahid, the spokesman of the Taliban "
        "administration, said.\n\n"
        "Traders waited at the gate for three days.\n\n"
        "Mr Mujahid said the guards had fired first and that two soldiers were wounded."
    )
    by, notes = _said(text, "the guards had fired first")
    assert by == ["Zabiullah Mujahid"]
    assert notes[0] == "speaker 'Mr Mujahid' resolved to 'Zabiullah Mujahid', named in full before"


def test_a_surname_takes_the_full_name_without_its_title():
    text = (
        "The troops were killed near the border post, for which Pakistan President Asif Ali Zardari vowed to "
        "retaliate.\n\n"
        "“Whoever crosses our borders to commit terror will be answered strongly,” Mr Zardari said on Sunday."
    )
    by, notes = _said(text, "Whoever crosses our borders")
    assert by == ["Asif Ali Zardari"]
    assert notes[0] == "speaker 'Mr Zardari' resolved to 'Asif Ali Zardari', named in full before"


def test_two_people_of_one_surname_leave_the_surname_as_written():
    text = (
        "Interior Minister Abbas Khan met Senator Shafqat Ali Khan in Peshawar on Monday.\n\n"
        "Khan said the new rules for the crossing would take effect next month."
    )
    by, notes = _said(text, "the new rules")
    assert by == ["Khan"]
    assert not any("resolved" in n for n in notes)


def test_he_said_paragraphs_continue_the_speaker_of_the_claim_before():
    text = (
        "ISLAMABAD: Ambassador Kuninori Matsuda called on Minister for Refugees Shehryar Afridi here and "
        "presented the grant.\n\n"
        "He said that the money had been paid to the refugee agency for the families in the camps.\n\n"
        "He also said that his government would keep supporting the province in its development.\n\n"
        "“We appreciate the work of the teams in the camps and would like to help them further,” he added."
    )
    claims = _claims(text)
    assert [by for by, _ in claims] == [["Kuninori Matsuda"]] * 3
    assert claims[0][1][0] == (
        "speaker 'He' resolved to 'Kuninori Matsuda', named in the sentence before as the subject of 'called'"
    )
    assert claims[1][1][0] == "speaker 'He' continues 'Kuninori Matsuda', the speaker of the claim before"
    assert claims[2][1][0] == "speaker 'he' continues 'Kuninori Matsuda', the speaker of the claim before"


def test_two_people_who_met_leave_he_as_written():
    by, notes = _said(
        "Interior Minister Mohsin Naqvi met Ambassador Asif Durrani in Islamabad on Friday. "
        "He said the deadline for the returns would not be extended.",
        "the deadline",
    )
    assert by == []
    assert notes[1].startswith("speaker 'He' left as written: 2 parties")


def test_a_person_named_after_the_last_speech_verb_leaves_he_as_written():
    text = (
        "Ambassador Kuninori Matsuda said the grant would reach the camps within a month. "
        "Minister Shehryar Afridi visited the camps on Monday with a team of doctors. "
        "He said the families needed clean water before the summer."
    )
    by, notes = _said(text, "clean water")
    assert by == []
    assert notes[1].startswith("speaker 'He' left as written: 2 parties")


def test_a_claim_two_paragraphs_back_is_not_continued():
    text = (
        "Ambassador Kuninori Matsuda said the grant would reach the camps within a month.\n\n"
        "The camps hold forty thousand people. Many arrived in the spring.\n\n"
        "Winter comes early in the valley. The roads close in December.\n\n"
        "He said the families needed clean water before the summer."
    )
    by, notes = _said(text, "clean water")
    assert by == []
    assert notes[1] == "speaker 'He' left as written: no party it could stand for is named shortly before it"


def test_he_after_an_unresolved_official_stays_as_written():
    text = (
        "Police spokesperson Shahid Hameed said the raid ended at dawn.\n\n"
        "Four of the dead were identified as Ziaullah Khan, Safatullah Wazir, Mohibullah Mehsud and Kaleem "
        "Dawar. The identification of two others was underway, the official said.\n\n"
        "He added that the men had been wanted for attacks on the police."
    )
    by, notes = _said(text, "had been wanted")
    assert by == []
    assert notes[1].startswith("speaker 'He' left as written:")
