"""Dated phrases that are not events and numbers that are not figures — one sentence of each class, written
for these tests — and the classes of events and figures recovered."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _kind(text: str, kind: str, date: str | None = None):
    return [p for p in propose(text_document(text, date=date), Lexicon.empty()) if p.kind == kind]


def _events(text: str, date: str | None = None) -> list[tuple[str, str | None, str]]:
    return [(e.record["date"], e.record.get("end_date"), e.record["type"]) for e in _kind(text, "event", date)]


def _figures(text: str, date: str | None = None) -> list[tuple]:
    return [(f.record["value_text"], f.record["value"], f.record["unit"]) for f in _kind(text, "figure", date)]


def test_a_fiscal_year_dates_a_budget_total_not_an_event():
    text = "In fiscal year 2019, the agency spent $12 million on shelters for families displaced by the floods."
    assert _events(text, "2020-01-01") == []
    assert _events("Between FY 2011 and FY 2013 the fund helped returnees rebuild homes.", "2020-01-01") == []


def test_a_fiscal_year_still_leaves_a_plain_year_of_the_sentence_its_event():
    text = "In March 2019 the floods displaced 4,000 families, and in fiscal year 2019 the agency spent $12 million."
    assert _events(text, "2020-01-01") == [("2019-03", None, "displacement")]


def test_the_people_aid_goes_to_are_a_population_not_a_displacement():
    text = "In 2016 the charity gave food aid to Somali refugees in the camps near Dadaab."
    assert _events(text, "2017-01-01") == []
    text = "In 2018 the ministry spent more on care for internally displaced households than on roads."
    assert _events(text, "2019-01-01") == []


def test_people_described_by_what_they_do_are_not_a_displacement():
    text = "The 2012 grant goes to those returning from Iran and to villages that host them."
    assert _events(text, "2013-01-01") == []


def test_a_return_that_follows_aid_is_still_dated():
    text = "In May 2015, with help from the agency, 2,000 families returned to their villages in Swat."
    assert _events(text, "2016-01-01") == [("2015-05", None, "displacement")]


def test_a_count_given_after_its_noun_is_a_statistic():
    assert _events("The valley saw the deaths of over 300 fighters in 2019.", "2020-01-01") == []


def test_a_count_noun_over_a_span_of_years_is_a_statistic():
    text = "Bombings in the province grew rarer between 2012 and 2016."
    assert _events(text, "2017-01-01") == []


def test_a_war_over_a_span_of_years_is_still_an_event():
    text = "Between 1992 and 1996 the civil war destroyed much of the capital."
    assert _events(text, "2000-01-01") == [("1992", "1996", "war")]


def test_a_passive_present_under_a_date_line_is_habitual():
    text = (
        "Press Statement\nJohn Doe, Spokesperson\nMarch 3, 2015\n\n"
        "Visas are issued to students within ten days. The Department has designated the Example Front."
    )
    assert _events(text, "2015-03-03") == [("2015-03-03", None, "statement"), ("2015-03-03", None, "policy")]


def test_a_word_list_of_aid_must_be_a_list_of_words(monkeypatch):
    import pytest

    from torkham.errors import TorkhamError
    from torkham.ingest.extract import event_vocab

    monkeypatch.setattr(event_vocab, "_extra", lambda: {"beneficiary_words": "aid"})
    with pytest.raises(TorkhamError, match="beneficiary_words"):
        event_vocab.beneficiary_words()


def test_a_number_after_an_identifier_label_names_not_counts():
    text = "Under Article 243 of the constitution, 5 people were detained; Section 7 covers refugees."
    assert _figures(text) == [("5", 5, "person")]


def test_a_number_glued_to_letters_is_a_code():
    assert _figures("Last year COVID-19 killed 300 people in the camps.") == [("300", 300, "person")]


def test_a_number_in_a_web_address_escape_is_no_percentage():
    assert _figures("Available at: https://example.org/files/Kabul%E2%80%99s%20Report.pdf") == []


def test_the_last_day_of_a_range_of_days_is_no_count():
    text = "The official who oversees aid to refugees visited the camps from June 3 to 6."
    assert _figures(text, "2015-07-01") == []


def test_a_number_word_joined_to_the_first_half_of_a_compound_counts_that_half():
    assert _figures("The twin-tower bombings changed the war; a three-member panel met.") == [("three", 3, "person")]


def test_a_descending_pair_of_numbers_is_no_range():
    assert _figures("He was convicted under clause 302 to 14 years in prison.") == [("14", 14, "year")]


def test_identifier_labels_must_be_a_list_of_words():
    import pytest

    from torkham.errors import TorkhamError
    from torkham.ingest.extract.figure_vocab import FIGURE_WORDS_FILE, figure_words
    from torkham.model.yamlfile import word_list

    assert "article" in figure_words().identifier_labels
    assert word_list({"identifier_labels": ["article"]}, "identifier_labels", FIGURE_WORDS_FILE) == ["article"]
    with pytest.raises(TorkhamError, match=f"{FIGURE_WORDS_FILE}: 'identifier_labels' must be a list of words"):
        word_list({"identifier_labels": "article"}, "identifier_labels", FIGURE_WORDS_FILE)


def test_an_endorsement_or_expiry_on_a_date_is_a_policy_event():
    assert _events("The provincial assembly endorsed the new land law on 4 May 2016.", "2016-06-01") == [
        ("2016-05-04", None, "policy")
    ]
    assert _events("The old travel permits expired on 30 June 2019.", "2019-08-01") == [("2019-06-30", None, "policy")]


def test_what_is_planned_or_expected_is_no_event():
    assert _events("Islamabad plans to hold talks with Kabul in March 2024.", "2024-01-10") == []
    assert _events("Officials said the crossing would reopen in February 2024.", "2024-01-10") == []


def test_a_planned_deadline_is_still_an_act_of_policy():
    text = "The ministry will enforce a deadline of 31 March 2024 for all undocumented migrants."
    assert _events(text, "2024-01-10") == [("2024-03-31", None, "policy")]


def test_a_birth_date_is_background_not_an_event():
    assert _events("Born in 1978 in Swat, he joined the movement in 2007.", "2020-01-01") == [
        ("2007", None, "formation")
    ]


def test_since_dates_the_taking_of_an_office_wherever_it_stands():
    assert _events("He has been the movement's chief since March 2013.", "2020-01-01") == [
        ("2013-03", None, "appointment")
    ]
    assert _events("Since 2015 she has served as head of the council.", "2020-01-01") == [("2015", None, "appointment")]


def test_a_count_noun_on_a_headline_is_not_part_of_a_name_below_it():
    text = "Government extends permits for 2.4 million Afghans\n\nThis note sums up the decision."
    assert _figures(text) == [("2.4 million", 2400000, "person")]


def test_a_part_counts_what_its_whole_counts_through_adjectives():
    assert _figures("Three of the captured fighters were later freed.") == [("Three", 3, "person")]
    assert _figures("One of the militants escaped.") == []  # one member of a class, not a count


def test_a_span_of_time_after_a_demonstrative_is_a_duration():
    assert _figures("“Those four nights in the desert broke us,” she said.") == [("four", 4, "day")]
    assert _figures("Trade between the two countries fell.") == [("two", 2, "country")]  # a known set, counted
    assert _figures("The two were later freed.") == []  # no count noun names the set


def test_an_age_is_no_span_of_time():
    assert _figures("The suspect is 19 years old; girls under 12 years of age were freed.") == []
    assert _figures("The truce held for 3 years.") == [("3", 3, "year")]


def test_a_time_of_day_is_no_count():
    assert _figures("At 11.30 pm 6 gunmen stormed the post.") == [("6", 6, "person")]
    assert _figures("At 4:15 a.m., 9 soldiers were wounded.") == [("9", 9, "person")]


def test_the_base_of_a_rate_is_no_count():
    assert _figures("The camp has one doctor per 10,000 people.") == [("one", 1, "person")]


def test_a_count_noun_whose_trend_is_told_is_a_statistic():
    assert _events("Suicide bombings in the province peaked in 2014.", "2020-01-01") == []
    assert _events("Abductions rose sharply in March 2019.", "2020-01-01") == []
    assert _events("The bombing in March 2019 killed four guards.", "2020-01-01") == [("2019-03", None, "attack")]


def test_trend_verbs_must_be_a_list_of_words(monkeypatch):
    import pytest

    from torkham.errors import TorkhamError
    from torkham.ingest.extract import event_vocab

    monkeypatch.setattr(event_vocab, "_extra", lambda: {"trend_verbs": [1, 2]})
    with pytest.raises(TorkhamError, match="trend_verbs"):
        event_vocab.trend_verbs()


def _dates(text: str, date: str | None = None) -> list[tuple[str, str]]:
    return [(d.record["date_text"], d.record["date"]) for d in _kind(text, "date", date)]


def test_a_range_written_as_two_dates_is_one_date():
    text = "Some 9,000 families left between 3 February and 20 April 2019, and more from 2020 to 2022."
    assert _dates(text, "2023-01-01") == [("3 February and 20 April 2019", "2019-02-03"), ("2020 to 2022", "2020")]
    assert _dates("The fund spent $3 million between FY 2011 and FY 2014.", "2015-01-01") == [
        ("2011 and FY 2014", "2011")
    ]


def test_two_dates_not_opened_as_a_range_stay_two():
    text = "The talks of March 2019 and May 2020 failed."
    assert _dates(text, "2021-01-01") == [("March 2019", "2019-03"), ("May 2020", "2020-05")]


def test_a_year_inside_a_document_number_is_no_date():
    assert _dates("PRN: 2012/0457\n\nThe embassy closed on 3 May 2012.", "2012-05-04") == [("3 May 2012", "2012-05-03")]


def test_a_press_conference_on_a_date_is_a_statement():
    text = "The governor spoke at a press conference on 9 October 2022 about the floods."
    assert _events(text, "2022-11-01") == [("2022-10-09", None, "statement")]


def test_a_vague_amount_after_the_is_no_reference_to_things_named_before():
    assert _figures("Aid reached the tens of thousands of newly displaced Afghans.") == [
        ("tens of thousands of newly displaced Afghans", None, "person")
    ]


def test_a_number_per_day_takes_the_count_noun_of_its_sentence():
    text = "Some 3,000 Afghans now cross each day, up from 500 a day in May."
    assert _figures(text, "2023-10-01") == [("Some 3,000", 3000, "person"), ("500", 500, "person")]


def test_a_number_after_a_rank_label_names_a_class():
    assert _figures("Phase 2 covers Category 3 refugees.") == []


def test_the_base_of_a_ratio_is_no_count():
    # the ratio itself is a proportion (figure_ratios), its base no count of children
    assert _figures("One in 5 children in the camps is underweight.") == [("One in 5", 0.2, "proportion")]


def test_a_telephone_number_is_no_counter():
    assert _figures("Contact the hotline.\n\nTel: +93 20 221 0117") == []


def test_a_recurring_day_dates_no_event():
    assert _events("Every year on 8 March, the city remembers the bombing.", "2024-01-10") == []
    assert _events("The massacre is commemorated annually in October.", "2024-01-10") == []
    assert _events("The bombing on 8 March 2011 killed nine people.", "2024-01-10") == [("2011-03-08", None, "attack")]


def test_what_a_condition_supposes_is_no_event():
    text = "If the negotiations collapse in April, the army may launch an offensive."
    assert _events(text, "2024-01-10") == []
    assert _events("In May 2023 the army launched an offensive.", "2024-01-10") == [
        ("2023-05", None, "military_operation")
    ]


def test_a_movement_told_by_a_verb_after_an_aid_word_is_still_an_event():
    text = "With UN support 500 refugees returned to Kunar in May 2016."
    assert _events(text, "2017-01-01") == [("2016-05", None, "displacement")]


def test_due_to_is_a_cause_not_a_plan():
    text = "Crossings surged due to the deportations in November 2023."
    assert _events(text, "2024-01-10") == [("2023-11", None, "deportation")]


def test_a_modal_before_another_verb_does_not_plan_the_event_it_reports_on():
    text = "Officials could not explain the blast of 3 June 2023 near the gate."
    assert _events(text, "2024-01-10") == [("2023-06-03", None, "attack")]


def test_a_span_of_years_written_short_is_no_descending_pair():
    assert _figures("In 2023-24 refugees returned in large numbers.") == []
