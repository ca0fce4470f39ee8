"""Actor candidates: one actor proposed once — a name set off after its abbreviation, a possessive owner of a
plan, an abbreviation opening a longer name — and long title-case headlines giving only the names they hold.
One test per class, on texts written for these tests."""

from __future__ import annotations

from actor_support import aliases, candidates


def test_a_name_set_off_after_an_abbreviation_is_its_alias():
    found = candidates(
        "OCHA, the UN Relief Office, WHO, the UN Health Agency and ACF, the UN Food Fund, warned of "
        "cholera. OCHA, WHO and ACF asked for money."
    )
    assert {name: aliases(found[name]) for name in found} == {
        "OCHA": ["UN Relief Office"],
        "WHO": ["UN Health Agency"],
        "ACF": ["UN Food Fund"],
    }
    assert found["ACF"].record["kind"] == "intergovernmental_organisation"  # the set-off name gives it


def test_a_list_after_an_abbreviation_is_no_apposition():
    for text in (
        "OCHA, the Kalat Relief Council and NRC delivered food. OCHA said more would follow.",
        "OCHA, the Kalat Relief Council, and NRC delivered food. OCHA said more would follow.",
    ):
        found = candidates(text)
        assert "Kalat Relief Council" in found
        assert aliases(found["OCHA"]) == []


def test_a_plan_after_a_possessive_is_its_owners_not_an_initiative():
    found = candidates("Although the Government of Balochistan’s plan names the districts, the roads stay shut.")
    assert found["Government of Balochistan"].record["kind"] == "government_body"
    assert not [name for name in found if "’s" in name or "plan" in name]


def test_an_abbreviation_opening_a_longer_name_is_not_listed_alone():
    found = candidates("FAO, the UN Food Agency, and WFP, the UN Relief Agency, are worried about the winter.")
    assert "UN" not in found


def test_a_long_title_case_headline_opened_by_a_country_gives_no_run_of_its_words():
    found = candidates(
        "Norway Announces Plan to Give $3 Million for Joint Pakistan and UN Program Helping Afghan Refugees and "
        "Pakistani Host Towns\n\nOslo | May 2, 2015\n\nNorway said on Friday it would give the money.\n"
    )
    assert not [name for name in found if "Announces" in name or "Program" in name or "Million" in name]


def test_a_run_ends_where_a_pairs_name_begins():
    found = candidates(
        "The money goes to the joint Government of Sindh and UN Flood Relief and Housing Areas (FRHA) "
        "programme this year."
    )
    assert aliases(found["Flood Relief and Housing Areas"]) == ["FRHA"]
    assert "Government of Sindh" in found
    assert not [name for name in found if name.startswith("UN ")]


def test_a_name_and_the_demonym_of_a_common_noun_are_not_one_name():
    found = candidates("The envoy thanked the Government of Tajikistan and the Tajik people for their help.")
    assert "Government of Tajikistan" in found
    assert not [name for name in found if "Tajik" in name.split()]


def test_a_long_form_in_lowercase_words_is_a_term_not_a_name():
    found = candidates("In calendar year (CY) 2014, the Kalat Relief Council fed 9,000 families.")
    assert not [name for name in found if "year" in name or name == "CY"]
    assert "Kalat Relief Council" in found
    found = candidates("The Harakat ul-Mujahideen (HuM) and Jamaat ud Dawa (JuD) were banned.")
    assert {name: aliases(p) for name, p in found.items()} == {
        "Harakat ul-Mujahideen": ["HuM"],
        "Jamaat ud Dawa": ["JuD"],
    }  # connectors in lowercase are part of a name


def test_a_country_described_as_a_place_is_no_agent():
    found = candidates("Tajikistan is deep in debt after the floods. Its roads are closed.")
    assert "Tajikistan" not in found
    assert "Tajikistan" in candidates("Tajikistan is hosting the talks this week.")


def test_a_name_set_off_before_an_occupation_is_a_person():
    found = candidates("But Sana Gulzar, a senior nurse at the district hospital, told reporters nine had died.")
    assert found["Sana Gulzar"].record["kind"] == "person"
    assert found["Sana Gulzar"].notes == ["an occupation after it: 'a senior nurse at'"]


def test_a_closing_quotation_mark_is_no_part_of_the_name():
    found = candidates("Families fled the ‘Border Clearance Plan’ and its raids.")
    assert "Border Clearance Plan" in found
    assert not [name for name in found if name.endswith("’")]


def test_a_name_in_a_title_case_headline_ends_at_its_verb():
    found = candidates(
        "Islamabad Announces Plan to Fund Border Markets for Traders\n\nThe plan was announced on Monday."
    )
    assert found == {}
    found = candidates(
        "Kalat Relief Council Urges Donors to Fund Winter Aid in Quetta\n\nThe council said so on Monday."
    )
    assert list(found) == ["Kalat Relief Council"]


def test_a_capital_opening_a_sentence_before_a_verb_is_its_government():
    found = candidates(
        "Dushanbe, 4 March 2022: talks began. Officials in Dushanbe said little. Dushanbe rejects the claims "
        "and Tehran’s offer."
    )
    assert list(found) == ["Dushanbe"]
    assert found["Dushanbe"].record["kind"] == "government_body"
    assert found["Dushanbe"].notes == ["'Dushanbe rejects': a capital for its government"]
