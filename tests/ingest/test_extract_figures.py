"""Figures: numbers with units and what they count, South-Asian grouping, words, ranges, vague amounts."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

TEXT = (
    "Pakistan hosts nearly 2.2 million registered Afghans. The TTP claimed 45 attacks in December 2021 alone. "
    "Some 6,00,000 Afghans crossed and 6 lakh Afghans waited. Two hundred soldiers and several hundred militants "
    "fought. HGB has 200-300 members. This excludes the 1.4 Afghans who hold cards. The border is 2,560 km long."
)


def _figures(text: str = TEXT) -> dict[str, dict]:
    doc = text_document(text, date="2024-04")
    out = {}
    for p in propose(doc, Lexicon.empty()):
        if p.kind == "figure":
            assert p.sentence == doc.sentence_at(p.start, p.end)[2]
            out[doc.text[p.start : p.end]] = p
    return out


def test_a_number_with_a_scale_a_qualifier_and_what_it_counts():
    figure = _figures()["nearly 2.2 million registered Afghans"]
    assert figure.record == {
        "value": 2200000,
        "value_text": "nearly 2.2 million",
        "qualifier": "nearly",
        "unit": "person",
        "counts": "registered Afghans",
        "context": "text",
    }
    assert figure.notes == []
    assert figure.sentence == "Pakistan hosts nearly 2.2 million registered Afghans."


def test_the_date_after_what_is_counted_is_its_period():
    figure = _figures()["45 attacks"]
    assert figure.record["value"] == 45
    assert figure.record["unit"] == "attack"
    assert figure.record["counts"] == "attacks in December 2021"
    assert figure.record["period"] == {"from": "2021-12", "to": "2021-12"}


def test_south_asian_digit_grouping_and_lakh_are_six_hundred_thousand():
    figures = _figures()
    assert figures["Some 6,00,000 Afghans"].record["value"] == 600000
    assert figures["Some 6,00,000 Afghans"].record["qualifier"] == "approximately"
    assert figures["6 lakh Afghans"].record["value"] == 600000


def test_numbers_in_words_and_vague_amounts_kept_as_text():
    figures = _figures()
    assert figures["Two hundred soldiers"].record["value"] == 200
    vague = figures["several hundred militants"].record
    assert (vague["value"], vague["value_text"], vague["qualifier"], vague["unit"]) == (
        None,
        "several hundred militants",
        "vague",
        "person",
    )


def test_a_range_has_low_and_high():
    record = _figures()["200-300 members"].record
    assert (record["value"], record["qualifier"], record["low"], record["high"]) == (None, "range", 200, 300)


def test_a_count_of_people_that_is_not_whole_is_flagged_as_missing_its_unit():
    figure = _figures()["1.4 Afghans"]
    assert figure.record["value"] == 1.4
    assert figure.notes == ["unit looks missing: '1.4 Afghans' is not a whole number of Afghans; perhaps '1.4 million'"]


def test_a_number_without_a_unit_noun_and_a_year_are_not_figures():
    figures = _figures("In 2023 the group met 4 times; section 5.4 explains it. Kilometres: 2,560 km.")
    assert list(figures) == ["2,560 km"]
    assert figures["2,560 km"].record["unit"] == "kilometre"


def test_social_media_counters_and_views():
    text = "A post.\n\n4:47 PM · Mar 19, 2024 · 19.2K Views\n\nQ 53\tt] 88\t♥ 322\t14\n\nFigure 3: A tweet"
    figures = _figures(text)
    assert figures["19.2K Views"].record["value"] == 19200
    assert [f.record["value"] for t, f in figures.items() if t != "19.2K Views"] == [53, 88, 322, 14]
    assert {f.record["unit"] for f in figures.values()} == {"interaction"}
    assert {f.record["context"] for f in figures.values()} == {"tweet"}
