"""Actor candidates and the layout of a text: headlines, headings, name lines under a title and lists of
speakers — one test per class, on texts written for these tests."""

from __future__ import annotations

from actor_support import aliases, candidates


def test_a_headline_with_a_lowercase_preposition_gives_only_its_named_actor():
    found = candidates(
        "Baloch-Army Standoff Drifts into Iran\n\nThe standoff near the frontier went on for a third day, "
        "officials said."
    )
    assert not [name for name in found if "Standoff" in name or "Drifts" in name]


def test_a_name_listed_beside_a_group_stays_on_its_line_and_is_no_thing():
    found = candidates(
        "Between the BLA and the Frontier Line\n\nSince the election the BLA has grown. The BLA attacked a "
        "post on Monday, police said.\n"
    )
    assert "BLA" in found
    assert not [name for name in found if "Line" in name]


def test_a_group_listed_beside_a_group_on_one_line_is_still_found():
    found = candidates("Its allies, including the BLA, Zarghun Tigers and Kalat Lions, attacked. The BLA denied it.")
    assert found["Zarghun Tigers"].notes == ["listed with BLA; kind guessed from it"]
    assert found["Kalat Lions"].record["kind"] == found["BLA"].record["kind"]


def test_a_name_alone_between_the_title_and_the_first_paragraph_is_the_author():
    found = candidates(
        "Traders Count Losses as the Crossing Stays Shut\n\nMarta Quinlan\n\nTraders at the crossing said on "
        "Monday that their losses had grown every week since the closure began.\n"
    )
    assert found["Marta Quinlan"].notes == ["a name alone on the line under the title: the author"]


def test_a_short_line_under_the_title_is_no_author_when_no_paragraph_follows():
    found = candidates("Traders Count Losses\n\nMarta Quinlan\n\nTables\n\nThe figures below are provisional.\n")
    assert "Marta Quinlan" not in found


def test_a_speaker_above_an_expert_role_is_a_person_and_the_region_of_the_role_none():
    found = candidates(
        "Speakers\n\nDaniel Okafor\nSenior Expert, Central Asia, Global Peace Forum\n\nLena Brandt\n"
        "Economist, Northern Trade Council\n"
    )
    assert found["Daniel Okafor"].notes == ["a name above its role: 'Senior Expert, Central Asia, Global Peace Forum'"]
    assert found["Lena Brandt"].record["kind"] == "person"
    assert "Central Asia" not in found


def test_a_rank_written_out_or_abbreviated_and_an_honorific_open_a_persons_name():
    found = candidates(
        "Lt. Col. Arsalan Mirza inspected the post. Brig. Sohail Qadri and Capt. Danish Rauf led the patrol. "
        "Haji Sher Zaman welcomed them; Sardar Yousaf Bugti stayed away."
    )
    assert found["Arsalan Mirza"].notes == ["a title before it: 'Lt. Col.'"]
    assert found["Sohail Qadri"].record["kind"] == "person"
    assert found["Danish Rauf"].record["kind"] == "person"
    assert aliases(found["Sher Zaman"]) == ["Haji Sher Zaman"]
    assert aliases(found["Yousaf Bugti"]) == ["Sardar Yousaf Bugti"]


def test_a_heading_under_a_short_report_title_is_no_author():
    found = candidates(
        "Situation Overview\n\nMain Findings\nArrivals at the crossing rose again this week, and the camps "
        "near the border are now full.\n"
    )
    assert "Main Findings" not in found


def test_a_place_named_with_a_thing_or_place_word_is_no_person():
    found = candidates(
        "Mobile teams reached 4,000 people in Shalman Valley and Bara Valley. Families waiting at the Ghulam "
        "Point reported long delays."
    )
    assert not {"Shalman Valley", "Bara Valley", "Ghulam Point"} & set(found)


def test_a_forum_is_an_institution_not_the_person_after_a_role():
    found = candidates("Zarina Paiman\nSenior Fellow, Peace Studies, Kabul Dialogue Forum\n")
    assert found["Kabul Dialogue Forum"].record["kind"] == "institution"


def test_two_names_joined_by_and_the_are_two_unless_a_link_word_makes_them_one():
    found = candidates(
        "The Lashkar-e-Jhangvi and the Jaish al-Adl clashed near the border. The Islamic Emirate of Kandahar and "
        "the Hills sent envoys."
    )
    assert "Lashkar-e-Jhangvi" in found
    assert found["Jaish al-Adl"].record["kind"] == "armed_group"  # not cut to "Jaish" before its article
    assert not [name for name in found if "Jhangvi and" in name]
    assert "Islamic Emirate of Kandahar and the Hills" in found


def test_a_group_listed_with_an_arabic_article_inside_its_name_keeps_it():
    found = candidates("Its allies, including the BLA, Ansar al-Furqan and Kalat Lions, attacked. The BLA denied it.")
    assert found["Ansar al-Furqan"].notes == ["listed with BLA; kind guessed from it"]
