"""The author's assertions of ties, advantage, targeting habits and threats faced (claim_words.yaml:
affiliation, generalisation, author_frames access_given and risk_faced); and what stays background: a
programme that is "a key part of" a strategy, fighters described as "affiliated with" a group. A
prediction on a condition ("If …, X will be …") is the author's; a direction to the reader ("If you …") is not."""

from __future__ import annotations

import re

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

AUTHOR = "the author's own assertion"


def _claims(text: str) -> list[tuple[list[str], str]]:
    doc = text_document(text, date="2025-03")
    return [(p.record["asserted_by"], p.notes[0]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]


def _marker(text: str) -> str | None:
    """The marker of the single author's claim the text yields, else None."""
    claims = _claims(text)
    if len(claims) != 1 or claims[0][0] or not claims[0][1].startswith(AUTHOR):
        return None
    found = re.search(r"\('(.+?)'\)", claims[0][1])
    return found.group(1) if found else None


def test_a_tie_asserted_or_denied_is_the_authors():
    assert _marker("Lashkar-e-Islam is not directly affiliated with the Afghan Taliban movement in Nangarhar.") == (
        "is not directly affiliated"
    )
    assert _marker("The Jamaat draws ideological guidance from the clerics of the Deobandi seminaries.") == (
        "ideological guidance from"
    )


def test_a_participle_of_affiliation_is_no_claim():
    assert _claims("Four fighters affiliated with the banned group were killed in a raid on Tuesday.") == []


def test_an_advantage_given_is_the_authors():
    assert _marker("The truce has given the militants access to the markets of the tribal districts.") == (
        "has given the militants access to"
    )


def test_targeting_almost_exclusively_is_the_authors():
    assert _marker("The group has almost exclusively targeted police posts in the southern districts.") == (
        "almost exclusively"
    )


def test_a_rebellion_faced_is_the_authors():
    assert _marker("The new rulers also face a rebellion in the northern valleys from former commanders.") == (
        "face a rebellion"
    )


def test_a_programme_as_part_of_a_strategy_is_background():
    assert _claims("The RAHA programme is a key part of the regional strategy signed by the three governments.") == []


def test_a_prediction_on_a_condition_is_the_authors():
    assert _marker("If the talks in Doha fail again, the crossing will be closed for months.") == "if …, will"


def test_a_direction_to_the_reader_on_a_condition_is_no_claim():
    assert _claims("If you are a registered refugee, you will be asked for your card at the crossing.") == []
    assert _claims("If the card expires, holders must renew it at the nearest registration office.") == []
