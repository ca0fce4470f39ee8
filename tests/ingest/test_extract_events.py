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
