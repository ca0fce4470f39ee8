"""An abbreviation used once where only an organisation stands — after its members, as the agent of a
passive, before an apposition saying what it is, listed with an organisation after 'the' — on sentences
written for these tests."""

from __future__ import annotations

from actor_support import aliases, candidates


def test_an_abbreviation_after_its_members_or_as_a_passive_agent_is_an_organisation():
    found = candidates(
        "A delegation of the QCCI visited the crossing. The plan was endorsed by the SHRC on Sunday. "
        "Members of the BTWA protested."
    )
    assert found["QCCI"].notes == [
        "an abbreviation used alone ('delegation of the QCCI': where an organisation stands); kind guessed"
    ]
    assert found["SHRC"].notes == [
        "an abbreviation used alone ('endorsed by the SHRC': where an organisation stands); kind guessed"
    ]
    assert "BTWA" in found


def test_an_apposition_says_the_kind_of_an_abbreviation():
    found = candidates("The MJUF, a religious party, blocked the road on Friday.")
    assert found["MJUF"].record["kind"] == "opposition_group"
    assert found["MJUF"].notes == [
        "an abbreviation used alone ('MJUF, a religious party,': where an organisation stands)"
    ]


def test_an_abbreviation_that_modifies_a_noun_after_it_is_no_organisation():
    found = candidates("Members of the QCCI board met. The fee was set by the SHRC formula last year.")
    assert not {"QCCI", "SHRC"} & set(found)


def test_an_abbreviation_listed_after_the_with_an_organisation_is_one():
    found = candidates("The ICRC and the KRSO distributed food in Kurram.")
    assert found["KRSO"].notes == ["listed with ICRC; kind guessed from it"]


def test_an_abbreviation_spelling_a_name_with_an_abbreviation_inside_is_that_names():
    found = candidates(
        "A report by the U.K. Council for Border Studies came out in May. UKCBS said the crossing stayed shut. "
        "UKCBS asked for more funds."
    )
    assert "UKCBS" not in found
    assert "UKCBS" in aliases(found["Council for Border Studies"])
