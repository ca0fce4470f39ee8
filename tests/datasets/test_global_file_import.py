"""A global UCDP GED release imported for the named countries only (--country), and a UCDP file that does
not state its version refused instead of given an invented one."""

from __future__ import annotations

import zipfile
from datetime import date

import duckdb

from dataset_shapes import ged, write_ged
from torkham.datasets.coverage import coverage_rows
from torkham.datasets.importer import import_file
from torkham.params import CountryRef

SYRIA = {"country": "Syria", "country_id": "652", "latitude": "33.5", "longitude": "36.3"}
MALI = {"country": "Mali", "country_id": "432", "latitude": "12.6", "longitude": "-8.0"}
GLOBAL = [ged(1, **SYRIA), ged(2), ged(3, **SYRIA), ged(4, best="x"), ged(5, **MALI), ged(6, **MALI)]
NAMED = tuple(ref for ref in (CountryRef.parse("Afghanistan"), CountryRef.parse("PAK")) if ref)
RELEASE = (date(1989, 1, 1), date(2024, 12, 31), "final", "UCDP GED 25.1 release: events 1989-01-01 to 2024-12-31")


def test_only_the_named_countries_are_kept_and_the_others_counted(con, tmp_path):
    summary = import_file(con, write_ged(tmp_path / "GEDEvent_v25_1.csv", GLOBAL), countries=NAMED)
    assert (summary.version, summary.rows_read, summary.inserted, summary.quarantined, summary.left_out) == (
        "25.1", 2, 1, 1, 4,
    )  # fmt: skip
    assert summary.line().endswith(
        ", 1 quarantined, 4 rows of other countries left out (--country) (see 'torkham quarantine')"
    )
    assert con.execute("SELECT event_id, country FROM events").fetchall() == [("2", "Pakistan")]
    # the bad Pakistani row keeps its number in the file; rows of other countries are not quarantined
    assert con.execute("SELECT row_number, field, value FROM quarantine").fetchall() == [(4, "best", "x")]
    rows = coverage_rows(con)
    assert [(r["country"], r["iso3"], r["first_day"], r["last_day"], r["status"], r["stated_by"]) for r in rows] == [
        ("Afghanistan", "AFG", *RELEASE),  # no event in the file: covered, it had none
        ("Pakistan", "PAK", *RELEASE),
    ]


def test_the_zip_ucdp_publishes_is_read_and_named_by_its_release(con, tmp_path):
    member = write_ged(tmp_path / "GEDEvent_v25_1.csv", GLOBAL[:3])
    archive = tmp_path / "ged251-csv.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(member, "GEDEvent_v25_1.csv")
    member.unlink()
    summary = import_file(con, archive, countries=NAMED)
    assert (summary.version, summary.inserted, summary.left_out) == ("25.1", 1, 2)


def test_import_with_country_on_the_command_line(mini, db_path, tmp_path):
    write_ged(tmp_path / "GEDEvent_v25_1.csv", GLOBAL)
    result = mini("import", "GEDEvent_v25_1.csv", "--country", "Afghanistan, Pakistan")
    assert (result.code, result.out) == (
        0,
        "GEDEvent_v25_1.csv: ucdp-ged 25.1: 2 rows read, 1 new, 0 changed, 0 unchanged, 1 quarantined, "
        "4 rows of other countries left out (--country) (see 'torkham quarantine')\n",
    )


def test_an_unknown_country_is_refused_before_anything_is_read(mini, tmp_path):
    write_ged(tmp_path / "GEDEvent_v25_1.csv", GLOBAL)
    result = mini("import", "GEDEvent_v25_1.csv", "--country", "Pakistan,Atlantis")
    assert result.code == 1 and result.out == ""
    assert result.err.startswith("Error: --country: unknown country 'Atlantis'; known: Afghanistan, ")


def test_a_ucdp_file_that_does_not_state_its_version_is_refused(mini, db_path, tmp_path):
    write_ged(tmp_path / "ged.csv", [ged(1, date_start="1991-03-02", date_end="1991-03-02")])  # cut off in 1991
    before = _counts(db_path)
    result = mini("import", "ged.csv")
    assert (result.code, result.out, result.err) == (
        1,
        "",
        "Error: ged.csv: the file does not state its UCDP GED version (its name is not GEDEvent_vYY_1.csv or "
        "gedYY1-csv.zip); pass --version, e.g. --version 25.1\n",
    )
    assert _counts(db_path) == before
    assert mini("import", "ged.csv", "--version", "25.1").code == 0


def _counts(db_path) -> tuple:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(
            "SELECT (SELECT count(*) FROM imports), (SELECT count(*) FROM events), (SELECT count(*) FROM coverage)"
        ).fetchall()[0]
    finally:
        con.close()
