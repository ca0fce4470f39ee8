"""Mentions of known actors: every alias and spelling, the longest name first, ambiguous names reported."""

from __future__ import annotations

import duckdb

from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import find_mentions

ACTORS = [
    ("ttp", "Tehrik-e-Taliban Pakistan", "armed_group"),
    ("imtiaz-gul", "Imtiaz Gul", "person"),
    ("ayaz-gul", "Ayaz Gul", "person"),
    ("united-states", "United States", "state"),
    ("hgb", "Hafiz Gul Bahadur group", "armed_group"),
]
NAMES = [("ttp", "TTP"), ("imtiaz-gul", "Gul"), ("ayaz-gul", "Gul"), ("united-states", "US"), ("united-states", "U.S.")]
AMBIGUITIES = [
    ("Gul", "imtiaz-gul", "The author or the VOA reporter."),
    ("Gul", "ayaz-gul", "The author or the VOA reporter."),
]


def _mentions(text: str, lexicon: Lexicon | None = None) -> list[tuple[str, str | None, list[str]]]:
    doc = text_document(text)
    found = find_mentions(doc, lexicon if lexicon is not None else Lexicon.from_names(ACTORS, NAMES, AMBIGUITIES))
    for p in found:
        assert p.record["name"] == doc.text[p.start : p.end]
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
        assert p.page == 1
    return [(p.record["name"], p.record["actor"], p.notes) for p in found]


def test_aliases_and_spellings_are_matched_to_their_actor():
    assert _mentions("The TTP, or TEHRIK-E-TALIBAN PAKISTAN, met U.S. officials.") == [
        ("TTP", "ttp", []),
        ("TEHRIK-E-TALIBAN PAKISTAN", "ttp", []),
        ("U.S.", "united-states", []),
    ]


def test_a_spelling_that_differs_in_vowels_is_a_variant_with_a_note():
    assert _mentions("Tehreek-i-Taliban Pakistan fighters crossed.") == [
        ("Tehreek-i-Taliban Pakistan", "ttp", ["spelling variant of 'Tehrik-e-Taliban Pakistan'"])
    ]


def test_a_long_name_with_one_letter_left_out_is_a_variant():
    lexicon = Lexicon.from_names([("kp", "Khyber Pakhtunkhwa", "region")], [])
    assert _mentions("Khyber Pakhtunkwa province", lexicon) == [
        ("Khyber Pakhtunkwa", "kp", ["spelling variant of 'Khyber Pakhtunkhwa'"])
    ]


def test_an_ambiguous_alias_names_its_candidates_and_no_actor():
    assert _mentions("Mr. Gul wrote it; Imtiaz Gul agreed.") == [
        ("Gul", None, ["ambiguous alias 'Gul': names ayaz-gul (Ayaz Gul), imtiaz-gul (Imtiaz Gul); choose one"]),
        ("Imtiaz Gul", "imtiaz-gul", []),
    ]


def test_the_longest_name_wins_and_capitals_must_match():
    assert _mentions("Hafiz Gul Bahadur group fighters told us that the US knew.") == [
        ("Hafiz Gul Bahadur group", "hgb", []),
        ("US", "united-states", []),
    ]


def test_an_empty_knowledge_base_finds_no_mentions():
    assert _mentions("The TTP and the US.", Lexicon.empty()) == []


def test_the_lexicon_of_a_store_holds_names_ambiguities_and_sources(db_path):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        lexicon = Lexicon.from_store(con)
    finally:
        con.close()
    assert lexicon.actors_named("Tehreek-e-Taliban Pakistan") == ["ttp"]
    assert lexicon.resolve("ttp") == "ttp"
    assert lexicon.is_ambiguous("Dostom")
    assert lexicon.resolve("Dostom") is None
    assert lexicon.sources["dawn 2023"]
    assert ("Sirajuddin Haggani", "sirajuddin-haqqani") in [
        (m[0], m[1]) for m in _mentions("Sirajuddin Haggani spoke.", lexicon)
    ]


def test_a_known_name_inside_a_longer_unknown_name_is_not_a_mention():
    lexicon = Lexicon.from_names(
        [("noor-wali-mehsud", "Noor Wali Mehsud", "person"), ("pakistan", "Pakistan", "state")],
        [("noor-wali-mehsud", "Mehsud")],
    )
    text = (
        "In 2007 Baitullah Mehsud founded it; Noor Wali Mehsud leads it and Mehsud spoke. Tehreek-e-Jihad Pakistan and "
        "the Pakistan Institute for Peace Studies reported it. Neighbouring Pakistan agreed."
    )
    assert [(name, actor) for name, actor, _ in _mentions(text, lexicon)] == [
        ("Noor Wali Mehsud", "noor-wali-mehsud"),
        ("Mehsud", "noor-wali-mehsud"),
        ("Pakistan", "pakistan"),  # a sentence may start with any capitalised word
    ]


def test_the_longer_name_is_proposed_as_a_candidate_with_a_note():
    from torkham.ingest.extract import propose

    lexicon = Lexicon.from_names([("noor-wali-mehsud", "Noor Wali Mehsud", "person")], [("noor-wali-mehsud", "Mehsud")])
    actors = [
        p for p in propose(text_document("In 2007 Baitullah Mehsud formed the TTP."), lexicon) if p.kind == "actor"
    ]
    baitullah = next(p for p in actors if p.record["name"] == "Baitullah Mehsud")
    assert baitullah.record["kind"] == "person"
    assert baitullah.notes == ["contains 'Mehsud', a name of noor-wali-mehsud: another actor, not a mention of it"]


def test_a_capital_named_as_a_place_and_a_transliteration_with_an_apostrophe():
    lexicon = Lexicon.from_names(
        [("russia", "Russia", "state"), ("al-qaeda", "Al-Qaeda", "armed_group")], [("russia", "Moscow")]
    )
    found = _mentions("Gunmen attacked a hall near Moscow. Moscow condemned al-Qa’ida.", lexicon)
    assert found == [
        ("Moscow", "russia", []),
        ("al-Qa’ida", "al-qaeda", ["spelling variant of 'Al-Qaeda'"]),
    ]
