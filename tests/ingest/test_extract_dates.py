"""Dates as reports write them, resolved to partial ISO dates (precision in the form, approximate flag)."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.dates import find_dates
from torkham.ingest.extract.lexicon import Lexicon

TEXT = (
    "The Taliban re-captured Kabul in mid-August 2021. On March 2024, Pakistan carried out airstrikes.\n\n"
    "Attacks surged in late 2021. Over 500 soldiers died in the first ten months of 2023. "
    "Millions fled in the 1980s and most returned post-2001. The twin towers fell on September 11, 2001."
)


def _dates(text: str, date: str | None = "2024-04"):
    doc = text_document(text, date=date)
    return {d.text: d for d in find_dates(doc)}, doc


def test_report_forms_become_partial_dates_with_their_precision():
    found, doc = _dates(TEXT)
    assert {t: (d.date.iso(), d.approximate) for t, d in found.items()} == {
        "mid-August 2021": ("2021-08", True),
        "March 2024": ("2024-03", False),
        "late 2021": ("2021", True),
        "the first ten months of 2023": ("2023", False),
        "the 1980s": ("1980", True),
        "post-2001": ("2001", True),
        "September 11, 2001": ("2001-09-11", False),
    }
    assert found["the first ten months of 2023"].notes == ["covers 2023-01 to 2023-10"]
    assert [p.iso() for p in found["the first ten months of 2023"].period] == ["2023-01", "2023-10"]
    assert found["the 1980s"].notes == ["the 1980s: 1980 to 1989"]
    assert found["post-2001"].notes == ["'post-2001': after 2001"]
    for text, mention in found.items():
        assert doc.text[mention.start : mention.end] == text


def test_a_date_without_year_is_resolved_against_the_document_date():
    found, _ = _dates("Militants attacked a fort on September 5 and talks were held on March 2.")
    assert found["September 5"].date.iso() == "2023-09-05"  # after April: the year before the document
    assert found["September 5"].notes == ["year resolved against the document date 2024-04"]
    assert found["March 2"].date.iso() == "2024-03-02"


def test_a_date_without_year_takes_the_year_of_a_full_date_before_it():
    found, _ = _dates(
        "Patience wore thin in September 2022 when militants attacked (September 5). Then late November came."
    )
    assert found["September 5"].date.iso() == "2022-09-05"
    assert found["September 5"].notes == ["year taken from 'September 2022' earlier in the text"]
    assert (found["late November"].date.iso(), found["late November"].approximate) == ("2022-11", True)


def test_a_date_without_year_and_without_a_document_date_is_not_proposed():
    found, _ = _dates("The attack came on September 5.", date=None)
    assert found == {}


def test_first_months_without_a_year_take_the_year_before_them():
    found, _ = _dates("Violence through 2023 reached a high, with 500 deaths in the first ten months alone.")
    months = found["the first ten months"]
    assert (months.date.iso(), [p.iso() for p in months.period]) == ("2023", ["2023-01", "2023-10"])


def test_citation_years_bibliography_and_addresses_are_not_dates():
    text = (
        "Attacks rose (Dawn, 2023). See https://example.org/2021/report.\n\n8 Bibliography\n\n"
        'Dawn, 2023. "Demarche issued" September 9 2023.\n'
    )
    proposals = propose(text_document(text, date="2024-04"), Lexicon.empty())
    assert [p for p in proposals if p.kind == "date"] == []


def test_date_proposals_carry_record_offsets_sentence_and_page():
    doc = text_document(TEXT, date="2024-04", page_starts=[0, TEXT.index("Attacks")])
    dates = [p for p in propose(doc, Lexicon.empty()) if p.kind == "date"]
    late = next(p for p in dates if p.record["date_text"] == "late 2021")
    assert late.record == {"date": "2021", "date_text": "late 2021", "approximate": True}
    assert doc.text[late.start : late.end] == "late 2021"
    assert late.sentence == "Attacks surged in late 2021."
    assert late.sentence == doc.sentence_at(late.start, late.end)[2]
    assert late.page == 2
    first = next(p for p in dates if p.record["date_text"] == "mid-August 2021")
    assert (first.page, first.sentence) == (1, "The Taliban re-captured Kabul in mid-August 2021.")


def test_relative_dates_count_from_the_date_before_them():
    found, _ = _dates(
        "On 16 March 2024, militants attacked a post. Two days later, Pakistan struck back. "
        "In late January 2024 a delegation came; the same month a commander was killed. "
        "On 9 September talks began and a day later they failed."
    )
    assert found["Two days later"].date.iso() == "2024-03-18"
    assert found["Two days later"].notes == ["relative date: counted from '16 March 2024'"]
    assert found["the same month"].date.iso() == "2024-01"
    assert found["a day later"].date.iso() == "2023-09-10"  # 9 September resolved first, against the document


def test_a_weekday_is_the_last_such_day_on_or_before_a_day_precise_document_date():
    found, _ = _dates("The crossing reopened on Friday; on Saturday traders returned.", date="2023-09-16")
    assert (found["Friday"].date.iso(), found["Saturday"].date.iso()) == ("2023-09-15", "2023-09-16")
    assert found["Friday"].notes == ["relative date: the last Friday on or before the document date 2023-09-16"]


def test_a_relative_date_with_nothing_to_count_from_is_not_proposed():
    found, _ = _dates("Two days later the talks failed; on Friday they resumed.", date="2024-04")
    assert found == {}
