"""ACLED CSV exports, current (31 columns) and older (data_id, event_id_no_cnty, iso3): detection,
mapping to the events table, checks, and actor names through the crosswalk. The rows are invented."""

from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest

from dataset_shapes import acled, held_events, quarantined, write_acled
from torkham.datasets.detect import detect_format
from torkham.datasets.importer import import_file
from torkham.errors import TorkhamError


def events(con) -> dict[str, dict]:
    return held_events(con, "acled")


def quarantine(con) -> list[tuple]:
    return quarantined(con)


def test_current_export_maps_every_column(con, tmp_path):
    path = write_acled(
        tmp_path / "acled.csv",
        [
            acled("PAK101"),
            acled("PAK102", event_date="05 September 2023", time_precision="2", fatalities="0", notes=""),
            acled("AFG201", iso="4", country="Afghanistan", actor1="Taliban", actor2="", time_precision="3"),
        ],
    )
    summary = import_file(con, path)
    assert (summary.format, summary.dataset, summary.version) == ("acled-csv", "acled", "2023-09-06")
    assert summary.notes == [
        "version 2023-09-06 = the day of the latest ACLED timestamp in the file; pass --version to set it"
    ]
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 3, 0)
    rows = events(con)
    first = rows["PAK101"]
    assert first["date_start"] == first["date_end"] == date(2023, 9, 5)
    assert (first["date_precision"], first["iso3"], first["country"]) == ("day", "PAK", "Pakistan")
    assert (first["admin1"], first["admin2"], first["place"]) == ("Khyber Pakhtunkhwa", "Bajaur", "Khar")
    assert (first["latitude"], first["longitude"], first["geo_precision"]) == (34.7329, 71.5243, "1")
    assert (first["event_type"], first["sub_event_type"]) == ("Battles", "Armed clash")
    assert (first["actor1"], first["actor2"]) == (
        "TTP: Tehreek-i-Taliban Pakistan",
        "Military Forces of Pakistan (2018-)",
    )
    assert (first["fatalities_best"], first["fatalities_low"], first["fatalities_high"]) == (2, None, None)
    assert first["source_text"] == "Invented Source: Invented test event."
    second = rows["PAK102"]
    assert (second["date_start"], second["date_precision"]) == (date(2023, 9, 5), "week")
    assert (second["fatalities_best"], second["source_text"]) == (0, "Invented Source")
    third = rows["AFG201"]
    assert (third["iso3"], third["date_precision"], third["actor2"]) == ("AFG", "month", None)


def test_the_version_given_wins(con, tmp_path):
    summary = import_file(con, write_acled(tmp_path / "a.csv", [acled("PAK1")]), version="2024-06-30")
    assert summary.version == "2024-06-30" and summary.notes == []
    assert con.execute("SELECT dataset_version FROM events").fetchone() == ("2024-06-30",)


def test_legacy_export_is_detected_by_its_extra_columns(con, tmp_path):
    path = write_acled(
        tmp_path / "old.csv", [acled("PAK1", iso="586", iso3="pak"), acled("PAK2", iso3="")], legacy=True
    )
    assert detect_format(path).name == "acled-csv-legacy"
    summary = import_file(con, path)
    assert (summary.format, summary.inserted) == ("acled-csv-legacy", 2)
    assert {k: v["iso3"] for k, v in events(con).items()} == {"PAK1": "PAK", "PAK2": "PAK"}


def test_a_legacy_export_holding_the_newer_columns_too_is_still_legacy(tmp_path):
    path = tmp_path / "both.csv"
    from torkham.datasets.formats.acled import ACLED_COLUMNS, ACLED_LEGACY_COLUMNS

    header = list(ACLED_LEGACY_COLUMNS) + [c for c in ACLED_COLUMNS if c not in ACLED_LEGACY_COLUMNS]
    path.write_text(",".join(header) + "\n")
    assert detect_format(path).name == "acled-csv-legacy"


def test_the_current_export_is_not_taken_for_the_legacy_one(tmp_path):
    path = write_acled(tmp_path / "new.csv", [acled("PAK1")])
    assert detect_format(path).name == "acled-csv"
    with pytest.raises(TorkhamError) as error:
        detect_format(path, "acled-csv-legacy")
    assert str(error.value) == (
        f"{path}: does not look like ACLED CSV, older export (with data_id, event_id_no_cnty, iso3): "
        "the header lacks data_id, event_id_no_cnty, iso3"
    )


def test_columns_in_another_order_and_case_are_fine(con, tmp_path):
    from torkham.datasets.formats.acled import ACLED_COLUMNS

    row = acled("PAK7")
    columns = list(reversed(ACLED_COLUMNS))
    path = tmp_path / "shuffled.csv"
    path.write_text(
        ",".join(c.upper() for c in columns) + "\n" + ",".join(f'"{row[c]}"' for c in columns) + "\n",
        encoding="utf-8",
    )
    summary = import_file(con, path)
    assert (summary.format, summary.inserted) == ("acled-csv", 1)
    assert events(con)["PAK7"]["actor1"] == "TTP: Tehreek-i-Taliban Pakistan"


@pytest.mark.parametrize(
    ("values", "field", "value", "reason"),
    [
        ({"fatalities": "three"}, "fatalities", "three", "not a whole number"),
        ({"fatalities": "-1"}, "fatalities", "-1", "negative"),
        (
            {"event_date": "2023-02-30"},
            "event_date",
            "2023-02-30",
            "not a real date (expected YYYY-MM-DD or DD Month YYYY, e.g. 05 September 2023)",
        ),
        (
            {"event_date": "30 February 2023"},
            "event_date",
            "30 February 2023",
            "not a real date (expected YYYY-MM-DD or DD Month YYYY, e.g. 05 September 2023)",
        ),
        ({"time_precision": "4"}, "time_precision", "4", "not 1, 2 or 3"),
        ({"latitude": "134.7"}, "latitude", "134.7", "out of range (-90 to 90)"),
        ({"longitude": "east"}, "longitude", "east", "not a number"),
        ({"event_id_cnty": " "}, "event_id_cnty", " ", "field event_id_cnty is empty"),
    ],
)
def test_a_bad_value_sends_its_row_to_quarantine(con, tmp_path, values, field, value, reason):
    path = write_acled(tmp_path / "a.csv", [acled("PAK1"), acled("PAK2", **values), acled("PAK3")])
    summary = import_file(con, path)
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    assert quarantine(con) == [(2, field, value, reason)]
    assert sorted(events(con)) == ["PAK1", "PAK3"]


def test_acled_names_resolve_through_the_crosswalk(cli, tmp_path, db_path):
    path = write_acled(
        tmp_path / "names.csv",
        [
            acled("PAK1"),
            acled("PAK2", actor1="Islamic State Khorasan Province (ISKP)", actor2="Civilians (Pakistan)"),
            acled("AFG3", actor1="Taliban", actor2="Invented Militia"),
        ],
    )
    result = cli("--db", db_path, "import", path.name)
    assert result.code == 0, result.err
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        mapped = dict(
            con.execute("SELECT raw_name, actor_id FROM dataset_actor_names WHERE dataset = 'acled'").fetchall()
        )
    finally:
        con.close()
    assert mapped == {
        "TTP: Tehreek-i-Taliban Pakistan": "ttp",
        "Military Forces of Pakistan (2018-)": "pakistan-armed-forces",
        "Islamic State Khorasan Province (ISKP)": "iskp",
        "Taliban": "tta",
    }
    unmatched = cli("--db", db_path, "actors", "unmatched", "--dataset", "acled", "--json")
    assert [(r["name"], r["events"]) for r in json.loads(unmatched.out)] == [("Invented Militia", 1)]
