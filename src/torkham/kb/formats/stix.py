"""The knowledge base as one STIX 2.1 bundle (with the `stix2` library). Actors become threat-actor or
identity objects by their kind (stix_kinds.yaml), relations `relationship`s, sources `report`s with their
reference (URL, title), events `report`s of their date naming their actors (STIX has no event object:
`campaign` means malicious activity and `observed-data` needs cyber observables), claims `note`s (the
statement as abstract, the verbatim quote as content, the speakers as authors). Every object carries its
provenance: an external reference (source, where, quote) and the x_torkham_* properties that let
`torkham ingest` read it back exactly. Ids are UUIDv5 of our record ids and times are fixed, so the same
knowledge gives the same bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from torkham.kb.formats.common import EPOCH, Material, Record, first_moment, last_moment, provenance, uuid_of, where
from torkham.kb.formats.stix_mapping import StixMapping, stix_mapping

TORKHAM = f"identity--{uuid_of('torkham')}"
KINDS = ("sources", "actors", "relations", "events", "claims")  # what a bundle holds; other kinds stay out


def stix_bundle(material: Material) -> bytes:
    import stix2

    ids = object_ids(material)
    objects = [_torkham()] + [obj for kind in KINDS for obj in _objects(kind, material, ids)]
    bundle = stix2.Bundle(objects=sorted(objects, key=lambda o: o.id), id=f"bundle--{uuid_of('bundle')}",
                          allow_custom=True)  # fmt: skip
    data = json.loads(bundle.serialize())
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def object_ids(material: Material) -> dict[str, str]:
    """Our record id -> its STIX id."""
    mapping = stix_mapping()
    ids: dict[str, str] = {}
    for kind in KINDS:
        for record in material.document.get(kind, []):
            ids[record["id"]] = f"{_stix_type(kind, record, mapping)}--{uuid_of(kind, record['id'])}"
    return ids


def _stix_type(kind: str, record: Record, mapping: StixMapping) -> str:
    if kind == "actors":
        return mapping.actor_kinds[record["kind"]][0]
    return {"sources": "report", "relations": "relationship", "events": "report", "claims": "note"}[kind]


def _torkham() -> Any:
    import stix2

    return stix2.Identity(id=TORKHAM, name="torkham knowledge base", identity_class="system",
                          created=EPOCH, modified=EPOCH)  # fmt: skip


def _objects(kind: str, material: Material, ids: dict[str, str]) -> Iterator[Any]:
    import stix2

    sources = material.by_id("sources")
    mapping = stix_mapping()
    for record in material.document.get(kind, []):
        common = _common(record, ids, sources)
        if kind == "sources":
            drawn = sorted(
                ids[r["id"]] for k in KINDS[1:] for r in material.document.get(k, []) if r.get("source") == record["id"]
            )
            yield stix2.Report(name=record.get("title") or record["id"], published=first_moment(record.get("date")) or EPOCH,
                               report_types=["source"], object_refs=drawn or [TORKHAM], **common)  # fmt: skip
        elif kind == "actors":
            yield _actor(record, mapping, common)
        elif kind == "relations":
            yield _relationship(record, mapping, ids, common)
        elif kind == "events":
            refs = [ids[a] for a in record.get("actors") or [] if a in ids] + _source_ref(record, ids)
            yield stix2.Report(name=record["title"], published=first_moment(record["date"]) or EPOCH,
                               report_types=["event"], object_refs=refs or [TORKHAM], **common)  # fmt: skip
        elif kind == "claims":
            actors = material.by_id("actors")
            speakers = record.get("asserted_by") or []
            authors = [actors[a]["name"] for a in speakers if a in actors]
            refs = [ids[a] for a in speakers if a in ids] + _source_ref(record, ids)
            yield stix2.Note(abstract=record["statement"], content=record.get("quote") or record["statement"],
                             authors=authors or None, object_refs=refs or [TORKHAM], **common)  # fmt: skip


def _common(record: Record, ids: dict[str, str], sources: dict[str, Record]) -> dict[str, Any]:
    """Id, fixed times, creator, and provenance: the external reference and torkham's own properties."""
    source = sources.get(record.get("source") or "", {})
    reference: dict[str, Any] = {"source_name": source.get("cited_as") or source.get("title") or record.get("source") or "torkham",
                                 "external_id": record.get("source") or record["id"], "description": provenance(record)}  # fmt: skip
    if source.get("url"):
        reference["url"] = source["url"]
    custom = {"x_torkham_id": record["id"], "x_torkham_source": record.get("source"),
              "x_torkham_locator": record.get("locator") or None, "x_torkham_quote": record.get("quote"),
              "x_torkham_where": where(record) or None, "x_torkham_record": _extra(record)}  # fmt: skip
    return {"id": ids[record["id"]], "created": EPOCH, "modified": EPOCH, "created_by_ref": TORKHAM,
            "external_references": [reference], "allow_custom": True,
            **{k: v for k, v in custom.items() if v is not None}}  # fmt: skip


def _extra(record: Record) -> Record | None:
    """The record's fields STIX has no place for (kind, type, sign, dates, notes, …), to read them back."""
    skip = {"id", "source", "locator", "quote", "name", "title", "description"}
    rest = {k: v for k, v in record.items() if k not in skip and v not in (None, [], {})}
    return rest or None


def _source_ref(record: Record, ids: dict[str, str]) -> list[str]:
    return [ids[record["source"]]] if record.get("source") in ids else []


def _actor(record: Record, mapping: StixMapping, common: dict[str, Any]) -> Any:
    import stix2

    stix_type, identity_class = mapping.actor_kinds[record["kind"]]
    names = [a["name"] for a in record.get("aliases") or [] if isinstance(a, dict) and a.get("name")]
    described = {"description": record["description"]} if record.get("description") else {}
    if stix_type == "identity":
        return stix2.Identity(name=record["name"], identity_class=identity_class, **described, **common)
    kind = stix2.ThreatActor if stix_type == "threat-actor" else stix2.IntrusionSet
    return kind(name=record["name"], aliases=names or None, **described, **common)


def _relationship(record: Record, mapping: StixMapping, ids: dict[str, str], common: dict[str, Any]) -> Any:
    import stix2

    times: dict[str, Any] = {}
    if record.get("valid_from"):
        times["start_time"] = first_moment(record["valid_from"])
    if record.get("valid_to"):
        times["stop_time"] = last_moment(record["valid_to"])
    return stix2.Relationship(relationship_type=mapping.relation_types[record["type"]], source_ref=ids[record["from"]],
                              target_ref=ids[record["to"]], description=record.get("quote"), **times, **common)  # fmt: skip
