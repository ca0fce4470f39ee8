"""Blame put as an act ('holds X responsible for', 'pointed the finger at') is the subject's claim."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], str]]:
    doc = text_document(text, date="2025-03")
    return [
        (p.record["asserted_by"], p.record["statement"]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"
    ]


def test_holding_someone_responsible_is_the_subjects_claim():
    claims = _claims("Tehran holds the Jaish al-Adl group responsible for the ambush on the border guards.")
    assert claims == [(["Tehran"], "the Jaish al-Adl group responsible for the ambush on the border guards.")]


def test_pointing_the_finger_is_the_subjects_claim():
    claims = _claims("The Kunar council pointed the finger at the border police for the deaths of the shepherds.")
    assert [by for by, _ in claims] == [["Kunar council"]]


def test_holding_a_meeting_is_not_blame():
    assert _claims("Officials held a meeting with elders responsible for the market in Landi Kotal on Monday.") == []
