"""Claim rules tightened after checking them on the sixth to ninth unseen sets with the code of their measurement:
a progressive clause verb before an object ('is assessing the challenges'), a reduced passive ('X, described
as …'), an order by deadline ('announced … had 28 days to leave'), an assessment in progress of no toll, and
author markers that also name plain happenings ('the overthrow of', 'firm commitment', 'severe injuries',
'an unsuccessful attempt', 'drove the militants out', 'moving further'). Each is tested on both sides with
sentences written for the tests."""

from __future__ import annotations

import pytest

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon


def _claims(text: str) -> list[tuple[list[str], str]]:
    doc = text_document(text, date="2025-03")
    return [
        (p.record["asserted_by"], p.record["statement"]) for p in propose(doc, Lexicon.empty()) if p.kind == "claim"
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Tajikistan is assessing the security of its southern frontier and the road network of Khatlon.",
        "Operation Sher Dil, described as a decisive push to clear the valley, began in the autumn of 2008.",
        "The Helmand dam, widely labelled as a national project, was opened to traffic in the spring.",
        "The interior ministry announced on 4 May 2024 that all unregistered traders had 30 days to leave the bazaar.",
        "The provincial council announced that shopkeepers have until Friday to register their stalls.",
        "The students were marching along the avenue in Kandahar after the overthrow of the district chief.",
        "The delegation travelled to Doha but could not secure any firm commitment on the prisoner lists.",
        "Three porters suffered severe injuries when the lorry overturned near the weighbridge.",
        "Smugglers made an unsuccessful attempt to cross the river near the old ferry on Monday night.",
        "Border police drove the smugglers back across the riverbed before dawn on the second day.",
        "The convoy of returnees was moving further into Nangarhar province after the checkpoint.",
    ],
)
def test_no_longer_a_claim(sentence: str) -> None:
    assert _claims(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker", "statement"),
    [
        (
            "WFP is still assessing the exact number of families displaced by the floods in Kunar.",
            ["WFP"],
            "is still assessing the exact number of families displaced by the floods in Kunar.",
        ),
        (
            "OCHA assessed that the floods had cut the main road to Asadabad in four places.",
            ["OCHA"],
            "the floods had cut the main road to Asadabad in four places.",
        ),
        (
            "Tajikistan described the new tariffs as a breach of the old trading customs of the valley.",
            ["Tajikistan"],
            "the new tariffs as a breach of the old trading customs of the valley.",
        ),
        (
            "Tajikistan announced that all foreign traders must leave the market by the end of June 2024.",
            [],
            "",
        ),
    ],
)
def test_still_a_claim_or_order(sentence: str, speaker: list[str], statement: str) -> None:
    expected = [(speaker, statement)] if statement else []
    assert _claims(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The militia seeks to overthrow the provincial government and replace the governor with its own man.",
        "The district has shown remarkable resilience in the face of the long blockade of its markets.",
        "The two ministries have grown apart over the control of the customs revenue at the crossing.",
        "The sanctions dealt a severe blow to the trade in dried fruit between the two provinces.",
    ],
)
def test_author_frames_kept(sentence: str) -> None:
    claims = _claims(sentence)
    assert len(claims) == 1 and claims[0][0] == []
