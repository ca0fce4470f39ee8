"""Reviewing proposals: list them, accept them into the knowledge base, or reject them. Every decision
is validated with the whole knowledge base before a file changes, and written to the review log."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from torkham.errors import TorkhamError, ValidationFailed
from torkham.ingest.checked import validate_change
from torkham.ingest.proposal import PROPOSAL_KINDS
from torkham.ingest.reviewlog import appended, entry
from torkham.ingest.workspace import WorkspaceChange
from torkham.ingest.yamlout import render_file
from torkham.kb.loader import Record, load_knowledge, shown_path
from torkham.kb.schema import COMMON, KINDS
from torkham.kb.workspace import REVIEW_LOG, workspace_for
from torkham.model.vocabulary import default_vocabulary

STATUS_KEYS = ("status", "corroborates")


def kind_of(value: str) -> str:
    """A proposal kind as the user types it (event, events, mention, …) -> its knowledge kind."""
    for proposal_kind, kind in PROPOSAL_KINDS.items():
        if value in (proposal_kind, kind):
            return kind
    raise TorkhamError(f"--kind: unknown kind '{value}'; choose one of: {', '.join(PROPOSAL_KINDS)}")


def summary(kind: str, record: dict, names: dict[str, str] | None = None) -> str:
    """One line saying what a record holds."""
    names = names or {}

    def who(ids: list[str] | None) -> str:
        return ", ".join(names.get(i, i) for i in ids or [])

    if kind == "mentions":
        actor = record.get("actor")
        shown = names.get(actor, actor) if isinstance(actor, str) else actor
        return f"{shown} named as '{record.get('name', '')}'".strip()
    if kind == "actors":
        return f"{record.get('name')} ({record.get('kind')})"
    if kind == "events":
        return f"{record.get('date')}  {record.get('type')}  {record.get('title')}  [{who(record.get('actors'))}]"
    if kind == "figures":
        return f"{record.get('value_text')} {record.get('unit')} — {record.get('counts')}"
    if kind == "claims":
        speaker = who(record.get("asserted_by")) or "(speaker to name)"  # the notes say who the text names
        return f"{speaker}: {record.get('statement')}"
    if kind == "citations":
        cited = f" → {', '.join(record['cites'])}" if record.get("cites") else ""
        return f"({record.get('cited_as')}){cited}"
    if kind == "dates":
        return f"{record.get('date_text') or ''} → {record.get('date')}".strip()
    return str(record.get("title") or record.get("name") or record.get("text") or record.get("id"))


@dataclass
class Decision:
    decision: str  # accepted | rejected
    records: list[Record] = field(default_factory=list)
    into: dict[str, str] = field(default_factory=dict)  # proposal id -> file or record it went into


def select(
    proposals: list[Record], ids: list[str], kind: str | None, source: str | None, everything: bool
) -> list[Record]:
    if not ids and not kind and not everything:
        raise TorkhamError("say which proposals: give their ids, --kind K or --all (see torkham review)")
    if ids and (kind or everything):
        raise TorkhamError("give proposal ids, or --kind/--all, not both")
    pool = [r for r in proposals if source is None or r.get("source") == source]
    if ids:
        by_id = {r.id: r for r in pool}
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            where = f" of source '{source}'" if source else ""
            raise TorkhamError(f"no proposal{where} with id {', '.join(unknown)}; run 'torkham review' to list them")
        return [by_id[i] for i in dict.fromkeys(ids)]
    wanted = kind_of(kind) if kind else None
    chosen = [r for r in pool if wanted is None or r.kind == wanted]
    if not chosen:
        what = " ".join(x for x in (f"of kind {kind}" if kind else "", f"of source '{source}'" if source else "") if x)
        raise TorkhamError(f"no proposals {what}".strip() + " to decide")
    return chosen


def decide(kb_root: Path, db_path: Path, decision: str, chosen_ids: list[str], kind: str | None = None,
           source: str | None = None, everything: bool = False) -> Decision:  # fmt: skip
    """Accept or reject proposals; returns what was decided. Nothing changes when anything fails."""

    workspace = workspace_for(kb_root)
    kb = load_knowledge(kb_root, default_vocabulary())
    real_of = {shown_path(p): p for p in kb.files}
    proposals = [r for r in kb.records if r.proposed]
    if not proposals:
        raise TorkhamError(f"no proposals to review in {workspace}; run 'torkham ingest FILE' first")
    chosen = select(proposals, chosen_ids, kind, source, everything)
    if decision == "accepted":
        _check_dependencies(chosen, proposals)
    result = Decision(decision, chosen)
    with WorkspaceChange(workspace) as change:
        _remove_from_files(change, chosen, real_of)
        additions: dict[tuple[str, str], list[dict]] = {}  # (source, kind) -> records, written once per file
        log = []
        for record in chosen:
            if decision == "accepted":
                source_id, kind, data, into = _accepted_form(record)
                additions.setdefault((source_id, kind), []).append(data)
                result.into[record.id] = into
            else:
                result.into[record.id] = "discarded"
            log.append(
                {
                    **entry(decision, _plain(record), record.kind, result.into[record.id]),
                    "what": summary(record.kind, record.data),
                }
            )
        for (source_id, kind), records in additions.items():
            relative = Path(source_id) / f"{kind}.yaml"
            change.write(relative, _with_records(change.staged_text(workspace / relative), source_id, kind, records))
        commit_logged(change, kb_root, db_path, log)
    return result


def commit_logged(change: WorkspaceChange, kb_root: Path, db_path: Path, log: list[dict]) -> None:
    """Append `log` to the review log, validate the staged change with it, write it and bring the store up
    to date; nothing is written when the result does not validate."""
    from torkham.store.build import store_validation

    workspace = workspace_for(kb_root)
    change.write(REVIEW_LOG, appended(change.staged_text(workspace / REVIEW_LOG), log))
    validation = validate_change(kb_root, change)
    if not validation.ok:
        raise ValidationFailed(validation.problems)
    change.commit()
    store_validation(db_path, kb_root, validation)


def _plain(record: Record) -> dict:
    return json.loads(json.dumps({"id": record.id, **record.data}))


def _check_dependencies(chosen: list[Record], proposals: list[Record]) -> None:
    """An accepted record may not refer to a proposal left pending (the reviewer accepts both, or neither:
    refused here with the ids to add), nor leave open what the reviewer was to settle (a mention's actor)."""
    chosen_ids = {r.id for r in chosen}
    pending = {r.id: r for r in proposals if r.id not in chosen_ids}
    problems = []
    for record in chosen:
        for key in KINDS[record.kind].get("open_in_proposals", ()):
            if record.get(key) is None:
                problems.append(
                    f"{record.kind[:-1]} '{record.id}' has no {key} ('{record.get('name')}' names several: see its "
                    f"notes); set its {key} in {record.file}, or reject it"
                )
        fields = {**COMMON, **KINDS[record.kind]["fields"]}
        for key, field_type in fields.items():
            if not field_type.startswith(("ref:", "refs:")) or key not in record.data:
                continue
            value = record.data[key]
            for target in value if isinstance(value, list) else [value]:
                if target in pending:
                    other = pending[target]
                    problems.append(
                        f"{record.kind[:-1]} '{record.id}' refers in {key} to {other.kind[:-1]} '{target}', which is "
                        f"only proposed; accept both (torkham accept {record.id} {target}) or reject {record.id}"
                    )
    if problems:
        raise TorkhamError("nothing accepted:\n" + "\n".join(f"  {p}" for p in problems))


def _remove_from_files(change: WorkspaceChange, chosen: list[Record], real_of: dict[str, Path]) -> None:
    leaving = {r.id for r in chosen}
    for shown in sorted({r.file for r in chosen}):
        real = real_of[shown]
        if not real.resolve().is_relative_to(change.root.resolve()):
            raise TorkhamError(f"{shown}: proposals outside the workspace {change.root} cannot be decided here")
        data = yaml.safe_load(real.read_text(encoding="utf-8"))
        source = data.get("source")
        remaining = {k: [i for i in v if i.get("id") not in leaving] for k, v in data.items() if isinstance(v, list)}
        relative = real.relative_to(change.root)
        if not any(remaining.values()):
            change.remove(relative)
            continue
        kind, items = next((k, v) for k, v in remaining.items() if v)
        if len([v for v in remaining.values() if v]) > 1:
            raise TorkhamError(f"{shown}: a proposals file holds one kind of record; move the others out")
        change.write(relative, render_file(source, kind, items))


def _accepted_form(record: Record) -> tuple[str, str, dict, str]:
    """(source, kind, record, where it went) of an accepted proposal: the record without `status`, or,
    when it corroborates a record, a corroboration of it (a mention, for a known actor's name)."""
    data = _plain(record)
    target = data.pop("corroborates", None)
    data.pop("status", None)
    kind = record.kind
    if target and kind == "actors":
        data = {"id": data["id"], "actor": target, "name": data.get("name"), **_provenance(data)}
        kind = "mentions"
    elif target:
        data = {"id": data["id"], "record": target, **_provenance(data)}
        kind = "corroborations"
    source = str(data["source"])
    return source, kind, data, f"corroborates {target}" if target else f"{source}/{kind}.yaml"


def _provenance(data: dict) -> dict:
    return {k: data[k] for k in ("source", "locator", "quote", "notes", "cites") if k in data}


def _with_records(existing: str | None, source: str, kind: str, records: list[dict]) -> str:
    """The file with the records added at the end; appended as text (keeping comments and layout)
    when that reads back right, else the file is written anew."""
    if not existing:
        return render_file(source, kind, records)
    old = yaml.safe_load(existing) or {}
    if set(old) - {"source", kind}:
        raise TorkhamError(f"{source}/{kind}.yaml holds other record lists than {kind}; move them to their own files")
    fresh = render_file(old.get("source") or source, kind, records)
    candidate = existing.rstrip("\n") + "\n" + fresh.split(f"\n{kind}:\n", 1)[1]
    try:
        if yaml.safe_load(candidate).get(kind) == [*(old.get(kind) or []), *yaml.safe_load(fresh)[kind]]:
            return candidate
    except (yaml.YAMLError, AttributeError):
        pass
    return render_file(old.get("source") or source, kind, [*(old.get(kind) or []), *records])
