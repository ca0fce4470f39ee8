"""The knowledge base (and the located dataset events) in the field's formats, one module per format:
STIX 2.1 (stix), FollowTheMoney entities (ftm), the actor network as GEXF or GraphML (graph), located
events as GeoJSON (geojson), every table as CSV or Parquet (tables). Each takes a `Material` and returns
bytes (or one file per table); kb/export.py chooses the format and writes the files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str
    extension: str
    label: str
    folder: bool = False  # one file per table, written into a folder


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "application/json", "json", "JSON"),
        Format("yaml", "application/yaml", "yaml", "YAML"),
        Format("stix", "application/stix+json;version=2.1", "stix.json", "STIX"),
        Format("ftm", "application/x-ndjson", "ftm.json", "FollowTheMoney"),
        Format("gexf", "application/gexf+xml", "gexf", "GEXF"),
        Format("graphml", "application/graphml+xml", "graphml", "GraphML"),
        Format("geojson", "application/geo+json", "geojson", "GeoJSON"),
        Format("csv", "text/csv", "csv", "CSV", folder=True),
        Format("parquet", "application/vnd.apache.parquet", "parquet", "Parquet", folder=True),
    )
}
