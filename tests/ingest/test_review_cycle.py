"""The review cycle on the mini knowledge base: ingest a small report (with a stand-in proposer), review
the proposals, accept some — they appear in `show` and the timeline — reject the rest; the review log
keeps every decision. Corroborations of existing records add a source instead of a duplicate."""

from __future__ import annotations

import json

import pytest
import yaml
from review_support import REPORT, fake_steps, tree

from torkham.ingest import pipeline

SOURCE = "monitor-2025"


def pid(prefix: str, phrase: str) -> str:
    """The id ingest gives a proposal: kind prefix, source id, character offset of the evidence."""
    return f"{prefix}-{SOURCE}-{REPORT.index(phrase)}"


BANNU, RAID, TANK = pid("ev", "attacked a police post"), pid("ev", "led a raid"), pid("ev", "attacked a fort")
MENTION, CLAIM, CITATION = pid("mn", "TTP attacked"), pid("cl", "TTP attacks originate"), pid("cit", "(Dawn")
POLICE, SOLDIERS, DATE = pid("fig", "3 policemen"), pid("fig", "24 soldiers"), pid("dt", "June 5, 2025")
DOSTOM = pid("mn", "Dostom")


@pytest.fixture
def kb(mini, mini_kb, tmp_path, monkeypatch):
    """torkham over a copy of the mini knowledge base, with the report ingested."""
    monkeypatch.setattr(pipeline, "default_steps", fake_steps)
    monkeypatch.setenv("TORKHAM_REVIEWER", "analyst-1")
    (tmp_path / "monitor.txt").write_text(REPORT, encoding="utf-8")
    result = mini(
        "ingest", "monitor.txt", "--source-id", SOURCE, "--title", "Border Monitor", "--author", "Test Analyst",
        "--date", "2025-08",
    )  # fmt: skip
    assert result.code == 0, result.err
    mini.ingested = result
    return mini


def proposals(kb) -> dict[str, dict]:
    result = kb("review", "--json")
    assert result.code == 0, result.err
    return {p["id"]: p for p in json.loads(result.out)}


def test_ingest_reports_what_it_proposes_and_what_it_dropped(kb, mini_kb):
    result = kb.ingested
    lines = result.out.splitlines()
    assert lines[0].startswith(f"ingested monitor.txt as source '{SOURCE}' (1 page(s), {len(REPORT):,} characters) in ")
    assert lines[1:] == [
        "proposed: 3 actors, 1 citations, 1 claims, 1 dates, 3 events, 2 figures, 2 mentions; "
        "4 corroborate existing records",
        f"review them: torkham review --source {SOURCE}",
    ]
    assert result.err.startswith(
        "dropped 1 proposal(s) that do not validate:\n"
        f"  {pid('fig', '7 furlongs')}: figure '{pid('fig', '7 furlongs')}': unit: unknown unit 'furlong'; known: afghani, article, attack,"
    )
    source = yaml.safe_load((mini_kb / SOURCE / "sources.yaml").read_text())["sources"][0]
    assert source["title"] == "Border Monitor" and source["authors"] == ["Test Analyst"] and source["date"] == "2025-08"
    assert source["ingested"]["file"] == "monitor.txt" and source["text"]["file"] == f"texts/{SOURCE}.txt"
    assert (mini_kb / "texts" / f"{SOURCE}.txt").read_text() == REPORT
    events = yaml.safe_load((mini_kb / "proposed" / SOURCE / "events.yaml").read_text())
    assert events["source"] == SOURCE
    assert events["events"][0] == {
        "id": BANNU, "status": "proposed", "date": "2025-06-05", "type": "attack",
        "title": "TTP attack on a police post in Bannu", "actors": ["ttp"],
        "locator": {"page": 1, "start": REPORT.index("attacked a police post"), "end": REPORT.index(" in Bannu") + 9},
        "quote": "On June 5, 2025, the TTP attacked a police post in Bannu, killing 3 policemen.",
    }  # fmt: skip


def test_review_lists_id_kind_page_summary_notes_and_corroboration(kb):
    listed = proposals(kb)
    assert sorted(listed) == sorted(
        [BANNU, RAID, TANK, MENTION, DOSTOM, CLAIM, CITATION, POLICE, SOLDIERS, DATE, "mullah-example", "dostom"]
        + [pid("ac", "Noor Wali Mehsud")]
    )
    raid = listed[RAID]
    assert (raid["kind"], raid["page"], raid["summary"]) == (
        "event",
        1,
        "2025-07  attack  Raid in Lakki Marwat  [mullah-example]",
    )
    assert raid["quote"] == "Mullah Example, a new TTP commander, led a raid in Lakki Marwat in July 2025."
    assert listed["dostom"]["notes"] == ["ambiguous: 'Dostom' names abdul-rashid-dostom and yar-mohammad-dostom"]
    assert listed[TANK]["corroborates"] == "ev-2022-03-30-tank-attack"
    assert listed[TANK]["corroborated"] == "2022-03-30  attack  Attack on a fort in Tank  [Tehrik-e-Taliban Pakistan]"
    assert listed[SOLDIERS]["corroborates"] == "fig-tank-casualties"
    assert listed[CLAIM]["corroborates"] == "cl-ttp-from-within"
    assert listed[pid("ac", "Noor Wali Mehsud")]["corroborates"] == "noor-wali-mehsud"
    assert listed[BANNU]["corroborates"] is None and listed[POLICE]["corroborates"] is None
    only_figures = kb("review", "--kind", "figure", "--json")
    assert sorted(p["id"] for p in json.loads(only_figures.out)) == sorted([POLICE, SOLDIERS])
    table = kb("review", "--source", SOURCE)
    assert table.code == 0 and "13 proposals" in table.out and "ev-2022-03-30-tank-attack" in table.out


def test_the_review_cycle_end_to_end(kb, mini_kb):
    refused = kb("accept", RAID)
    assert (refused.code, refused.out) == (1, "")
    assert refused.err == (
        "Error: nothing accepted:\n"
        f"  event '{RAID}' refers in actors to actor 'mullah-example', which is only proposed; "
        f"accept both (torkham accept {RAID} mullah-example) or reject {RAID}\n"
    )
    accepted = kb("accept", "mullah-example", RAID, MENTION, BANNU)
    assert accepted.code == 0, accepted.err
    assert accepted.out == (
        "accepted 4 proposal(s):\n"
        f"  mullah-example -> {SOURCE}/actors.yaml\n  {RAID} -> {SOURCE}/events.yaml\n"
        f"  {MENTION} -> {SOURCE}/mentions.yaml\n  {BANNU} -> {SOURCE}/events.yaml\n"
    )
    events = yaml.safe_load((mini_kb / SOURCE / "events.yaml").read_text())["events"]
    assert [e["id"] for e in events] == [RAID, BANNU] and all("status" not in e for e in events)

    show = kb("show", "TTP")
    assert show.code == 0, show.err
    assert "Mentions (1)\n  named as 'TTP'\n    monitor-2025 p.1 l.5  “On June 5, 2025, the TTP attacked" in show.out
    assert "2025-06-05  attack  TTP attack on a police post in Bannu" in show.out
    assert "Raid in Lakki Marwat" in kb("show", "Mullah Example").out
    timeline = json.loads(kb("timeline", "--from", "2025", "--json").out)
    assert [(e["id"], e["source"], e["locator"]["page"]) for e in timeline] == [(BANNU, SOURCE, 1), (RAID, SOURCE, 1)]

    rejected = kb("reject", "--all", "--source", SOURCE)
    assert rejected.code == 0 and rejected.out.startswith("rejected 9 proposal(s):\n")
    assert kb("review").out == "no proposals to review\n"
    assert not (mini_kb / "proposed").exists()
    assert kb("kb", "validate").code == 0

    log = yaml.safe_load((mini_kb / "review-log.yaml").read_text())
    assert [(e["id"], e["decision"]) for e in log[:4]] == [
        ("mullah-example", "accepted"), (RAID, "accepted"), (MENTION, "accepted"), (BANNU, "accepted"),
    ]  # fmt: skip
    assert {e["decision"] for e in log[4:]} == {"rejected"} and len(log) == 13
    assert {e["who"] for e in log} == {"analyst-1"} and all(e["source"] == SOURCE for e in log)
    assert log[1]["what"] == "2025-07  attack  Raid in Lakki Marwat  [mullah-example]"
    assert log[1]["into"] == f"{SOURCE}/events.yaml" and log[-1]["into"] == "discarded"


def test_accepting_corroborations_adds_the_source_instead_of_a_duplicate(kb, mini_kb):
    before = json.loads(kb("timeline", "--json").out)
    accepted = kb("accept", TANK, SOLDIERS, CLAIM, pid("ac", "Noor Wali Mehsud"))
    assert accepted.code == 0, accepted.err
    assert accepted.out.splitlines()[1:] == [
        f"  {TANK} -> corroborates ev-2022-03-30-tank-attack",
        f"  {SOLDIERS} -> corroborates fig-tank-casualties",
        f"  {CLAIM} -> corroborates cl-ttp-from-within",
        f"  {pid('ac', 'Noor Wali Mehsud')} -> corroborates noor-wali-mehsud",
    ]
    after = json.loads(kb("timeline", "--json").out)
    assert [e["id"] for e in after] == [e["id"] for e in before]  # no duplicate event
    tank = next(e for e in after if e["id"] == "ev-2022-03-30-tank-attack")
    assert tank["corroborated_by"] == [
        {
            "id": TANK, "source": SOURCE,
            "locator": {"page": 1, "start": REPORT.index("attacked a fort"), "end": REPORT.index(" in Tank,") + 8, "line": 7},
            "quote": "The report recalls that on March 30, 2022, militants attacked a fort in Tank, killing and wounding 24 soldiers.",
        }
    ]  # fmt: skip
    figures = json.loads(kb("figures", "--json").out)
    assert len(figures) == 2 and figures[0]["corroborated_by"][0]["id"] == SOLDIERS
    assert json.loads(kb("claims", "--json").out)[0]["corroborated_by"][0]["source"] == SOURCE
    mehsud = json.loads(kb("show", "Noor Wali Mehsud", "--json").out)
    assert [(m["actor"], m["name"], m["source"]) for m in mehsud["mentions"]] == [
        ("noor-wali-mehsud", "Noor Wali Mehsud", SOURCE)
    ]
    assert "    also monitor-2025 p.1 l.7  “The report recalls" in kb("show", "TTP").out
    assert not (mini_kb / SOURCE / "events.yaml").exists()


def test_a_mention_of_an_ambiguous_name_needs_its_actor_before_it_is_accepted(kb, mini_kb):
    before = tree(mini_kb)
    refused = kb("accept", DOSTOM)
    assert (refused.code, refused.err) == (
        1,
        "Error: nothing accepted:\n"
        f"  mention '{DOSTOM}' has no actor ('Dostom' names several: see its notes); set its actor in "
        f"kb/proposed/{SOURCE}/mentions.yaml, or reject it\n",
    )
    assert tree(mini_kb) == before
    proposed = mini_kb / "proposed" / SOURCE / "mentions.yaml"
    proposed.write_text(proposed.read_text().replace("name: Dostom", "actor: yar-mohammad-dostom\n    name: Dostom"))
    assert kb("accept", DOSTOM).out == f"accepted 1 proposal(s):\n  {DOSTOM} -> {SOURCE}/mentions.yaml\n"
    shown = json.loads(kb("show", "Yar Mohammad Dostom", "--json").out)
    assert [m["id"] for m in shown["mentions"]] == [DOSTOM]


def test_an_accept_that_does_not_validate_changes_nothing(kb, mini_kb, db_path):
    before = tree(mini_kb)
    result = kb("accept", "dostom")  # a third actor named Dostom: an undeclared ambiguity
    assert result.code == 1
    assert result.err == (
        f"kb/{SOURCE}/actors.yaml:4: name 'Dostom' of actor 'dostom' is also a name of actor 'yar-mohammad-dostom' "
        "(kb/actors.yaml:29); this is an ambiguity: declare it in ambiguities (name: Dostom, actors: "
        "[abdul-rashid-dostom, dostom, yar-mohammad-dostom]) or remove one\n"
        "Error: 1 problem(s) in the knowledge base; fix them and run again (the store was not changed).\n"
    )
    assert tree(mini_kb) == before
    assert "dostom" in proposals(kb)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "say which proposals: give their ids, --kind K or --all (see torkham review)"),
        (("nope",), "no proposal with id nope; run 'torkham review' to list them"),
        (("ttp",), "no proposal with id ttp; run 'torkham review' to list them"),
        (("--kind", "figures", "--source", "mini-2024"), "no proposals of kind figures of source 'mini-2024' to decide"),
        (("--kind", "weather"), "--kind: unknown kind 'weather'; choose one of: mention, actor, event, figure, claim, citation, date, relation"),
        ((BANNU, "--all"), "give proposal ids, or --kind/--all, not both"),
        (("--all", "--source", "elsewhere"), "no proposals of source 'elsewhere' to decide"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("command", ["accept", "reject"])
def test_decisions_name_what_they_apply_to(kb, mini_kb, command, args, message):
    before = tree(mini_kb)
    result = kb(command, *args)
    assert (result.code, result.err) == (1, f"Error: {message}\n")
    assert tree(mini_kb) == before


def test_accepting_a_kind_moves_all_of_it(kb, mini_kb):
    result = kb("accept", "--kind", "date")
    assert result.out == f"accepted 1 proposal(s):\n  {DATE} -> {SOURCE}/dates.yaml\n"
    assert not (mini_kb / "proposed" / SOURCE / "dates.yaml").exists()
    export = json.loads(kb("kb", "export").out)
    assert [(d["id"], d["date"], d["date_text"]) for d in export["dates"]] == [(DATE, "2025-06-05", "June 5, 2025")]
