"""`torkham perspectives`: every side of each question with quotes, citations and the disputes
between claims, on the bundled knowledge and on the mini knowledge base."""

import json

import pytest

from torkham.evidence.perspectives import UNATTRIBUTED
from torkham.model.vocabulary import default_vocabulary

SHAHEEN = "cl-ttp-attacks-from-within-pakistan"
PAKISTAN = "cl-pakistan-security-challenges-from-afghanistan"
MOFA = "cl-mofa-terrorist-outfits-in-afghan-territory"


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory):
    """One store for the module: built from the bundled knowledge by the first command."""
    return tmp_path_factory.mktemp("perspectives") / "torkham.duckdb"


@pytest.fixture
def bundled(cli, bundled_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that no quote or dispute line wraps

    def invoke(*args):
        return cli("--db", bundled_db, *args)

    return invoke


def document(invoke, *args) -> dict:
    result = invoke("perspectives", *args, "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def claims_of(topic: dict) -> dict[str, tuple[dict, dict]]:
    """claim id → (side, claim)."""
    return {c["id"]: (side, c) for side in topic["sides"] for c in side["claims"]}


def test_ttp_origin_shows_the_taliban_side_and_pakistans_with_quotes_and_the_disputes(bundled):
    (topic,) = document(bundled, "--topic", "ttp-origin")["topics"]
    assert topic["topic"] == "ttp-origin"
    assert topic["question"] == "Where do TTP attacks originate: Afghan sanctuaries or inside Pakistan?"
    assert topic["disputed"] is True
    claims = claims_of(topic)

    side, shaheen = claims[SHAHEEN]
    assert side["actors"] == [
        {"id": "sohail-shaheen", "name": "Sohail Shaheen"},
        {"id": "tta", "name": "Afghan Taliban"},
    ]
    assert side["label"] == "Sohail Shaheen / Afghan Taliban"
    assert '"TTP attacks originate from within Pakistan"' in shaheen["quote"]
    assert shaheen["source"] == "gul-2024"
    assert shaheen["locator"]["section"] == "5.3"
    assert {a["id"] for a in shaheen["disputed_by"]} >= {"pakistan", "pakistan-mofa"}

    side, pakistan = claims[PAKISTAN]
    assert [a["id"] for a in side["actors"]] == ["pakistan"]
    assert (
        pakistan["quote"]
        == "As Pakistan remains entangled in its own security challenges claimed to be stemming from Afghanistan"
    )
    assert [a["id"] for a in pakistan["disputed_by"]] == ["sohail-shaheen", "tta"]
    assert SHAHEEN in pakistan["disputes"]
    # The ministry's claim is its own side, not merged into Pakistan's: sides follow asserted_by exactly.
    assert [a["id"] for a in claims[MOFA][0]["actors"]] == ["pakistan-mofa", "pakistan"]
    assert claims[MOFA][0] is not claims[PAKISTAN][0]

    assert [SHAHEEN, PAKISTAN] in topic["disputes"]
    assert [SHAHEEN, MOFA] in topic["disputes"]
    # A dispute with a claim on another question is kept, and that claim is described.
    assert [MOFA, "cl-taliban-deny-soil-used"] in topic["disputes"]
    related = {c["id"]: c for c in topic["related_claims"]}
    assert related["cl-taliban-deny-soil-used"]["topic"] == "terrorist-presence"


def test_ttp_origin_rich_output_puts_the_sides_in_panels_with_citations(bundled):
    result = bundled("perspectives", "--topic", "ttp-origin")
    assert result.code == 0, result.err
    (topic,) = document(bundled, "--topic", "ttp-origin")["topics"]
    line = claims_of(topic)[SHAHEEN][1]["locator"].get("line")
    out = result.out
    assert out.startswith(
        "1 question(s), 1 disputed\n\nWhere do TTP attacks originate: Afghan sanctuaries or inside Pakistan?"
    )
    assert "[ttp-origin · disputed · 7 claim(s), 7 side(s)]" in out
    assert "╭─ Sohail Shaheen / Afghan Taliban ─" in out
    assert "╭─ Pakistan ─" in out
    assert "╭─ Ministry of Foreign Affairs of Pakistan / Pakistan ─" in out
    assert (
        "“As Pakistan remains entangled in its own security challenges claimed to be stemming from Afghanistan”" in out
    )
    assert '"TTP attacks originate from within Pakistan"' in out
    assert "— gul-2024 §5.3" + (f" l.{line}" if line else "") in out
    assert "disputed by: Sohail Shaheen, Afghan Taliban" in out
    assert "Disputes (10)\n" in out
    assert f"  {SHAHEEN} [Sohail Shaheen / Afghan Taliban] ⟷ {PAKISTAN} [Pakistan]\n" in out
    assert "⟷ cl-taliban-deny-soil-used [Afghan Taliban; on question terrorist-presence]\n" in out


def test_all_questions_disputed_first_with_the_vocabulary_question(bundled):
    topics = document(bundled)["topics"]
    questions = default_vocabulary()["claim_topics"]
    flags = [t["disputed"] for t in topics]
    assert flags == sorted(flags, reverse=True)
    assert {"ttp-origin", "deportations", "airstrikes", "taliban-ttp-ties"} <= {
        t["topic"] for t in topics if t["disputed"]
    }
    order = list(questions)
    for group in (True, False):
        ids = [t["topic"] for t in topics if t["disputed"] is group]
        assert ids == sorted(ids, key=order.index)
    for topic in topics:
        assert topic["question"] == questions[topic["topic"]]["description"]
        assert topic["sides"], topic["topic"]
        in_topic = claims_of(topic)
        for first, second in topic["disputes"]:
            assert first in in_topic
            assert second in in_topic or second in {c["id"] for c in topic["related_claims"]}
        assert len({frozenset(p) for p in topic["disputes"]}) == len(topic["disputes"])


def test_every_claim_is_shown_once_under_exactly_its_asserters(bundled):
    every = json.loads(bundled("claims", "--json").out)
    shown = {}
    for topic in document(bundled)["topics"]:
        for claim_id, (side, _) in claims_of(topic).items():
            shown[claim_id] = (topic["topic"], [a["id"] for a in side["actors"]])
    assert shown == {c["id"]: (c["topic"], c["asserted_by"]) for c in every}


def test_claims_without_a_named_asserter_are_unattributed_and_last(bundled):
    (topic,) = document(bundled, "--topic", "pakistan-role")["topics"]
    last = topic["sides"][-1]
    assert last["actors"] == []
    assert last["label"] == UNATTRIBUTED == "unattributed (as the text says)"
    assert [c["id"] for c in last["claims"]] == ["cl-pakistan-viewed-as-problem"]
    assert all(side["actors"] for side in topic["sides"][:-1])
    assert "╭─ unattributed (as the text says) ─" in bundled("perspectives", "--topic", "pakistan-role").out


def test_actor_keeps_the_questions_the_actor_asserts_or_disputes_with_every_side(bundled):
    every = json.loads(bundled("claims", "--json").out)
    expected = {c["topic"] for c in every if "sohail-shaheen" in c["asserted_by"] + c["disputed_by"]}
    topics = document(bundled, "--actor", "Sohail Shaheen")["topics"]
    assert {t["topic"] for t in topics} == expected
    assert "ttp-origin" in expected
    (origin,) = [t for t in topics if t["topic"] == "ttp-origin"]
    assert origin == document(bundled, "--topic", "ttp-origin")["topics"][0]  # the other sides stay
    result = bundled("perspectives", "--actor", "Sohail Shaheen")
    assert result.out.startswith(f"{len(expected)} question(s) on which Sohail Shaheen takes a position, ")


def test_json_shape(bundled):
    payload = document(bundled, "--topic", "airstrikes")
    assert list(payload) == ["topics"]
    (topic,) = payload["topics"]
    assert list(topic) == ["topic", "question", "disputed", "sides", "disputes", "related_claims"]
    side = topic["sides"][0]
    assert list(side) == ["actors", "label", "claims"]
    assert list(side["claims"][0]) == [
        "id", "statement", "quote", "source", "locator", "disputed_by", "disputes", "notes"
    ]  # fmt: skip
    assert all(len(pair) == 2 for pair in topic["disputes"])


def test_unknown_topic_lists_the_topics(bundled):
    result = bundled("perspectives", "--topic", "ttp")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        "Error: --topic: unknown value 'ttp'; choose one of: ttp-origin, taliban-ttp-ties, deportations, airstrikes, "
        "drone-surveillance, engagement, western-intervention, regional-policy, taliban-governance, "
        "terrorist-presence, pakistan-role, hgb-ttp-merger, pakistan-ttp-talks\n"
    )


def test_unknown_actor_gives_the_closest_names(bundled):
    result = bundled("perspectives", "--actor", "Sohail Shahin")
    assert result.code == 1
    assert result.err == (
        "Error: --actor: no actor named 'Sohail Shahin'. Closest known names: Sohail Shaheen (sohail-shaheen), "
        "Shah Mahmood Qureshi (shah-mahmood-qureshi)\n"
    )


def test_mini_one_sided_dispute_and_unattributed_claim(mini, mini_kb):
    records = mini_kb / "records.yaml"
    text = records.read_text()
    anchor = '    quote: "\\"TTP attacks originate from within Pakistan,\\""\n'
    assert anchor in text
    records.write_text(
        text.replace(
            anchor,
            anchor + "  - id: cl-militants-from-afghanistan\n"
            "    asserted_by: []\n"
            "    topic: ttp-origin\n"
            "    statement: Militants attacked Chitral from Afghanistan.\n"
            "    disputes: [cl-ttp-from-within]\n"
            '    locator: {section: "2"}\n'
            "    quote: Several hundred militants attacked Chitral.\n",
        )
    )
    (topic,) = document(mini)["topics"]
    assert [s["label"] for s in topic["sides"]] == ["Noor Wali Mehsud", UNATTRIBUTED]
    assert topic["disputes"] == [["cl-ttp-from-within", "cl-militants-from-afghanistan"]]  # read from one side only
    out = mini("perspectives").out
    assert "│ disputed by: Pakistan " in out
    assert "│ disputed by: nobody in the text " in out


def test_mini_question_with_no_claims_and_actor_with_none(mini):
    (topic,) = document(mini, "--topic", "engagement")["topics"]
    assert topic == {
        "topic": "engagement",
        "question": "Should the world engage the Taliban, and on what terms?",
        "disputed": False,
        "sides": [],
        "disputes": [],
        "related_claims": [],
    }
    assert "No claims on this question in the knowledge base." in mini("perspectives", "--topic", "engagement").out
    # Disputed by Pakistan (no opposing claim): still a disputed question.
    (origin,) = document(mini, "--actor", "Pakistan")["topics"]
    assert origin["disputed"] is True and origin["disputes"] == []
    assert document(mini, "--actor", "Sirajuddin Haqqani") == {"topics": []}
    result = mini("perspectives", "--actor", "Haggani")
    assert result.code == 0
    assert result.out == "Sirajuddin Haqqani asserts or disputes no claim in the knowledge base.\n"
