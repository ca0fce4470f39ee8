"""The knowledge base in an export format (kb/formats/): one JSON or YAML document holding every kind of
record; STIX 2.1, FollowTheMoney, GEXF, GraphML or GeoJSON in one file; CSV or Parquet, one table per
kind into a folder (CSV of one kind may go to standard output)."""

from __future__ import annotations

import json
from pathlib import Path

from torkham.kb.formats import FORMATS
from torkham.kb.formats.common import Document, Material
from torkham.kb.formats.tables import csv_table, parquet_table
from torkham.params import InvalidParameter, literal

__all__ = ["FORMATS", "Document", "Material", "csv_table", "check_format", "only_kind", "check_stdout",
           "export_bytes", "export_text", "write_export", "export_filename"]  # fmt: skip
NARROWED = ("json", "yaml", "csv", "parquet")  # formats --kind narrows; the others export the whole graph


def check_format(name: str) -> str:
    if name not in FORMATS:
        raise InvalidParameter("format", f"unknown format '{literal(name)}'; choose one of: {', '.join(FORMATS)}")
    return name


def only_kind(document: Document, kind: str | None, fmt: str = "json") -> Document:
    """The document, or only the records of `kind` (for the formats a kind narrows)."""
    if kind is None:
        return document
    if fmt not in NARROWED:
        raise InvalidParameter(
            "kind", f"{fmt} exports the whole knowledge base; a kind narrows only {', '.join(NARROWED)}"
        )
    if kind not in document:
        raise InvalidParameter("kind", f"unknown kind '{literal(kind)}'; choose one of: {', '.join(document)}")
    return {kind: document[kind]}


def check_stdout(fmt: str, kind: str | None) -> None:
    """CSV holds one table per file: standard output takes one kind. Parquet always goes into a folder."""
    if fmt == "csv" and kind is None:
        raise InvalidParameter(
            "output",
            "CSV writes one file per kind into a folder: pass {output} FOLDER, or {kind} KIND to write one kind to standard output",
        )
    if fmt == "parquet":
        raise InvalidParameter("output", "Parquet writes one file per kind into a folder: pass {output} FOLDER")


def needs_events(fmt: str) -> bool:
    """Whether the format holds the dataset events too (GeoJSON), not only the knowledge base."""
    return fmt == "geojson"


def export_bytes(material: Material, fmt: str) -> bytes:
    """The one file of a format (CSV: of the document's one kind)."""
    if fmt in ("json", "yaml", "csv"):
        return export_text(material.document, fmt).encode("utf-8")
    from torkham.kb.formats import ftm, geojson, graph, stix

    writers = {"stix": stix.stix_bundle, "ftm": ftm.ftm_lines, "gexf": graph.gexf_bytes,
               "graphml": graph.graphml_bytes, "geojson": geojson.geojson_bytes}  # fmt: skip
    return writers[fmt](material)


def export_text(document: Document, fmt: str) -> str:
    """JSON or YAML of the document; CSV of its one kind."""
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        import yaml

        return str(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120))
    (records,) = document.values()
    return csv_table(records)


def export_filename(fmt: str) -> str:
    return f"torkham-knowledge.{FORMATS[fmt].extension}"


def write_export(material: Material, fmt: str, target: Path) -> list[Path]:
    """Write the export: one file at `target`, or (CSV, Parquet) <kind>.<ext> files into the folder `target`.
    Each file is written beside its place and renamed into it, so a reader never sees half of one."""
    name = FORMATS[fmt].label
    if not FORMATS[fmt].folder:
        if target.is_dir():
            raise InvalidParameter(
                "output", f"{literal(str(target))} is a folder; {name} is written to one file: pass a file name"
            )
        return [_write(target, export_bytes(material, fmt))]
    if target.exists() and not target.is_dir():
        raise InvalidParameter(
            "output", f"{literal(str(target))} is a file; {name} is written into a folder, one file per kind"
        )
    target.mkdir(parents=True, exist_ok=True)
    table = csv_table if fmt == "csv" else parquet_table
    return [_write(target / f"{kind}.{fmt}", _encoded(table(records))) for kind, records in material.document.items()]


def _encoded(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _write(path: Path, data: bytes) -> Path:
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(data)
    temporary.replace(path)
    return path
