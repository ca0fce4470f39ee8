"""Fourth round: a movement of people dated by "as of", a bare amount before a people verb past an auxiliary
or a relative pronoun, and a town's name that the text calls a district where the gazetteer knows no such
district — sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _found(text: str, kind: str, date: str = "2022-06-01") -> list[tuple]:
    doc = text_document(text, date=date)
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == kind]
    if kind == "event":
        return [(e.record["date"], e.record["type"], doc.text[e.start : e.end]) for e in found]
    if kind == "place":
        return [(doc.text[p.start : p.end], p.record.get("level"), p.record.get("province")) for p in found]
    return [(f.record["value_text"], f.record["value"], f.record["unit"]) for f in found]


def test_an_opening_as_of_with_a_pluperfect_verb_of_moving_dates_a_displacement():
    text = "As of 3 May 2021, an estimated 9,000 Tajiks had left the valley."
    assert _found(text, "event") == [("2021-05-03", "displacement", "3 May 2021, an estimated 9,000 Tajiks had left")]


def test_a_perfect_verb_of_moving_before_as_of_dates_a_displacement():
    text = "Of the 5,000 villagers who had “quietly” left as of 4 June 2021, most were women."
    events = _found(text, "event")
    assert [(d, t) for d, t, _ in events] == [("2021-06-04", "displacement")]


def test_as_of_dates_no_plain_past_no_other_verb_and_no_later_clause():
    assert _found("As of 3 May 2021, the villagers lived in tents.", "event") == []
    assert _found("As of 3 May 2021, 9,000 Tajiks had paid the fee.", "event") == []
    assert _found("The fee, 9,000 Tajiks had paid; the rest had stayed as of 3 May 2021.", "event") == []


def test_a_bare_amount_before_an_auxiliary_and_a_people_verb_counts_people():
    text = "By June, a reported 12,300 had left the camps near the river."
    assert _found(text, "figure") == [("12,300", 12300, "person")]
    text = "The roughly 8,000 who had “voluntarily” returned were met by officials."
    assert _found(text, "figure") == [("roughly 8,000", 8000, "person")]


def test_a_bare_amount_before_another_verb_counts_nothing():
    assert _found("The committee said 12,300 had been budgeted for the road.", "figure") == []


def test_a_town_called_a_district_is_the_district_throughout_the_text():
    text = "Shelling hit Spin Boldak district of Kandahar province. Later, fighting resumed in Spin Boldak."
    assert [p for p in _found(text, "place") if p[0] == "Spin Boldak"] == [
        ("Spin Boldak", "district", "AF-KAN"),
        ("Spin Boldak", "district", "AF-KAN"),
    ]


def test_a_town_not_called_a_district_stays_the_town():
    text = "Later, fighting resumed in Spin Boldak near the crossing."
    assert _found(text, "place") == [("Spin Boldak", "town", "AF-KAN")]


def test_a_news_reports_published_line_and_print_credit_date_no_event():
    text = (
        "Army chief visits the border\n\nPublished March 3, 2021\n\n"
        "QUETTA: The army chief toured the border posts.\n\nPublished in Dawn, March 4th, 2021\n"
    )
    assert [e for e in _found(text, "event", date="2021-03-03") if e[1] == "publication"] == []


def test_a_reports_published_line_without_a_news_opener_dates_a_publication():
    text = "Weekly returns bulletin\n\nPublished on 9 May 2019\n\n• Returns rose in the east.\n"
    assert _found(text, "event", date="2019-05-09") == [("2019-05-09", "publication", "9 May 2019")]


def test_an_opening_since_with_violence_as_subject_of_a_perfect_dates_an_attack_from_its_start():
    text = "Since 4 March, tribal fighting has intensified along the road, driving families away."
    assert _found(text, "event", date="2023-03-20") == [
        ("2023-03-04", "attack", "4 March, tribal fighting has intensified")
    ]


def test_an_opening_since_with_a_trend_or_a_count_of_violence_dates_no_attack():
    assert _found("Since 4 March, tribal fighting has declined.", "event", date="2023-03-20") == []
    assert _found("Since 4 March, 40 clashes have erupted nearby.", "event", date="2023-03-20") == []


def test_the_part_of_a_counted_whole_counts_the_same():
    text = "Police blamed foreigners for 9 of 31 recent suicide bombings."
    assert _found(text, "figure") == [("9", 9, "attack"), ("31", 31, "attack")]


def test_no_part_from_a_year_or_a_larger_number():
    assert _found("They met in 2019 of 5,000 people surveyed.", "figure") == [("5,000", 5000, "person")]
    assert _found("Police blamed foreigners for 90 of 31 recent suicide bombings.", "figure") == [("31", 31, "attack")]


def test_a_dated_overthrow_is_a_takeover():
    text = "Observers tied the unrest to the July 1973 army overthrow of the monarchy."
    assert _found(text, "event", date="1980-01-01") == [("1973-07", "takeover", "July 1973 army overthrow")]
    assert _found("Critics warned of an overthrow.", "event") == []
