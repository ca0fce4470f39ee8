"""`torkham ingest FILE`: extract the text, register the document as a source, write what the
extractors propose as knowledge files marked `status: proposed` — validated with the whole knowledge
base before anything is written, written all at once, stored, or nothing at all."""

from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from torkham.config import IngestBudget
from torkham.errors import TorkhamError, ValidationFailed
from torkham.ingest.budget import Guard, check_characters, check_pages
from torkham.ingest.checked import problems_by_record, validate_change
from torkham.ingest.corroborate import Corroborator
from torkham.ingest.document import Document
from torkham.ingest.records import proposal_records, slug
from torkham.ingest.reviewlog import rejected_ids
from torkham.ingest.workspace import WorkspaceChange
from torkham.ingest.yamlout import render_file
from torkham.kb.fields import ID_PATTERN
from torkham.kb.loader import Staged
from torkham.kb.workspace import BUNDLED_KNOWLEDGE, PROPOSED_FOLDER, TEXTS_FOLDER, workspace_for
from torkham.model.dates import DateError, parse_partial_date

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DROP_ROUNDS = 3  # proposals failing validation are dropped and the rest validated again, this many times


@dataclass
class IngestRequest:
    path: Path
    kb_root: Path
    db_path: Path
    source_id: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    kind: str = "report"
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    budget: IngestBudget = IngestBudget()


@dataclass
class IngestResult:
    source_id: str
    workspace: Path
    already: bool = False
    counts: Counter = field(default_factory=Counter)  # knowledge kind -> proposals written
    corroborating: int = 0
    decided: int = 0  # proposals skipped: accepted or rejected at an earlier ingest of the document
    dropped: dict[str, list[str]] = field(default_factory=dict)  # proposal id -> why it did not validate
    pages: int = 0
    characters: int = 0
    seconds: float = 0.0


def _extract(path: Path, *, max_bytes: int, budget: IngestBudget | None = None) -> Document:
    from torkham.ingest.text import extract_document

    return extract_document(path, max_bytes=max_bytes, budget=budget)


def _propose(doc: Document, lexicon) -> list:
    from torkham.ingest.extract import propose

    return propose(doc, lexicon)


def _lexicon(con):
    from torkham.ingest.extract.lexicon import Lexicon

    return Lexicon.from_store(con)


def _store_document(con, doc: Document, source_id: str) -> None:
    from torkham.ingest.documents import store_document

    store_document(con, doc, source_id)


@dataclass
class Steps:
    """The parts of ingestion another module provides; tests replace `propose` with a small fake."""

    extract: Callable = _extract
    propose: Callable = _propose
    lexicon: Callable = _lexicon
    store_document: Callable = _store_document


def default_steps() -> Steps:
    return Steps()


def ingest(request: IngestRequest, steps: Steps | None = None) -> IngestResult:
    """Ingest one document within its budget (time and memory while it is read and proposed, pages and
    characters): over any limit, it is refused with nothing written."""
    steps = steps or default_steps()
    started = time.perf_counter()
    workspace = workspace_for(request.kb_root)
    _check_request(request, workspace)
    with Guard(request.budget, request.path) as guard:
        doc = steps.extract(request.path, max_bytes=request.max_bytes, budget=request.budget)
        doc.date = request.date or doc.date  # the date given resolves the text's dates without a year
        check_pages(request.path, len(doc.pages), request.budget)
        check_characters(request.path, len(doc.text), request.budget)
        guard.check()
        guard.stage = "opening the store"
        result = _ingest_document(request, steps, workspace, doc, guard)
    result.seconds = time.perf_counter() - started
    return result


def _ingest_document(
    request: IngestRequest, steps: Steps, workspace: Path, doc: Document, guard: Guard
) -> IngestResult:
    from torkham.store.build import ensure_store, store_validation
    from torkham.store.db import connect
    from torkham.store.swap import writing_store

    with WorkspaceChange(workspace) as change:
        ensure_store(request.db_path, request.kb_root)
        con = connect(request.db_path, read_only=True)
        try:
            ingested = _ingested_sources(con)
            source_id = _source_id(request, doc, ingested, con)
            result = IngestResult(source_id, workspace, pages=len(doc.pages), characters=len(doc.text))
            if source_id in ingested.values() and not request.force:
                result.already = True
                return result
            curated = dict(con.execute("SELECT id, source FROM kb_records").fetchall())
            pending = dict(con.execute("SELECT id, source FROM kb_proposals").fetchall())
            guard.stage = "proposing"
            proposals = steps.propose(doc, steps.lexicon(con))
            corroborator = Corroborator.from_store(con)
        finally:
            con.close()
        decided = {rid for rid, src in curated.items() if src == source_id} | rejected_ids(workspace, source_id)
        taken = (set(curated) | {i for i, s in pending.items() if s != source_id}) - decided
        records = proposal_records(proposals, source_id, corroborator, set(curated), taken)
        result.decided = sum(1 for _, r in records if r["id"] in decided)
        records = [(k, r) for k, r in records if r["id"] not in decided]
        text_file = f"{TEXTS_FOLDER}/{source_id}.txt"
        change.write(text_file, doc.text)
        source = _source_record(request, doc, source_id, text_file)
        change.write(f"{source_id}/sources.yaml", render_file(source_id, "sources", [source]))
        old = workspace / PROPOSED_FOLDER / source_id
        for path in sorted(old.glob("*.yaml")) if old.is_dir() else []:
            change.remove(path.relative_to(workspace))
        guard.stage = "validating the proposals"
        validation = _write_proposals(request.kb_root, change, source_id, records, result)
        guard.check()
        guard.disarm()  # writing is never interrupted: the change is committed whole
        change.commit()
        store_validation(request.db_path, request.kb_root, validation)
        with writing_store(request.db_path) as con:  # a copy, renamed over the store when whole
            steps.store_document(con, doc, source_id)
    return result


def _write_proposals(kb_root: Path, change: WorkspaceChange, source_id: str, records: list, result: IngestResult):
    """Stage the proposal files and validate; proposals that do not validate are dropped (and
    reported), anything else that does not validate stops the ingest with nothing written."""
    for _ in range(DROP_ROUNDS):
        by_kind: dict[str, list[dict]] = {}
        for kind, record in records:
            by_kind.setdefault(kind, []).append(record)
        files: Staged = {}
        for kind, items in by_kind.items():
            real = change.write(f"{PROPOSED_FOLDER}/{source_id}/{kind}.yaml", render_file(source_id, kind, items))
            files[real] = change.staged()[real]
        validation = validate_change(kb_root, change)
        if validation.ok:
            result.counts = Counter(kind for kind, _ in records)
            result.corroborating = sum(1 for _, r in records if "corroborates" in r)
            return validation
        by_record, others = problems_by_record(validation.problems, files)
        if others:
            raise ValidationFailed(others)
        result.dropped.update(by_record)
        records = [(k, r) for k, r in records if r["id"] not in by_record]
        for real in files:
            change.remove(real.relative_to(change.root))
    raise TorkhamError(
        f"proposals for {source_id} still do not validate after dropping the invalid ones; nothing was written"
    )


def _check_request(request: IngestRequest, workspace: Path) -> None:
    resolved = workspace.resolve()
    if resolved == BUNDLED_KNOWLEDGE or resolved.is_relative_to(BUNDLED_KNOWLEDGE.parent):
        raise TorkhamError(
            f"the workspace {workspace} is inside the installed package; pass --kb DIR or set TORKHAM_WORKSPACE"
        )
    from torkham.params import InvalidParameter, literal, parse_partial

    if request.source_id is not None and not ID_PATTERN.match(request.source_id):
        raise InvalidParameter(
            "source_id", f"'{literal(request.source_id)}' must be lowercase letters, digits and hyphens"
        )
    parse_partial(request.date, "date")
    from torkham.model.vocabulary import default_vocabulary

    kinds = default_vocabulary()["source_kinds"]
    if request.kind not in kinds:
        raise InvalidParameter(
            "kind", f"unknown source kind '{literal(request.kind)}'; choose one of: {', '.join(kinds)}"
        )


def _ingested_sources(con) -> dict[str, str]:
    """sha256 of each document ingested before -> its source id."""
    rows = con.execute(
        "SELECT id, json_extract_string(record, '$.ingested.sha256') FROM kb_records WHERE kind = 'sources'"
    ).fetchall()
    return {sha: sid for sid, sha in rows if sha}


def _source_id(request: IngestRequest, doc: Document, ingested: dict[str, str], con) -> str:
    again = ingested.get(doc.sha256)
    if again:
        if request.source_id and request.source_id != again:
            raise TorkhamError(
                f"{request.path} was already ingested as source '{again}'; use --source-id {again} (or leave it out)"
            )
        return again
    authors = request.authors or ([doc.author] if doc.author else [])
    year = (request.date or doc.date or "")[:4]
    derived = slug(f"{authors[0].split()[-1]} {year}") if authors and year else slug(request.path.stem, 40)
    source_id = request.source_id or derived or "document"
    used = con.execute(
        "SELECT kind FROM kb_records WHERE id = ? UNION ALL SELECT kind FROM kb_proposals WHERE id = ?",
        [source_id, source_id],
    ).fetchone()
    if used:
        noun = used[0][:-1]
        raise TorkhamError(
            f"the id '{source_id}' is already used by {'an' if noun[0] in 'aeiou' else 'a'} {noun} record; "
            "choose another with --source-id"
        )
    return source_id


def _source_record(request: IngestRequest, doc: Document, source_id: str, text_file: str) -> dict:
    title = request.title or doc.title or request.path.stem
    record: dict = {"id": source_id, "kind": request.kind, "title": title}
    authors = request.authors or ([doc.author] if doc.author else [])
    if authors:
        record["authors"] = authors
    date = request.date or _valid_date(doc.date)
    if date:
        record["date"] = date
    record["text"] = {"file": text_file, "sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest()}
    record["ingested"] = {
        "file": request.path.name,
        "sha256": doc.sha256,
        "format": doc.format,
        "pages": len(doc.pages),
    }
    start, quote = _title_passage(doc.text, title)
    locator = {"page": doc.page_at(start), "start": start, "end": start + len(quote)}
    record["locator"] = {k: v for k, v in locator.items() if v is not None}
    record["quote"] = quote
    return record


def _title_passage(text: str, title: str) -> tuple[int, str]:
    """Where the source's own record is quoted from: the title where the text has it, else its first line."""
    start = text.find(title)
    if start >= 0:
        return start, title
    first = re.search(r"\S[^\n]*\S|\S", text)
    if first is None:
        return 0, ""
    line = first.group()
    return first.start(), line if len(line) <= 200 else line[:200].rsplit(" ", 1)[0]


def _valid_date(text: str | None) -> str | None:
    try:
        return parse_partial_date(text).iso() if text else None
    except DateError:
        return None
