"""The knowledge base in an export format: one JSON or YAML document holding every kind of record, or CSV,
one table per kind (a column per field; lists and mappings written as JSON in their cell)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from torkham.params import InvalidParameter, literal

FORMATS = ("json", "yaml", "csv")
Document = dict[str, list[dict[str, Any]]]  # kind -> records in their export form


def check_format(name: str) -> str:
    if name not in FORMATS:
        raise InvalidParameter("format", f"unknown format '{literal(name)}'; choose one of: {', '.join(FORMATS)}")
    return name


def only_kind(document: Document, kind: str | None) -> Document:
    """The document, or only the records of `kind`."""
    if kind is None:
        return document
    if kind not in document:
        raise InvalidParameter("kind", f"unknown kind '{literal(kind)}'; choose one of: {', '.join(document)}")
    return {kind: document[kind]}


def check_stdout(fmt: str, kind: str | None) -> None:
    """CSV holds one table per file: standard output takes one kind."""
    if fmt == "csv" and kind is None:
        raise InvalidParameter(
            "output",
            "CSV writes one file per kind into a folder: pass {output} FOLDER, or {kind} KIND to write one kind to standard output",
        )


def export_text(document: Document, fmt: str) -> str:
    """JSON or YAML of the document; CSV of its one kind."""
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if fmt == "yaml":
        import yaml

        return str(yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120))
    (records,) = document.values()
    return csv_table(records)


def csv_table(records: list[dict[str, Any]]) -> str:
    """One row per record, one column per field the records have (in the order first met)."""
    columns = list(dict.fromkeys(key for record in records for key in record))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_export(document: Document, fmt: str, target: Path) -> list[Path]:
    """Write the export: JSON or YAML into the file `target`, CSV as <kind>.csv files into the folder `target`.
    Each file is written beside its place and renamed into it, so a reader never sees half of one."""
    if fmt != "csv":
        return [_write(target, export_text(document, fmt))]
    if target.exists() and not target.is_dir():
        raise InvalidParameter(
            "output", f"{literal(str(target))} is a file; CSV is written into a folder, one file per kind"
        )
    target.mkdir(parents=True, exist_ok=True)
    return [_write(target / f"{kind}.csv", csv_table(records)) for kind, records in document.items()]


def _write(path: Path, text: str) -> Path:
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return path
