"""Where ingest writes, and that it writes all or nothing: the workspace beside the bundled knowledge,
an empty knowledge base, ingesting again, refused options and a failure after the files were written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from review_support import REPORT, fake_steps, tree

from torkham.errors import TorkhamError
from torkham.ingest import pipeline
from torkham.ingest.workspace import WorkspaceChange
from torkham.kb.loader import BUNDLED_KNOWLEDGE


@pytest.fixture
def report(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(pipeline, "default_steps", fake_steps)
    path = tmp_path / "monitor.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_ingesting_the_same_file_again_changes_nothing(mini, mini_kb, db_path, report):
    assert mini("ingest", report, "--source-id", "monitor").code == 0
    files, store = tree(mini_kb), db_path.read_bytes()
    again = mini("ingest", report)
    assert (again.code, again.err) == (0, "")
    assert again.out == (
        f"{report} was already ingested as source 'monitor' (same sha256); nothing changed. "
        "Use --force to replace its proposals.\n"
    )
    assert tree(mini_kb) == files and db_path.read_bytes() == store
    other = mini("ingest", report, "--source-id", "elsewhere")
    assert (other.code, other.err) == (
        1,
        f"Error: {report} was already ingested as source 'monitor'; use --source-id monitor (or leave it out)\n",
    )
    assert tree(mini_kb) == files


def test_force_replaces_the_proposals_but_not_the_decisions(mini, mini_kb, report):
    assert mini("ingest", report, "--source-id", "monitor").code == 0
    assert mini("accept", "mullah-example").code == 0
    assert mini("reject", "--kind", "date").code == 0
    (mini_kb / "proposed" / "monitor" / "events.yaml").unlink()  # a reviewer's stray edit, repaired by --force
    forced = mini("ingest", report, "--force")
    assert forced.code == 0, forced.err
    assert forced.out.splitlines()[1:] == [
        "proposed: 2 actors, 1 citations, 1 claims, 3 events, 2 figures, 2 mentions; 4 corroborate existing records",
        "skipped 2 proposal(s) already accepted or rejected",
        "review them: torkham review --source monitor",
    ]
    listed = {p["id"] for p in json.loads(mini("review", "--json").out)}
    assert "mullah-example" not in listed and not any(i.startswith("dt-") for i in listed) and len(listed) == 11


def test_a_failure_after_the_files_were_written_puts_them_back(mini, mini_kb, report, monkeypatch):
    def broken_store(con, doc, source_id):
        raise TorkhamError("cannot store the document: disk full")

    monkeypatch.setattr(pipeline, "default_steps", lambda: fake_steps(store_document=broken_store))
    before = tree(mini_kb)
    result = mini("ingest", report)
    assert (result.code, result.out, result.err) == (1, "", "Error: cannot store the document: disk full\n")
    assert tree(mini_kb) == before
    assert [s["id"] for s in json.loads(mini("sources", "--json").out) if s.get("kind") != "dataset"][:2] == [
        "mini-2024",
        "dawn-2023",
    ]
    assert "monitor" not in mini("sources").out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--date", "2025-13"), "--date: "),
        (("--kind", "blog"), "--kind: unknown source kind 'blog'; choose one of: paper, report, news, article, book, "
         "monitoring, broadcast, statement, interview, social_media_post"),
        (("--source-id", "Border_Monitor"), "--source-id: 'Border_Monitor' must be lowercase letters, digits and hyphens"),
        (("--source-id", "dawn-2023"), "the id 'dawn-2023' is already used by a source record; "
         "choose another with --source-id"),
        (("--source-id", "ttp"), "the id 'ttp' is already used by an actor record; "
         "choose another with --source-id"),
    ],
)  # fmt: skip
def test_refused_options_change_nothing(mini, mini_kb, report, args, message):
    before = tree(mini_kb)
    result = mini("ingest", report, *args)
    assert result.code == 1 and result.err.startswith(f"Error: {message}"), result.err
    assert tree(mini_kb) == before


def test_knowledge_that_does_not_validate_stops_the_ingest(mini, mini_kb, report):
    records = mini_kb / "records.yaml"
    records.write_text(records.read_text().replace("type: attack", "type: atack", 1))
    before = tree(mini_kb)
    result = mini("ingest", report)
    assert result.code == 1
    assert "kb/records.yaml:12: event 'ev-2022-03-30-tank-attack': type: unknown event type 'atack'" in result.err
    assert tree(mini_kb) == before


def test_an_empty_folder_is_a_knowledge_base_to_ingest_into(cli, tmp_path, report):
    empty, db = tmp_path / "empty", tmp_path / "empty.duckdb"
    result = cli("--db", db, "--kb", empty, "ingest", report, "--title", "Border Monitor 2025")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1] == (
        "proposed: 3 actors, 1 citations, 1 claims, 1 dates, 3 events, 2 figures, 1 mentions; "
        "0 corroborate existing records"
    )
    listed = {p["id"]: p for p in json.loads(cli("--db", db, "--kb", empty, "review", "--json").out)}
    bannu = listed[f"ev-monitor-{REPORT.index('attacked a police post')}"]
    assert bannu["notes"] == ["actors: dropped 'ttp', which is not a known id or candidate"]
    assert cli("--db", db, "--kb", empty, "reject", "--kind", "mention").code == 0  # 'Dostom': no actor to name
    assert cli("--db", db, "--kb", empty, "accept", "--all").code == 0
    shown = cli("--db", db, "--kb", empty, "show", "Mullah Example")
    assert shown.code == 0 and "Raid in Lakki Marwat" in shown.out
    assert sorted(p.name for p in empty.iterdir()) == ["monitor", "review-log.yaml", "texts"]


def test_without_kb_the_workspace_sits_beside_the_bundled_knowledge(cli, tmp_path, report, monkeypatch):
    workspace = tmp_path / "my-knowledge"
    monkeypatch.setenv("TORKHAM_WORKSPACE", str(workspace))
    bundled = {p: p.stat().st_mtime_ns for p in BUNDLED_KNOWLEDGE.rglob("*")}
    db = tmp_path / "bundled.duckdb"
    result = cli("--db", db, "ingest", report, "--source-id", "monitor")
    assert result.code == 0, result.err
    assert (workspace / "monitor" / "sources.yaml").is_file() and (workspace / "proposed" / "monitor").is_dir()
    assert {p: p.stat().st_mtime_ns for p in BUNDLED_KNOWLEDGE.rglob("*")} == bundled
    assert cli("--db", db, "accept", f"ev-monitor-{REPORT.index('attacked a police post')}").code == 0
    timeline = json.loads(cli("--db", db, "timeline", "--from", "2025", "--json").out)
    assert [e["title"] for e in timeline] == ["TTP attack on a police post in Bannu"]
    assert cli("--db", db, "show", "TTP").code == 0


def test_the_workspace_is_never_the_installed_package(cli, tmp_path, report, monkeypatch):
    monkeypatch.setenv("TORKHAM_WORKSPACE", str(BUNDLED_KNOWLEDGE / "extra"))
    result = cli("--db", tmp_path / "t.duckdb", "ingest", report)
    assert (result.code, result.err) == (
        1,
        f"Error: the workspace {BUNDLED_KNOWLEDGE / 'extra'} is inside the installed package; "
        "pass --kb DIR or set TORKHAM_WORKSPACE\n",
    )
    assert not (BUNDLED_KNOWLEDGE / "extra").exists()


def test_a_change_that_fails_midway_leaves_every_file_as_it_was(tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    (root / "a.yaml").write_text("old a\n")
    (root / "b").write_text("a file where a folder is wanted\n")
    before = tree(root)
    with pytest.raises(OSError), WorkspaceChange(root) as change:
        change.write("a.yaml", "new a\n")
        change.write("new.yaml", "new\n")
        change.write("b/c.yaml", "cannot be written\n")
        change.commit()
    assert tree(root) == before and sorted(p.name for p in root.iterdir()) == ["a.yaml", "b"]
