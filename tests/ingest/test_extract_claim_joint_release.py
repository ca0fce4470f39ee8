"""A joint release's classes (seventh set, lessons): a list of bodies speaking jointly, a body's concern or
the reports it received, the publisher's sentences of risk, need, motive and comparison, and a pledge
announced (an event, no claim)."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

AUTHOR = "the author's own assertion"


def _claims(text: str) -> list[tuple[list[str], str]]:
    doc = text_document(text, date="2025-03")
    return [
        (p.record["asserted_by"], p.record["statement"]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"
    ]


def _author_claim(text: str) -> bool:
    doc = text_document(text, date="2025-03")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]
    return len(found) == 1 and found[0].record["asserted_by"] == [] and found[0].notes[0].startswith(AUTHOR)


def test_a_list_of_bodies_with_appositions_is_concerned_jointly():
    claims = _claims(
        "WFP, the World Food Programme, FAO and UNFPA are gravely concerned about the food situation in Kandahar."
    )
    assert claims == [(["WFP", "FAO", "UNFPA"], "concerned about the food situation in Kandahar.")]


def test_three_bodies_alarmed_at_speak_together():
    claims = _claims("UNHCR, IOM and UNFPA are alarmed at the spread of disease in the camps near the border.")
    assert claims == [(["UNHCR", "IOM", "UNFPA"], "alarmed at the spread of disease in the camps near the border.")]


def test_a_place_before_two_speakers_is_not_one_of_them():
    claims = _claims("In Peshawar, UNHCR and IOM said that returns had slowed sharply.")
    assert claims == [(["UNHCR", "IOM"], "returns had slowed sharply.")]


def test_reports_a_body_received_are_its_claim():
    claims = _claims(
        "The Human Rights Commission of Pakistan has received reports of families being evicted in Karachi."
    )
    assert claims == [(["Human Rights Commission of Pakistan"], "reports of families being evicted in Karachi.")]


def test_a_common_noun_worried_is_not_a_stance_claim():
    assert _claims("Residents are worried about the closure of the crossing at Torkham.") == []


def test_reports_held_in_the_authors_voice():
    assert _author_claim("There are reports of detained refugees being moved to holding centres in Karachi.")


def test_dated_reports_of_a_happening_are_no_claim():
    assert _claims("There are reports Tuesday of gunfire near the Chaman crossing at the border.") == []


def test_a_motive_of_fear_risk_harm_and_need_are_the_authors():
    assert _author_claim("Thousands of families returned home out of fear of arrest by the police.")
    assert _author_claim("Girls face grave risks of early marriage after returning to the province.")
    assert _author_claim("Supplies of clean water could be severely reduced during the summer months.")
    assert _author_claim("Their support for the returnees is still needed this winter.")
    assert _author_claim("The province is mired in an economic crisis after the border closure.")


def test_facing_a_closure_is_no_risk_claim():
    assert _claims("The hospital faced closure in May last year after the floods.") == []


def test_a_comparison_with_all_others_and_judged_means_are_the_authors():
    assert _author_claim("Turkey hosts more refugees per capita than any other country in Europe.")
    assert _author_claim("The new approach is under-resourced and poorly coordinated across the agencies.")
    assert _author_claim("Three options for the government are possible in the coming months.")


def test_a_gift_planned_is_a_pledge_not_a_claim():
    assert _claims("Ambassador Kato announced that the Japanese government plans to contribute $5 million to it.") == []
    claims = _claims("Ambassador Kato announced that the programme had failed to reach most families.")
    assert claims == [(["Kato"], "the programme had failed to reach most families.")]


def test_admitting_people_is_no_speech_but_admitting_to_an_act_is():
    assert _claims("The United States admits thousands of refugees each year for resettlement in the country.") == []
    claims = _claims("Jamaat-ul-Ahrar admitted to planting the bomb near the market in Quetta.")
    assert claims == [(["Jamaat-ul-Ahrar"], "to planting the bomb near the market in Quetta.")]


def test_highlighting_support_is_the_speakers_claim():
    claims = _claims("Ambassador Kato highlighted Japan's support for returnees and host communities in the province.")
    assert claims == [(["Kato"], "Japan's support for returnees and host communities in the province.")]


def test_admitting_responsibility_reports_but_admitting_people_to_a_country_does_not():
    claims = _claims("The Baloch Liberation Army admitted responsibility for the attack on the convoy in Turbat.")
    assert claims == [(["Baloch Liberation Army"], "responsibility for the attack on the convoy in Turbat.")]
    assert (
        _claims("The United States admits thousands of Afghan refugees to the country every year for resettlement.")
        == []
    )


def test_a_body_concerned_with_a_task_states_no_stance():
    assert _claims("The Ministry of States and Frontier Regions is concerned with the registration of refugees.") == []


def test_a_body_calling_for_something_in_the_present_is_its_claim():
    claims = _claims("UNHCR, IOM and UNFPA call for protection of women and girls returning to Afghanistan.")
    assert claims == [(["UNHCR", "IOM", "UNFPA"], "for protection of women and girls returning to Afghanistan.")]


def test_calls_as_a_noun_or_for_a_meeting_are_no_claim():
    assert _claims("The talks ended with calls for caution from the delegates of both countries.") == []
    assert _claims("The Jirga calls for a meeting of the tribal elders in Landi Kotal next week.") == []


def test_the_publishers_concern_in_its_own_voice_is_an_authors_claim():
    assert _author_claim("We are deeply concerned about the safety of families returning through Torkham.")
    assert _claims("We are working with the authorities on the safety of families returning home.") == []


def test_a_figure_compared_with_other_years_is_no_claim():
    assert _claims("Returns in October were higher than any other month since the start of the year.") == []
    assert _author_claim("Germany gives more to the programme than any other single donor in Europe.")
