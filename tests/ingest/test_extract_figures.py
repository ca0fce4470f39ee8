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


def test_casualty_counts_without_a_count_noun():
    figures = _figures(
        "First phase: 61 killed or wounded. The blast left 3 dead and at least 17 injured. Gunmen opened fire, "
        "killing at least 12 and wounding more than 500. Dozens were displaced."
    )
    killed = figures["61 killed or wounded"].record
    assert (killed["value"], killed["unit"], killed["counts"]) == (61, "person", "people killed or wounded")
    assert figures["3 dead"].record["value"] == 3
    injured = figures["at least 17 injured"].record
    assert (injured["value"], injured["qualifier"], injured["counts"]) == (17, "at_least", "people injured")
    assert figures["at least 12"].record["counts"] == "people killed"
    assert (figures["more than 500"].record["value"], figures["more than 500"].record["counts"]) == (
        500,
        "people wounded",
    )
    assert figures["Dozens were displaced"].record["value"] is None


def test_people_counted_by_more_nouns_ranges_between_and_dollars():
    figures = _figures(
        "Seven U.S. citizens died and 200 rival tribal elders were killed. Some 3,500 Afghan returnees and "
        "15 suspects were held. It has between 4,000 and 6,000 members, or 6,000–6,500 fighters. "
        "Losses reached $1.5 million."
    )
    assert figures["Seven U.S. citizens"].record["value"] == 7
    assert figures["200 rival tribal elders"].record["unit"] == "person"
    assert figures["Some 3,500 Afghan returnees"].record["value"] == 3500
    assert figures["15 suspects"].record["unit"] == "person"
    between = figures["between 4,000 and 6,000 members"].record
    assert (between["low"], between["high"], between["qualifier"]) == (4000, 6000, "range")
    assert (figures["6,000–6,500 fighters"].record["low"], figures["6,000–6,500 fighters"].record["high"]) == (
        6000,
        6500,
    )
    dollars = figures["$1.5 million"]
    assert (dollars.record["value"], dollars.record["unit"]) == (1500000, "us_dollar")
    assert dollars.notes == ["what the amount counts is not said next to it; read the sentence"]


def test_a_member_state_a_relative_time_and_a_section_number_are_not_figures():
    text = "One Member State said so. Two days later, talks resumed.\n\n5.4 Pakistani air strikes on Afghanistan\n"
    assert _figures(text) == {}
    assert list(_figures("More than a decade later, the war ended.")) == ["More than a decade"]


def test_the_size_field_of_an_infobox_counts_people():
    figure = _figures("Active December 2007 – present\nSize 25,000 in 2014\n")["25,000"].record
    assert (figure["value"], figure["unit"], figure["counts"]) == (
        25000,
        "person",
        "people, counted by the field 'Size'",
    )
    assert figure["period"] == {"from": "2014", "to": "2014"}
