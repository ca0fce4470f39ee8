"""The author's own assertions by class (settled conventions, 2026-12-07): an inference from appearances, a
habit ascribed to an actor, a judged relationship, a cause, a stance held, conduct that goes on, a rift that
grows, an outcome caused. Each is proposed with no speaker and the note naming its marker; a plain report is
not."""

from __future__ import annotations

import pytest

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon

AUTHOR = "the author's own assertion"


def _claims(text: str) -> list[tuple[list[str], str]]:
    doc = text_document(text, date="2025-03")
    return [(p.record["asserted_by"], p.notes[0]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"]


@pytest.mark.parametrize(
    ("sentence", "marker"),
    [
        ("The Haqqani network, instead, appears to give the smugglers free passage through Khost.", "appears to"),
        ("Baloch separatists often slip across the frontier after their raids on the highway.", "often"),
        (
            "Kabul and Tehran have since had a strained relationship over water from the Helmand.",
            "strained relationship",
        ),
        ("The drop in remittances came because of the freeze on Afghan bank reserves abroad.", "because of"),
        (
            "The Emirate remains noncommittal on the return of girls to secondary schools in Kandahar.",
            "remains noncommittal",
        ),
        ("Islamabad continues to shelter the exiled commanders while denying they are there.", "continues to shelter"),
        ("Deep frictions have grown between the two ministries over the grain corridor.", "frictions have grown"),
        ("The closure of the market led to the collapse of the trade in dried fruit.", "led to the"),
        ("The insurgent alliance has been emboldened by the fall of the district centres.", "has been emboldened"),
        ("Having won the vote, the new cabinet should reopen the talks with the tribal jirga.", "should"),
        ("The governor has to rein in the militias before the harvest season begins.", "has to rein in"),
        ("The front seeks to destabilise the northern provinces before the spring offensive.", "seeks to destabilise"),
        ("Tehran shut the crossing in a bid to force concessions on the water dispute.", "in a bid to"),
        ("The ceasefire is unlikely to survive the arrival of the summer fighting season.", "unlikely to"),
        ("The fall of the district proved a severe blow to the morale of the local police.", "a severe blow"),
        ("It is now clear that the amnesty has not persuaded the commanders to come home.", "it is now clear"),
        ("The militia has indiscriminately shelled the villages along the Kunar river.", "indiscriminately"),
        ("More doctors and tents are urgently needed at the camps near the Spin Boldak gate.", "urgently needed"),
        (
            "For years the service was providing the rebels with weapons and training in the hills.",
            "providing the rebels with weapons",
        ),
        (
            "The fighting in the valley has become a humanitarian catastrophe for its farmers.",
            "has become a humanitarian catastrophe",
        ),
        (
            "Iran remains the world's largest host of refugees from its eastern neighbour.",
            "remains the world's largest",
        ),
        ("The feud between the two clans has spilled over into the bazaars of Parachinar.", "spilled over"),
        ("The cabinet is tightening the visa rules due to a rise in crossings at the northern posts.", "due to a"),
        ("Border disputes and rival claims prevented the settlement of the boundary for decades.", "prevented the"),
        ("The night raids on the villages proved counterproductive for the provincial police.", "counterproductive"),
        ("Control of the river crossings is pivotal to any settlement between the two emirates.", "pivotal"),
        ("The new levy on transit trucks is in violation of the bilateral trade accord.", "in violation of"),
        ("Closing the schools again runs the risk of pushing more boys into the seminaries.", "runs the risk"),
        (
            "The splinter faction has emerged as the most lethal force along the southern border.",
            "has emerged as the most",
        ),
        ("The governor is widely seen as a proxy of the intelligence service in the province.", "is widely seen as"),
        ("The new deportation drive could trigger a fresh exodus towards the eastern provinces.", "could trigger"),
        (
            "Though it shares a name with the Iranian movement, the Baloch front is a separate group.",
            "a separate group",
        ),
        ("The charity in Peshawar is widely reported to be a front for the banned network.", "a front for"),
        ("Ironically, the new fence has made the smugglers' trade more profitable than before.", "ironically"),
        (
            "Inside the shura, there are deep divisions over how to treat the Baloch fighters.",
            "there are deep divisions",
        ),
        ("Foreign fighters and other armed groups remained active in the eastern valleys.", "remained active"),
        ("The army's sweep through the valley restored order in the market towns of the district.", "restored order"),
        (
            "The commander has participated in several ambushes on convoys in the Korangal valley.",
            "has participated in several ambushes",
        ),
        (
            "The faction was behind the 2019 bombing of the bus depot in the provincial capital.",
            "was behind the 2019 bombing",
        ),
        ("The Emirate continued to shelter the fighters even after the border talks in Doha.", "continued to shelter"),
        ("Years of curfews in the valley have done little to stop the smuggling of fuel.", "done little to"),
        ("The governors have shown no willingness to share the customs revenue with the centre.", "no willingness"),
        ("Tehran's sway over the western militias has waned since the death of their founder.", "has waned"),
        ("The smuggling rings have exploited the chaos at the gates to move weapons south.", "have exploited"),
        ("Water from the Helmand remains a bone of contention between the two capitals.", "bone of contention"),
        ("The shelling of the market towns is meant to intimidate the tribes into silence.", "meant to intimidate"),
        ("Closing the last crossing risks pushing the traders into the arms of the smugglers.", "risks pushing"),
        ("Her appointment reflects the growing weight of the southern clans in the cabinet.", "reflects the growing"),
        ("Higher tariffs will only intensify the smuggling across the mountain passes.", "will only intensify"),
        ("The Emirate appears unwilling to rein in the preachers who back the insurgents.", "appears unwilling to"),
        ("The provincial police lack the means to patrol the desert routes to the west.", "lack the means"),
        ("Ties between the two capitals sank to an all-time low after the raid on the embassy.", "all-time low"),
        ("Years of shuttle diplomacy by the envoys produced few tangible gains for the herders.", "produced few"),
        ("The embargo runs counter to the province's own interest in cheap winter fuel.", "runs counter to"),
        (
            "Tehran has for years used the water dispute as a bargaining chip with Kabul.",
            "used the water dispute as a bargaining",
        ),
        ("Most herders see the new permits as a tax on their seasonal migration.", "see the new permits as"),
        ("The preacher enjoys wide sympathy among the students of the border seminaries.", "enjoys wide sympathy"),
        ("The council has yet to honour its promise to rebuild the flooded schools.", "has yet to honour"),
        ("The shelling of the depot marks a dangerous turn in the feud between the clans.", "marks a dangerous"),
        ("The curfew was widely criticised as a collective punishment of the valley.", "was widely criticised"),
        ("The latest data indicate a steady rise in returns from Iran since the spring.", "data indicate"),
    ],
)
def test_a_sentence_of_the_class_is_the_authors_claim(sentence: str, marker: str) -> None:
    assert _claims(sentence) == [([], f"{AUTHOR} ('{marker}'): asserted by the source's author")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The provincial authorities closed the market to prevent the spread of cholera in the camps.",
        "The agency continues to provide blankets and food to the families at the crossing.",
        "The residence cards had been due to expire at the end of June for most holders.",
        "The river has long been considered the boundary by the two villages on its banks.",
        "The new rules on residence cards remain in effect until the end of the year.",
        "Since 2015, the air force has launched a series of raids against camps in the mountains.",
        "The two elders took part in the talks on the water dispute in the district centre.",
        "Some of the herders who were reluctant to move were given another week to leave the camp.",
        "The convoy was allowed to regroup at the depot before the drive to the eastern gate.",
        "The raiders exploited a gap in the wall near the river to enter the base on Friday night.",
        "The old school building was used as a polling station during the spring elections.",
        "The new pass system reflects the entries recorded at the gate between May and June.",
        "Trucks carrying fruit crossed the border at Chaman on Tuesday morning after the talks.",
        "Families must register at the transit centre before they board the buses to Kabul.",
        "The programme aims to build two hundred wells in the districts of the province.",
    ],
)
def test_a_purpose_an_activity_or_a_report_is_not(sentence: str) -> None:
    assert _claims(sentence) == []
