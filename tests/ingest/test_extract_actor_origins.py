"""Issue 14, actors, third round: a country that a thing comes from, or that something is based in, is a
place and no actor candidate (the eighth held-out set's false "Afghanistan" of "threats emanating from
Afghanistan would …"); each on sentences written for these tests, with a control that still acts."""

from __future__ import annotations

from actor_support import candidates


def test_a_thing_emanating_or_originating_from_a_country_is_no_act_of_it():
    found = candidates(
        "Officials said threats emanating from Iran would grow. Attacks originating from Turkey could follow. "
        "Over 5,000 Afghans returned from Pakistan last week.",
        date="2024-05-01",
    )
    assert "Pakistan" in found  # returned from it: a party to the returns
    assert not {"Iran", "Turkey"} & set(found)


def test_an_origin_after_a_capitalised_from_in_a_title_is_a_place():
    found = candidates("Returnees From Iran Describe Hardship\n\nThe ministry said the camps were full.\n")
    assert "Iran" not in found


def test_a_country_joined_to_based_is_where_something_is_not_who_acts():
    found = candidates(
        "Officials held talks between Turkey and Qatar. The army moved against Iran-based elements of the group.",
        date="2024-05-01",
    )
    assert {"Turkey", "Qatar"} <= set(found)  # parties to the talks
    assert "Iran" not in found


def test_a_condition_a_country_is_in_or_its_de_facto_forces_make_no_act_of_it():
    found = candidates(
        "Observers wrote that Iran’s long economic crisis has deepened. Clashes broke out between Turkey’s "
        "de facto security forces and the militia. Officials welcomed Qatar’s decision to help.",
        date="2024-05-01",
    )
    assert "Qatar" in found  # its decision: the country acts
    assert not {"Iran", "Turkey"} & set(found)


def test_de_facto_forces_named_by_their_role_are_a_body_but_a_de_facto_authority_is_a_description():
    found = candidates(
        "Fighting between de facto border forces and the militia went on. The Taliban ruled as a de facto authority.",
        date="2024-05-01",
    )
    assert found["de facto border forces"].record["kind"] == "government_body"
    assert not [name for name in found if "authority" in name]
