"""Places by their other names (geo/place_names.yaml: "KP", "U.S.", "Khyber Pass"), the district before the
town GeoNames also calls by its name, names inside organisation names, lists and headings; and the mentions of
a province known as an actor by those names."""

from __future__ import annotations

from pathlib import Path

import pytest

from torkham.errors import TorkhamError
from torkham.geo.gazetteer import Gazetteer, _add_other_names, load_gazetteer
from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import find_mentions


def _places(text: str) -> list[tuple[str, str | None, str | None]]:
    """(text, level, code or province) of every place proposed."""
    doc = text_document(text, date="2024-04")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "place"]
    return [(doc.text[p.start : p.end], p.record["level"], p.record.get("code") or p.record.get("province"))
            for p in found]  # fmt: skip


def test_a_name_is_first_the_place_whose_own_name_it_is():
    gazetteer = load_gazetteer()
    assert gazetteer.resolve("Lakki Marwat").best().level == "district"  # not the town Lakki, also so called
    assert gazetteer.resolve("Laghman").best().level == "province"  # not its capital Mehtar Lam
    assert gazetteer.resolve("Peshawar").best().level == "town"  # town, district, division: all its own name


def test_kp_and_a_district_after_its_possessive():
    assert _places("Six militants were killed in KP’s Lakki Marwat on Thursday.") == [
        ("KP", "province", "PK-KP"),
        ("Lakki Marwat", "district", "PK-KP"),
    ]


def test_a_guarded_abbreviation_is_a_place_only_in_a_place_context_or_defined():
    assert _places("Attacks rose in KP and Balochistan.") == [
        ("KP", "province", "PK-KP"),
        ("Balochistan", "province", "PK-BA"),
    ]
    assert _places("The KP team won. The file is 5 GB.") == []
    assert _places("Abbreviations\nICT\tIslamabad Capital Territory\n\nThe ICT police grew. ICT has roads.") == [
        ("ICT", "province", "PK-IS"),
        ("Islamabad Capital Territory", "province", "PK-IS"),
        ("ICT", "province", "PK-IS"),
    ]  # defined by the list of abbreviations; "ICT police": the name of a police force
    assert _places("Gilgit-Baltistan (GB) is mountainous. GB has few roads.") == [
        ("Gilgit-Baltistan", "province", "PK-GB"),
        ("GB", "province", "PK-GB"),
        ("GB", "province", "PK-GB"),
    ]


def test_former_names_and_abbreviations_of_provinces():
    assert _places("The NWFP bordered AJK; later the N.W.F.P. was renamed.") == [
        ("NWFP", "province", "PK-KP"),
        ("AJK", "province", "PK-JK"),
        ("N.W.F.P.", "province", "PK-KP"),
    ]


def test_a_country_abbreviation_is_a_place_as_a_noun_not_as_an_adjective():
    text = ("He met envoys of the U.S., China and the UK. The UK will give aid. The UK’s commitment is clear. "
            "U.S. officials and UK aid agencies said so. Us too.")  # fmt: skip
    assert _places(text) == [
        ("U.S.", "country", "US"),
        ("China", "country", "CN"),
        ("UK", "country", "GB"),
        ("UK", "country", "GB"),
        ("UK", "country", "GB"),
    ]


def test_an_inverted_iso_name_as_a_text_writes_it():
    assert _places("Experts from the Republic of Korea came.") == [("Republic of Korea", "country", "KR")]


def test_a_place_in_the_name_of_its_police_is_no_place():
    assert _places("The Lakki Marwat police said an attack on the Abbas police checkpost failed.") == []


def test_a_plural_level_word_makes_every_name_of_its_list_a_province():
    assert _places("Returns strained Kabul, Kandahar and Nangarhar provinces.") == [
        ("Kabul", "province", "AF-KAB"),
        ("Kandahar", "province", "AF-KAN"),
        ("Nangarhar", "province", "AF-NAN"),
    ]


def test_a_name_after_state_of_is_part_of_the_name_but_not_after_a_lowercase_government_in():
    assert _places("The Islamic State of Iraq and the Levant grew. The government of Pakistan agreed.") == []
    assert _places("It asked the Taliban government in Kabul to act.") == [("Kabul", "town", "AF-KAB")]


def test_a_line_in_capitals_and_an_acronym_before_a_name():
    assert _places("UN COORDINATOR VISITS TORKHAM BORDER\nIOM Pakistan’s report was read.") == [
        ("TORKHAM", "town", "PK-TA")
    ]


def test_a_name_that_is_also_a_people_is_a_place_only_with_a_level_word_or_a_preposition():
    assert _places("The blast killed 97 Hazara protestors.") == []
    assert _places("Hazara division and the roads in Hazara were closed.") == [
        ("Hazara", "division", "PK-KP"),
        ("Hazara", "division", "PK-KP"),
    ]


def test_a_named_pass_is_a_region():
    assert _places("Trucks climbed the Khyber Pass.") == [("Khyber Pass", "region", "PK-KP")]


def test_the_names_file_is_checked(tmp_path: Path):
    gazetteer = Gazetteer(load_gazetteer().places, ())
    bad = tmp_path / "names.yaml"
    bad.write_text("names:\n  - {code: PK-XX, names: [XX], source: nowhere}\n", encoding="utf-8")
    with pytest.raises(TorkhamError, match="known code"):
        _add_other_names(gazetteer, bad)
    bad.write_text("names:\n  - {code: PK-KP, names: [KPX]}\n", encoding="utf-8")
    with pytest.raises(TorkhamError, match="no source"):
        _add_other_names(gazetteer, bad)
    bad.write_text("features:\n  - {name: X Pass, level: region, country: AF, province: PK-KP, source: s}\n")
    with pytest.raises(TorkhamError, match="feature"):
        _add_other_names(gazetteer, bad)


def _mentions(text: str, lexicon: Lexicon) -> list[tuple[str, str | None]]:
    return [(p.record["name"], p.record["actor"]) for p in find_mentions(text_document(text), lexicon)]


def test_a_province_known_as_an_actor_is_mentioned_by_its_other_names_and_after_in():
    lexicon = Lexicon.from_names(
        [("khyber-pakhtunkhwa", "Khyber Pakhtunkhwa", "region"), ("kabul-gov", "Afghan government", "government")],
        [("khyber-pakhtunkhwa", "KP"), ("kabul-gov", "Kabul")],
    ).with_place_names()
    text = (
        "Violence rose in KP, once the NWFP. Police in Kabul said so. The Khyber Pakhtunkhwa Police Department acted."
    )
    assert _mentions(text, lexicon) == [("KP", "khyber-pakhtunkhwa"), ("NWFP", "khyber-pakhtunkhwa")]
    assert "gb" not in Lexicon.from_names([("gb", "Gilgit-Baltistan", "region")], []).with_place_names().forms


def test_a_capital_written_as_the_city_is_no_mention_of_its_government():
    lexicon = Lexicon.from_names(
        [("pakistan-government", "Government of Pakistan", "government"), ("us", "United States", "state")],
        [("pakistan-government", "Islamabad"), ("us", "Washington")],
    )
    text = (
        "He spoke in the Pakistani capital, Islamabad. Islamabad, Pakistan\nWashington, DC\n"
        "Islamabad - On Monday talks began. Refugees live in Khyber Pakhtunkhwa, Islamabad, Punjab and Sindh. "
        "The groups negotiated with Islamabad. Aid reached the fall of Islamabad. Islamabad rejected it."
    )
    assert _mentions(text, lexicon) == [("Islamabad", "pakistan-government"), ("Islamabad", "pakistan-government")]
