"""New actor candidates: the list of abbreviations, "Full Name (ABBR)", named groups and people, countries."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

TEXT = (
    "List of Abbreviations\n\n"
    "BRI FAF\tBelt and Road Initiative Free Afghans Front\n"
    "NRF\tNational Resistance Front\n\n"
    "Table of contents\n\n"
    "1 Security\n\n"
    "The Islamic Emirate of Afghanistan (IEA) received General Mohammad Yasin Zia in Kabul. "
    "ISKP (Islamic State of Khorasan) struck again. Taliban spokesperson Zabihullah Mujahid condemned it. "
    "The talks were led by Pakistan's envoy, Asif Durrani, and Tom West, the US special envoy, joined them."
)


def _candidates(text: str = TEXT, lexicon: Lexicon | None = None) -> dict[str, object]:
    doc = text_document(text)
    found = [p for p in propose(doc, lexicon if lexicon is not None else Lexicon.empty()) if p.kind == "actor"]
    for p in found:
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
    return {p.record["name"]: p for p in found}


def _aliases(proposal) -> list[tuple[str, str]]:
    return [(a["name"], a["type"]) for a in proposal.record.get("aliases", [])]


def test_the_list_of_abbreviations_is_read_even_when_entries_run_together():
    found = _candidates()
    assert _aliases(found["Belt and Road Initiative"]) == [("BRI", "abbreviation")]
    assert found["Belt and Road Initiative"].record["kind"] == "initiative"
    assert _aliases(found["Free Afghans Front"]) == [("FAF", "abbreviation")]
    assert found["Free Afghans Front"].record["kind"] == "opposition_group"
    assert found["Free Afghans Front"].notes == ["from the list of abbreviations"]
    assert _aliases(found["National Resistance Front"]) == [("NRF", "abbreviation")]


def test_full_name_and_abbreviation_in_the_text_both_ways():
    found = _candidates()
    emirate = found["Islamic Emirate of Afghanistan"]
    assert _aliases(emirate) == [("IEA", "abbreviation")]
    assert emirate.notes == ["'Islamic Emirate of Afghanistan (IEA)' in the text"]
    assert _aliases(found["Islamic State of Khorasan"]) == [("ISKP", "abbreviation")]


def test_people_are_found_by_title_role_or_apposition():
    found = _candidates()
    zia = found["Mohammad Yasin Zia"]
    assert (zia.record["kind"], _aliases(zia)) == ("person", [("General Mohammad Yasin Zia", "title_form")])
    assert found["Zabihullah Mujahid"].record["kind"] == "person"
    assert found["Asif Durrani"].notes == ["a role before it: 'The talks were led by Pakistan's envoy,'"]
    assert found["Tom West"].notes == ["a role after it: 'the US special envoy'"]


def test_countries_are_state_candidates():
    found = _candidates()
    assert found["Pakistan"].record == {"name": "Pakistan", "kind": "state"}
    assert "Afghanistan" not in found  # named only inside "Islamic Emirate of Afghanistan"
    assert _candidates("Pakistan and Afghanistan met.")["Afghanistan"].record["kind"] == "state"


def test_known_names_are_not_candidates_and_a_known_abbreviation_is_noted():
    lexicon = Lexicon.from_names(
        [("nrf", "NRF", "opposition_group"), ("afghanistan", "Afghanistan", "state")], [("nrf", "NRF")]
    )
    found = _candidates(lexicon=lexicon)
    assert "Afghanistan" not in found
    front = found["National Resistance Front"]
    assert front.notes[-1] == "'NRF' already names nrf: a new name of a known actor?"
    assert front.matches == ["nrf"]


def test_abbreviations_used_alone_and_country_abbreviations():
    found = _candidates(
        "Tehrik-i-Taliban Pakistan grew. The TTP attacked a post; TTP fighters withdrew. The BLA claimed the "
        "killings. An IED exploded and another IED was found. U.S. officials condemned it."
    )
    assert ("TTP", "abbreviation") in _aliases(found["Tehrik-i-Taliban Pakistan"])  # the name it spells
    assert found["BLA"].notes == ["an abbreviation used alone ('BLA claimed')"]
    assert found["BLA"].record["kind"] == "separatist_armed_group"  # organisation_acronyms in actor_words.yaml
    assert "IED" not in found
    assert _aliases(found["United States"]) == [("U.S.", "abbreviation")]


def test_groups_bodies_aliases_and_listed_leaders():
    found = _candidates(
        "Commanders and leaders\nPakistan Asim Munir\nNoor Wali Mehsud\nStrength\n\n"
        "The Jamaat-ul-Ahrar faction and the Hafiz Gul Bahadur group attacked. The Khyber district "
        "administration said so. Sanaullah Ghafari, also known as Shahab al-Muhajir, leads it. Police said 15 "
        "suspects were held. One Member State reported it. The TTP attacked a police post."
    )
    assert found["Asim Munir"].record["kind"] == "person"
    assert found["Noor Wali Mehsud"].notes == ["listed under the leaders of an infobox"]
    assert found["Hafiz Gul Bahadur group"].record["kind"] == "armed_group"  # never "Hafiz Gul Bahadur", a person
    assert found["Jamaat-ul-Ahrar"].record["kind"] == "armed_group"
    assert found["Khyber district administration"].record["kind"] == "government_body"
    assert _aliases(found["Sanaullah Ghafari"]) == [("Shahab al-Muhajir", "other_name")]
    assert not {"Gul Bahadur", "Police", "Member State", "One Member State", "TTP attacked a police"} & set(found)
