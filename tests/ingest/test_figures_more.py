"""Figures beyond 'number + count noun': per cent, money, new count nouns, numbers whose noun the sentence
gives, compound number words, words between the number and its noun, and a zero said in words."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _figures(text: str) -> dict[str, dict]:
    doc = text_document(text, date="2024-04")
    return {doc.text[p.start : p.end]: p.record for p in propose(doc, Lexicon.empty()) if p.kind == "figure"}


def _value(record: dict) -> tuple:
    return record["value"], record["unit"], record["counts"]


def test_a_percentage_with_what_it_is_a_share_of():
    found = _figures("About 35% of them have returned. This marks a 29% increase.")
    assert found["About 35% of them"] == {
        "value": 35, "value_text": "About 35%", "qualifier": "approximately", "unit": "percent",
        "counts": "of them", "context": "text",
    }  # fmt: skip
    assert _value(found["29% increase"]) == (29, "percent", "increase")


def test_money_in_pounds_rupees_and_afghanis():
    found = _figures("The grant was £2.5 million. A permit costs Rs 500 or Afs 1,000, and a visa 300 rupees.")
    assert _value(found["£2.5 million"]) == (2500000, "pound_sterling", "pounds")
    assert _value(found["Rs 500"]) == (500, "pakistani_rupee", "rupees")
    assert _value(found["Afs 1,000"]) == (1000, "afghani", "afghanis")
    assert _value(found["300 rupees"]) == (300, "pakistani_rupee", "rupees")


def test_interviews_and_missions_are_count_nouns():
    found = _figures("The team held 45 interviews during 3 missions.")
    assert _value(found["45 interviews"]) == (45, "interview", "interviews")
    assert _value(found["3 missions"]) == (3, "mission", "missions")


def test_a_number_without_a_count_noun_takes_the_noun_of_its_sentence():
    found = _figures(
        "UNHCR put registered refugees at 4,000 for the latter part of 2021. "
        "Of the returnees counted, just over 1,100 were in Pakistan. "
        "A total of 623 undocumented Afghans crossed: 595 were spontaneous returnees."
    )
    assert _value(found["4,000"]) == (4000, "person", "refugees")
    assert _value(found["over 1,100"]) == (1100, "person", "returnees")  # with its qualifier
    assert found["over 1,100"]["qualifier"] == "more_than"
    assert _value(found["595"]) == (595, "person", "returnees")
    assert _value(found["623 undocumented Afghans"]) == (623, "person", "undocumented Afghans")


def test_a_bare_number_without_a_count_noun_anywhere_is_not_a_figure():
    assert _figures("The committee met at 10 and adjourned.") == {}


def test_compound_number_words():
    found = _figures("Some twenty-seven million Afghans live abroad. The army sent thirty-thousand men and "
                     "two hundred and fifty fighters. They had two and three attacks.")  # fmt: skip
    assert _value(found["Some twenty-seven million Afghans"]) == (27000000, "person", "Afghans")
    assert _value(found["thirty-thousand men"]) == (30000, "person", "men")
    assert _value(found["two hundred and fifty fighters"]) == (250, "person", "fighters")
    assert _value(found["three attacks"]) == (3, "attack", "attacks")


def test_quote_marks_adjectives_and_a_bracketed_abbreviation_between_number_and_noun():
    found = _figures('Police held 12 "foreign" fighters. It killed 379 Security Force (SF) personnel.')
    assert _value(found['12 "foreign" fighters']) == (12, "person", '"foreign" fighters')
    assert _value(found["379 Security Force (SF) personnel"]) == (379, "person", "Security Force (SF) personnel")


def test_not_a_single_attack_is_a_zero():
    found = _figures("Since then there has been not a single confirmed attack on the crossing.")
    assert found["not a single confirmed attack"] == {
        "value": 0, "value_text": "not a single confirmed attack", "qualifier": "exact", "unit": "attack",
        "counts": "confirmed attack", "context": "text",
    }  # fmt: skip
