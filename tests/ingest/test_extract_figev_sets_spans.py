"""Figures of the settled conventions (eval/README.md): spans of decades counted as written, and a number
that names a known set ("the two sides") — sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _figures(text: str) -> list[tuple]:
    found = [p for p in propose(text_document(text, date="2025-03-01"), Lexicon.empty()) if p.kind == "figure"]
    return [(f.record["value_text"], f.record["value"], f.record["qualifier"], f.record["unit"]) for f in found]


def test_decades_are_counted_in_decades_as_written():
    assert _figures("The orchard has fed the valley for the past five decades.") == [("five", 5, "exact", "decade")]
    assert _figures("Some herders stayed in the hills for nearly two decades.") == [
        ("nearly two", 2, "nearly", "decade")
    ]


def test_a_decade_after_a_qualifier_is_a_span_and_decades_alone_are_vague():
    assert _figures("More than a decade passed before the road reopened.") == [
        ("More than a", 1, "more_than", "decade")
    ]
    assert _figures("The well has stood dry for decades.") == [("for decades", None, "vague", "decade")]


def test_a_span_of_decades_that_only_dates_is_no_figure():
    assert _figures("Three decades later the school was rebuilt.") == []


def test_a_number_naming_a_known_set_with_its_count_noun_is_a_figure():
    assert _figures("Envoys of the two sides will meet again in spring.") == [("two", 2, "exact", "side")]
    assert _figures("Snow closed roads across the four provinces.") == [("four", 4, "exact", "province")]
    assert _figures("Trade between these two neighbours doubled.") == [("two", 2, "exact", "country")]


def test_a_number_naming_a_set_without_a_count_noun_is_not():
    assert _figures("The two were seen near the river.") == []
    assert _figures("Both sides claimed the hill.") == []  # "both" is no number


def _counted(text: str) -> list[tuple]:
    found = [p for p in propose(text_document(text, date="2025-03-01"), Lexicon.empty()) if p.kind == "figure"]
    return [(f.record["value_text"], f.record["value"], f.record["unit"], f.record["counts"]) for f in found]


def test_a_lowercase_plural_after_an_amount_is_what_it_counts():
    assert _counted("Rangers seized four rusty rifles at the checkpoint.") == [("four", 4, "item", "rusty rifles")]
    assert _counted("Floods washed away 35 footbridges last spring.") == [("35", 35, "item", "footbridges")]


def test_weeks_and_hours_are_spans_of_time():
    assert _counted("The curfew lasted 36 hours and the strike three weeks.") == [
        ("36", 36, "hour", "hours"),
        ("three", 3, "week", "weeks"),
    ]
    assert _counted("Two weeks later the pass reopened.") == []  # dates only


def test_plurals_that_are_not_counted_things():
    assert _counted("Two thirds of the herd was lost; prices rose three times.") == []
    assert _counted("In 2019 talks stalled.") == []  # a year
    assert _counted("The camp had one tents-only section.") == []  # one is no plural count


def test_one_said_as_single_or_sole():
    assert _counted("Rain fell on a single afternoon.") == [("a single afternoon", 1, "item", "afternoon")]
    assert _counted("Nepal was the sole country to abstain.") == [("the sole country", 1, "country", "country")]
    assert _counted("They signed a single-sheet accord.") == [("single-sheet", 1, "item", "sheet")]
    assert _counted("Not a single attack followed.") == [("Not a single attack", 0, "attack", "attack")]


def test_a_bare_number_introduced_by_a_relative_or_a_verb_of_saying_takes_the_noun_before_it():
    text = "The camp held 9,000 refugees, of which 2,500 lived in tents."
    assert _counted(text)[1] == ("2,500", 2500, "person", "refugees")
    text = "Of the 60 villagers asked, 41 said the drought had killed their flocks."
    assert _counted(text)[1] == ("41", 41, "person", "villagers")
    text = "About 70,000 migrants are in the province, including 9,000 who came last winter."
    assert _counted(text)[1] == ("9,000", 9000, "person", "migrants")


def test_a_population_counts_people():
    assert _counted("The valley has a population of 45,000.") == [("45,000", 45000, "person", "population")]


def test_a_share_said_as_a_fraction_of_a_counted_whole():
    assert _counted("Two-thirds of the returnees lack shelter.") == [("Two-thirds", 0.6667, "proportion", "returnees")]
    assert _counted("Half of the displaced families live in tents.") == [
        ("Half", 0.5, "proportion", "displaced families")
    ]
    assert _counted("A quarter of the year passed; in the first half of 2021 it rained.") == []  # no counted whole


def test_the_strength_of_a_force_counts_people():
    assert _counted("A 900-strong militia held the town.") == [("900", 900, "person", "strong")]


def test_a_span_of_time_after_last_or_each_says_when_not_what_is_counted():
    text = "Arrivals of refugees climbed to 7,000 last week, up from 2,500 a month before."
    assert _counted(text) == [("7,000", 7000, "person", "refugees"), ("2,500", 2500, "person", "refugees")]
    assert _counted("The siege lasted three weeks.") == [("three", 3, "week", "weeks")]


def test_another_or_a_further_amount_takes_the_noun_before_it():
    assert _counted("Guards detained 30 militants and another 12 escaped.") == [
        ("30", 30, "person", "militants"),
        ("12", 12, "person", "militants"),
    ]
    assert _counted("The camp holds 8,000 refugees and expects a further 2,000.")[1] == (
        "2,000",
        2000,
        "person",
        "refugees",
    )


def test_a_verb_after_a_number_is_no_plural_it_counts():
    assert _counted("The tally of 4,502 represents a new high.") == []
    assert _counted("A total of 300 remains unchanged.") == []
    assert _counted("Medics counted 40 stretchers.") == [("40", 40, "item", "stretchers")]


def test_an_infobox_field_named_by_a_count_noun_of_people_and_a_plus_after_an_amount():
    assert _counted("Militants: 2,000 (2021)\nVillages: 40\n") == [
        ("2,000", 2000, "person", "people, counted by the field 'Militants'")
    ]  # a field of villages is no count of people
    assert _counted("Observers counted 700+ tents.") == [("700+", 700, "item", "tents")]
    doc = text_document("Observers counted 700+ tents.", date=None)
    assert [p.record["qualifier"] for p in propose(doc, Lexicon.empty()) if p.kind == "figure"] == ["at_least"]
