"""Every table of the knowledge base (one per record kind) as CSV or Parquet, one file per table. CSV
cells hold lists and mappings as JSON; Parquet keeps a column's type when all its values share one
(whole numbers, numbers, true/false, text) and writes lists and mappings as JSON text. Nothing is null
in CSV as an empty cell and in Parquet as null — never as 0."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from torkham.kb.formats.common import Record


def columns_of(records: list[Record]) -> list[str]:
    """Every field the records have, in the order first met."""
    return list(dict.fromkeys(key for record in records for key in record))


def csv_table(records: list[Record]) -> str:
    columns = columns_of(records)
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


def parquet_table(records: list[Record]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = columns_of(records) or ["id"]
    arrays = {c: _column([r.get(c) for r in records]) for c in columns}
    table = pa.table({c: pa.array(values, type=kind) for c, (values, kind) in arrays.items()})
    out = io.BytesIO()
    pq.write_table(table, out, compression="zstd")
    return out.getvalue()


def _column(values: list[Any]) -> tuple[list[Any], Any]:
    """The values and the Arrow type of one column."""
    import pyarrow as pa

    present = [v for v in values if v is not None]
    kinds = {type(v) for v in present}
    if kinds == {bool}:
        return values, pa.bool_()
    if kinds == {int}:
        return values, pa.int64()
    if kinds and kinds <= {int, float}:
        return [float(v) if v is not None else None for v in values], pa.float64()
    if kinds <= {str}:
        return values, pa.string()
    return [
        None if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in values
    ], pa.string()
