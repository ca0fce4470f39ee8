"""Read a knowledge folder into records, checking each record's own fields."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from torkham.kb.fields import ID_PATTERN, check_value
from torkham.kb.schema import COMMON, KINDS, PROPOSED
from torkham.kb.workspace import BUNDLED_KNOWLEDGE, knowledge_files_by_root, knowledge_roots
from torkham.model.dates import parse_partial_date
from torkham.model.vocabulary import Vocabulary
from torkham.model.yamlfile import Located, YamlError, load_yaml

__all__ = ["BUNDLED_KNOWLEDGE", "KnowledgeBase", "Record", "knowledge_files", "load_knowledge"]
# Files about to replace (or, None, remove) files of the knowledge base: real path -> staged copy.
Staged = dict[Path, Path | None]


@dataclass
class Record:
    kind: str
    data: Located
    file: str
    seq: int

    @property
    def id(self) -> str:
        return self.data.get("id") or ""

    def where(self, key: str | None = None) -> str:
        return f"{self.file}:{self.data.line_of(key) if key else self.data.line}"

    def get(self, key: str, default: object = None) -> object:
        return self.data.get(key, default)

    def list_of(self, key: str) -> list[object]:
        """The value of `key` when it is a list, else [] (absent, or another type: the field checks say so)."""
        value = self.data.get(key)
        return value if isinstance(value, list) else []

    @property
    def proposed(self) -> bool:
        """Written by `torkham ingest` and not yet reviewed: validated, never loaded as a fact."""
        return self.data.get("status") == PROPOSED


@dataclass
class KnowledgeBase:
    root: Path
    files: list[Path]
    records: list[Record] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    roots: list[Path] = field(default_factory=list)

    def of(self, kind: str) -> list[Record]:
        return [r for r in self.records if r.kind == kind]

    def curated(self, kind: str | None = None) -> list[Record]:
        return [r for r in self.records if not r.proposed and (kind is None or r.kind == kind)]

    def by_id(self) -> dict[str, Record]:
        return {r.id: r for r in self.records if r.id}


def shown_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory when it is below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return str(path)
    return relative if not relative.startswith("..") else str(path)


def knowledge_files(root: Path) -> list[Path]:
    """Every knowledge file of the knowledge base rooted at `root` (with the user workspace, see
    kb.workspace), in a stable order: the knowledge folder's first."""
    return [path for _, path in knowledge_files_by_root(root)]


def load_knowledge(root: Path, vocab: Vocabulary, staged: Staged | None = None) -> KnowledgeBase:
    """Read and check every record. `staged` lets a change be validated before it is written: each
    real path is read from its staged copy, or left out when the copy is None."""
    staged = staged or {}
    files = [p for p in knowledge_files(root) if p not in staged]
    files += [real for real, copy in staged.items() if copy is not None]
    kb = KnowledgeBase(root=root, files=files, roots=knowledge_roots(root))
    for path in kb.files:
        shown = shown_path(path)
        try:
            data = load_yaml(staged.get(path) or path, shown)
        except YamlError as exc:
            kb.problems.append(str(exc))
            continue
        problem = _whole_file_problem(staged.get(path) or path, shown, data)
        if problem:
            kb.problems.append(problem)
        if isinstance(data, Located):
            _read_records(kb, data, shown, vocab, cut=problem is not None and _CUT in problem)
    return kb


def _read_records(kb: KnowledgeBase, data: Located, shown: str, vocab: Vocabulary, cut: bool) -> None:
    """The records of one file, each checked; in a file cut short, the last record's own problems are left
    out (the cut is the problem)."""
    default_source = data.get("source")
    last: list[str] = []
    for key, items in data.items():
        line = data.line_of(key)
        if key == "source":
            if not isinstance(items, str) or not ID_PATTERN.match(items):
                kb.problems.append(f"{shown}:{line}: source must be a source id such as gul-2024")
            continue
        if key not in KINDS:
            known = ", ".join(["source", *KINDS])
            kb.problems.append(f"{shown}:{line}: unknown record list '{key}'; known: {known}")
            continue
        if not isinstance(items, list):
            kb.problems.append(f"{shown}:{line}: '{key}' must be a list of records (items start with '- ')")
            continue
        for item in items:
            if not isinstance(item, Located):
                kb.problems.append(f"{shown}:{line}: each item of '{key}' must be a mapping with an id")
                continue
            if "source" not in item and default_source:
                item["source"] = default_source
            record = Record(key, item, shown, len(kb.records) + 1)
            last = check_record(record, vocab)
            kb.problems.extend(last)
            kb.records.append(record)
    for problem in last if cut else []:
        kb.problems.remove(problem)


_RESTORE = "restore its records (from git or a backup), or delete the file"
_CUT = "the file ends in the middle of this line"


def _whole_file_problem(path: Path, shown: str, data: object) -> str | None:
    """What is wrong with a knowledge file as a whole: empty, only comments, not a mapping, no record list,
    cut short in the middle of a line. A file with nothing in it is never read as 'no records'."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if data is None:
        what = "holds only comments" if text.strip() else "is empty"
        return f"{shown}:1: the file {what} (no records); {_RESTORE}"
    if not isinstance(data, Located):
        return f"{shown}:1: a knowledge file is a mapping with 'source' and record lists such as 'actors:'"
    if set(data) <= {"source"}:
        example = path.stem if path.stem in KINDS else "actors"
        return f"{shown}:{data.line}: the file has no record list such as '{example}:'; it may have been cut short: {_RESTORE}"
    if not text.endswith("\n"):
        last = text.count("\n") + 1
        return (
            f"{shown}:{last}: {_CUT}, without a line break: it may have been cut short; restore the rest of it "
            "(from git or a backup), or end the line with a line break if it is whole"
        )
    return None


def check_record(record: Record, vocab: Vocabulary) -> list[str]:
    """Field-level problems of one record: unknown or missing fields, wrong types, bad dates."""
    spec = KINDS[record.kind]
    fields = {**COMMON, **spec["fields"]}
    singular = record.kind[:-1] if record.kind != "ambiguities" else "ambiguity"
    problems = []
    rid = record.data.get("id")
    if rid is None:
        problems.append(f"{record.where()}: {singular} has no id; add 'id: some-slug'")
    elif not isinstance(rid, str) or not ID_PATTERN.match(rid):
        problems.append(f"{record.where('id')}: id '{rid}' must be lowercase letters, digits and hyphens")
    label = f"{singular} '{rid}'" if rid else singular
    for key in record.data:
        if key not in fields:
            problems.append(f"{record.where(key)}: {label} has unknown field '{key}'; known: {', '.join(fields)}")
    unsettled = spec.get("open_in_proposals", ()) if record.proposed else ()  # left for the reviewer to fill in
    required = [key for key in spec["required"] if key not in unsettled] + ["source"]
    if not spec.get("locator_optional"):
        required.append("locator")
    if not spec.get("quote_optional"):
        required.append("quote")
    for key in required:
        if key not in record.data:
            hint = (
                " (provenance: every record needs source, locator and a verbatim quote)"
                if key in ("source", "locator", "quote")
                else ""
            )
            problems.append(f"{record.where()}: {label} has no {key}{hint}")
    for key, value in record.data.items():
        if key in fields and key != "id":
            problem = check_value(fields[key], value, vocab)
            if problem:
                problems.append(f"{record.where(key)}: {label}: {key}: {problem}")
    problems.extend(_check_date_order(record, label))
    if "corroborates" in record.data and not record.proposed:
        problems.append(
            f"{record.where('corroborates')}: {label}: corroborates is only for proposals (status: proposed); "
            "an accepted corroboration is a record of the corroborations list"
        )
    return problems


def _check_date_order(record: Record, label: str) -> list[str]:
    pairs = {"events": ("date", "end_date"), "relations": ("valid_from", "valid_to")}
    if record.kind not in pairs:
        return []
    start_key, end_key = pairs[record.kind]
    try:
        start = parse_partial_date(record.data[start_key]) if start_key in record.data else None
        end = parse_partial_date(record.data[end_key]) if end_key in record.data else None
    except ValueError:
        return []  # reported by the field check
    if start and end and start.first_day > end.last_day:
        return [f"{record.where(end_key)}: {label}: {end_key} {end} is before {start_key} {start}"]
    return []
