"""Actor candidates as the eleventh unseen set showed them, as classes — an agency credited in a dateline; a
long form whose lowercase particle the abbreviation spells; a person set off after an office that is a person's
only there; countries on a route, in a condition, among countries, where people come from, or inside a
government named by them — on sentences written for these tests, with what must not be proposed."""

from __future__ import annotations

from actor_support import candidates


def _kinds(text: str) -> dict[str, str]:
    return {name: p.record["kind"] for name, p in candidates(text).items()}


def test_an_agency_credited_in_a_dateline():
    text = "KARACHI, May 3 (KNA):The provincial cabinet met on Friday to approve the budget."
    assert _kinds(text) == {"KNA": "media"}
    text = "QUETTA, Pakistan (PNN) — The provincial cabinet met on Friday."
    assert _kinds(text) == {"Pakistan": "state", "PNN": "media"}


def test_a_bracket_after_a_name_that_is_no_dateline_is_no_agency():
    text = "The Provincial Cabinet (PC) – minutes of the meeting were read."
    assert _kinds(text) == {"Provincial Cabinet": "government_body"}  # its abbreviation, no agency
    assert _kinds("He met the board (today) - and left.") == {}


def test_a_long_form_with_a_particle_the_abbreviation_spells():
    text = "The charity Aide sans Limites (ASL) opened a clinic. ASL said it would stay."
    assert list(_kinds(text)) == ["Aide sans Limites"]  # its kind left to the reviewer (noted)
    assert [a["name"] for a in candidates(text)["Aide sans Limites"].record["aliases"]] == ["ASL"]


def test_a_term_in_lowercase_words_stays_no_name():
    assert _kinds("In fiscal year (FY) 2020 the clinic spent more.") == {}
    assert "Aide sans" not in _kinds("The Aide sans limites (ASL) figure rose.")


def test_a_person_set_off_after_an_office():
    text = "Before the visit of the UN High Commissioner for Human Rights, Amina Karimi, to Kabul, the talks ended."
    kinds = _kinds(text)
    assert kinds["Amina Karimi"] == "person"
    text = "The Ombudsman, Tariq Hameed, said the complaint was upheld."
    assert _kinds(text)["Tariq Hameed"] == "person"


def test_an_office_without_a_name_set_off_gives_no_person():
    text = "The visit of the UN High Commissioner for Human Rights Amina Karimi was long."
    assert "Amina Karimi" not in _kinds(text)
    text = "The Commissioner for Refugees, Kabul and Herat were named in the report."
    assert "Kabul" not in _kinds(text)


def test_countries_on_a_route_are_places():
    text = "The families returning to Afghanistan from Iran and Pakistan need shelter."
    assert _kinds(text) == {}
    text = "The risk of mass migration from Afghanistan to Europe is limited."
    assert _kinds(text) == {}
    text = "Most of them did not come directly from Afghanistan, but from third countries."
    assert _kinds(text) == {}


def test_a_country_that_undergoes_or_is_counted_among_countries_is_a_place():
    assert _kinds("Afghanistan also continues to face outbreaks of disease.") == {}
    assert _kinds("Afghanistan is also one of the main countries of origin of asylum applicants.") == {}


def test_a_country_that_acts_stays_a_state():
    assert _kinds("Afghanistan continues to reject the claims.") == {"Afghanistan": "state"}
    assert _kinds("Observers said that Pakistan hoped to pressure its neighbour.") == {"Pakistan": "state"}
    assert _kinds("Iran said it would help the refugees returning home.") == {"Iran": "state"}


def test_a_country_inside_a_government_named_by_it_is_not_proposed_again():
    text = "The programme was agreed upon by the agency and the government of Iran last year."
    assert _kinds(text) == {"government of Iran": "government_body"}
