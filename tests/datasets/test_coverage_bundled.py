"""Coverage as a fact (issue 11): the bundled store's coverage rows, the UCDP Candidate file recognised by
its name, and coverage given to imports made before coverage was recorded (backfill)."""

from __future__ import annotations

import shutil
from datetime import date

import duckdb

from dataset_shapes import acled, ged, write_acled, write_ged
from torkham.datasets.bundled import DATA_DIR
from torkham.datasets.coverage import coverage_rows
from torkham.datasets.importer import ensure_dataset_schema, import_file

CANDIDATE = DATA_DIR / "ucdp-candidate-afg-pak" / "ucdp_candidate_v23_0_10_afg_pak.csv"
OCT_2023 = (date(2023, 10, 1), date(2023, 10, 31))


def _spans(rows: list[dict]) -> list[tuple]:
    return [
        (r["dataset"], r["dataset_version"], r["country"], r["iso3"], r["first_day"], r["last_day"], r["status"])
        for r in rows
    ]


def test_the_bundled_store_states_what_each_dataset_covers(db_path):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = [r for r in coverage_rows(con) if r["dataset"].startswith("ucdp")]
    finally:
        con.close()
    assert _spans(rows) == [
        ("ucdp-ged", "22.1", "Pakistan", "PAK", date(1989, 1, 1), date(2021, 12, 31), "final"),
        ("ucdp-candidate", "23.0.10", "Afghanistan", "AFG", *OCT_2023, "preliminary"),
        ("ucdp-candidate", "23.0.10", "Pakistan", "PAK", *OCT_2023, "preliminary"),
        ("ucdp-country-month", "25.1-pace-hist", "Afghanistan", "AFG", date(1989, 1, 1), date(2024, 4, 30), "aggregate"),
        ("ucdp-country-month", "25.1-pace-hist", "Pakistan", "PAK", date(1989, 1, 1), date(2024, 4, 30), "aggregate"),
    ]  # fmt: skip
    assert rows[0]["stated_by"] == "UCDP GED 22.1 release: events 1989-01-01 to 2021-12-31"
    assert rows[1]["stated_by"] == "UCDP Candidate 23.0.10 release: events 2023-10-01 to 2023-10-31"


def test_a_candidate_file_is_recognised_by_its_ucdp_name(con, tmp_path):
    path = tmp_path / "GEDEvent_v23_0_10.csv"
    shutil.copyfile(CANDIDATE, path)
    summary = import_file(con, path)
    assert (summary.dataset, summary.format, summary.version) == ("ucdp-candidate", "ucdp-candidate-csv", "23.0.10")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (67, 67, 0)
    assert con.execute(
        "SELECT dataset, dataset_version, iso3, count(*) FROM events GROUP BY ALL ORDER BY iso3"
    ).fetchall() == [("ucdp-candidate", "23.0.10", "AFG", 12), ("ucdp-candidate", "23.0.10", "PAK", 55)]
    assert _spans(coverage_rows(con)) == [
        ("ucdp-candidate", "23.0.10", "Afghanistan", "AFG", *OCT_2023, "preliminary"),
        ("ucdp-candidate", "23.0.10", "Pakistan", "PAK", *OCT_2023, "preliminary"),
    ]


def test_any_candidate_name_states_its_version_and_month(con, tmp_path):
    path = write_ged(
        tmp_path / "GEDEvent_v25_0_3.csv",
        [ged(1, date_start="2025-03-04 00:00:00.000", date_end="2025-03-04 00:00:00.000")],
    )
    summary = import_file(con, path)
    assert (summary.dataset, summary.version) == ("ucdp-candidate", "25.0.3")
    assert summary.notes == ["version 25.0.3 taken from the file name GEDEvent_v25_0_3.csv"]
    assert _spans(coverage_rows(con)) == [
        ("ucdp-candidate", "25.0.3", "Pakistan", "PAK", date(2025, 3, 1), date(2025, 3, 31), "preliminary")
    ]


def test_the_same_columns_under_another_name_are_final_ged(con, tmp_path):
    path = write_ged(tmp_path / "GEDEvent_v24_1.csv", [ged(1)])
    summary = import_file(con, path)
    assert (summary.dataset, summary.version) == ("ucdp-ged", "24.1")
    assert _spans(coverage_rows(con)) == [
        ("ucdp-ged", "24.1", "Pakistan", "PAK", date(1989, 1, 1), date(2023, 12, 31), "final")
    ]


def test_a_file_that_states_no_span_covers_each_country_from_its_first_event_to_the_files_last(con, tmp_path):
    path = write_acled(
        tmp_path / "acled.csv",
        [acled("PAK1", event_date="2023-09-05"), acled("PAK2", event_date="2023-11-20"), acled("PAK3", event_date="2023-10-01"),
         acled("AFG1", event_date="2023-10-02", country="Afghanistan", iso="4", iso3="AFG")],
    )  # fmt: skip
    summary = import_file(con, path)
    rows = coverage_rows(con)
    assert _spans(rows) == [
        ("acled", summary.version, "Afghanistan", "AFG", date(2023, 10, 2), date(2023, 11, 20), "final"),
        ("acled", summary.version, "Pakistan", "PAK", date(2023, 9, 5), date(2023, 11, 20), "final"),
    ]
    assert rows[1]["stated_by"] == f"observed: from the first event of Pakistan to the last event of {path}"


def test_imports_made_before_coverage_was_recorded_are_covered_when_the_schema_is_ensured(con, tmp_path):
    old = import_file(
        con, write_ged(tmp_path / "GEDEvent_v22_1.csv", [ged(1), ged(2, country="Afghanistan", country_id="700")])
    )
    other = import_file(
        con,
        write_ged(
            tmp_path / "old.csv", [ged(3, date_start="2019-05-01 00:00:00.000", date_end="2019-05-03 00:00:00.000")]
        ),
        version="1",
    )
    con.execute("DELETE FROM coverage")  # a store built before coverage existed
    ensure_dataset_schema(con)
    rows = coverage_rows(con)
    assert [(r["import_id"], *s) for r, s in zip(rows, _spans(rows), strict=True)] == [
        (old.import_id, "ucdp-ged", "22.1", "Afghanistan", "AFG", date(1989, 1, 1), date(2021, 12, 31), "final"),
        (old.import_id, "ucdp-ged", "22.1", "Pakistan", "PAK", date(1989, 1, 1), date(2021, 12, 31), "final"),
        (other.import_id, "ucdp-ged", "1", "Pakistan", "PAK", date(2019, 5, 1), date(2019, 5, 3), "final"),
    ]  # fmt: skip
    assert (
        rows[2]["stated_by"]
        == f"observed: from the first event of Pakistan to the last event of {tmp_path / 'old.csv'}"
    )
    ensure_dataset_schema(con)  # once covered, never twice
    assert con.execute("SELECT count(*) FROM coverage").fetchall() == [(3,)]
