"""Demands and headlines with a stance verb (settled annotation conventions, 2026-12-07): "X urged Y to …"
and "X demanded that Y …" are X's claims; a demand of a thing or an act of calling is not."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], str]]:
    doc = text_document(text, date="2025-03")
    return [(p.record["asserted_by"], p.notes[0]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]


def test_an_urging_with_an_infinitive_is_the_speakers_claim():
    claims = _claims("The Interior Ministry urged provincial officials to halt the arrests of registered refugees.")
    assert [by for by, _ in claims] == [["Interior Ministry"]]


def test_a_demand_with_that_is_the_speakers_claim():
    claims = _claims("The Kunar council demanded that Pakistani troops withdraw from the disputed post at once.")
    assert [by for by, _ in claims] == [["Kunar council"]]


def test_calling_on_someone_to_act_is_a_claim_and_calling_someone_in_is_not():
    assert [by for by, _ in _claims("Norway called on both governments to reopen the crossing for traders.")] == [
        ["Norway"]
    ]
    assert _claims("Norway called its ambassador to the ministry on Monday for urgent consultations.") == []


def test_a_progressive_urging_is_a_claim():
    claims = _claims("Uzbekistan is urging its neighbours to share intelligence on the armed groups.")
    assert [by for by, _ in claims] == [["Uzbekistan"]]


def test_a_demand_for_a_thing_is_not_a_claim():
    assert _claims("Tajikistan demanded an apology from the border commission after the shooting.") == []
    assert _claims("The mayor asked the donors for three more trucks of blankets and flour.") == []


def test_a_headline_with_a_verb_of_stance_on_anothers_conduct_is_a_claim():
    headline = "Tashkent Urges Dushanbe Against Closing Its Northern Crossings\n\nTraders waited at the gate for days."
    assert [by for by, _ in _claims(headline)] == [["Tashkent"]]
    praise = "Norwegian Minister Praises Iran’s Support for Returning Refugees\n\nThe visit lasted two days."
    assert [by for by, _ in _claims(praise)] == [["Norwegian Minister"]]
    assert _claims("Country Reports on Terrorism in the Region\n\nThe report covers the year.") == []


def test_a_headline_whose_verb_judges_is_the_publishers_claim():
    headline = "Winter Floods Overwhelm Camps, Strain Aid Budgets in Kunar\n\nRain fell for three days in the valley."
    assert _claims(headline) == [([], "the author's own assertion ('overwhelm'): a headline that judges")]
    assert _claims("Floods Hit Villages in Nangarhar Overnight\n\nRain fell for three days in the valley.") == []
    spoken = "Kabul Says New Deportations Strain Ties With Islamabad\n\nThe statement came on Monday."
    assert [by for by, _ in _claims(spoken)] == [["Kabul"]]


def test_a_demand_of_an_act_in_its_plain_form_is_the_speakers_claim():
    claims = _claims("The Kunar council demanded the border police immediately release the detained herders.")
    assert [by for by, _ in claims] == [["Kunar council"]]
    assert _claims("The Kunar council demanded a halt to the shelling and the return of the herds.") == []
