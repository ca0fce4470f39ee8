"""Third claims round: a cause a named speaker ascribes ('has linked A to B'), what a named body says it has
established ('UNAMA also documented …'), an aim put as speech ('pledged to', 'hoped to') that is not an
assertion, and the author's hearsay ('reportedly') that is not the author's judgment."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], str, bool]]:
    doc = text_document(text, date="2025-03")
    return [
        (p.record["asserted_by"], p.record["statement"], any("author's own" in n for n in p.notes))
        for p in propose(doc, Lexicon.empty())
        if p.kind == "claim"
    ]


def test_a_cause_linked_by_a_named_speaker_is_the_speakers_claim():
    claims = _claims(
        "Interior Minister Rana Sanaullah has linked the rise in kidnappings to the reopening of the crossings."
    )
    assert claims == [
        (["Interior Minister Rana Sanaullah"], "the rise in kidnappings to the reopening of the crossings.", False)
    ]


def test_a_passive_link_is_not_a_speakers_claim():
    claims = _claims("Several commanders linked to the Hafiz Gul Bahadur group were arrested near Bannu on Tuesday.")
    assert [by for by, _, _ in claims if by] == []


def test_what_a_named_body_documented_is_its_claim():
    claims = _claims("UNHCR also documented at least 40 forced evictions of refugee families in Karachi last month.")
    assert claims == [
        (["UNHCR"], "documented at least 40 forced evictions of refugee families in Karachi last month.", False)
    ]


def test_what_a_named_body_is_assessing_is_its_claim():
    claims = _claims("OCHA is still assessing the damage; early information indicates that 300 houses were destroyed.")
    assert [(by, author) for by, _, author in claims] == [(["OCHA"], False)]


def test_documented_as_an_adjective_is_no_speaker():
    claims = _claims("Both documented and undocumented Afghans were moved to the holding centre in Landi Kotal.")
    assert [by for by, _, _ in claims if by] == []


def test_a_pledge_to_act_is_an_aim_not_a_claim():
    claims = _claims(
        "Police arrested members of Lashkar-e-Islam, which has pledged to overthrow the provincial government."
    )
    assert [by for by, _, _ in claims if by] == []  # the author may judge it; no speaker does


def test_a_hope_to_act_is_an_aim_but_a_hope_that_is_a_claim():
    assert _claims("Kabul hoped to persuade the traders to reopen the market before the winter.") == []
    claims = _claims("Kabul hoped that the traders would reopen the market before the winter.")
    assert [by for by, _, _ in claims] == [["Kabul"]]


def test_hearsay_is_not_the_authors_own_assertion():
    sentence = "The envoy, who visited Kabul last week, reportedly raised the issue, but his efforts proved futile."  # "could not secure any firm commitment" is no marker any more: what was sought, not conduct judged
    assert _claims(sentence) == []
    assert [a for _, _, a in _claims(sentence.replace("reportedly ", ""))] == [True]


def test_citing_a_cause_as_a_motive_is_the_speakers_claim_but_citing_a_report_is_not():
    claims = _claims(
        "Islamabad cited rising smuggling and extortion as the reason for closing the Ghulam Khan crossing."
    )
    assert claims == [
        (["Islamabad"], "rising smuggling and extortion as the reason for closing the Ghulam Khan crossing.", False)
    ]
    assert _claims("Islamabad cited a report by the provincial police in its letter to the traders.") == []


def test_what_one_actor_wants_of_another_is_the_authors_claim():
    claims = _claims("The Pakistani government wants the Taliban to move against the TTP camps in Kunar and Nuristan.")
    assert [(by, author) for by, _, author in claims] == [([], True)]
    assert _claims("The Pakistani government wanted a meeting with the traders of the Torkham market.") == []


def test_an_order_announced_is_not_a_claim_but_a_finding_announced_is():
    order = "On 3 March, Islamabad announced that all unregistered traders (read: 2.5 thousand Afghans) must leave Peshawar."
    assert [by for by, _, _ in _claims(order) if by] == []
    finding = "On 3 March, Islamabad announced that the unregistered traders had smuggled fuel into Peshawar for years."
    assert [by for by, _, _ in _claims(finding)] == [["Islamabad"]]


def test_a_hedged_identification_is_the_authors_claim():
    claims = _claims("The bombing in Bannu, if the police account holds, is likely the work of a splinter faction.")
    assert [(by, author) for by, _, author in claims] == [([], True)]


def test_a_state_over_all_time_is_the_authors_claim_but_never_having_been_somewhere_is_not():
    claims = _claims("Since the partition of 1947, relations between the two capitals have always been uneasy.")
    assert [(by, author) for by, _, author in claims] == [([], True)]
    assert _claims("Many of the returnees were born in Peshawar and have never been to Afghanistan.") == []


def test_a_conduct_repeated_over_time_is_the_authors_claim():
    claims = _claims("The provincial government has periodically attempted to move the refugees out of the city.")
    assert [(by, author) for by, _, author in claims] == [([], True)]
