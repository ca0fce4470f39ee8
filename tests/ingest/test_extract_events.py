"""Candidate events: a date, an event word and the actors of the sentence."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

TEXT = (
    "5.4 Pakistani air strikes on Afghanistan March 2024\n\n"
    "On August 25, 2008 Pakistan banned the TTP. In December 2007 about 13 groups formed the TTP.\n\n"
    "Daud Khattak @DaudKhattak1\n\n12:40 PM · Jan 11, 2022\n\n"
    "The Bonn Conference in January 2002 opened an era."
)
LEXICON = Lexicon.from_names(
    [("pakistan", "Pakistan", "state"), ("ttp", "Tehrik-e-Taliban Pakistan", "armed_group")], [("ttp", "TTP")]
)


def _events(lexicon: Lexicon) -> list[dict]:
    doc = text_document(TEXT, date="2024-04")
    found = [p for p in propose(doc, lexicon) if p.kind == "event"]
    for p in found:
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
    return found


def test_a_dated_sentence_with_an_event_word_is_an_event_with_its_known_actors():
    ban, formed, bonn = _events(LEXICON)
    assert ban.record == {
        "date": "2008-08-25",
        "date_text": "August 25, 2008",
        "type": "policy",
        "title": "On August 25, 2008 Pakistan banned the TTP.",
        "actors": ["pakistan", "ttp"],
    }
    assert ban.notes == ["type from the word 'banned'"]
    assert (formed.record["date"], formed.record["type"], formed.record["actors"]) == ("2007-12", "formation", ["ttp"])
    assert (bonn.record["date"], bonn.record["type"]) == ("2002-01", "conference")


def test_headings_and_post_time_stamps_are_not_events():
    dates = [e.record["date"] for e in _events(LEXICON)]
    assert "2024-03" not in dates and "2022-01-11" not in dates


def test_on_an_empty_knowledge_base_actors_are_the_candidates_names():
    bonn = _events(Lexicon.empty())[2]
    assert bonn.record["actors"] == ["Bonn Conference"]


def test_a_period_gives_the_event_its_end_date():
    doc = text_document("Violence through 2023 reached a high, with 500 attacks in the first ten months alone.")
    event = next(p for p in propose(doc, Lexicon.empty()) if p.kind == "event")
    assert (event.record["date"], event.record["end_date"], event.record["type"]) == ("2023-01", "2023-10", "attack")


def _events_of(text: str, date: str | None = None) -> list[dict]:
    doc = text_document(text, date=date)
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "event"]
    for p in found:
        assert p.sentence == doc.sentence_at(p.start, p.end)[2]
    return [p.record for p in found]


def test_verbs_and_phrases_of_violence_and_politics_give_the_type():
    records = _events_of(
        "Maulana Fazlullah became the group's new leader in late 2013. In March 2024 Pakistan launched airstrikes "
        "in Khost. The crossing reopened on 15 September 2023. Gunmen abducted 11 travellers on 24 April 2024."
    )
    assert [(r["date"], r["type"]) for r in records] == [
        ("2013", "appointment"),
        ("2024-03", "airstrike"),
        ("2023-09-15", "border_closure"),
        ("2024-04-24", "attack"),
    ]


def test_a_dateline_dates_the_report_not_an_event():
    records = _events_of("PESHAWAR, Sept 16, 2023 — Pakistan reopened the Torkham crossing on Friday.", "2023-09-16")
    assert [(r["date"], r["date_text"]) for r in records] == [("2023-09-15", "Friday")]


def test_the_date_field_of_an_infobox_dates_the_event_its_heading_names():
    text = (
        "2023 Chitral cross-border attack\n\nPart of the Insurgency in Khyber Pakhtunkhwa\n\n"
        "Date 6 September 2023\nLocation Chitral District\nResult Attack repulsed\n\n"
        "The 2023 Chitral attack was an assault by militants on army posts on 6 September 2023."
    )
    infobox, lead = _events_of(text)
    assert (infobox["date"], infobox["type"], infobox["title"]) == (
        "2023-09-06",
        "attack",
        "2023 Chitral cross-border attack",
    )
    assert (lead["date"], lead["type"]) == ("2023-09-06", "attack")  # the bare year "2023" only names it
