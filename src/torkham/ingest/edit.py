"""Correcting proposals before they are decided: the reviewer sets a field the extractor got wrong — an
event's type, date or place, an actor candidate's kind, a claim's speaker, a mention's actor, a resolved
date. Like accept and reject (ingest/review.py), the change is validated with the whole knowledge base
before a file changes, written to the review log (decision `edited`, with each field's old and new value),
and the store is rebuilt; nothing changes when anything fails."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from torkham.errors import TorkhamError
from torkham.ingest.extract.event_places import PLACE_FIELDS, place_fields
from torkham.ingest.review import commit_logged, summary
from torkham.ingest.reviewlog import entry
from torkham.ingest.workspace import WorkspaceChange
from torkham.ingest.yamlout import render_file
from torkham.kb.loader import Record, load_knowledge, shown_path
from torkham.kb.workspace import workspace_for
from torkham.model.vocabulary import default_vocabulary

# The fields a reviewer may set, per knowledge kind of a proposal. Values come parsed by the surface
# (params): a date as ISO text, a term of the vocabulary, actor ids.
EDITABLE: dict[str, tuple[str, ...]] = {
    "events": ("type", "date", "place"),
    "actors": ("kind",),
    "claims": ("asserted_by",),
    "mentions": ("actor",),
    "dates": ("date",),
}


@dataclass
class Edit:
    records: list[Record] = field(default_factory=list)
    changes: dict[str, dict[str, tuple[object, object]]] = field(default_factory=dict)  # id -> field -> (old, new)


def edit(kb_root: Path, db_path: Path, ids: list[str], values: dict[str, object]) -> Edit:
    """Set `values` on each proposal of `ids`; a field the proposal's kind does not have is refused,
    naming the proposal. A value equal to the one held changes nothing (and is not logged)."""

    if not ids:
        raise TorkhamError("say which proposals to edit: give their ids")
    if not values:
        raise TorkhamError("nothing to change: give at least one new value")
    workspace = workspace_for(kb_root)
    kb = load_knowledge(kb_root, default_vocabulary())
    real_of = {shown_path(p): p for p in kb.files}
    chosen = _chosen([r for r in kb.records if r.proposed], ids, values)
    result = Edit(chosen)
    with WorkspaceChange(workspace) as change:
        log = []
        for shown in sorted({r.file for r in chosen}):
            mine = {r.id: r for r in chosen if r.file == shown}
            for rid, (old, new) in _rewrite(change, real_of[shown], mine, values).items():
                record = mine[rid]
                result.changes[rid] = {k: (old.get(k), new.get(k)) for k in {*old, *new} if old.get(k) != new.get(k)}
                if result.changes[rid]:
                    log.append(_logged(record, new, result.changes[rid], real_of[shown].relative_to(workspace)))
        if not log:
            return result
        commit_logged(change, kb_root, db_path, log)
    return result


def _chosen(proposals: list[Record], ids: list[str], values: dict[str, object]) -> list[Record]:
    by_id = {r.id: r for r in proposals}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise TorkhamError(f"no proposal with id {', '.join(unknown)}; it may have been decided meanwhile")
    chosen = [by_id[i] for i in dict.fromkeys(ids)]
    for record in chosen:
        allowed = EDITABLE.get(record.kind, ())
        refused = [k for k in values if k not in allowed]
        if refused:
            can = f"only its {', '.join(allowed)}" if allowed else "none of its fields"
            raise TorkhamError(
                f"{record.kind[:-1]} '{record.id}' has no {' or '.join(refused)} to set here; {can} can be edited"
            )
    return chosen


def _rewrite(change: WorkspaceChange, real: Path, mine: dict[str, Record], values: dict[str, object]) -> dict:
    """Stage the file with the records changed; (old, new) record of each id."""
    if not real.resolve().is_relative_to(change.root.resolve()):
        raise TorkhamError(f"{shown_path(real)}: proposals outside the workspace {change.root} cannot be edited here")
    data = yaml.safe_load(change.staged_text(real) or "") or {}
    kind, items = next((k, v) for k, v in data.items() if isinstance(v, list))
    out = {}
    for i, item in enumerate(items):
        if item.get("id") in mine:
            old = json.loads(json.dumps(item, default=str))
            items[i] = new = {**item, **values}
            if "place" in values and values["place"] != old.get("place"):
                for key in PLACE_FIELDS:  # derived from the place: all set again, none left from the old one
                    new.pop(key, None)
                new.update(place_fields(str(values["place"])))
            out[item["id"]] = (old, new)
    change.write(real.relative_to(change.root), render_file(str(data.get("source")), kind, items))
    return out


def _logged(record: Record, new: dict, changes: dict[str, tuple[object, object]], file: Path) -> dict:
    plain = {"id": record.id, "source": record.get("source")}
    return {
        **entry("edited", plain, record.kind, file.as_posix()),
        "what": summary(record.kind, new),
        "changes": {k: {"from": old, "to": value} for k, (old, value) in sorted(changes.items())},
    }
