"""Dates of the classes the eleventh unseen set showed: a numeric date written day.month.year, "today" before
a verb of a lasting state, and a yearless date the text puts ahead of itself — sentences written for these
tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _dates(text: str, date: str | None = "2021-11-25") -> list[tuple[str, str]]:
    doc = text_document(text, date=date)
    return [(p.record["date"], doc.text[p.start : p.end]) for p in propose(doc, Lexicon.empty()) if p.kind == "date"]


def test_a_numeric_date_day_month_year_is_a_date():
    assert _dates("Refugees in the region\n\n25.11.2021\n\nThe crossings rose.", None) == [("2021-11-25", "25.11.2021")]
    assert _dates("The talks ended on 3.02.2019 in Doha.", None) == [("2019-02-03", "3.02.2019")]


def test_numbers_with_stops_that_are_no_dates_are_not_read_as_dates():
    assert _dates("The share rose to 8.1% and section 5.4 explains why.", None) == []
    assert _dates("Version 1.2.2021.4 was released.", None) == []  # part of a longer number
    assert _dates("The code 31.13.2021 is no date.", None) == []  # no thirteenth month


def test_today_before_a_verb_of_a_lasting_state_is_no_date():
    assert _dates("After years of war, Afghans today constitute the largest group of refugees in Asia.") == []
    assert _dates("The minister today announced new aid.") == [("2021-11-25", "today")]


def test_a_yearless_date_the_text_puts_ahead_is_of_the_document_year():
    text = "The programme plans to assist 100,000 Afghans during a six month period finishing on October 8."
    assert _dates(text, "2000-09") == [("2000-10-08", "October 8")]
    # with no word putting it ahead, a day after the document's date is of the year before, as before
    assert _dates("The crossing closed on October 8.", "2000-09") == [("1999-10-08", "October 8")]
    # a date before the document's date stays in its year, whatever the sentence says
    assert _dates("The deadline was set for August 8.", "2000-09") == [("2000-08-08", "August 8")]


def test_a_yearless_date_in_an_undated_text_gets_no_guessed_year():
    text = "The programme plans to assist 100,000 Afghans during a six month period finishing on October 8."
    assert _dates(text, None) == []
