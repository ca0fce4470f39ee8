"""Events of the settled conventions (eval/README.md): sentences dated by the one before them ("In response,
…"), the saying of something on a date, and event words of kinds not covered before — sentences written
for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _events(text: str, date: str = "2022-06-01") -> list[tuple[str, str, str]]:
    doc = text_document(text, date=date)
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "event"]
    return [(e.record["date"], e.record["type"], doc.text[e.start : e.end]) for e in found]


def test_a_sentence_opening_in_response_takes_the_day_before_it():
    text = "On 3 March 2022, militants overran a checkpoint near the pass. In response, the army sealed the valley."
    assert _events(text) == [
        ("2022-03-03", "takeover", "3 March 2022, militants overran"),
        ("2022-03-03", "border_closure", "In response, the army sealed"),
    ]


def test_overnight_takes_the_day_of_the_report_and_a_finer_date_wins_over_its_year():
    text = (
        "Gunmen stormed a school on Tuesday, killing two guards.\n\n"
        "Also overnight, troops clashed with militants in a nearby village."
    )
    assert _events(text)[-1] == ("2022-05-31", "attack", "Also overnight, troops clashed")
    text = (
        "On 9 May 2021, rebels captured the ridge during the 2021 spring offensive. "
        "As a response, the government closed the road."
    )
    assert _events(text)[-1] == ("2021-05-09", "border_closure", "As a response, the government closed")


def test_an_opener_after_a_year_or_far_from_any_date_dates_nothing():
    text = "In 2015 the army began an offensive. In response, the group attacked a school."
    assert [e[0] for e in _events(text)] == ["2015"]
    assert _events("In retaliation, the group attacked a school.") == []
    text = (
        "On 3 March 2022, militants overran a checkpoint. "
        + "The valley is green. " * 40
        + "In response, the army sealed it."
    )
    assert [e[0] for e in _events(text)] == ["2022-03-03"]


def test_a_saying_on_a_date_is_a_statement_but_not_a_date_of_what_is_said():
    assert _events("A district official said on Friday the market had reopened.") == [
        ("2022-05-27", "statement", "said on Friday")
    ]
    assert _events("The mayor said farmers lost their harvest in June 2018.") == []
    assert _events("In July 2021 the envoy noted that the committee would meet.") == [
        ("2021-07", "statement", "July 2021 the envoy noted")
    ]
    assert _events("The governor stated that since May 2020 no school has closed.") == []


def test_event_words_of_new_kinds():
    assert _events("On 4 April 2019 the council held a public discussion on water.") == [
        ("2019-04-04", "meeting", "4 April 2019 the council held a public discussion")
    ]
    assert _events("The bombardment of the village began on 2 June 2020.")[0][:2] == ("2020-06-02", "airstrike")
    assert _events("In March 1971 the partition of the province was ordered.")[0][:2] == ("1971-03", "formation")
    assert _events("The residence cards were due to expire on 31 December 2015.") == [
        ("2015-12-31", "policy", "expire on 31 December 2015")
    ]


def test_event_words_of_arrests_fire_and_accusations():
    text = (
        "Two guards were martyred on 3 May 2021 near the gate. Police arrested four men on 9 May 2021. "
        "A device went off on 11 May 2021 in the bazaar. Militants torched a school on 14 May 2021. "
        "The ministry accused its neighbour on 20 May 2021 of harbouring fighters."
    )
    assert [e[:2] for e in _events(text)] == [
        ("2021-05-03", "killing"),
        ("2021-05-09", "military_operation"),
        ("2021-05-11", "attack"),
        ("2021-05-14", "attack"),
        ("2021-05-20", "statement"),
    ]


def test_people_aid_or_a_survey_reaches_are_no_displacement_and_a_schedule_is_no_event():
    assert _events("In 2019 the charity gave aid to 15,000 returnees in Kunar.") == []
    assert _events("The census was taken between June and August 2020 among displaced families.") == []
    assert _events("By mid-2025 the office hopes to assist 80,000 returnees.") == []
    assert _events("Border talks are scheduled for 12 March 2023.") == []
    assert _events("On 9 April 2023, 3,000 refugees returned from Iran.") == [
        ("2023-04-09", "displacement", "9 April 2023, 3,000 refugees")
    ]


def test_present_tense_verbs_of_a_dated_summary():
    text = (
        "On 2 March 2023, the cabinet extends the permits of 800,000 refugees. "
        "On 6 March 2023, the envoy visits the crossing. "
        "On 8 March 2023, gunmen storms a checkpoint and kills a guard."
    )
    assert [e[:2] for e in _events(text)] == [
        ("2023-03-02", "policy"),
        ("2023-03-06", "meeting"),
        ("2023-03-08", "attack"),
    ]


def test_a_count_that_exists_or_a_population_hosted_is_no_event():
    assert _events("In 2018 there were 250 attacks in the valley.") == []
    assert _events("In 2015, Iran hosted nearly 950,000 refugees.") == []
    assert _events("On 2 June 2018 there was an ambush on a convoy.") == [
        ("2018-06-02", "attack", "2 June 2018 there was an ambush")
    ]
    assert _events("On 7 July 2016 Iran hosted a meeting of envoys.")[0][:2] == ("2016-07-07", "meeting")
