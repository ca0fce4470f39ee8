"""Replay the minimal hostile files the fuzzing found (tests/fuzz/regressions/, with their expected rows
read, imported and quarantined in expected.json) through the CLI, and pin the reasons given."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from cli_run import run_import

from torkham.datasets.importer import import_file

REGRESSIONS = Path(__file__).parent / "regressions"
EXPECTED = json.loads((REGRESSIONS / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_regression_file_imports_with_every_row_accounted_for(fuzz_store, name):
    outcome = run_import(*fuzz_store, "ged", REGRESSIONS / name)
    assert outcome.code == 0, outcome.err
    assert [outcome.read, outcome.imported, outcome.quarantined] == EXPECTED[name]


def _reasons(tmp_path: Path, name: str) -> list[tuple]:
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    summary = import_file(con, REGRESSIONS / name, version="25.1")
    rows = con.execute("SELECT row_number, field, value, reason FROM quarantine ORDER BY row_number").fetchall()
    con.close()
    return [summary.notes, *rows]


def test_values_that_used_to_pass_are_quarantined_with_their_reason(tmp_path):
    assert _reasons(tmp_path, "GEDEvent_v25_1-bad-values.csv")[1:] == [
        (1, "type_of_violence", None, "field type_of_violence is empty"),
        (2, "low", "-1", "negative"),
        (3, "best", "1.5", "not a whole number"),
        (4, "best", "0x10", "not a whole number"),
        (5, "high", "1e3", "not a whole number"),
        (6, "date_start", "21-03-02", "not a real date (expected YYYY-MM-DD)"),
        (7, "date_start", "0000-01-01", "year out of range (1989 to next year)"),
        (8, "date_start", "9999-12-31", "year out of range (1989 to next year)"),
        (9, "date_start", "2021-03-02garbage", "not a real date (expected YYYY-MM-DD)"),
    ]


def test_empty_codes_and_precision_are_missing_not_compared(tmp_path):
    assert _reasons(tmp_path, "20230905.export-empty-codes.CSV")[1:] == [
        (1, "EventCode", None, "field EventCode is empty"),
        (2, "QuadClass", None, "field QuadClass is empty"),
    ]
    assert _reasons(tmp_path / "..", "acled-empty-time-precision.csv")[1:] == [
        (2, "time_precision", None, "field time_precision is empty"),
    ]


def test_an_unterminated_quote_is_reported_where_it_starts(tmp_path):
    notes, *rows = _reasons(tmp_path, "GEDEvent_v25_1-unterminated-quote.csv")
    assert notes[-1].endswith(
        "row 2: a quote opened in this row is never closed, so the 2 lines from here were read as this one "
        "record; close the quote and import the file again"
    )
    assert [(r[0], r[1]) for r in rows] == [(2, "where_coordinates")]


def test_the_bundled_extract_with_mixed_line_endings_imports_whole(tmp_path):
    """The bundled GED extract (CRLF records, LF inside quoted fields) rewritten with every other record
    ending in LF under its CRLF header: every event is read, as from the file itself."""
    from torkham.datasets.bundled import bundled_datasets

    source = next(d for d in bundled_datasets() if d.format == "ucdp-ged-csv").path
    records = source.read_bytes().split(b"\r\n")
    mixed = records[0] + b"\r\n" + b"".join(r + (b"\n" if i % 2 else b"\r\n") for i, r in enumerate(records[1:-1]))
    path = tmp_path / "ucdp_ged_pakistan.csv"
    path.write_bytes(mixed + records[-1])
    con = duckdb.connect(str(tmp_path / "store.duckdb"))
    summary = import_file(con, path, version="22.1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (6416, 6416, 0)
    assert summary.notes == [
        f"{path}: 61 row(s) where best is below low (first: row 1135); imported as published",
        f"{path}: 139 row(s) where best is above high (first: row 82); imported as published",
    ]
