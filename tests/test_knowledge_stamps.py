"""The stamps an actor index keeps of the knowledge files (store/knowledge_stamps.py) vouch for them only while
nothing the fingerprint reads has changed, and are not kept when they could not tell a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from torkham.store import knowledge_stamps
from torkham.store.knowledge_stamps import unchanged, vouch


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    root = tmp_path / "kb"
    (root / "source").mkdir(parents=True)
    (root / "source" / "actors.yaml").write_text("actors: []\n")
    (root / ".staging").mkdir()
    return root


@pytest.fixture
def old_enough(monkeypatch):
    """Files changed a moment ago count as settled (the racy margin is a property of real clocks)."""
    monkeypatch.setattr(knowledge_stamps, "RACY_NS", 0)


def _files(kb: Path) -> list[Path]:
    return sorted(kb.rglob("*.yaml"))


def test_unchanged_files_are_vouched_for(kb, old_enough):
    record = vouch(kb, _files(kb), lambda: True)
    assert unchanged(record, kb)


@pytest.mark.parametrize(
    "change",
    [
        lambda kb: (kb / "source" / "actors.yaml").write_text("actors: {}\n"),  # the same size
        lambda kb: (kb / "source" / "new.yaml").write_text(""),
        lambda kb: (kb / "new-folder").mkdir(),
        lambda kb: (kb / "source" / "actors.yaml").rename(kb / "source" / "renamed.yaml"),
    ],
    ids=["edited", "added", "folder added", "renamed"],
)
def test_a_change_is_seen(kb, old_enough, change):
    record = vouch(kb, _files(kb), lambda: True)
    change(kb)
    assert not unchanged(record, kb)


def test_what_the_fingerprint_never_reads_may_change(kb, old_enough):
    record = vouch(kb, _files(kb), lambda: True)
    (kb / ".staging" / "proposed.yaml").write_text("")
    assert unchanged(record, kb)


def test_another_knowledge_folder_or_other_roots_are_not_vouched_for(kb, old_enough, monkeypatch, tmp_path):
    record = vouch(kb, _files(kb), lambda: True)
    other = tmp_path / "other"
    os.symlink(kb, other)  # the same files by another path: not what was stamped
    assert not unchanged(record, other)
    workspace = tmp_path / "workspace"
    monkeypatch.setattr(knowledge_stamps, "knowledge_roots", lambda root: [root, workspace])  # a workspace appeared
    assert not unchanged(record, kb)


def test_nothing_is_vouched_for_when_the_files_read_are_not_the_stores(kb, old_enough):
    assert vouch(kb, _files(kb), lambda: False) == ""


def test_nothing_is_vouched_for_when_a_file_changes_while_it_is_read(kb, old_enough):
    def read_all() -> bool:
        (kb / "source" / "actors.yaml").write_text("actors: [x]\n")
        return True

    assert vouch(kb, _files(kb), read_all) == ""


def test_files_changed_just_before_are_not_vouched_for(kb):
    """Within the margin a later change could keep the same stamp on a coarse clock: no record at all."""
    assert vouch(kb, _files(kb), lambda: True) == ""


@pytest.mark.parametrize("record", ["", "{", '{"kb_root": 1}', "[]"])
def test_a_damaged_record_vouches_for_nothing(kb, record):
    assert not unchanged(record, kb)
