"""The review log, `<workspace>/review-log.yaml`: one entry per decision (who, when, what, which)."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from pathlib import Path

import yaml

from torkham.errors import TorkhamError
from torkham.ingest.yamlout import render_items
from torkham.kb.workspace import REVIEW_LOG


def reviewer() -> str:
    try:
        from torkham.config import Settings

        return Settings.load().reviewer or getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"


def entry(decision: str, record: dict, kind: str, into: str) -> dict:
    return {
        "when": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "who": reviewer(),
        "decision": decision,
        "id": record["id"],
        "kind": kind,
        "source": record.get("source"),
        "into": into,
    }


def appended(existing: str | None, entries: list[dict]) -> str:
    """The log's text with `entries` added at the end (earlier entries are never rewritten)."""
    head = (existing or "").rstrip("\n")
    return (head + "\n" if head else "") + render_items(entries)


def read_log(workspace: Path) -> list[dict]:
    path = workspace / REVIEW_LOG
    if not path.is_file():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise TorkhamError(f"{path}: the review log is not valid YAML ({exc}); repair or move it") from None
    if not isinstance(entries, list):
        raise TorkhamError(f"{path}: the review log must be a list of entries; repair or move it")
    return [e for e in entries if isinstance(e, dict)]


def rejected_ids(workspace: Path, source_id: str) -> set[str]:
    return {
        str(e.get("id"))
        for e in read_log(workspace)
        if e.get("decision") == "rejected" and e.get("source") == source_id
    }
