"""People a sentence names without a title: the author, editor or chair after 'by', and a list of names
that the rest of the sentence calls people — on sentences written for these tests."""

from __future__ import annotations

from actor_support import aliases, candidates


def test_the_person_after_an_authoring_or_chairing_verb_and_by():
    found = candidates(
        "The study — written by Jawad Nasiri — came out in May. The session was chaired by Parveen Lodhi "
        "and the accord was signed by Karim Dost."
    )
    assert found["Jawad Nasiri"].notes == ["'written by' before it"]
    assert found["Parveen Lodhi"].notes == ["'chaired by' before it"]
    assert found["Karim Dost"].record["kind"] == "person"


def test_a_body_after_by_stays_a_body():
    found = candidates("The report was compiled by the Frontier Research Institute in Peshawar.")
    assert found["Frontier Research Institute"].record["kind"] != "person"


def test_a_list_of_names_the_sentence_then_calls_people_is_a_list_of_people():
    found = candidates("Nadia Rostami, Idrees Kamal and Gul Meena Safi were among the speakers at the forum.")
    assert found["Nadia Rostami"].notes == ["listed before 'were among the speakers'"]
    assert {"Idrees Kamal", "Gul Meena Safi"} <= set(found)


def test_a_list_of_places_the_sentence_calls_people_is_no_list_of_people():
    found = candidates("Lakki Marwat, Dera Ismail Khan and Tank Valley were among the victims of the floods.")
    assert not {"Lakki Marwat", "Dera Ismail Khan"} & set(found)


def test_a_list_followed_by_a_word_for_things_is_no_list_of_people():
    found = candidates("Kamal Ridge, Sufaid Peak and Gorsang Heights were among the positions held.")
    assert not {"Kamal Ridge", "Sufaid Peak", "Gorsang Heights"} & set(found)


def test_a_name_whose_possessive_owns_what_only_a_person_has_is_a_person():
    found = candidates(
        "Crowds gathered outside the court for Sajid Wardak’s trial. Later, Nasreen Mohmand's elder brother "
        "was released."
    )
    assert found["Sajid Wardak"].notes == ["what a person has: 'Sajid Wardak’s trial'"]
    assert found["Nasreen Mohmand"].notes == ["what a person has: 'Nasreen Mohmand's elder brother'"]


def test_a_name_whose_possessive_owns_something_else_is_no_person_by_it():
    found = candidates("Crowds gathered near Shahi Bagh's gates. The Kunar River's banks flooded.")
    assert not {"Shahi Bagh", "Kunar River"} & set(found)


def test_a_months_short_form_inside_a_name_is_a_given_name_unless_beside_a_number():
    found = candidates("Porter Sher Jan, 52, said the queue was long. The deadline of Jan 15 passed, Jan Agha said.")
    assert "Sher Jan" in found
    assert found["Jan Agha"].notes == ["reported speech: 'said'"]
    assert not [name for name in found if name.startswith("Jan ") and name != "Jan Agha"]


def test_an_occupation_before_a_name_makes_it_a_persons():
    found = candidates(
        "A shopkeeper, Tahir Afridi, lost his stock. Another villager – Rasool Bangash – told the agency the "
        "road was shut. Farmer Lal Badshah Mohmand, 60, said the crops had failed."
    )
    assert found["Tahir Afridi"].notes == ["an occupation before it: 'shopkeeper,'"]
    assert found["Rasool Bangash"].notes == ["an occupation before it: 'villager –'"]
    assert "Lal Badshah Mohmand" in found
    assert "Farmer Lal Badshah Mohmand" not in found


def test_an_occupations_plural_in_a_body_name_makes_no_person():
    found = candidates("The Drivers Association of Landi Kotal met. The Awami Workers Party protested.")
    assert "Association" not in found
    assert found["Awami Workers Party"].record["kind"] == "opposition_group"


def test_a_name_after_what_only_a_person_has_and_of_is_a_person():
    found = candidates("The family of Zarmina Yousafzai asked for an inquiry. The roads of Shahi Bagh were closed.")
    assert found["Zarmina Yousafzai"].notes == ["what a person has: 'family of Zarmina Yousafzai'"]
    assert "Shahi Bagh" not in found


def test_the_one_name_after_a_phrase_naming_a_person_identified_is_a_persons():
    found = candidates(
        "Police named the bomber as Saifullah Marwat. Officials identified him as Dilawar Orakzai. They named the "
        "operation as Zarb-e-Qalam."
    )
    assert found["Saifullah Marwat"].notes == ["listed after 'named the bomber as'"]
    assert found["Dilawar Orakzai"].notes == ["listed after 'identified him as'"]
    assert "Zarb-e-Qalam" not in found


def test_the_noun_after_a_role_modifier_belongs_to_the_role_not_the_name():
    found = candidates("Deputy Speaker Humaira Kundi adjourned the session. Deputy Registrar Omar Zaki agreed.")
    assert aliases(found["Humaira Kundi"]) == ["Deputy Speaker Humaira Kundi"]
    assert "Omar Zaki" in found
    assert not [name for name in found if name.startswith(("Speaker", "Registrar"))]
