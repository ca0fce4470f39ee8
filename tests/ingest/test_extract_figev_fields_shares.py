"""Dates, events and figures of the classes the tenth unseen set showed: head fields glued to their date and
chronology lines, a release's dateline with a dash, "a day after" a dated clause, a quoted "today", a happening
a report says "will" take place on its own day, shares in per cent and a count noun before its amount —
sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _found(text: str, kind: str, date: str | None = "2015-05-05") -> list[tuple]:
    doc = text_document(text, date=date)
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == kind]
    if kind == "figure":
        return [(doc.text[p.start : p.end], p.record["value"], p.record["unit"], p.record["qualifier"]) for p in found]
    return [(p.record["date"], p.record.get("type"), doc.text[p.start : p.end]) for p in found]


PROFILE = (
    "Profile of the group\n\n"
    "FormedMarch 3, 2009\n"
    "UpdatedMay 5, 2015\n"
    "First AttackApril 2, 2009: The group conducted a suicide attack on a convoy in Swat (9 killed).\n\n"
    "March 4, 2010: The group attacked a market in Quetta.\n"
    "The group formed under its first leader in 2009. It attacked a school in 2011.\n"
)


def test_a_date_glued_to_a_capitalised_label_is_a_date_not_a_bare_year():
    assert [(d, t) for d, _, t in _found(PROFILE, "date")] == [
        ("2009-03-03", "March 3, 2009"),
        ("2015-05-05", "May 5, 2015"),
        ("2009-04-02", "April 2, 2009"),
        ("2010-03-04", "March 4, 2010"),
        ("2009", "2009"),
        ("2011", "2011"),
    ]
    # a month glued to a lowercase word without its day and year is not read as a date
    assert _found("The townMay be reached by road.", "date") == []


def test_head_fields_and_chronology_lines_are_events_of_their_date():
    assert _found(PROFILE, "event") == [
        ("2009-03-03", "formation", "March 3, 2009"),  # the label "Formed"
        ("2009-04-02", "attack", "April 2, 2009: The group conducted a suicide attack"),
        ("2010-03-04", "attack", "March 4, 2010: The group attacked"),
        ("2011", "attack", "attacked a school in 2011"),
    ]  # not "UpdatedMay 5, 2015" (the page's own stamp), nor "formed … in 2009" again


def test_a_release_dateline_with_a_dash_dates_its_first_sentence():
    text = (
        "Kabul, 1 November 2023 - Hundreds of children are crossing the border every day with nothing, "
        "Save the Children said.\n\nThe families need shelter."
    )
    assert _found(text, "event", None) == [("2023-11-01", "statement", "1 November 2023 - Hundreds")]
    wire = "PESHAWAR, Sept 16, 2023 — Traders waited at the crossing, officials said.\n\nThe road was quiet."
    assert _found(wire, "event", None) == []  # a wire's dateline, its place in capitals: the report's date


def test_a_day_after_a_dated_clause_is_the_day_before_it():
    text = (
        "October 18, 2025\n\nOfficials will hold talks in Qatar Saturday with their counterparts, "
        "a day after the army launched air strikes on the border."
    )
    assert [(d, t) for d, _, t in _found(text, "date", "2025-10-18")] == [
        ("2025-10-18", "October 18, 2025"),
        ("2025-10-18", "Saturday"),
        ("2025-10-17", "a day after"),
    ]
    assert [(d, k) for d, k, _ in _found(text, "event", "2025-10-18")] == [
        ("2025-10-18", "negotiation"),  # "will hold talks" on the report's own day
        ("2025-10-17", "airstrike"),
    ]
    counted = "October 18, 2025\n\nThe crossing reopened on Saturday, nine days after it was shut."
    assert [t for _, _, t in _found(counted, "date", None)] == ["October 18, 2025", "Saturday"]  # a figure
    later = "October 18, 2025\n\nThe envoy said the parties will hold talks on Monday."
    assert all(k != "negotiation" for _, k, _ in _found(later, "event", "2025-10-18"))  # a later day is a plan


def test_a_quoted_today_is_not_a_second_date_of_the_report_day():
    text = (
        "October 18, 2025\n\nTalks begin in Doha on Saturday.\n\n"
        '"The delegation will be heading to Doha today," state TV said.'
    )
    assert [t for _, _, t in _found(text, "date", None)] == ["October 18, 2025", "Saturday"]
    own = "August 11, 2025\n\nToday, the Department is designating the group."
    assert [t for _, _, t in _found(own, "date", None)] == ["August 11, 2025", "Today"]


def test_shares_in_per_cent_and_a_count_noun_before_its_amount():
    text = (
        "The crisis has left two out of three people in need. One in five children is hungry. "
        "Approximately half of all Pakistani Taliban factions joined. Half of the displaced families live in tents. "
        "The board, revising down an earlier toll of eight, said three died. "
        "The tally of 4,502 represents a new high."
    )
    assert _found(text, "figure") == [
        ("two out of three people", 66.7, "percent", "exact"),
        ("One in five children", 0.2, "proportion", "exact"),
        ("Approximately half of all Pakistani Taliban factions", 50, "percent", "approximately"),
        ("Half of the displaced families", 0.5, "proportion", "exact"),
        ("toll of eight", 8, "person", "exact"),
        ("three died", 3, "person", "exact"),
    ]  # not "4,502" (a tally of what, not said)
