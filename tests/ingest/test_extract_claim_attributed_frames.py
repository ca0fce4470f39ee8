"""Attributed claims the code of the fifth to ninth measurements missed, as classes of attribution frame:
a speaking noun with a modifier after it as the subject ('An official performing duty at the border told …',
'Officials involved in the talks said …'; modified_speakers.py), a clause verb before a clause without 'that'
opened by the existential 'there' ('observers noted there were …'; verb_use.py), and a quotation that continues
one whose speaker is followed by a role without an article ('…,” said X, deputy director at Y. “…”';
quote_claims.py). Each is tested on both sides with sentences written for the tests."""

from __future__ import annotations

import pytest

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], str, str]]:
    doc = text_document(text, date="2025-03")
    out = []
    for p in propose(doc, Lexicon.empty()):
        if p.kind == "claim":
            note = next((n for n in p.notes if n.startswith("speaker is")), "")
            out.append((p.record["asserted_by"], p.record["statement"], note))
    return out


@pytest.mark.parametrize(
    ("sentence", "speaker", "statement"),
    [
        (
            "An official performing duty at the Chaman gate told Dawn on the condition of anonymity that the Afghan side"
            " was digging a trench near the fence.",
            "official",
            "the Afghan side was digging a trench near the fence.",
        ),
        (
            "Officials involved in the prisoner talks said the lists would be exchanged within a week.",
            "Officials",
            "the lists would be exchanged within a week.",
        ),
        (
            "An official at the Ghulam Khan crossing told reporters that the lorries had been held for three days.",
            "official",
            "the lorries had been held for three days.",
        ),
        (
            "A spokesman representing the traders said the closure had cost the bazaar millions of rupees.",
            "spokesman",
            "the closure had cost the bazaar millions of rupees.",
        ),
    ],
)
def test_a_speaking_noun_with_a_modifier_speaks(sentence: str, speaker: str, statement: str) -> None:
    claims = _claims(sentence)
    assert [(c[1], c[2]) for c in claims] == [(statement, f"speaker is '{speaker}': name who it refers to")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Guards performing duty at the Chaman gate checked the papers of every lorry driver before noon.",
        "Officials involved in the Doha talks travelled to Kabul on a chartered flight last week.",
        "Residents of the Kurram valley marched to the press club and shouted slogans against the curfew.",
    ],
)
def test_a_modified_noun_without_a_speech_verb_is_no_claim(sentence: str) -> None:
    assert _claims(sentence) == []


def test_there_opens_a_clause_after_a_clause_verb() -> None:
    claims = _claims("However, independent analysts noted there were also economic reasons for the sudden closure.")
    assert claims == [
        (
            [],
            "there were also economic reasons for the sudden closure.",
            "speaker is 'independent analysts': name who it refers to",
        )
    ]
    [(by, statement, _)] = _claims("Wali Kakar noted there had been no shelling since the ceasefire of Friday.")
    assert (by, statement) == (["Wali Kakar"], "there had been no shelling since the ceasefire of Friday.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The surveyors noted the damage to the culverts on the Torkham road in their logbooks.",
        "The council wrote there on the wall of the school the names of the fallen.",
    ],
)
def test_a_clause_verb_with_an_object_is_no_claim(sentence: str) -> None:
    assert _claims(sentence) == []


def test_a_quotation_continues_past_a_role_without_article() -> None:
    text = (
        "“The refugees have been pawns in a quarrel between two capitals for far too long,” said Nadia Rahimi,"
        " deputy Asia director at Refugee Watch. “With donors slow to act, families are being pushed across"
        " the border in the middle of winter.”"
    )
    assert [(c[0], c[1]) for c in _claims(text)] == [
        (["Nadia Rahimi"], "The refugees have been pawns in a quarrel between two capitals for far too long,"),
        (
            ["Nadia Rahimi"],
            "With donors slow to act, families are being pushed across the border in the middle of winter.",
        ),
    ]


def test_a_quotation_after_another_sentence_keeps_no_speaker() -> None:
    text = (
        "“The refugees have been pawns in a quarrel between two capitals for far too long,” said Nadia Rahimi,"
        " deputy Asia director at Refugee Watch. Donors met in Geneva on Monday to discuss the appeal."
        " “Families are being pushed across the border in the middle of winter.”"
    )
    assert [c[0] for c in _claims(text)] == [["Nadia Rahimi"]]
