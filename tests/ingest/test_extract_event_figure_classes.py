"""Issue 14: the classes of dated events and figures the extractors missed or proposed wrongly on the
measured texts — one sentence per class, as a report writes it."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _kind(text: str, kind: str, date: str | None = None):
    return [p for p in propose(text_document(text, date=date), Lexicon.empty()) if p.kind == kind]


def _events(text: str, date: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(e.record["date"], e.record.get("end_date"), e.record["type"]) for e in _kind(text, "event", date)]


def _dates(text: str, date: str | None = None) -> list[tuple[str, str]]:
    return [(d.record["date_text"], d.record["date"]) for d in _kind(text, "date", date)]


def _figures(text: str) -> list[tuple]:
    return [
        (f.record["value_text"], f.record["value"], f.record.get("low"), f.record.get("high"), f.record["unit"])
        for f in _kind(text, "figure")
    ]


def test_a_word_belongs_to_the_date_it_governs_not_the_nearest():
    text = "The State Department's Country Reports on Terrorism 2022 (released in November 2023) describe the threat."
    assert [date for date, _end, _type in _events(text)] == ["2023-11"]


def test_two_dates_joined_by_and_are_one_period_dated_by_the_first():
    text = "In late December 2008 and early January 2009 Mullah Omar sent a delegation to the tribal areas."
    assert _events(text) == [("2008-12", "2009-01", "meeting")]


def test_counts_and_their_changes_are_statistics_not_events():
    text = (
        "Highlights\n\n4,502 total returns from Pakistan since 01 Jan 2018\n\n"
        "The institute counted 1,524 violence-related deaths in 2023. "
        "Since August 2021, there has been a 60% rise in militant attacks. "
        "Since 2019, the group has claimed responsibility for more attacks."
    )
    assert _events(text, "2023-12-01") == []
    assert _events("In August, this number rocketed to nearly 70,000 additional arrivals.", "2016-10-01") == [
        ("2016-08", None, "displacement")  # a date that opens the sentence dates what it counts
    ]


def test_a_weekday_takes_the_date_line_of_its_own_report():
    text = (
        "Pakistan Says Afghans Returned Home\nDecember 6, 2023\nISLAMABAD — Officials said so.\n\n"
        "Diplomat Survives Attack\nDecember 2, 2022\n"
        "Pakistan's chief diplomat in Afghanistan survived an assassination attempt Friday."
    )
    assert _events(text, "2023-12-06") == [("2022-12-02", None, "killing")]
    briefing = "Transcript of the Press Briefing by Spokesperson on Friday, 20 August, 2021\n\nWe follow events."
    assert _dates(briefing, "2021-09-03") == [("20 August, 2021", "2021-08-20")]  # the date says the day


def test_days_and_months_ago_yesterday_and_the_start_of_the_year():
    text = (
        "ISLAMABAD — A diplomat said Wednesday that Afghans returned since his government announced two months "
        "ago that it would deport them. Yesterday, OCHA issued a report. "
        "Some 550,000 people were displaced since the start of the year."
    )
    assert _dates(text, "2023-12-06") == [
        ("Wednesday", "2023-12-06"),
        ("two months ago", "2023-10"),
        ("Yesterday", "2023-12-05"),
        ("the start of the year", "2023-01"),
    ]


def test_a_dated_heading_that_names_a_publication_or_statement_is_an_event():
    text = (
        "Updated December 1, 2023\nTerrorist Groups in Pakistan\n\nAfghanistan: Humanitarian Update, April 2024\n\n"
        "Return of Afghans Weekly Situation Report (04-10 March 2018)\n\nText here."
    )
    assert _events(text, "2024-05-01") == [("2023-12-01", None, "publication"), ("2024-04", None, "publication")]
    release = (
        "UK Foreign Office press release, 3 September 2021\n\n"
        "The UK will be releasing up to £30 million of aid to Afghanistan’s neighbours."
    )
    assert _events(release) == [("2021-09-03", None, "statement"), ("2021-09-03", None, "policy")]


def test_the_numbers_of_a_list_and_an_age_are_not_figures():
    text = "Groups are of five types: (1) globally oriented; (2) Afghanistan-oriented; and (3) sectarian."
    assert _figures(text) == [("five", 5, None, None, "item")]  # the types are counted, the list's numbers not
    assert _figures("Deaths rose, quadrupling to at least 1,438 in 2023. 80,000 are under the age of 5.") == [
        ("at least 1,438", 1438, None, None, "person"),
        ("80,000", 80000, None, None, "person"),
    ]


def test_a_count_noun_after_joined_describing_words():
    text = (
        "Possibly 3.5 million registered and unregistered Afghans remain near numerous armed, nonstate militant groups."
    )
    assert _figures(text) == [
        ("3.5 million", 3500000, None, None, "person"),
        ("numerous armed, nonstate militant groups", None, None, None, "group"),
    ]


def test_a_part_counts_what_its_whole_counts():
    assert _figures("Twelve of the 15 groups listed below are designated.") == [
        ("Twelve", 12, None, None, "group"),
        ("15", 15, None, None, "group"),
    ]


def test_ranges_in_words_with_one_scale_and_glued_to_an_infobox_label():
    assert _figures("Agencies expect between one and 1.5 million returnees.\nSize4,000–6,000 (UN)\n") == [
        ("between one and 1.5 million", None, 1000000, 1500000, "person"),
        ("4,000–6,000", None, 4000, 6000, "person"),
    ]


def test_headlines_editors_brackets_and_a_lost_million():
    text = "Pakistan Says 450,000 Undocumented Afghans Returned Home\n\nSo, almost 450,000 [Afghans] have left."
    assert [f[1:] for f in _figures(text)] == [(450000, None, None, "person")] * 2
    text = "Nearly 2.3 million documented Afghan nationals, including 1.4 legal refugees, may stay. Police held one suspect."
    assert [(f[0], f[1]) for f in _figures(text)] == [("Nearly 2.3 million", 2300000), ("1.4", 1400000), ("one", 1)]


def test_bare_numbers_take_the_noun_their_sentence_gives():
    assert _figures("UN warns of crisis as 7,400 cross Afghan border each day") == [
        ("7,400", 7400, None, None, "person")
    ]
    text = "Possibly 3.5 million Afghans remain in these two countries, up to 2.46 million in Pakistan and more than 900,000 in Iran."
    assert _figures(text) == [  # "these two countries" names a known set: 2 country, not the millions' unit
        ("3.5 million", 3500000, None, None, "person"),
        ("two", 2, None, None, "country"),
        ("up to 2.46 million", 2460000, None, None, "person"),
        ("more than 900,000", 900000, None, None, "person"),
    ]
    text = "Millions of Afghans fled the Soviet invasion. Nearly five million of them landed in Pakistan."
    assert _figures(text)[1] == ("Nearly five million", 5000000, None, None, "person")


def test_casualties_circa_and_a_decimal_comma():
    assert _figures("The blast killed 80 people and wounded another 230.")[1] == ("230", 230, None, None, "person")
    assert _figures("Total population\nc.3.1 million (2023), including 1,3 million registered refugees") == [
        ("c.3.1 million", 3100000, None, None, "person"),
        ("1,3 million", 1300000, None, None, "person"),
    ]


def test_a_year_inside_a_name_does_not_give_a_later_month_its_year():
    text = (
        "Throughout 2023 the Taliban pursued ISIS-K. It reiterated its commitment under the 2020 U.S.-Taliban "
        "Agreement. In April, Tajikistan security forces discovered a cell."
    )
    assert ("April", "2023-04") in _dates(text, "2024-03-01")
