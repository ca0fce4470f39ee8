"""Dates counted from the date before them in years or months ("the following year", "two years later",
"three months earlier") — sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _dates(text: str) -> list[tuple[str, str]]:
    doc = text_document(text, date="2024-02-01")
    return [(doc.text[p.start : p.end], p.record["date"]) for p in propose(doc, Lexicon.empty()) if p.kind == "date"]


def test_the_following_or_previous_year_counts_from_the_year_before_it():
    assert _dates("The dam opened in 2009. The following year, floods broke it.") == [
        ("2009", "2009"),
        ("The following year", "2010"),
    ]
    assert _dates("Talks resumed in May 2016. The previous year, they had failed.")[-1] == ("The previous year", "2015")


def test_years_or_months_later_count_from_the_date_before_them():
    assert _dates("The school opened in March 2011. Two years later, it closed.")[-1] == ("Two years later", "2013")
    assert _dates("The road was cut on 4 June 2018. Three months later, it reopened.")[-1] == (
        "Three months later",
        "2018-09",
    )
    assert _dates("The bridge was built in 1998. Six months later, it fell.") == [("1998", "1998")]  # no month to count


def test_a_year_later_with_nothing_before_it_is_not_a_date():
    assert _dates("A year later, the camp closed.") == []
