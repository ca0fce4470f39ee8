"""Issue 14, actors: the candidates `torkham ingest` proposes from a new document. One test per class of
failure the issue lists — names in lists, headings, bylines and between dashes; abbreviations of
organisations; en dashes inside names; groups named after a person; kinds; bylines and headings that name
no one; known actors written another way — each on sentences written for these tests."""

from __future__ import annotations

from actor_support import aliases, candidates

from torkham.ingest.corroborate import Corroborator
from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.records import proposal_records


def _kinds(text: str, date: str | None = None) -> dict[str, str]:
    return {name: p.record["kind"] for name, p in candidates(text, date=date).items()}


def test_people_named_in_a_list_beside_a_person_or_under_a_word_for_people():
    found = candidates(
        "The sanctioned commanders are Mufti Khalid Barki, Shahid Umar Khorasani and Gul Zaman Dawar.\n\n"
        "The following individuals were listed:\n• Rashid Ali Baloch, a financier\n• Naeem Akhtar Shah\n"
    )
    assert found["Shahid Umar Khorasani"].record["kind"] == "person"
    assert found["Gul Zaman Dawar"].record["kind"] == "person"
    assert found["Rashid Ali Baloch"].notes == ["listed after 'The following individuals were listed:'"]
    assert found["Naeem Akhtar Shah"].record["kind"] == "person"


def test_a_list_of_places_is_not_a_list_of_people():
    found = candidates("Fighting spread to Upper Dir, Lower Dir and North Waziristan last year.")
    assert not {"Upper Dir", "Lower Dir", "North Waziristan"} & set(found)


def test_a_name_line_above_its_role_is_a_person_and_a_role_alone_is_no_actor():
    found = candidates("Press Release\nSamina Farooq Qadri\nMinister of Interior\nMay 2, 2021\n\nThe ministry said so.")
    assert found["Samina Farooq Qadri"].notes == ["a name above its role: 'Minister of Interior'"]
    assert not {"Press Release", "Minister of Interior", "Interior"} & set(found)


def test_a_title_case_headline_names_only_what_its_kind_word_ends():
    found = candidates("Jamaat-ul-Ahrar Fighters Storm a Checkpoint Near the Border\n\nNo one was hurt.")
    assert "Jamaat-ul-Ahrar" in found
    assert not [name for name in found if "Fighters" in name or "Checkpoint" in name]


def test_bylines_name_their_reporters_and_generic_bylines_name_no_one():
    found = candidates(
        "By Agency Report\n\nThe army said four soldiers died.\n\nBy Sadia Noor Khattak and Staff Reporter\n\n"
        "The police said so. Imran Wazir contributed to this report from Peshawar."
    )
    assert found["Sadia Noor Khattak"].notes == ["a byline: 'By Sadia Noor Khattak and Staff Reporter'"]
    assert found["Imran Wazir"].notes == ["a byline: 'contributed to this report'"]
    assert not [name for name in found if "Agency" in name or "Reporter" in name]


def test_a_sentence_opening_with_by_is_no_byline():
    found = candidates("By then, Qari Shakeel Ahmad, the group's deputy chief, had fled.")
    assert found["Shakeel Ahmad"].record["kind"] == "person"


def test_a_name_between_dashes_with_its_role():
    found = candidates(
        "The group's emir – Maulvi Faqir Zaman Afridi – denied it. Its new head — Sher Dil Afridi — did not."
    )
    assert found["Faqir Zaman Afridi"].record["kind"] == "person"
    assert found["Sher Dil Afridi"].notes == ["a role before it: 'Its new head —'"]


def test_a_person_said_to_hold_a_role():
    found = candidates("Akbar Khan Mohmand is the deputy commander of the Tariq Gidar group.")
    assert found["Akbar Khan Mohmand"].notes == ["a role after it: 'is the deputy commander of'"]
    assert found["Tariq Gidar group"].record["kind"] == "armed_group"


def test_abbreviations_of_organisations_used_once():
    kinds = _kinds("Officials of the IRGC met the Pakistani delegation. HRCP’s team counted returnees.")
    assert kinds["IRGC"] == "government_body"
    assert "HRCP" in kinds  # an organisation's (possessive)
    assert candidates("HRCP’s team counted returnees.")["HRCP"].notes[-1].endswith("kind guessed")


def test_an_abbreviation_used_once_without_a_sign_of_an_organisation_is_not_a_candidate():
    found = candidates("Ref: PRN 2021/0415. The SOP was revised. PRN: 2021/0416.")
    assert not {"PRN", "SOP"} & set(found)


def test_abbreviations_in_one_bracket_and_long_forms_of_counted_people_or_things():
    found = candidates(
        "The Islamic State – Pakistan Province (ISPP, IS-PP) claimed it. 312 Internally Displaced Persons "
        "(IDPs) and 40 Unregistered Minors (UMs) received Non-Food Items (NFIs)."
    )
    province = found["Islamic State – Pakistan Province"]
    assert aliases(province) == ["ISPP", "IS-PP"]
    assert province.record["kind"] == "armed_group"
    assert not [n for n in found if "Displaced" in n or "Minors" in n or "Items" in n or n in ("UMs", "NFIs")]


def test_an_en_dash_inside_a_name_joins_it():
    kinds = _kinds("Lashkar–e–Jhangvi and Sipah‑e‑Sahaba were banned; the Pakistan–Afghanistan border was shut.")
    assert kinds["Lashkar–e–Jhangvi"] == "armed_group"
    assert kinds["Sipah‑e‑Sahaba"] == "armed_group"  # non-breaking hyphens
    assert not [name for name in kinds if "Jhangvi" in name and name != "Lashkar–e–Jhangvi"]
    assert "Pakistan–Afghanistan" not in kinds


def test_a_group_named_after_a_person_is_a_group_and_not_the_person():
    found = candidates("The Mangal Bagh faction attacked a post. Mangal Bagh said it would fight on.")
    assert found["Mangal Bagh faction"].record["kind"] == "armed_group"
    assert found["Mangal Bagh"].record["kind"] == "person"
    assert "Mangal Bagh faction" not in aliases(found["Mangal Bagh"])
    found = candidates("Nazir network fighters crossed the border. They serve the Nazir network.")
    assert found["Nazir network"].record["kind"] == "armed_group"
    assert "Militant group" not in candidates("Militant group claims the attack.")  # only opening a sentence


def test_a_known_person_before_network_is_not_a_mention_of_the_person():
    lexicon = Lexicon.from_names([("nazir", "Mullah Nazir", "person")], [("nazir", "Nazir")])
    proposals = propose(text_document("The Nazir network sheltered the fighters."), lexicon)
    assert not [p for p in proposals if p.kind == "mention"]
    assert [p.record["name"] for p in proposals if p.kind == "actor"] == ["Nazir network"]


def test_kinds_a_separatist_army_a_media_wing_and_a_cleric():
    kinds = _kinds(
        "The Sindhudesh Liberation Army claimed the blast. The Inter-Services Public Relations (ISPR), the "
        "military's media wing, denied it. Maulana Masood Rahim, known as Mullah Radio, preached on FM."
    )
    assert kinds["Sindhudesh Liberation Army"] == "separatist_armed_group"
    assert kinds["Inter-Services Public Relations"] == "government_body"
    assert kinds["Masood Rahim"] == "person"
    assert "Radio" not in kinds


def test_a_state_army_stays_a_government_body():
    kinds = _kinds("The People's Liberation Army and the Pakistan Army held drills.")
    assert kinds["People's Liberation Army"] == "government_body"
    assert kinds["Pakistan Army"] == "government_body"


def test_the_taliban_are_a_de_facto_government_in_texts_after_august_2021():
    assert _kinds("The Taliban closed the crossing.", date="2023-02-20")["Taliban"] == "de_facto_government"
    assert _kinds("The Taliban closed the crossing.", date="2009-05-01")["Taliban"] == "armed_group"
    assert _kinds("In 2024 the Taliban closed the crossing.")["Taliban"] == "de_facto_government"


def test_a_role_with_its_office_before_a_name():
    found = candidates("US Secretary of State Hillary Rodham Clinton met Chief Executive Abdullah Abdullah.")
    assert aliases(found["Hillary Rodham Clinton"]) == ["Secretary of State Hillary Rodham Clinton"]
    assert found["Abdullah Abdullah"].record["kind"] == "person"
    assert not {"Secretary of State", "State"} & set(found)


def test_shorter_forms_of_a_person_join_the_full_name():
    found = candidates(
        "Foreign Minister Bilawal Bhutto Zardari arrived. Bilawal Zardari said talks would go on. Zardari said more."
    )
    assert aliases(found["Bilawal Bhutto Zardari"]) == [
        "Foreign Minister Bilawal Bhutto Zardari",
        "Bilawal Zardari",
        "Zardari",
    ]
    assert not {"Bilawal Zardari", "Zardari"} & set(found)


def test_two_spellings_of_one_group_are_never_merged_each_says_it_may_be_the_other():
    found = candidates("Tehreek-e-Labbaik Pakistan protested. Tehrik-i-Labaik Pakistan leaders were held.")
    first, second = found["Tehreek-e-Labbaik Pakistan"], found["Tehrik-i-Labaik Pakistan"]
    assert aliases(first) == [] and aliases(second) == []
    assert first.notes[-1] == (
        "possibly the same as 'Tehrik-i-Labaik Pakistan' (written alike): merge them if they are one actor"
    )
    assert second.notes[-1] == (
        "possibly the same as 'Tehreek-e-Labbaik Pakistan' (written alike): merge them if they are one actor"
    )


def test_a_known_actor_written_another_way_is_proposed_as_its_new_name_never_merged():
    lexicon = Lexicon.from_names(
        [("voa", "Voice of America", "media"), ("pak-mod", "Ministry of Defence", "government_body")],
        [("voa", "VOA")],
    )
    found = candidates("VOA News reported that the Pakistani defence ministry denied it.", lexicon)
    voa, ministry = found["VOA News"], found["Pakistani defence ministry"]
    assert voa.matches == ["voa"]
    assert voa.notes[-1] == (
        "'VOA News' looks like 'VOA', a name of voa (Voice of America), written another way: accept it as a new "
        "name of that actor, or reject it if it is another actor"
    )
    assert ministry.matches == ["pak-mod"]  # "defence ministry" is the known "Ministry of Defence"
    assert voa.record["name"] == "VOA News" and "actor" not in voa.record  # a proposal, not a mention
    records = dict(proposal_records([voa], "src", Corroborator(), {"voa"}, set()))
    assert records["actors"]["corroborates"] == "voa"  # accepting it records a mention of voa


def test_a_name_shared_by_two_known_actors_is_not_given_to_either():
    lexicon = Lexicon.from_names(
        [("a", "Frontier Corps", "government_body"), ("b", "Frontier Corps KP", "government_body")],
        [("a", "FC"), ("b", "FC")],
    )
    found = candidates("The FC News service said so.", lexicon)
    assert found["FC News"].matches == []
    assert "names a, b" in found["FC News"].notes[-1] or "a (Frontier Corps), b" in found["FC News"].notes[-1]


def test_the_afghan_taliban_and_the_taliban_are_one_candidate_with_a_note():
    found = candidates("The Afghan Taliban closed the road. Later the Taliban reopened it.", date="2024-01-10")
    taliban = found["Afghan Taliban"]
    assert aliases(taliban) == ["Taliban"]
    assert taliban.notes[-1] == "'Taliban' taken as another name of 'Afghan Taliban'; split them if they are two"
    assert taliban.record["kind"] == "de_facto_government"
    assert "Pakistani Taliban" in candidates("The Pakistani Taliban and the Taliban met.")  # never merged


def test_an_abbreviation_after_or_and_every_alias_of_a_list():
    found = candidates(
        "The Hizb-ul-Mujahideen, or HM, denied it. Lashkar-e-Tayyiba, also known as Jamaat-ud-Dawa, Falah-i-"
        "Insaniat Foundation and Tehreek-e-Azadi-e-Kashmir, was designated."
    )
    assert aliases(found["Hizb-ul-Mujahideen"]) == ["HM"]
    assert aliases(found["Lashkar-e-Tayyiba"]) == [
        "Jamaat-ud-Dawa",
        "Falah-i-Insaniat Foundation",
        "Tehreek-e-Azadi-e-Kashmir",
    ]
