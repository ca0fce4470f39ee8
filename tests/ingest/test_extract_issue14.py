"""Issue 14: more reporting verbs, the author's own assertions, events from a date and an event word or
from context, month-of-year dates, ranges of months and days, and dates relative to a dateline."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.dates import find_dates
from torkham.ingest.extract.lexicon import Lexicon


def _dates(text: str, date: str | None = None) -> list[tuple[str, str, list[str] | None]]:
    return [
        (d.text, d.date.iso(), [p.iso() for p in d.period] if d.period else None)
        for d in find_dates(text_document(text, date=date))
    ]


def _kind(text: str, kind: str, date: str | None = None):
    return [p for p in propose(text_document(text, date=date), Lexicon.empty()) if p.kind == kind]


def test_month_of_year_is_one_date():
    assert _dates("In May 2009 talks began. In November of 2013, the TTP elected a new emir.") == [
        ("May 2009", "2009-05", None),
        ("November of 2013", "2013-11", None),
    ]


def test_ranges_of_months_and_days_are_periods():
    assert _dates("Fighting raged between July and November 2020. From January to June 2016 few returned.") == [
        ("between July and November 2020", "2020-07", ["2020-07", "2020-11"]),
        ("From January to June 2016", "2016-01", ["2016-01", "2016-06"]),
    ]
    assert _dates("623 returned from 04—10 March 2018. The week of 18-24 September saw more.", "2018-12-01") == [
        ("04—10 March 2018", "2018-03-04", ["2018-03-04", "2018-03-10"]),
        ("18-24 September", "2018-09-18", ["2018-09-18", "2018-09-24"]),
    ]


def test_today_and_this_morning_take_the_day_of_their_own_dateline():
    text = (
        "Press Statement\nIslamabad, Pakistan\nOctober 28, 2009\n\nI condemn today’s brutal attack in Peshawar.\n\n"
        "Washington, DC\nApril 5, 2010\n\nThe assault this morning is part of a wave of violence."
    )
    assert [(t, d) for t, d, _ in _dates(text)] == [
        ("October 28, 2009", "2009-10-28"),
        ("today’s", "2009-10-28"),
        ("April 5, 2010", "2010-04-05"),
        ("this morning", "2010-04-05"),
    ]
    events = _kind(text, "event")
    assert [(e.record["date"], e.record["type"]) for e in events] == [
        ("2009-10-28", "statement"),  # the press statement itself, dated by its date line
        ("2009-10-28", "attack"),
        ("2010-04-05", "attack"),
    ]


def test_a_present_day_name_is_not_a_date():
    assert _dates("The agency (today's Bajaur district) was bombed.", "2008-11-21") == []


def test_a_bare_weekday_of_a_news_report_resolves_against_the_document_date():
    assert _dates("Officials said the Taliban closed the border Sunday.", "2023-02-20") == [
        ("Sunday", "2023-02-19", None)
    ]


def test_a_date_with_an_event_noun_or_verb_form_is_an_event():
    text = "His death in August 2009 weakened the group. Pakistan started expelling Afghans in November 2023."
    assert [(e.record["date"], e.record["type"]) for e in _kind(text, "event")] == [
        ("2009-08", "killing"),
        ("2023-11", "deportation"),
    ]


def test_events_dated_by_context():
    text = (
        "On 3 March 2021 militants attacked a post in Bannu. Two days after the attack, police raided a house. "
        "At 3 a.m., gunmen struck a school in Tank."
    )
    events = _kind(text, "event")
    assert [e.record["date"] for e in events] == ["2021-03-03", "2021-03-05", "2021-03-05"]
    assert "dated by context: the day of 'Two days after' before it" in events[2].notes
    assert "relative date: counted from '3 March 2021'" in events[1].notes


def test_a_range_event_has_an_end_date():
    events = _kind("Fighting raged between July and November 2020 in Kurram.", "event")
    assert [(e.record["date"], e.record.get("end_date")) for e in events] == [("2020-07", "2020-11")]


def test_more_reporting_verbs_and_the_speaker_is_the_subject():
    text = (
        "Pakistan's army chief met the Taliban envoy. The TTP maintains that Islamabad holds its fighters "
        "in Peshawar. Islamabad's new civilian-led government vows to combat militancy in the tribal areas."
    )
    claims = _kind(text, "claim")
    assert [c.record["asserted_by"] for c in claims] == [["TTP"], ["Islamabad's new civilian-led government"]]


def test_the_authors_own_assertion_is_a_claim_of_the_author():
    doc = text_document("Militant groups have only grown stronger and more aggressive in 2008.")
    doc.author = "K. Alan Kronstadt"
    claims = [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]
    assert [(c.record["asserted_by"], c.notes[0]) for c in claims] == [
        ([], "the author's own assertion ('only grown'): asserted by the source's author (K. Alan Kronstadt)")
    ]


def test_a_plain_report_of_facts_is_not_an_assertion():
    assert _kind("The convoy crossed the border at Torkham on 5 June 2025 with 40 trucks.", "claim") == []


def test_the_speaker_of_a_quotation_is_the_pronoun_before_its_verb():
    text = (
        "U.S. Secretary of State Hillary Clinton is condemning the attack on the consulate, deploring what she "
        'called a "cowardly act of suicide bombing and terrorism." "It appears that a van filled with staff was '
        'targeted by a suicide bomber," she said.'
    )
    claims = _kind(text, "claim")
    assert [(c.record["asserted_by"], c.notes[0]) for c in claims] == [
        (["Hillary Clinton"], "speaker 'Hillary Clinton' is not a known actor"),
        (["Hillary Clinton"], "speaker 'she' resolved to 'Hillary Clinton', named in the sentence before"),
    ]  # "what she called “…”" names the attack inside Clinton's claim: not a claim of its own


def test_the_subject_before_an_auxiliary_speaks():
    claims = _kind("Top U.S. officials have praised Pakistan for its ongoing cooperation in the tribal areas.", "claim")
    assert [c.record["asserted_by"] for c in claims] == [["Top U.S. officials"]]


def test_a_dateline_in_the_first_paragraph_is_the_document_date(tmp_path):
    from torkham.ingest.text import extract_document

    path = tmp_path / "wire.txt"
    path.write_text(
        "Torkham crossing reopens\n\nPESHAWAR, Sept 16, 2023 — Pakistan reopened the Torkham border crossing on "
        "Friday, officials said, nine days after it was shut.\n",
        encoding="utf-8",
    )
    doc = extract_document(path)
    assert (doc.title, doc.date) == ("Torkham crossing reopens", "2023-09-16")
