"""Failure classes of the third unseen set of issue 14 (news reports, a press release, a commentary), each
fixed by a general rule: people a police report names in a list or a byline, a number or a role that is no
actor, a campaign dated by "Since …", "last August", and what is not a claim (a list item, an actor's aim, a
survey share, a self-naming, an emphasis, a number's adjective, a name that only modifies a noun)."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.proposal import Proposal


def _proposals(text: str, kind: str, date: str | None = None) -> list[Proposal]:
    return [p for p in propose(text_document(text, date=date), Lexicon.empty()) if p.kind == kind]


def _people(text: str) -> set[str]:
    return {p.record["name"] for p in _proposals(text, "actor") if p.record["kind"] == "person"}


def test_single_names_listed_after_identified_as_are_people():
    text = "Three of the slain men have been identified as Gulzar, Rahimullah and Noor Ahmad. Police said so."
    assert _people(text) == {"Gulzar", "Rahimullah", "Noor Ahmad"}


def test_a_list_after_identified_as_with_a_place_or_a_body_in_it_is_left_alone():
    text = "The attackers were identified as Hamid, Peshawar and Jamaat Front members. Nobody spoke."
    assert _people(text) == set()


def test_a_name_opening_a_published_line_is_a_byline():
    text = "Militants attack a post\n\nSirajuddin Published February 23, 2023 Updated February 23, 2023\n\nThe text."
    assert _people(text) == {"Sirajuddin"}


def test_a_number_opening_a_sentence_is_no_actor_and_its_alleged_no_claim():
    text = "Six alleged terrorists were killed in a raid in the district, the police said on Thursday."
    assert "Six" not in {p.record["name"] for p in _proposals(text, "actor")}
    [claim] = _proposals(text, "claim")
    assert claim.record["asserted_by"] == []
    assert claim.record["statement"].startswith("Six alleged terrorists were killed")


def test_a_role_with_its_office_cut_at_a_comma_is_no_actor():
    text = "Assistant Secretary of State for Population, Refugees, and Migration (PRM) Eric P. Schwartz announced in Islamabad that the government will contribute more."
    names = {p.record["name"] for p in _proposals(text, "actor")}
    assert "Assistant Secretary of State for Population" not in names
    assert "Eric P. Schwartz" in names


def test_a_person_after_a_chief_of_mission_or_with_an_age_is_a_person():
    text = (
        "“Their situation is desperate,” said IOM Afghanistan Chief of Mission Maria Moita.\n\n"
        "“I was so panicked,” said Aliya, a 32-year-old mother of two."
    )
    assert _people(text) == {"Maria Moita", "Aliya"}


def test_a_body_named_before_a_police_checkpost_is_a_place_not_an_actor():
    text = "Terrorists were planning an attack on the Abbas police checkpost near the town."
    assert "Abbas police" not in {p.record["name"] for p in _proposals(text, "actor")}


def test_an_abbreviation_of_a_body_named_after_its_province_is_the_same_candidate():
    text = (
        "The Khyber Pakhtunkhwa Counter-Terrorism Department raided the house. The CTD said four men fled. "
        "Later the CTD arrested two of them."
    )
    [candidate] = [p for p in _proposals(text, "actor") if "Counter-Terrorism" in p.record["name"]]
    assert "CTD" in [a["name"] for a in candidate.record.get("aliases", [])]
    assert "CTD" not in {p.record["name"] for p in _proposals(text, "actor")}


def test_a_sentence_opening_with_since_dates_a_military_campaign_but_not_a_count():
    campaign = _proposals("Since 2003, the army has conducted large operations in the tribal areas.", "event")
    assert [(e.record["date"], e.record["type"]) for e in campaign] == [("2003", "military_operation")]
    # "Since 01 January 2018, over 122,073 undocumented Afghans have returned home." was taken for a count here;
    # under the settled conventions (2026-12-07) it is a displacement from its start
    # (test_extract_figev_release_since.py); a total since a date stays a count
    count = _proposals("Since 01 January 2018, the total number of returns has reached 122,073.", "event")
    assert count == []


def test_last_august_is_the_august_before_the_document_year():
    [date] = _proposals("Pakistan foresaw the fallout of the fall of Kabul last August.", "date", date="2022")
    assert (date.record["date"], date.record["date_text"]) == ("2021-08", "last August")
    [event] = _proposals("Pakistan foresaw the fallout of the fall of Kabul last August.", "event", date="2022")
    assert event.record["type"] == "takeover"


def test_list_items_fragments_and_an_actors_aims_are_not_the_authors_assertions():
    text = (
        "Lessons\n\n- Lack of Leadership: The international community failed to cultivate local leadership.\n\n"
        "The Initiative aims to reduce poverty and promote peaceful co-existence in the host districts."
    )
    assert _proposals(text, "claim") == []


def test_a_survey_share_a_self_naming_and_an_emphasis_are_not_claims():
    text = (
        "Pull factors remained stable – 91% cited “returning to own country” as the reason. "
        "A video showed police in the custody of militants claiming to be Taliban fighters from the hills. "
        "The minister sent a letter to his counterpart, emphasizing the need to address shared security challenges."
    )
    assert _proposals(text, "claim") == []


def test_a_name_that_modifies_a_noun_does_not_speak_for_it():
    text = (
        "The evolving security situation under the erratic Taliban rule indicates Pakistan is about to face an ordeal."
    )
    [claim] = _proposals(text, "claim")  # not the Taliban's claim: the author's inference from the situation
    assert claim.record["asserted_by"] == []
    assert claim.notes[0].startswith("the author's own assertion ('indicates')")


def test_a_time_after_a_date_or_a_programmes_span_dates_no_event():
    text = (
        "This paper examines Pakistan's post-August 2021 Afghan policy. Most of them returned in phases post-2001. "
        "The Initiative is a five-year (2009-2013) joint programme designed to rehabilitate areas that hosted "
        "refugees."
    )
    assert _proposals(text, "event") == []
    assert [e.record["date"] for e in _proposals("Pakistan launched a new Afghan policy in August 2021.", "event")] == [
        "2021-08"
    ]


def test_a_name_alone_under_the_title_is_the_author():
    text = "Fallout of the Afghan situation and the policy responses\n\nAhmed Ali\n\nIntroduction\n\nThe text begins."
    assert _people(text) == {"Ahmed Ali"}


def test_countries_a_border_crossing_lies_between_are_places_not_parties():
    places = "Aid is delivered at border crossing points between Pakistan and Afghanistan every day."
    assert {p.record["name"] for p in _proposals(places, "actor")} == set()
    talks = "The envoy attended the talks between Pakistan and Afghanistan in Doha last week."
    assert {p.record["name"] for p in _proposals(talks, "actor")} >= {"Pakistan", "Afghanistan"}


def test_an_abbreviation_with_a_kind_word_names_the_candidate_it_abbreviates():
    text = (
        "The Refugee Affected and Hosting Area (RAHA) Initiative began in 2009. The RAHA Initiative is a "
        "joint programme of the UN."
    )
    [raha] = [p for p in _proposals(text, "actor") if "RAHA" in str(p.record)]
    assert raha.record["kind"] == "initiative"
    assert {"RAHA", "RAHA Initiative"} <= {a["name"] for a in raha.record["aliases"]}


def test_a_year_describing_a_noun_dates_only_an_event_word_right_after_it():
    edition = "The ambassador also launched the 2017–2018 edition of the Return of Qualified Afghans programme."
    assert _proposals(edition, "event") == []
    attacks = "Officials recalled the 2008 Mumbai attacks at the meeting."
    assert [(e.record["date"], e.record["type"]) for e in _proposals(attacks, "event")] == [("2008", "attack")]


def test_a_headline_naming_its_source_after_a_colon_is_the_sources_claim():
    text = "6 TTP militants killed in an operation in Lakki Marwat: police\n\nThe body of the report follows here."
    [claim] = _proposals(text, "claim")
    assert claim.record["statement"] == "6 TTP militants killed in an operation in Lakki Marwat"
    assert claim.notes[0] == "speaker is 'police': name who it refers to"
    labels = "Report\n\nLocation of the attack and the roads: Kabul and Jalalabad\n\nThe text follows here."
    assert _proposals(labels, "claim") == []


def test_a_quotation_right_after_a_named_speakers_reported_speech_is_theirs():
    text = (
        "Hameed said that when the firing stopped, the police searched the site and found six bodies. "
        "“A huge cache of loaded arms and grenades was recovered from their possession.”\n\n"
        "“Nobody knows who fired the first shots at the post,” a resident of the village told the paper."
    )
    claims = {c.record["statement"]: c.record["asserted_by"] for c in _proposals(text, "claim")}
    assert claims["A huge cache of loaded arms and grenades was recovered from their possession."] == ["Hameed"]
    assert ["Hameed"] not in [by for s, by in claims.items() if s.startswith("Nobody")]


def test_a_month_and_this_year_are_one_date():
    [date] = _proposals("Just in July this year, the Council noted that the group is the largest.", "date", "2022")
    assert (date.record["date"], date.record["date_text"]) == ("2022-07", "July this year")


def test_a_one_sentence_pledge_in_a_quotation_is_no_claim():
    pledge = "“Our security [agencies] will conduct a serious investigation and find them,” Balkhi told reporters."
    assert _proposals(pledge, "claim") == []
    claim = "“Our security agencies found no sign of the attackers in the camp,” Balkhi told reporters."
    assert [c.record["asserted_by"] for c in _proposals(claim, "claim")] == [["Balkhi"]]


def test_a_body_whose_head_ends_in_ly_keeps_it():
    text = "On 10 August 2022, the minister stated in the National Assembly that the sentiments were raging."
    assert "National Assembly" in {p.record["name"] for p in _proposals(text, "actor")}


def test_an_infobox_field_ending_in_a_preposition_is_no_headline_claim():
    text = "Tehrik-i-Taliban Pakistan\n\nDesignated as a terrorist organisation by: United States\n\nThe group formed."
    assert _proposals(text, "claim") == []


def test_a_quotation_after_a_speaker_and_their_apposition_continues_it():
    text = (
        "“I was so panicked, those nights destroyed me,” said Aliya, a 32-year-old mother of two. "
        "“We were taken care of at the border but it is very difficult.”"
    )
    claims = [(c.record["asserted_by"], c.record["statement"][:10]) for c in _proposals(text, "claim")]
    assert claims == [(["Aliya"], "I was so p"), (["Aliya"], "We were ta")]


def test_a_report_title_or_a_place_under_the_title_is_no_author():
    for second in ("Flash Update", "Lakki Marwat"):
        text = f"Afghanistan: returns from Pakistan\n\n{second}\n\nIntroduction\n\nThe returns continue."
        assert _people(text) == set(), second
    unmarked = "Fallout of the Afghan situation\n\nAhmed Ali\n\nThe text begins here with the policy."
    assert _people(unmarked) == set()


def test_a_speaker_with_a_day_or_a_reflexive_before_the_verb_still_speaks():
    [claim] = _proposals("Imran Khan today said that the talks with the group had failed completely.", "claim")
    assert claim.record["asserted_by"] == ["Imran Khan"]


def test_a_year_describing_a_time_still_dates_the_clause():
    text = "During the 2018 elections, militants attacked polling stations in the tribal districts."
    assert [(e.record["date"], e.record["type"]) for e in _proposals(text, "event")] == [("2018", "attack")]


def test_a_body_named_after_a_country_abbreviation_is_not_the_country():
    text = (
        "The US said it would leave. The US Special Inspector General for Afghanistan Reconstruction wrote that "
        "the army had collapsed. The US has left."
    )
    states = [p for p in _proposals(text, "actor") if p.record["kind"] == "state"]
    assert all("Inspector" not in str(p.record) for p in states)
