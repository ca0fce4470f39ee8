"""Events and figures of the settled conventions (eval/README.md), third round: a movement of people since a
date that opens the sentence, a budget's fiscal year with its abbreviation, a vague amount of a determined
whole and a superlative after "single" — sentences written for these tests."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _found(text: str, kind: str, date: str = "2022-06-01") -> list[tuple]:
    doc = text_document(text, date=date)
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == kind]
    if kind == "event":
        return [(e.record["date"], e.record["type"], doc.text[e.start : e.end]) for e in found]
    return [(f.record["value_text"], f.record["value"], f.record.get("qualifier"), f.record["unit"]) for f in found]


def test_an_opening_since_with_a_perfect_verb_of_moving_dates_a_displacement_from_its_start():
    text = "Since 2 March 2021, some 40,000 Tajiks have fled the valley."
    assert _found(text, "event") == [("2021-03-02", "displacement", "2 March 2021, some 40,000 Tajiks have fled")]
    text = "Since 1992, Iran has quietly hosted two million Afghans."
    assert _found(text, "event") == [("1992", "displacement", "1992, Iran has quietly hosted")]


def test_an_opening_since_keeps_the_type_of_a_verb_of_deportation():
    text = "Since May 2019, 900 migrants have been deported from Turkey."
    assert _found(text, "event") == [("2019-05", "deportation", "May 2019, 900 migrants have been deported")]


def test_an_opening_since_dates_no_share_no_plain_past_and_no_later_clause():
    assert _found("Since 2019, about 40% of them have returned home.", "event") == []
    assert _found("Since 2019, the villagers lived in tents.", "event") == []
    assert _found("Since 2019, the camp is full; many families have left.", "event") == []


def test_a_fiscal_year_with_its_abbreviation_in_brackets_dates_no_event():
    text = "In fiscal year (FY) 2016, the agency evacuated refugees from Kabul."
    assert _found(text, "event") == []
    assert _found("In 2016, the agency evacuated refugees from Kabul.", "event") == [
        ("2016", "displacement", "2016, the agency evacuated")
    ]


def test_a_vague_amount_of_a_determined_whole_counts_the_noun_after_the_determiner():
    text = "The fund feeds hundreds of thousands of the region’s poorest families each winter."
    assert _found(text, "figure") == [
        ("hundreds of thousands of the region’s poorest families", None, "vague", "person")
    ]


def test_a_superlative_after_single_is_no_figure_but_a_noun_in_est_is():
    assert _found("Japan is the single biggest donor to the camps.", "figure") == []
    assert _found("Japan is the single most generous donor.", "figure") == []
    assert _found("The council made a single request to the envoy.", "figure") == [
        ("a single request", 1, "exact", "item")
    ]


def test_a_release_dateline_with_a_colon_dates_the_statement_of_its_sentence():
    text = "Joint Statement\n\nKabul, 12 April 2024: WFP and FAO are alarmed by the hunger in the north.\n"
    assert _found(text, "event") == [("2024-04-12", "statement", "12 April 2024: WFP")]


def test_a_release_dateline_takes_the_type_of_its_sentences_own_event_word():
    text = "Press release\n\nQuetta, 2 May 2024: The two agencies signed a memorandum on water.\n"
    assert _found(text, "event") == [("2024-05-02", "agreement", "2 May 2024: The two agencies signed")]


def test_a_news_dateline_with_a_dash_still_dates_no_event():
    text = "QUETTA, 2 May 2024 — The two agencies are alarmed by the hunger in the north.\n"
    assert _found(text, "event") == []


def test_a_past_announcement_in_the_first_sentence_under_a_placed_date_line_is_dated_by_it():
    text = (
        "Japan Pledges Aid\n\nTokyo | March 3, 2015\n\n"
        "Foreign Minister Kishida pledged that Japan will give $5 million to the camps. "
        "The minister visited a camp and announced more aid."
    )
    assert _found(text, "event") == [("2015-03-03", "statement", "pledged")]


def test_a_past_announcement_past_the_first_sentence_or_without_a_date_line_is_not_dated():
    assert _found("Japan Pledges Aid\n\nForeign Minister Kishida pledged $5 million to the camps.", "event") == []


def test_verbs_of_happening_added_this_round():
    assert _found("In 1971, Bangladesh gained independence from Pakistan.", "event") == [
        ("1971", "formation", "1971, Bangladesh gained independence")
    ]
    assert _found("On 3 May 2020, the new governor took office in Peshawar.", "event") == [
        ("2020-05-03", "appointment", "3 May 2020, the new governor took office")
    ]
    assert _found("On 4 June 2019, Kabul welcomed the decision of the council.", "event") == [
        ("2019-06-04", "statement", "4 June 2019, Kabul welcomed")
    ]
    assert _found("In March 2018, the minister claimed that the camps were empty.", "event") == [
        ("2018-03", "statement", "March 2018, the minister claimed that")
    ]


def test_under_a_statement_already_dated_its_saying_is_that_statement_but_an_announcement_is_its_own():
    text = (
        "UNHCR Press Briefing, 2 July 2013\n\n"
        "This is a summary of what was said by the spokesperson at the press briefing, on 2 July 2013.\n\n"
        "UNHCR has welcomed the decision. The Rewards for Justice Program has announced a reward."
    )
    assert [e for e in _found(text, "event") if e[2] in ("welcomed", "announced")] == [
        ("2013-07-02", "statement", "announced")
    ]


def _dates(text: str, date: str) -> list[tuple[str, str]]:
    doc = text_document(text, date=date)
    return [(doc.text[d.start : d.end], d.record["date"]) for d in propose(doc, Lexicon.empty()) if d.kind == "date"]


def test_a_possessive_weekday_is_a_date_that_names_a_happening_told_already():
    text = "Shelling killed four villagers Monday. Monday’s shelling began when the guards quarrelled."
    assert _dates(text, "2021-03-03") == [("Monday", "2021-03-01"), ("Monday", "2021-03-01")]
    assert _found(text, "event", "2021-03-03") == [("2021-03-01", "killing", "killed four villagers Monday")]


def test_today_before_a_verb_of_a_lasting_state_is_nowadays_not_a_date():
    assert _dates("Iran today hosts three million Afghans.", "2019-05-05") == []
    assert _dates("The minister today announced a ban.", "2019-05-05") == [("today", "2019-05-05")]


def test_a_headline_casualty_verb_in_the_plain_present_counts_people():
    text = "Floods Kill 12, Injure 40 in Swat\n\nThe floods struck the valley."
    assert _found(text, "figure") == [("12", 12, "exact", "person"), ("40", 40, "exact", "person")]


def test_a_date_after_a_statement_phrase_ending_in_that_is_what_is_said():
    text = "In May 2022, the governor claimed that, since March 2020, the camps were empty."
    assert _found(text, "event") == [("2022-05", "statement", "May 2022, the governor claimed that")]


def test_more_verbs_of_happening_calls_repatriations_resignations():
    assert _found("On 2 March 2021, the two ministers spoke by phone.", "event") == [
        ("2021-03-02", "meeting", "2 March 2021, the two ministers spoke by phone")
    ]
    assert _found("In June 2019, Iran repatriated hundreds of Afghans.", "event") == [
        ("2019-06", "deportation", "June 2019, Iran repatriated")
    ]
    assert _found("The governor resigned on 4 April 2018.", "event") == [
        ("2018-04-04", "appointment", "resigned on 4 April 2018")
    ]


def test_an_opening_since_with_been_home_to_or_forced_to_leave():
    assert _found("Since 1980, Iran has been home to three million Afghans.", "event") == [
        ("1980", "displacement", "1980, Iran has been home to")
    ]
    assert _found("Since 2 October 2023, thousands have been forced to leave Karachi.", "event") == [
        ("2023-10-02", "displacement", "2 October 2023, thousands have been forced to leave")
    ]


def test_a_past_announcement_under_a_publications_date_is_not_dated_by_it():
    text = "Country Update\n\nUpdated March 3, 2015\n\nThe government announced a crackdown on smugglers."
    assert [e for e in _found(text, "event") if e[2] == "announced"] == []
    text = "Press Statement\n\nMarch 3, 2015\n\nThe government announced a crackdown on smugglers."
    assert _found(text, "event") == [("2015-03-03", "statement", "announced")]
