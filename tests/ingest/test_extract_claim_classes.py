"""Claims, class by class (issue 14): a sentence → the claim with its speaker, or no claim."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], str, str]]:
    """(asserted_by, first note, statement) of each claim proposed for the text."""
    doc = text_document(text, date="2024-04")
    found = [p for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]
    return [(p.record["asserted_by"], p.notes[0], p.record["statement"]) for p in found]


def _speakers(text: str) -> list[list[str]]:
    return [by for by, _, _ in _claims(text)]


def test_every_form_of_a_reporting_verb_reports():
    assert _speakers("UNHCR and IOM estimate that Afghanistan will receive a million returnees.") == [["UNHCR", "IOM"]]
    assert _speakers("IOM's mission in Afghanistan is projecting that 407,000 returnees may come back.") == [
        ["IOM's mission"]
    ]
    assert _speakers("Durrani clarified again, however, that 2.3 million documented Afghans may stay.") == [["Durrani"]]
    assert _speakers("U.S. officials have identified Pakistan as a base of operations for militant groups.") == [
        ["U.S. officials"]
    ]


def test_the_speaker_is_the_head_of_its_noun_phrase():
    diplomat, spokesman, officials = (
        _claims("A Pakistani diplomat said Wednesday that 450,000 Afghan nationals returned home."),
        _claims("A police spokesman in Kabul said one suspect had been arrested near the embassy."),
        _claims("Pakistan officials often blame India and Afghanistan for supporting terrorism in Pakistan."),
    )
    assert diplomat[0][:2] == ([], "speaker is 'Pakistani diplomat': name who it refers to")
    assert diplomat[0][2] == "Wednesday that 450,000 Afghan nationals returned home."  # its day stays
    assert spokesman[0][:2] == ([], "speaker is 'police spokesman': name who it refers to")
    assert officials[0][0] == ["Pakistan officials"]


def test_what_was_told_starts_after_its_addressee():
    told = _claims("Taliban spokesman Zabihullah Mujahid told reporters in Kabul that the talks had failed again.")
    assert told == [
        (["Zabihullah Mujahid"], "speaker 'Zabihullah Mujahid' is not a known actor", "the talks had failed again.")
    ]


def test_a_name_after_a_preposition_is_not_the_subject():
    text = (
        "The Taliban publicly and in private discussions with the United States reiterated its counterterrorism "
        "commitment under the Doha Agreement."
    )
    assert _speakers(text) == [["Taliban"]]


def test_according_to_names_the_whole_body_or_the_author_of_a_document():
    assert _speakers(
        "Terrorism in Pakistan, according to the Ministry of Interior, poses a grave threat to people."
    ) == [["Ministry of Interior"]]
    assert _speakers(
        "According to the Independent Assessment of Afghanistan by the UN, the Taliban enabled the TTP."
    ) == [["UN"]]
    quoted = _claims(
        "According to the U.S. State Department's Country Reports on Terrorism 2022, "
        "“In 2022, Pakistan took steps to counter terrorism financing.”"
    )
    assert [(by, statement) for by, _, statement in quoted] == [
        (["U.S. State Department"], "In 2022, Pakistan took steps to counter terrorism financing.")
    ]


def test_a_participle_speaks_for_the_subject_of_its_clause():
    assert _speakers(
        "The Taliban continued to host members of al-Qa'ida, claiming these individuals are not engaged in terrorism."
    ) == [["Taliban"]]
    assert _speakers(
        "Bajauri, the TTP's founding deputy emir, addressed fighters in Kunar, pledging to continue the struggle."
    ) == [["Bajauri"]]
    assert _speakers("The year saw more reports of the Taliban stating they thwarted attacks in Kabul.") == [
        ["Taliban"]
    ]


def test_someone_made_to_speak_and_a_noun_of_speech():
    caused = (
        "Thousands cross daily, prompting the United Nations High Commissioner for Refugees (UNHCR) and the "
        "International Organization for Migration (IOM) to warn of an escalating crisis in the east."
    )
    assert _speakers(caused) == [["IOM", "UNHCR"]]
    noun = "He spoke on a day the United Nations renewed its warning that returning Afghans face an uncertain future."
    assert _speakers(noun) == [["United Nations"]]


def test_a_quotation_after_an_attributed_one_continues_it():
    text = (
        "“Those who were asked to leave are illegal immigrants,” Durrani stressed. "
        "“So, almost 450,000 have left the country.”"
    )
    assert [(by, statement) for by, _, statement in _claims(text)] == [
        (["Durrani"], "Those who were asked to leave are illegal immigrants,"),
        (["Durrani"], "So, almost 450,000 have left the country."),
    ]


def test_a_quotation_over_paragraphs_is_one_claim_per_sentence():
    text = (
        "Dominic Raab said:\n“It is vital that we help those fleeing Afghanistan.\n"
        "“These supplies are so important to the families. "
        "This aid demonstrates the commitment of the UK to its humanitarian responsibility.”"
    )
    assert [(by, statement) for by, _, statement in _claims(text)] == [
        (["Dominic Raab"], "It is vital that we help those fleeing Afghanistan."),
        (["Dominic Raab"], "These supplies are so important to the families."),
        (["Dominic Raab"], "This aid demonstrates the commitment of the UK to its humanitarian responsibility."),
    ]


def test_a_quotation_without_a_speaker_is_not_proposed():
    assert _claims('"That is a question nobody in the whole region can answer for certain today."') == []
    headed = '"The border will stay open for all traders and travellers this year."\nAfghan Refugees: Current Status\n'
    assert _claims(headed) == []


def test_a_pronoun_takes_the_speaker_before_it():
    claims = _claims(
        "A regional police deputy inspector, Mohammad Ali Gandapur, told Reuters that the attackers fled. "
        "He said three police officers were killed in the ambush."
    )
    assert claims[1][:2] == (
        ["Mohammad Ali Gandapur"],
        "speaker 'He' resolved to 'Mohammad Ali Gandapur', named in the sentence before",
    )
    person_then_they = _claims(
        "Zabihullah Mujahid condemned the strikes on Khost. They asserted that the refugees had no part in it."
    )
    assert person_then_they[1][:2] == ([], "speaker is 'They': name who it refers to")


def test_what_is_said_inside_another_claim_belongs_to_it():
    text = (
        "A Pakistani diplomat said 450,000 Afghans returned since his government announced that it would deport them."
    )
    assert len(_claims(text)) == 1


def test_namings_acts_and_adjectives_are_not_claims():
    for text in (
        "The ministry demanded a renegotiation of the treaty with the aim of moving it to the river.",
        "Islamabad called the Afghan envoy to the foreign office on Sunday to convey its concern.",
        "Chinese companies have announced investments in Afghanistan and the wider region.",
        "Gul wrote the fourth paper in this series and summarized the challenges.",
        "The Taliban's alleged support for the TTP remains a concern for Pakistan.",
        "The TTP fragmented, with the defections said to have left the group in disarray.",
        "The senior leadership of the group has pledged allegiance to the leader of ISIS.",
        "The plan was met with calls for caution and restraint from the donors.",
    ):
        assert _claims(text) == [], text


def test_a_headline_reports_a_claim_only_with_a_verb_of_saying():
    headline = "Pakistan Says 450,000 Undocumented Afghans Returned Home\nVOA News\n\nThe returns continue."
    assert _speakers(headline) == [["Pakistan"]]
    assert _claims("Clinton Condemns Attack on US Personnel in Pakistan\n\nThe attack killed two.") == []


def test_the_authors_assertion_with_scare_quotes_and_not_inside_a_name():
    scare = "Since 2003, the army has conducted largely ineffectual operations where militants enjoy “safe haven.”"
    assert [(by, note[:31]) for by, note, _ in _claims(scare)] == [([], "the author's own assertion ('in")]
    assert _claims("In October 2023, the Government of Pakistan issued a decree titled Illegal Foreigners Plan.") == []
