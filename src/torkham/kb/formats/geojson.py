"""Located events as one GeoJSON FeatureCollection (RFC 7946): each dataset event with coordinates as a
Point, with its dataset, version, licence and attribution; each knowledge event that names a place as a
Feature whose geometry is null — the knowledge base says where in words, never in coordinates, so no
point is made up for it — with its source and quote. Coordinates outside the world are left out (geometry
null, said in `located`)."""

from __future__ import annotations

import json
from typing import Any

from torkham.kb.formats.common import Material, Record, provenance

EVENT_FIELDS = ("date", "end_date", "type", "place", "country", "admin1")


def geojson_bytes(material: Material) -> bytes:
    licences = {d["id"]: d for d in material.datasets}
    sources = material.by_id("sources")
    features = [_knowledge(e, sources) for e in material.document.get("events", []) if e.get("place")]
    features += [_data(e, licences) for e in material.data_events]
    collection = {"type": "FeatureCollection", "name": "torkham located events", "features": features}
    return (json.dumps(collection, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _knowledge(event: Record, sources: dict[str, Record]) -> dict[str, Any]:
    source = sources.get(event.get("source") or "", {})
    properties = {"id": event["id"], "layer": "knowledge", "title": event["title"],
                  **{k: event.get(k) for k in EVENT_FIELDS}, "actors": event.get("actors") or [],
                  "source": event.get("source"), "source_url": source.get("url"), "quote": event.get("quote"),
                  "provenance": provenance(event), "licence": source.get("licence_note"),
                  "located": "not located: the source names the place but gives no coordinates"}  # fmt: skip
    return {"type": "Feature", "id": event["id"], "geometry": None, "properties": properties}


def _data(event: Record, licences: dict[str, Record]) -> dict[str, Any]:
    held = licences.get(f"{event['dataset']}:{event['dataset_version']}", {})
    lon, lat = event.get("longitude"), event.get("latitude")
    inside = lon is not None and lat is not None and -180 <= lon <= 180 and -90 <= lat <= 90
    properties = {"id": event["id"], "layer": "data", "title": event.get("title"),
                  **{k: event.get(k) for k in EVENT_FIELDS}, "actors": event.get("actor_names") or [],
                  "fatalities": event.get("fatalities"), "dataset": event["dataset"],
                  "dataset_version": event["dataset_version"], "source": event.get("source"),
                  "licence": held.get("licence"), "attribution": held.get("attribution"),
                  "located": "coordinates of the dataset" if inside else "not located: the dataset gives no coordinates"}  # fmt: skip
    geometry = {"type": "Point", "coordinates": [lon, lat]} if inside else None
    return {"type": "Feature", "id": event["id"], "geometry": geometry, "properties": properties}
