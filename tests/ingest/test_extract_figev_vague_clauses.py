"""Classes that did not generalise on unseen sets 5–9: a vague amount of things with no listed count noun
("several mortar shells"), a dated heading told again under it ("Briefing Notes, 2 July 2013" over "at the
press briefing, on 2 July 2013"), and a word in an opening "While …," clause dated by the main clause."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.proposal import Proposal


def _proposals(text: str, kind: str, date: str | None = None) -> list[Proposal]:
    return [p for p in propose(text_document(text, date=date), Lexicon.empty()) if p.kind == kind]


def _figures(text: str) -> list[tuple[str, object, str]]:
    return [(p.record["value_text"], p.record["value"], p.record["unit"]) for p in _proposals(text, "figure")]


def test_a_vague_amount_counts_the_described_plural_noun_after_it():
    assert _figures("Border guards fired several artillery flares at the post.") == [
        ("several artillery flares", None, "item")
    ]
    assert _figures("Hundreds of public and private schools stayed shut.") == [
        ("Hundreds of public and private schools", None, "item")
    ]
    assert _figures("Kabul announced a number of travel and visa-related rules.") == [
        ("a number of travel and visa-related rules", None, "item")
    ]
    assert _figures("Several KP hospitals filled up.") == [("Several KP hospitals", None, "item")]
    assert _figures("The market stayed closed for a few weeks.") == [("a few weeks", None, "week")]


def test_no_vague_figure_of_a_bare_or_abstract_plural_nor_across_a_verb():
    assert _figures("The rebels claimed several hamlets.") == []
    assert _figures("Traders face several serious challenges.") == []
    assert _figures("Trucks arrived from multiple directions.") == []
    assert _figures("It rained several times.") == []
    assert _figures("Dozens crossed checkpoints at night.") == []
    assert _figures("The crossing reopened a few days later.") == []


def test_a_dated_heading_told_again_under_it_is_one_statement_at_the_sentence():
    text = (
        "Agency hails new visa rules\n\nBriefing Notes, 4 May 2021\n\nThis is a summary of what was said by the "
        "agency's spokesperson at the press briefing, on 4 May 2021, in Geneva.\n\nThe agency welcomes the rules."
    )
    events = [(p.record["date"], p.record["type"], text[p.start : p.end]) for p in _proposals(text, "event")]
    assert events == [("2021-05-04", "statement", "press briefing, on 4 May 2021")]


def test_a_dated_heading_not_told_again_stays_an_event():
    text = "Agency hails new visa rules\n\nBriefing Notes, 4 May 2021\n\nThe agency welcomes the new visa rules."
    events = [(p.record["date"], p.record["type"]) for p in _proposals(text, "event")]
    assert events == [("2021-05-04", "statement")]


def test_a_word_in_an_opening_while_clause_takes_no_date_of_the_main_clause():
    assert (
        _proposals("While many have returned home, about 2 million migrants stayed in Iran in May 2022.", "event") == []
    )
    assert _proposals("Although thousands fled, the town stayed calm in June 2019.", "event") == []
    events = _proposals("While talks went on, gunmen attacked a checkpoint on 5 May 2023.", "event")
    assert [(p.record["date"], p.record["type"]) for p in events] == [("2023-05-05", "attack")]
    events = _proposals("Although the crossing reopened on 3 May 2023, trade stayed low.", "event")
    assert [(p.record["date"], p.record["type"]) for p in events] == [("2023-05-03", "border_closure")]
