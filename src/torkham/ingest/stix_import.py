"""`torkham ingest BUNDLE.json`: a STIX 2.1 bundle (as OpenCTI, MISP or `torkham kb export --format stix`
write it) registered as a source, its actors (threat-actor, intrusion-set, identity) and the relationships
between them written as PROPOSALS for review — never merged into an existing actor because a name matches;
the reviewer accepts or rejects each (a name two of its actors share is proposed as an ambiguity). The provenance each object brings (torkham's x_torkham_* properties,
else its first external reference: source name, URL, description) becomes the record's notes and quote;
the quotes are kept, one a line, as the source's text, so they are checked like any other. Other objects
(reports, notes, indicators, …) are counted, not imported."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from torkham.errors import TorkhamError, ValidationFailed
from torkham.ingest.records import slug
from torkham.kb.fields import ID_PATTERN
from torkham.kb.workspace import PROPOSED_FOLDER, TEXTS_FOLDER, workspace_for
from torkham.model.dates import DateError, parse_partial_date

ACTOR_TYPES = ("threat-actor", "intrusion-set", "identity")
Record = dict[str, Any]


@dataclass
class BundleImport:
    source_id: str
    workspace: Path
    counts: Counter = field(default_factory=Counter)  # knowledge kind -> proposals written
    skipped: Counter = field(default_factory=Counter)  # STIX type -> objects not imported


def is_stix_bundle(path: Path) -> bool:
    """A JSON file whose top level is a STIX bundle (read only when the name ends in .json)."""
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and data.get("type") == "bundle"


def import_bundle(path: Path, kb_root: Path, db_path: Path, source_id: str | None = None) -> BundleImport:
    from torkham.ingest.checked import validate_change
    from torkham.ingest.workspace import WorkspaceChange
    from torkham.ingest.yamlout import render_file
    from torkham.store.build import ensure_store, store_validation
    from torkham.store.db import connect

    raw = path.read_bytes()
    objects = _objects(json.loads(raw), path)
    workspace = workspace_for(kb_root)
    with WorkspaceChange(workspace) as change:
        ensure_store(db_path, kb_root)
        con = connect(db_path, read_only=True)
        try:
            taken = {
                r[0] for r in con.execute("SELECT id FROM kb_records UNION SELECT id FROM kb_proposals").fetchall()
            }
            ingested = {sha for (sha,) in con.execute("SELECT json_extract_string(record, '$.ingested.sha256') FROM kb_records WHERE kind = 'sources'").fetchall()}  # fmt: skip
        finally:
            con.close()
        sha = hashlib.sha256(raw).hexdigest()
        if sha in ingested:
            raise TorkhamError(f"{path} was already ingested (same sha256); nothing changed")
        sid = _source_id(source_id or slug(path.stem, 40) or "stix-bundle", taken)
        result = BundleImport(sid, workspace)
        lines: list[str] = [f"STIX bundle {path.name}"]
        records = _records(objects, sid, taken | {sid}, lines, result)
        text = "\n".join(lines) + "\n"
        change.write(f"{TEXTS_FOLDER}/{sid}.txt", text)
        change.write(f"{sid}/sources.yaml", render_file(sid, "sources", [_source(sid, path, sha, text, lines[0])]))
        for kind, items in records.items():
            if items:
                change.write(f"{PROPOSED_FOLDER}/{sid}/{kind}.yaml", render_file(sid, kind, items))
                result.counts[kind] = len(items)
        validation = validate_change(kb_root, change)
        if not validation.ok:
            raise ValidationFailed(validation.problems)
        change.commit()
        store_validation(db_path, kb_root, validation)
    return result


def _objects(data: object, path: Path) -> list[Record]:
    if not isinstance(data, dict) or data.get("type") != "bundle" or not isinstance(data.get("objects"), list):
        raise TorkhamError(f'{path} is not a STIX bundle: expected {{"type": "bundle", "objects": [...]}}')
    return sorted((o for o in data["objects"] if isinstance(o, dict) and "id" in o), key=lambda o: str(o["id"]))


def _source_id(wanted: str, taken: set[str]) -> str:
    if not ID_PATTERN.match(wanted):
        raise TorkhamError(f"'{wanted}' is not a source id: use lowercase letters, digits and hyphens (--source-id)")
    if wanted in taken:
        raise TorkhamError(f"the id '{wanted}' is already used; choose another with --source-id")
    return wanted


def _source(sid: str, path: Path, sha: str, text: str, first: str) -> Record:
    return {"id": sid, "kind": "report", "title": f"STIX bundle {path.name}",
            "text": {"file": f"{TEXTS_FOLDER}/{sid}.txt", "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()},
            "ingested": {"file": path.name, "sha256": sha, "format": "stix"},
            "locator": {"start": 0, "end": len(first)}, "quote": first}  # fmt: skip


def _records(
    objects: list[Record], sid: str, used: set[str], lines: list[str], result: BundleImport
) -> dict[str, list[Record]]:
    from torkham.kb.formats.stix_mapping import stix_mapping

    mapping, ids = stix_mapping(), {}
    actors: list[Record] = []
    relations: list[Record] = []
    for obj in objects:
        if obj.get("type") in ACTOR_TYPES and obj.get("id") != _torkham_id():
            record = _actor(obj, mapping, used)
            if record:
                ids[obj["id"]] = record["id"]
                actors.append(_provenance(record, obj, sid, lines))
                continue
        if obj.get("type") != "relationship" and obj.get("id") != _torkham_id():
            result.skipped[str(obj.get("type"))] += 1
    for obj in (o for o in objects if o.get("type") == "relationship"):
        record = _relation(obj, mapping, ids, used)
        if record is None:
            result.skipped["relationship"] += 1
            continue
        relations.append(_provenance(record, obj, sid, lines))
    return {"actors": actors, "relations": relations, "ambiguities": _ambiguities(actors, used)}


def _ambiguities(actors: list[Record], used: set[str]) -> list[Record]:
    """A name two proposed actors share, declared ambiguous (the knowledge base never resolves one)."""
    from torkham.kb.names import normalize

    holders: dict[str, dict[str, str]] = {}
    for actor in actors:
        for name in [actor["name"], *(a["name"] for a in actor.get("aliases") or [])]:
            holders.setdefault(normalize(name), {}).setdefault(actor["id"], name)
    note = "two actors of the STIX bundle share this name; which one a text means is for the reader to tell"
    return [{"id": _new_id({}, f"amb-{slug(next(iter(ids.values())))}", used), "status": "proposed",
             "name": next(iter(ids.values())), "actors": sorted(ids), "note": note}
            for ids in holders.values() if len(ids) > 1]  # fmt: skip


def _torkham_id() -> str:
    from torkham.kb.formats.stix import TORKHAM

    return TORKHAM


def _new_id(obj: Record, fallback: str, used: set[str]) -> str:
    """The record id an object brings (x_torkham_id) or one made from its name — never one in use: an
    existing record is never taken over, whatever the names say."""
    base = slug(str(obj.get("x_torkham_id") or "")) or slug(fallback) or "stix"
    candidate, n = base, 2
    while candidate in used or not ID_PATTERN.match(candidate):
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate


def _actor(obj: Record, mapping: Any, used: set[str]) -> Record | None:
    extra = obj.get("x_torkham_record") or {}
    kind = (
        extra.get("kind")
        if extra.get("kind") in mapping.actor_kinds
        else mapping.actor_kind_of(obj["type"], obj.get("identity_class"))
    )
    if not kind or not obj.get("name"):
        return None
    record: Record = {"id": _new_id(obj, obj["name"], used), "status": "proposed", "name": obj["name"], "kind": kind}
    given = extra.get("aliases") or [
        {"name": a, "type": "external"} for a in obj.get("aliases") or [] if a != obj["name"]
    ]
    note = "a name the STIX bundle gives; its text holds the quotes only"
    aliases = [{**a, "in_text": False, "note": a.get("note") or note} for a in given if isinstance(a, dict)]
    if aliases:
        record["aliases"] = aliases
    if obj.get("description"):
        record["description"] = obj["description"]
    if extra.get("attributes"):
        record["attributes"] = extra["attributes"]
    return record


def _relation(obj: Record, mapping: Any, ids: dict[str, str], used: set[str]) -> Record | None:
    extra = obj.get("x_torkham_record") or {}
    kind = (
        extra.get("type")
        if extra.get("type") in mapping.relation_types
        else mapping.relation_type_of(str(obj.get("relationship_type")))
    )
    ends = ids.get(obj.get("source_ref", "")), ids.get(obj.get("target_ref", ""))
    if not kind or None in ends:
        return None
    record: Record = {"id": _new_id(obj, f"rel-{ends[0]}-{kind}-{ends[1]}", used), "status": "proposed",
                      "type": kind, "from": ends[0], "to": ends[1]}  # fmt: skip
    for key, stamp in (("sign", None), ("valid_from", "start_time"), ("valid_to", "stop_time")):
        value = extra.get(key) or (_day(obj.get(stamp)) if stamp else None)
        if value:
            record[key] = value
    return record


def _day(stamp: object) -> str | None:
    try:
        return parse_partial_date(str(stamp)[:10]).iso() if stamp else None
    except DateError:
        return None


def _provenance(record: Record, obj: Record, sid: str, lines: list[str]) -> Record:
    """The quote the object brings, as a line of the source's text; where it came from, as notes."""
    reference: Record = next(iter(obj.get("external_references") or []), {})
    quote = (
        obj.get("x_torkham_quote")
        or reference.get("description")
        or obj.get("description")
        or obj.get("name")
        or obj["id"]
    )
    quote = " ".join(str(quote).split())
    start = sum(len(line) + 1 for line in lines)
    lines.append(quote)
    record["locator"] = {"start": start, "end": start + len(quote)}
    record["quote"] = quote
    said = obj.get("x_torkham_where")
    origin = obj.get("x_torkham_source") or reference.get("source_name") or "the bundle"
    url = f" <{reference['url']}>" if reference.get("url") else ""
    record["notes"] = [f"From STIX {obj['type']} {obj['id']}: first given by {origin}{url}" + (f", {said}" if said else ""),
                       *((obj.get("x_torkham_record") or {}).get("notes") or [])]  # fmt: skip
    return record
