"""Places of the classes the eleventh unseen set showed: "the X district of <province>" and a country's name
before a head of state's title — sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _places(text: str) -> list[tuple]:
    doc = text_document(text, date="2024-03-18")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "place"]
    return [
        (doc.text[p.start : p.end], p.record["level"], p.record.get("code") or p.record.get("province")) for p in found
    ]


def test_a_name_before_district_of_a_province_is_a_district_of_that_province():
    text = "Three women were killed in the Barmal district of Paktika and two in the Serpera district of Khost."
    assert _places(text) == [
        ("Barmal", "district", "AF-PKA"),  # not UCDP's region "Barmal" of Pakistan
        ("Paktika", "province", "AF-PKA"),
        ("Serpera", "district", "AF-KHO"),  # a district the gazetteer does not hold
        ("Khost", "province", "AF-KHO"),  # the province, not a district "of Khost"
    ]


def test_a_district_the_gazetteer_holds_keeps_its_place_and_district_of_alone_is_unchanged():
    assert _places("Militants hit the Lakki Marwat district of Khyber Pakhtunkhwa.") == [
        ("Lakki Marwat", "district", "PK-KP"),
        ("Khyber Pakhtunkhwa", "province", "PK-KP"),
    ]
    assert _places("Clashes erupted in the district of Kurram.") == [("Kurram", "district", "PK-KP")]
    # a sentence's first word is no name of a district
    assert _places("The district of Khost was quiet.") == [("Khost", "district", "AF-KHO")]


def test_a_country_before_a_head_of_state_title_is_a_place():
    assert _places("The attack, for which the Pakistan President vowed to retaliate, hit a post.") == [
        ("Pakistan", "country", "PK")
    ]
    # another capitalised word after it still makes it part of a longer name
    assert _places("The Pakistan Army said the post was hit.") == []
