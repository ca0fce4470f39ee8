"""Validate a workspace change as part of the whole knowledge base, and store it once it is written."""

from __future__ import annotations

from pathlib import Path

from torkham.ingest.workspace import WorkspaceChange
from torkham.kb.loader import Staged, shown_path
from torkham.kb.validate import Validation, validate_knowledge
from torkham.model.vocabulary import default_vocabulary
from torkham.model.yamlfile import Located, load_yaml


def validate_change(kb_root: Path, change: WorkspaceChange) -> Validation:
    return validate_knowledge(kb_root, default_vocabulary(), [change.text_dir], change.staged())


def problems_by_record(problems: list[str], files: Staged) -> tuple[dict[str, list[str]], list[str]]:
    """Problems of records in `files` (real path -> staged copy) by record id, and all other problems.
    A file being removed (no staged copy) has no records."""
    spans: dict[str, list[tuple[int, str]]] = {}
    for real, copy in files.items():
        if copy is None:
            continue
        data = load_yaml(copy)
        lines = []
        for _kind, items in data.items() if isinstance(data, Located) else []:
            if isinstance(items, list):
                lines += [(item.line, str(item.get("id"))) for item in items if isinstance(item, Located)]
        spans[shown_path(real)] = sorted(lines)
    by_record: dict[str, list[str]] = {}
    others: list[str] = []
    for problem in problems:
        file, _, rest = problem.partition(":")
        line, _, message = rest.partition(":")
        owners = [rid for start, rid in spans.get(file, []) if line.isdigit() and start <= int(line)]
        if owners:
            by_record.setdefault(owners[-1], []).append(message.strip())
        else:
            others.append(problem)
    return by_record, others
