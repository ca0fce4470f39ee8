"""Datelines and bylines (issue 14): "ISLAMABAD, Nov 3 (Reuters) –" and "By X | 3 Nov 2023" date the
document (so yearless dates and weekdays resolve against them), are never taken for its title, and date
the statement the dateline opens; the dateline's place is not an event's place."""

from __future__ import annotations

import yaml

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.datelines import find_datelines
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.text import extract_document

WIRE = (
    "Deadline for Afghans\n\n"
    "ISLAMABAD, Nov 3 (Reuters) – Pakistan's foreign office said on Friday that Afghans without papers "
    "must leave by the end of the month. Police arrested 40 people on November 1 in Karachi.\n\n"
    "The UNHCR said in 2019 that returns must be voluntary.\n"
)


def _lines(text: str) -> list[tuple[str, str, int | None, int | None, int | None]]:
    return [(d.text, text[d.start : d.place_end], d.year, d.month, d.day) for d in find_datelines(text)]


def test_datelines_are_found_at_the_start_of_a_line():
    text = (
        "ISLAMABAD, Nov 3 (Reuters) – Pakistan said.\n"
        "PESHAWAR, Sept 16, 2023 — The crossing reopened.\n"
        "Kabul, Afghanistan, 3 November 2023: The ministry said.\n"
        "JAKARTA, Indonesia — The minister said.\n"
    )
    assert _lines(text) == [
        ("ISLAMABAD, Nov 3 (Reuters) –", "ISLAMABAD", None, 11, 3),
        ("PESHAWAR, Sept 16, 2023 —", "PESHAWAR", 2023, 9, 16),
        ("Kabul, Afghanistan, 3 November 2023:", "Kabul, Afghanistan", 2023, 11, 3),
        ("JAKARTA, Indonesia —", "JAKARTA, Indonesia", None, None, None),
    ]


def test_sentences_that_only_look_like_datelines_are_not():
    text = (
        "On Friday, Nov 3 – the army said so.\n"
        "In Kabul, May 3 - a blast.\n"
        "Pakistan – Afghanistan relations\n"
        "FILE - A member of the Taliban stands guard.\n"
        "US – Pakistan ties, 3 May\n"
        "The talks in Doha, May 3 - 5 ended.\n"
    )
    assert _lines(text) == []


def test_a_yearless_dateline_dates_the_document_with_the_year_it_has():
    doc = text_document(WIRE, date="2023")
    proposals = propose(doc, Lexicon.empty())
    assert doc.date == "2023-11-03"
    dates = {p.record["date_text"]: p.record["date"] for p in proposals if p.kind == "date"}
    assert dates == {"Nov 3": "2023-11-03", "Friday": "2023-11-03", "November 1": "2023-11-01", "2019": "2019"}


def test_the_statement_a_dateline_opens_is_dated_by_it_and_no_other():
    proposals = propose(text_document(WIRE, date="2023"), Lexicon.empty())
    claims = {p.record["statement"][:20]: p for p in proposals if p.kind == "claim"}
    opened = claims["on Friday that Afgha"]
    assert opened.record["date"] == "2023-11-03"
    assert "date: the day of the dateline 'ISLAMABAD, Nov 3 (Reuters) –'" in opened.notes
    later = next(p for p in claims.values() if "voluntary" in p.record["statement"])
    assert "date" not in later.record


def test_a_dateline_on_a_line_of_its_own_dates_the_paragraph_under_it():
    text = "PESHAWAR, Sept 16, 2023 —\n\nThe Khyber district administration said the crossing would reopen.\n"
    [claim] = [p for p in propose(text_document(text), Lexicon.empty()) if p.kind == "claim"]
    assert claim.record["date"] == "2023-09-16"


def test_a_dateline_without_a_year_and_a_document_without_a_date_date_nothing():
    doc = text_document(WIRE, date=None)
    proposals = propose(doc, Lexicon.empty())
    assert doc.date is None
    assert not [p for p in proposals if p.kind == "claim" and "date" in p.record]


def test_a_document_date_to_the_day_or_of_another_year_is_kept():
    doc = text_document(WIRE, date="2023-11-04")
    propose(doc, Lexicon.empty())
    assert doc.date == "2023-11-04"
    doc = text_document(WIRE.replace("Nov 3", "Nov 3, 2021"), date="2023")
    propose(doc, Lexicon.empty())
    assert doc.date == "2023"


def test_bylines_and_datelines_date_the_document_and_are_not_its_title(tmp_path):
    cases = {
        "byline.txt": (
            "By Ayaz Gul | 3 Nov 2023\n\nOfficials said the crossing reopened on Wednesday.\n",
            "2023-11-03",
        ),
        "published.txt": ("Published 12 March 2024\n\nOfficials said the crossing reopened.\n", "2024-03-12"),
        "dateline.txt": ("ISLAMABAD, Nov 3, 2023 (Reuters) –\n\nThe foreign office said so.\n", "2023-11-03"),
        "titled.md": (
            "# Border reopens\n\nPublished on 12 March 2024 · 4 min read\n\nOfficials said so.\n",
            "2024-03-12",
        ),
    }
    for name, (text, day) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        doc = extract_document(tmp_path / name)
        assert (name, doc.date) == (name, day)
        assert doc.title in (None, "Border reopens"), (name, doc.title)
    (tmp_path / "title.txt").write_text("Kabul, 20 years on\n\nThe war ended in August 2021.\n", encoding="utf-8")
    assert extract_document(tmp_path / "title.txt").title == "Kabul, 20 years on"  # a title, not a dateline


def test_a_byline_date_resolves_a_weekday(tmp_path):
    (tmp_path / "byline.txt").write_text(
        "By Ayaz Gul | 3 Nov 2023\n\nMilitants attacked a checkpoint in Bajaur on Wednesday, killing 3 guards.\n",
        encoding="utf-8",
    )
    [event] = [p for p in propose(extract_document(tmp_path / "byline.txt"), Lexicon.empty()) if p.kind == "event"]
    assert (event.record["date"], event.record["admin1"]) == ("2023-11-01", "PK-KP")


def test_the_date_given_to_ingest_resolves_a_yearless_dateline(mini, mini_kb, tmp_path):
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    result = mini("ingest", "wire.txt", "--source-id", "wire", "--date", "2023")
    assert result.code == 0, result.err
    source = yaml.safe_load((mini_kb / "wire" / "sources.yaml").read_text())["sources"][0]
    assert source["date"] == "2023"  # the date given stays the source's date
    claims = yaml.safe_load((mini_kb / "proposed" / "wire" / "claims.yaml").read_text())["claims"]
    assert [c.get("date") for c in claims if "Friday" in c["statement"]] == ["2023-11-03"]
    dates = yaml.safe_load((mini_kb / "proposed" / "wire" / "dates.yaml").read_text())["dates"]
    assert {d["date_text"]: d["date"] for d in dates}["November 1"] == "2023-11-01"
