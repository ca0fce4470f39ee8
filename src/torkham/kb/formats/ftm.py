"""The knowledge base as FollowTheMoney entities, one JSON object a line (built and checked with the
`followthemoney` model). Sources become Documents; actors Person, PublicBody or Organization by kind;
relations UnknownLinks (the relation type as role, its period as start and end); events Events; claims
Notes on their speakers. Every entity carries its provenance as FtM allows: `proof` (the source's
Document), `sourceUrl` and `publisher` of the source, and the place and verbatim quote in `notes` (in
`summary` for links, which have no notes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from torkham.kb.formats.common import Material, Record, provenance

SCHEMA_OF_KIND = {  # actor kind -> FtM schema
    "person": "Person",
    "state": "PublicBody", "de_facto_government": "PublicBody", "government_body": "PublicBody",
    "intergovernmental_organisation": "PublicBody",
}  # fmt: skip
OTHER_ACTORS = "Organization"  # groups, media, institutions, initiatives, communities, regions


def entity_id(record_id: str) -> str:
    return f"torkham-{record_id}"


def ftm_lines(material: Material) -> bytes:
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entities(material)]
    return ("\n".join(sorted(lines)) + "\n").encode("utf-8")


def entities(material: Material) -> Iterator[dict[str, Any]]:
    """Each entity as FtM's JSON form (id, schema, properties), checked against its schema."""
    from followthemoney import model

    sources = material.by_id("sources")
    for kind, schema_of in (("sources", lambda r: "Document"), ("actors", _actor_schema),
                            ("relations", lambda r: "UnknownLink"), ("events", lambda r: "Event"),
                            ("claims", lambda r: "Note")):  # fmt: skip
        for record in material.document.get(kind, []):
            proxy = model.make_entity(schema_of(record))
            proxy.id = entity_id(record["id"])
            for prop, values in _properties(kind, record, material).items():
                proxy.add(prop, values)
            _provenance(proxy, record, sources)
            data: Any = proxy.to_dict()
            proxy.schema.validate(data)  # raises followthemoney's InvalidData naming the property
            yield data


def _actor_schema(record: Record) -> str:
    return SCHEMA_OF_KIND.get(record["kind"], OTHER_ACTORS)


def _properties(kind: str, record: Record, material: Material) -> dict[str, Any]:
    if kind == "sources":
        return {"title": record.get("title"), "author": record.get("authors") or [], "date": record.get("date"),
                "publisher": record.get("publisher"), "sourceUrl": record.get("url")}  # fmt: skip
    if kind == "actors":
        aliases = [a["name"] for a in record.get("aliases") or [] if isinstance(a, dict)]
        return {"name": record["name"], "alias": aliases, "description": record.get("description"),
                "keywords": record["kind"]}  # fmt: skip
    if kind == "relations":
        return {"subject": entity_id(record["from"]), "object": entity_id(record["to"]),
                "role": record["type"].replace("_", " "), "startDate": record.get("valid_from"),
                "endDate": record.get("valid_to")}  # fmt: skip
    if kind == "events":
        dates = (
            {"startDate": record["date"], "endDate": record["end_date"]}
            if record.get("end_date")
            else {"date": record["date"]}
        )
        return {"name": record["title"], "involved": [entity_id(a) for a in record.get("actors") or []],
                "location": record.get("place"), "country": record.get("country"),
                "keywords": record.get("type"), **dates}  # fmt: skip
    speakers = record.get("asserted_by") or []
    return {"name": record["statement"], "entity": [entity_id(a) for a in speakers],
            "description": record["statement"], "keywords": record.get("topic")}  # fmt: skip


def _provenance(proxy: Any, record: Record, sources: dict[str, Record]) -> None:
    source = sources.get(record.get("source") or "")
    if source and source["id"] != record["id"] and proxy.schema.get("proof"):
        proxy.add("proof", entity_id(source["id"]))
    if source:
        proxy.add("sourceUrl", source.get("url"))
        proxy.add("publisher", source.get("publisher"))
    proxy.add("notes" if proxy.schema.get("notes") else "summary", provenance(record))
