"""Bad input in every format: the import goes on, each bad row is quarantined with its file, row
number, field and reason, the summary counts them; a file that is none of the formats is refused
with a message naming what was expected. Also the exact CLI messages of `torkham import` and
`torkham quarantine`."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dataset_shapes import (
    acled,
    gdelt,
    ged,
    ged_api_record,
    write_acled,
    write_gdelt,
    write_ged,
    write_ged_api,
)
from torkham.datasets.importer import import_file


@dataclass(frozen=True)
class Shape:
    """How to write a small file of one format, and which of its fields hold what."""

    format: str
    row: Callable[..., dict]
    write: Callable[[Path, list[dict]], Path]
    id: str
    date: str
    bad_date: str
    latitude: str
    fatalities: str | None
    text: str  # a free-text field
    first_row: int = 1  # the row number of the first event (the HDX hashtag row is row 1)


SHAPES = [
    Shape("acled-csv", acled, write_acled, "event_id_cnty", "event_date", "2023-02-30", "latitude", "fatalities", "location"),
    Shape("acled-csv-legacy", acled, lambda p, r: write_acled(p, r, legacy=True), "event_id_cnty", "event_date",
          "2023-02-30", "latitude", "fatalities", "location"),
    Shape("ucdp-ged-csv", ged, write_ged, "id", "date_start", "2021-02-30 00:00:00.000", "latitude", "best",
          "where_coordinates"),
    Shape("ucdp-ged-csv", ged, lambda p, r: write_ged(p, r, hdx=True), "id", "date_start", "2021-02-30", "latitude",
          "best", "where_coordinates", first_row=2),
    Shape("ucdp-ged-api", ged_api_record, write_ged_api, "id", "date_start", "2021-02-30T00:00:00", "latitude", "best",
          "where_coordinates"),
    Shape("gdelt-events", gdelt, write_gdelt, "GLOBALEVENTID", "SQLDATE", "20230230", "ActionGeo_Lat", None,
          "ActionGeo_FullName"),
]  # fmt: skip
IDS = ["acled", "acled-legacy", "ucdp-csv", "ucdp-hdx", "ucdp-api", "gdelt"]


def ident(shape: Shape, n: int) -> str:
    return f"PAK{n}" if shape.format.startswith("acled") else str(n)


def make(shape: Shape, n: int, **values: object) -> dict:
    return shape.row(ident(shape, n) if shape.format.startswith("acled") else n, **values)


def file_name(shape: Shape) -> str:
    return {"ucdp-ged-api": "page.json", "gdelt-events": "20230905.export.CSV"}.get(shape.format, "events.csv")


@pytest.fixture
def con(tmp_path):
    connection = duckdb.connect(str(tmp_path / "store.duckdb"))
    yield connection
    connection.close()


def quarantine(con) -> list[tuple]:
    return con.execute("SELECT row_number, field, value, reason FROM quarantine ORDER BY row_number").fetchall()


def held(con) -> list[str]:
    return sorted(r[0] for r in con.execute("SELECT event_id FROM events").fetchall())


@pytest.mark.parametrize("shape", SHAPES, ids=IDS)
def test_bad_values_are_quarantined_and_the_rest_imported(con, tmp_path, shape):
    rows = [
        make(shape, 1),
        make(shape, 2, **{shape.date: shape.bad_date}),
        make(shape, 3, **{shape.latitude: "134.5"}),
        make(shape, 4, **({shape.fatalities: "several"} if shape.fatalities else {})),
        make(shape, 1),
        make(shape, 6),
    ]
    path = shape.write(tmp_path / file_name(shape), rows)
    summary = import_file(con, path, version="1")
    assert summary.format == shape.format
    first = shape.first_row
    expected = [
        (first + 1, shape.date, shape.bad_date),
        (first + 2, shape.latitude, "134.5"),
        (first + 4, shape.id, ident(shape, 1)),
    ]
    if shape.fatalities:
        expected.insert(2, (first + 3, shape.fatalities, "several"))
    assert [r[:3] for r in quarantine(con)] == expected
    assert quarantine(con)[-1][3] == f"duplicate id within the file (first at row {first})"
    assert (summary.rows_read, summary.quarantined) == (6, len(expected))
    assert summary.inserted == 6 - len(expected)  # nothing dropped silently


@pytest.mark.parametrize("shape", SHAPES, ids=IDS)
def test_a_file_cut_off_mid_row_keeps_the_rows_before(con, tmp_path, shape):
    path = shape.write(tmp_path / file_name(shape), [make(shape, n) for n in (1, 2, 3)])
    path.write_bytes(path.read_bytes()[:-30])
    summary = import_file(con, path, version="1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    ((row, _, _, reason),) = quarantine(con)
    assert row == shape.first_row + 2
    assert reason.startswith(("too few fields", "broken quoting", "record cut off"))
    assert held(con) == sorted(ident(shape, n) for n in (1, 2))


@pytest.mark.parametrize("shape", SHAPES, ids=IDS)
def test_a_row_in_another_encoding_is_quarantined_with_its_bytes_shown(con, tmp_path, shape):
    rows = [make(shape, 1), make(shape, 2, **{shape.text: "Caf\u00e9 Bazaar"}), make(shape, 3)]
    path = shape.write(tmp_path / file_name(shape), rows)
    path.write_bytes(path.read_bytes().replace("Caf\u00e9".encode(), "Caf\u00e9".encode("cp1252")))
    summary = import_file(con, path, version="1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    ((row, _, value, reason),) = quarantine(con)
    assert row == shape.first_row + 1
    assert "Caf\\xe9 Bazaar" in value  # the raw byte, neither dropped nor replaced by '?'
    assert reason.startswith("not UTF-8 text: save the file as UTF-8")
    assert held(con) == sorted(ident(shape, n) for n in (1, 3))


@pytest.mark.parametrize(
    "shape", [s for s in SHAPES if s.format != "ucdp-ged-api"], ids=[i for i in IDS if i != "ucdp-api"]
)
def test_a_row_with_another_delimiter_is_quarantined(con, tmp_path, shape):
    path = shape.write(tmp_path / file_name(shape), [make(shape, n) for n in (1, 2, 3)])
    lines = path.read_bytes().splitlines(keepends=True)
    sep = b"\t" if shape.format == "gdelt-events" else b","
    index = len(lines) - 2  # the second event
    lines[index] = lines[index].replace(b'"', b"").replace(sep, b";")
    path.write_bytes(b"".join(lines))
    summary = import_file(con, path, version="1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    ((row, _, _, reason),) = quarantine(con)
    assert (row, reason.split(" (")[0]) == (shape.first_row + 1, "too few fields")


def test_row_numbers_stay_right_after_unreadable_rows_and_line_breaks(con, tmp_path):
    rows = [ged(n, source_headline=f"headline {n}\nsecond line") for n in range(1, 9)]
    path = write_ged(tmp_path / "ged.csv", rows)
    lines = path.read_bytes().split(b"\r\n")  # header, then the events (each over two lines: "\n" inside)
    lines[2] = lines[2] + b",extra"  # event 2: too many fields
    lines[4] = lines[4].replace(b"Peshawar town", b"Pesh\xe4war town")  # event 4: not UTF-8
    lines[6] = lines[6].replace(b",3,4,3,", b",3,4,x,")  # event 6: bad low
    path.write_bytes(b"\r\n".join(lines))
    summary = import_file(con, path, version="1")
    assert [(r[0], r[1]) for r in quarantine(con)] == [(2, None), (4, "where_coordinates"), (6, "low")]
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (8, 5, 3)


# ---------------------------------------------------------------------------------- the CLI


def test_import_prints_the_summary_and_quarantine_shows_each_row(mini, tmp_path):
    write_acled(
        tmp_path / "acled.csv",
        [acled("PAK1"), acled("PAK2", fatalities="x"), acled("PAK3", event_date="2023-13-01"), acled("PAK1")],
    )
    result = mini("import", "acled.csv", "--version", "2024-01-31")
    assert result.code == 0, result.err
    assert result.out == (
        "acled.csv: acled 2024-01-31: 4 rows read, 1 new, 0 changed, 0 unchanged, 3 quarantined "
        "(see 'torkham quarantine')\n"
    )
    rows = json.loads(mini("quarantine", "--json").out)
    assert [(r["file"], r["row"], r["field"], r["value"], r["reason"]) for r in rows] == [
        ("acled.csv", 2, "fatalities", "x", "not a whole number"),
        ("acled.csv", 3, "event_date", "2023-13-01",
         "not a real date (expected YYYY-MM-DD or DD Month YYYY, e.g. 05 September 2023)"),
        ("acled.csv", 4, "event_id_cnty", "PAK1", "duplicate id within the file (first at row 1)"),
    ]  # fmt: skip
    table = mini("quarantine").out
    assert table.splitlines()[0].strip() == "3 quarantined rows"
    assert "not a whole number" in table
    logged = json.loads(mini("imports", "--json").out)[-1]
    assert (logged["file"], logged["format"], logged["rows_read"], logged["inserted"], logged["quarantined"]) == (
        "acled.csv", "acled-csv", 4, 1, 3,
    )  # fmt: skip


def test_a_file_of_no_known_format_is_refused_naming_what_was_expected(mini, tmp_path):
    (tmp_path / "people.csv").write_text("name,age\nAli,30\n")
    result = mini("import", "people.csv")
    assert result.code == 1 and result.out == ""
    assert result.err == (
        "Error: people.csv: not a dataset torkham knows: its header starts with name, age. Expected one of: "
        "UCDP GED CSV (49 columns, or the HDX extract with iso3): a header with id, relid, year, active_year, …; "
        'UCDP GED API page (JSON): a JSON object with a "Result" list of records; '
        "ACLED CSV, older export (with data_id, event_id_no_cnty, iso3): a header with data_id, iso, event_id_cnty, "
        "event_id_no_cnty, …; ACLED CSV: a header with event_id_cnty, event_date, year, time_precision, …; "
        "GDELT 2.0 events export: 61 tab-separated fields and no header (GLOBALEVENTID, SQLDATE, MonthYear, …); "
        "UCDP fatalities per country-month CSV (month, country, iso3, fatalities_best_all_types, …): a header with "
        "month, country, iso3, fatalities_best_all_types, …. Name the format with --format if the file is one of these.\n"
    )


def test_a_whole_file_with_another_delimiter_is_refused_with_the_fix(mini, tmp_path):
    write_acled(tmp_path / "excel.csv", [acled("PAK1")], delimiter=";")
    result = mini("import", "excel.csv")
    assert (result.code, result.out) == (1, "")
    assert result.err == (
        "Error: excel.csv: looks like ACLED CSV but separated by ';'; save it with ',' as the delimiter\n"
    )


def test_a_misspelt_header_is_refused_naming_the_missing_columns(mini, tmp_path):
    path = write_acled(tmp_path / "acled.csv", [acled("PAK1")])
    path.write_text(path.read_text().replace("fatalities", "fatality", 1))
    result = mini("import", "acled.csv", "--format", "acled-csv")
    assert (result.code, result.err) == (
        1, "Error: acled.csv: does not look like ACLED CSV: the header lacks fatalities\n",
    )  # fmt: skip


def test_an_unknown_format_name_lists_the_known_ones(mini, tmp_path):
    write_acled(tmp_path / "acled.csv", [acled("PAK1")])
    result = mini("import", "acled.csv", "--format", "acled")
    assert (result.code, result.err) == (
        1,
        "Error: --format: unknown format 'acled'; choose one of: "
        "ucdp-candidate-csv, ucdp-ged-csv, ucdp-ged-api, acled-csv-legacy, acled-csv, gdelt-events, "
        "ucdp-country-month-csv\n",
    )
