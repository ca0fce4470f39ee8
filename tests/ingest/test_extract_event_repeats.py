"""Event words inside a name and a happening told twice — on sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _events(text: str, date: str | None = None) -> list[dict]:
    return [p.record for p in propose(text_document(text, date=date), Lexicon.empty()) if p.kind == "event"]


def test_an_event_word_inside_a_name_tells_no_event():
    text = (
        "The Office of the Commissioner for Refugees (OCR) reported that as of May 2019, there were 20,000 "
        "people in the camps."
    )
    assert _events(text) == []


def test_a_happening_told_twice_is_one_event():
    text = (
        "The Chaman crossing was closed on 4 March 2020 after a clash between the guards of the two countries.\n\n"
        "QUETTA: The Chaman crossing was closed on 4 March 2020 after a clash between the guards of the two "
        "countries, officials said.\n\nTraders waited at the gate."
    )
    found = _events(text)
    assert [(e["date"], e["type"]) for e in found] == [("2020-03-04", "border_closure")]
