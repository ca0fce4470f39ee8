"""The knowledge layer of the store, derived from the declaration of the record kinds (kb/schema.py):
its kb_* tables, and the rows each record becomes: every curated record in its export form
(kb_records) and in the typed tables the queries use. Proposals (status: proposed) go to kb_proposals
only, never to the facts."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from torkham.kb.derivations import Data, Scope
from torkham.kb.loader import Record
from torkham.kb.schema import DECLARATION
from torkham.kb.texts import SourceText
from torkham.kb.validate import Validation

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.kb.declaration import Table

Row = tuple[Any, ...]


def store_schema() -> str:
    """The statements that (re)create the knowledge layer: the store's own tables (schema.sql), then
    every kb_* table dropped and created again from the declaration."""
    statements = [resources.files("torkham.store").joinpath("schema.sql").read_text(encoding="utf-8")]
    for table in DECLARATION.store_tables():
        columns = ", ".join(column.sql for column in table.columns)
        statements.append(f"DROP TABLE IF EXISTS {table.name};\nCREATE TABLE {table.name} ({columns});")
    return "\n".join(statements)


def _locator(record: Record, texts: Mapping[str, SourceText]) -> dict[str, Any]:
    """The record's locator, with the line of its quote in the source text when the text is found."""
    given = record.get("locator")
    locator: dict[str, Any] = dict(given) if isinstance(given, dict) else {}
    text = texts.get(str(record.get("source")))
    quote = record.get("quote")
    if text is not None and isinstance(quote, str):
        locator["line"] = text.line_of(quote)
    if "section" in locator:
        locator["section"] = str(locator["section"])
    return locator


def export_form(record: Record, locator: dict[str, Any]) -> Data:
    """The record as `kb export` and the API give it: every field, with normalised defaults."""
    data = {"id": record.id, **{k: v for k, v in record.data.items() if k != "id"}}
    data["locator"] = locator
    DECLARATION.exports[record.kind].complete(data)
    form: Data = json.loads(json.dumps(data, default=str))
    return form


def _corroborations(validation: Validation) -> dict[str, list[Data]]:
    """The curated records' corroborations, by the id of the record each one corroborates."""
    found: dict[str, list[Data]] = {}
    for record in validation.kb.curated("corroborations"):
        entry = {"id": record.id, "source": record.get("source"), "locator": _locator(record, validation.texts)}
        found.setdefault(str(record.get("record")), []).append({**entry, "quote": record.get("quote")})
    return found


def insert_all(con: DuckDBPyConnection, validation: Validation) -> None:
    """Insert every validated record: curated ones as facts, proposals apart (kb_proposals)."""
    corroborations = _corroborations(validation)
    rows: dict[str, list[Row]] = {}
    for record in validation.kb.records:
        data = export_form(record, _locator(record, validation.texts))
        if not record.proposed and record.id in corroborations:
            data["corroborated_by"] = corroborations[record.id]
        scope = Scope(data, kind=record.kind, seq=record.seq, file=record.file, texts=validation.texts)
        for table in DECLARATION.tables_of(record.kind, proposed=record.proposed):
            rows.setdefault(table.name, []).extend(table.rows(scope))
    tables = {table.name: table for table in DECLARATION.store_tables()}
    for name, values in rows.items():
        if values:
            _insert_columns(con, tables[name], values)


def _insert_columns(con: DuckDBPyConnection, table: Table, values: list[Row]) -> None:
    """One statement per table, the rows passed as one list per column (executemany goes row by row,
    which made a build of a few thousand records take seconds)."""
    columns = [list(column) for column in zip(*values, strict=True)]
    kinds = ["VARCHAR" if column.type == "JSON" else column.type for column in table.columns]
    selects = ", ".join(f"unnest(?::{kind}[])" for kind in kinds)
    con.execute(f"INSERT INTO {table.name} SELECT {selects}", columns)
