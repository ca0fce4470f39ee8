"""Failure classes found on the texts measured once (issue 14), each fixed by a general rule: what is not an
actor (a class, a law, a role, a country only named as a place), names a text gives in brackets, speech that
is no statement, the author's own assertions, "today" under a later heading, durations and pairs counted."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.parenthesised import bracketed_names
from torkham.ingest.proposal import Proposal


def _proposals(text: str, kind: str, date: str | None = None, lexicon: Lexicon | None = None) -> list[Proposal]:
    doc = text_document(text, date=date)
    return [p for p in propose(doc, lexicon or Lexicon.empty()) if p.kind == kind]


def _actor_names(text: str) -> set[str]:
    return {p.record["name"] for p in _proposals(text, "actor")}


def test_a_class_a_law_or_a_role_given_with_an_abbreviation_is_no_actor():
    names = _actor_names(
        "Officials designated the Northern Shura Council as a Foreign Terrorist Organization (FTO) under the "
        "Counter Extremism Act (CEA). The ministry named it a Regional Security Partner (RSP) in May. Its Chief "
        "Operating Officer (COO) resigned."
    )
    assert names == {"Northern Shura Council"}


def test_a_country_is_an_actor_where_it_acts_not_where_it_is_only_a_place():
    names = _actor_names(
        "Iran said the crossing would reopen. Attacks rose in Tajikistan and Kyrgyzstan. Trade between Pakistan "
        "and Oman fell. Uzbekistan's northern border stayed shut."
    )
    assert names == {"Iran", "Pakistan", "Oman"}
    assert _actor_names("Thousands returned from Turkey and Qatar to their villages.") == {"Turkey", "Qatar"}


def test_an_abbreviation_given_in_brackets_is_the_same_actor_even_when_it_does_not_spell_the_name():
    found = _proposals("The Frontier Relief Agency (FAMSA) opened a clinic. FAMSA staff counted 300 patients.", "actor")
    assert [p.record["name"] for p in found] == ["Frontier Relief Agency"]
    assert found[0].record["aliases"] == [{"name": "FAMSA", "type": "abbreviation"}]
    assert any("given in brackets" in note for note in found[0].notes)


def test_a_translation_quoted_in_the_brackets_is_another_name():
    text = 'The Hill Movement (HM; Pashto: …, "Movement of the Hills") attacked a post. The Movement of the Hills denied it.'
    assert bracketed_names(text, len("The Hill Movement")) == ["Movement of the Hills", "HM"]
    found = _proposals(text, "actor")
    assert [p.record["name"] for p in found] == ["Hill Movement"]
    assert {"name": "Movement of the Hills", "type": "other_name"} in found[0].record["aliases"]
    assert bracketed_names("The Hill Movement attacked (twice) a post.", len("The Hill Movement")) == []


def test_a_name_made_an_adjective_is_the_name():
    assert _actor_names("Several al-Qaeda-linked cells were dismantled near Quetta last year.") == {"al-Qaeda"}


def test_a_participle_or_an_act_announced_is_no_statement():
    text = (
        "The blast, claimed by the Northern Front, killed four people. "
        "The ministry announced a new visa fee for traders on Monday."
    )
    assert _proposals(text, "claim") == []


def test_a_relative_clause_leaves_the_speaker_to_name_unless_a_name_stands_before_it():
    [claim] = _proposals("The Hill Front is an outlawed group that has claimed many attacks on police posts.", "claim")
    assert claim.record["asserted_by"] == []
    assert "speaker is 'that'" in claim.notes[0]
    [named] = _proposals(
        "Militias such as the Hill Front (HF) that claims to defend the valley grew stronger.", "claim"
    )
    assert named.record["asserted_by"] == ["HF"]


def test_interpretations_and_intentions_are_the_authors_own_assertions():
    claims = _proposals(
        "Rising prices mean that many returnees cannot afford rent in Kabul this winter. "
        "The Hill Front seeks to overthrow the elected council of the district.",
        "claim",
    )
    assert [c.record["asserted_by"] for c in claims] == [[], []]
    assert ["mean that" in c.notes[0] or "overthrow" in c.notes[0] for c in claims] == [True, True]


def test_an_expectation_is_reported_speech():
    [claim] = _proposals("The relief agency is expecting nearly 200,000 returnees to cross before the winter.", "claim")
    assert claim.record["statement"] == "nearly 200,000 returnees to cross before the winter."


TWO_STATEMENTS = (
    "Press Release\nJohn Q. Ramsey\nDeputy Spokesperson, Office of the Spokesperson\nMarch 3, 2020\n\n"
    "Today the ministry is designating the Hill Front as a terrorist organisation.\n\n"
    "Second Announcement On Trade Policy\n\n"
    "Today the ministry reopened the crossing at Chaman for trucks."
)


def test_today_under_a_later_heading_is_the_documents_day_not_the_first_statements():
    todays = [
        p.record["date"] for p in _proposals(TWO_STATEMENTS, "date", "2024-05-06") if p.sentence.startswith("Today")
    ]
    assert todays == ["2020-03-03", "2024-05-06"]
    events = _proposals(TWO_STATEMENTS, "event", "2024-05-06")
    assert [(e.record["date"], e.record["type"]) for e in events] == [
        ("2020-03-03", "statement"),  # the press release itself
        ("2020-03-03", "policy"),
        ("2024-05-06", "border_closure"),
    ]


def test_a_name_with_an_initial_above_a_modified_role_is_a_person():
    found = {p.record["name"]: p for p in _proposals(TWO_STATEMENTS, "actor", "2024-05-06")}
    assert found["John Q. Ramsey"].record["kind"] == "person"


def test_a_month_after_the_takes_the_year_of_its_sentence_and_makes_an_event():
    text = "In 2025, the group claimed the March hijacking of a bus near Turbat. Police came under fire on 4 May 2023."
    assert [p.record["date"] for p in _proposals(text, "date")] == ["2025", "2025-03", "2023-05-04"]
    assert [(e.record["date"], e.record["type"]) for e in _proposals(text, "event")] == [
        ("2025-03", "attack"),
        ("2023-05-04", "attack"),
    ]


def test_durations_pairs_and_leaders_are_counted():
    text = (
        "The envoy made a three-day visit and offered 12-month contracts. The twin bombings killed 9 people. "
        "Officials detained two senior Hill Front leaders."
    )
    found = [(p.record["value"], p.record["unit"]) for p in _proposals(text, "figure")]
    assert found == [(3, "day"), (12, "month"), (2, "attack"), (9, "person"), (2, "person")]


def test_a_name_written_with_an_en_dash_is_the_name_written_with_a_hyphen():
    lexicon = Lexicon.from_names([("iskp", "Islamic State Khorasan Province", "armed_group")], [("iskp", "ISIS-K")])
    text = "Fighters of ISIS–K and of the Islamic State – Khorasan Province crossed."
    found = [(p.record["name"], p.record["actor"]) for p in _proposals(text, "mention", lexicon=lexicon)]
    assert found == [("ISIS–K", "iskp"), ("Islamic State – Khorasan Province", "iskp")]


def test_last_and_next_year_count_from_the_documents_year():
    text = "The council has hosted talks since late last year. Elections are due next year."
    found = [(p.record["date"], p.notes[-1]) for p in _proposals(text, "date", "2022-12-03")]
    assert found == [
        ("2021", "relative date: the year before the document date 2022-12-03"),
        ("2023", "relative date: the year after the document date 2022-12-03"),
    ]
    assert _proposals(text, "date") == []  # no document date: no year to count from


def test_a_statements_date_line_dates_what_its_first_paragraph_says_is_done_now():
    text = (
        "Press Statement\nJune 2, 2019\n\nThe Interior Ministry has banned the Hill Front and seized its "
        "offices. The group attacked a post in 2017.\n\nThe ministry later banned two more groups."
    )
    events = [(e.record["date"], e.record["type"]) for e in _proposals(text, "event", "2019-06-03")]
    assert events == [("2019-06-02", "statement"), ("2019-06-02", "policy"), ("2017", "attack")]
    banned = _proposals(text, "event", "2019-06-03")[1]
    assert "dated by the statement's date line 'June 2, 2019'" in banned.notes


def test_an_apposition_says_a_places_level():
    def levels(text: str) -> list[tuple[str, str]]:
        return [(p.record["name"], p.record["level"]) for p in _proposals(text, "place")]

    assert levels("Police patrolled Nowshera, a district of Khyber Pakhtunkhwa, on Monday.") == [
        ("Nowshera", "district"),
        ("Khyber Pakhtunkhwa", "province"),
    ]
    assert levels("Police patrolled Nowshera on Monday.") == [("Nowshera", "town")]
