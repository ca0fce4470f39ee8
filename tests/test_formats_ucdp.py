"""UCDP GED: the release CSV, the HDX country extract (iso3, a row of HXL hashtags, fields with
line breaks) and the API's JSON pages, which map to the same events."""

from __future__ import annotations

import json
from datetime import date

import pytest

from dataset_shapes import ged, ged_api_record, held_events, quarantined, write_ged, write_ged_api
from torkham.datasets.bundled import bundled_datasets
from torkham.datasets.detect import detect_format
from torkham.datasets.importer import import_file
from torkham.errors import TorkhamError


def events(con) -> dict[str, dict]:
    return held_events(con, "ucdp-ged")


def quarantine(con) -> list[tuple]:
    return quarantined(con)


def test_the_bundled_hdx_extract_imports_whole(con):
    bundled = next(b for b in bundled_datasets() if b.dataset == "ucdp-ged")
    summary = import_file(con, bundled.path)
    assert (summary.format, summary.version) == ("ucdp-ged-csv", "22.1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (6416, 6416, 0)
    assert con.execute("SELECT count(*), sum(fatalities_best), min(date_start), max(date_end) FROM events").fetchone() == (
        6416, 43225, date(1989, 1, 25), date(2021, 12, 31),
    )  # fmt: skip


def test_the_hdx_extract_with_its_hashtag_row_and_a_line_break_in_a_field(con, tmp_path):
    path = write_ged(
        tmp_path / "conflict_data_pak.csv",
        [
            ged(1),
            ged(2, source_headline="Two lines:\r\nsecond line", where_description="near the\nborder"),
            ged(3, date_start="2021-02-30 00:00:00.000"),
            ged(4, best="many"),
            ged(5),
        ],
        hdx=True,
    )
    summary = import_file(con, path, version="22.1")
    # the hashtag row is metadata: neither read as an event nor quarantined; rows count from it
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (5, 3, 2)
    assert quarantine(con) == [
        (4, "date_start", "2021-02-30 00:00:00.000", "not a real date (expected YYYY-MM-DD)"),
        (5, "best", "many", "not a whole number"),
    ]
    rows = events(con)
    assert sorted(rows, key=int) == ["1", "2", "5"]
    assert (rows["1"]["iso3"], rows["1"]["event_type"], rows["1"]["sub_event_type"]) == (
        "PAK", "state-based", "Pakistan: Government",
    )  # fmt: skip
    assert (rows["1"]["actor1"], rows["1"]["actor2"]) == ("Government of Pakistan", "TTP")
    assert (rows["1"]["fatalities_best"], rows["1"]["fatalities_low"], rows["1"]["fatalities_high"]) == (3, 3, 4)


def test_the_release_csv_without_iso3_takes_it_from_the_country_id(con, tmp_path):
    path = write_ged(tmp_path / "GEDEvent_v25_1.csv", [ged(1), ged(2, country="Afghanistan", country_id="700")])
    summary = import_file(con, path, version="25.1")
    assert (summary.format, summary.inserted) == ("ucdp-ged-csv", 2)
    assert {k: v["iso3"] for k, v in events(con).items()} == {"1": "PAK", "2": "AFG"}


def test_an_api_page_is_detected_by_its_content_and_versioned_by_its_url(con, tmp_path):
    path = write_ged_api(tmp_path / "page-2.json", [ged_api_record(1), ged_api_record(2)], page=2, pages=3)
    assert path.read_text().splitlines()[0] == "{"  # "Result" is not on the first line
    assert detect_format(path).name == "ucdp-ged-api"
    summary = import_file(con, path)
    assert (summary.dataset, summary.format, summary.version) == ("ucdp-ged", "ucdp-ged-api", "25.1")
    assert summary.notes == ["version 25.1 taken from the page URLs; pass --version to set it"]
    assert (summary.rows_read, summary.inserted) == (2, 2)
    row = events(con)["1"]
    assert (row["date_start"], row["latitude"], row["fatalities_best"], row["iso3"]) == (
        date(2021, 3, 2),
        34.008,
        3,
        "PAK",
    )


def test_an_api_record_and_the_same_csv_row_are_the_same_event(con, tmp_path):
    import_file(con, write_ged(tmp_path / "ged.csv", [ged(7)]), version="25.1")
    summary = import_file(con, write_ged_api(tmp_path / "page.json", [ged_api_record(7)]), version="25.1")
    assert (summary.inserted, summary.updated, summary.unchanged) == (0, 0, 1)


def test_api_page_bad_values_are_quarantined_by_their_place_in_the_result_list(con, tmp_path):
    records = [ged_api_record(1), ged_api_record(2, latitude=95.1), ged_api_record(3, best="n/a"), ged_api_record(1)]
    summary = import_file(con, write_ged_api(tmp_path / "page.json", records), version="25.1")  # one page: no URL
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (4, 1, 3)
    assert quarantine(con) == [
        (2, "latitude", "95.1", "out of range (-90 to 90)"),
        (3, "best", "n/a", "not a whole number"),
        (4, "id", "1", "duplicate id within the file (first at row 1)"),
    ]


def test_a_page_cut_off_keeps_the_records_before_the_cut(con, tmp_path):
    path = write_ged_api(tmp_path / "page.json", [ged_api_record(i) for i in range(1, 5)])
    text = path.read_text()
    path.write_text(text[: text.index('"id": 3') + 40])
    summary = import_file(con, path, version="25.1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    ((row, field, value, reason),) = quarantine(con)
    assert (row, field) == (3, None)
    assert value.startswith("{") and '"id": 3,' in value
    assert reason.startswith("record cut off or malformed: ") and reason.endswith("; the records after it are lost")
    assert summary.notes == [
        f"{path}: the JSON is damaged (cut off, or not UTF-8); 2 record(s) read, 1 quarantined; fetch the page again to get the rest"
    ]


def test_a_page_record_that_is_not_utf8_is_quarantined(con, tmp_path):
    path = write_ged_api(
        tmp_path / "page.json", [ged_api_record(1), ged_api_record(2, side_b="TTP-\u00e9"), ged_api_record(3)]
    )
    path.write_bytes(path.read_bytes().replace("TTP-\u00e9".encode(), "TTP-\u00e9".encode("latin-1")))
    summary = import_file(con, path, version="25.1")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    assert quarantine(con) == [(2, "side_b", "TTP-\\xe9", "not UTF-8 text: save the file as UTF-8")]
    assert sorted(events(con)) == ["1", "3"]


def test_an_empty_last_page_imports_nothing(con, tmp_path):
    summary = import_file(con, write_ged_api(tmp_path / "page.json", [], page=4, pages=4))
    assert (summary.rows_read, summary.inserted, summary.version) == (0, 0, "unknown")


def test_a_page_whose_result_is_not_a_list_is_refused(con, tmp_path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"TotalCount": 1, "Result": {"id": 1}}))
    with pytest.raises(TorkhamError) as error:
        import_file(con, path)
    assert str(error.value) == f"{path}: does not look like UCDP GED API page (JSON): 'Result' is not a list of records"
    assert con.execute("SELECT count(*) FROM imports").fetchone() == (0,)


def test_a_csv_named_as_an_api_page_is_refused(tmp_path):
    path = write_ged(tmp_path / "ged.csv", [ged(1)])
    with pytest.raises(TorkhamError) as error:
        detect_format(path, "ucdp-ged-api")
    assert str(error.value) == (
        f'{path}: does not look like UCDP GED API page (JSON): expected a JSON object with a "Result" list of records'
    )


def test_free_text_fields_lose_their_outer_white_space_and_an_empty_one_is_unknown(con, tmp_path):
    rows = [
        ged(1, side_b="  TTP ", adm_1="Khyber Pakhtunkhwa province"),
        ged(2, side_b="\u00a0Jamaat-ul-Ahrar", adm_1="Balochistan  province "),
        ged(3, side_b="Lashkar-e-Islam", adm_1="   ", source_article=" Dawn, 2021 "),
    ]
    import_file(con, write_ged(tmp_path / "ged.csv", rows), version="25.1")
    held = con.execute("SELECT event_id, actor2, admin1, source_text FROM events ORDER BY event_id").fetchall()
    assert held == [
        ("1", "TTP", "Khyber Pakhtunkhwa province", "Dawn,2021-03-02,Attack"),
        ("2", "Jamaat-ul-Ahrar", "Balochistan  province", "Dawn,2021-03-02,Attack"),
        ("3", "Lashkar-e-Islam", None, "Dawn, 2021"),
    ]  # outer spaces go, a no-break space too (the quick path is only for visible ASCII); inner ones stay
