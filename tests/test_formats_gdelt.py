"""GDELT 2.0 event exports: 61 tab-separated columns without a header, zipped or not; CAMEO codes
kept as text; actors by CAMEO code; bad rows quarantined by their line number."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from dataset_shapes import gdelt, gdelt_lines, held_events, quarantined, write_gdelt
from torkham.datasets.detect import detect_format
from torkham.datasets.formats.gdelt import GDELT_COLUMNS
from torkham.datasets.importer import import_file
from torkham.errors import TorkhamError


def events(con) -> dict[str, dict]:
    return held_events(con, "gdelt")


def quarantine(con) -> list[tuple]:
    return quarantined(con)


def test_the_codebook_has_61_columns_in_order():
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert GDELT_COLUMNS[51:] == (
        "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
        "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    )  # fmt: skip


@pytest.mark.parametrize("zipped", [False, True])
def test_an_export_is_detected_and_mapped(con, tmp_path, zipped):
    name = "20230905153000.export.CSV" + (".zip" if zipped else "")
    path = write_gdelt(
        tmp_path / name,
        [
            gdelt(1101),
            gdelt(1102, EventCode="010", EventBaseCode="010", EventRootCode="01", QuadClass="1"),
            gdelt(1103, Actor1Code="", Actor1Name="", Actor2Code="", Actor2Name="UNKNOWN GROUP"),
            gdelt(
                1104,
                ActionGeo_Type="1",
                ActionGeo_FullName="Afghanistan",
                ActionGeo_CountryCode="AF",
                ActionGeo_Lat="",
                ActionGeo_Long="",
            ),
        ],  # fmt: skip
        zipped=zipped,
    )
    assert detect_format(path).name == "gdelt-events"
    summary = import_file(con, path)
    assert (summary.dataset, summary.format, summary.version) == ("gdelt", "gdelt-events", "2.0")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (4, 4, 0)
    rows = events(con)
    first = rows["1101"]
    assert (first["date_start"], first["date_end"], first["date_precision"]) == (date(2023, 9, 5),) * 2 + ("day",)
    assert (first["country"], first["iso3"], first["admin1"], first["admin2"]) == (
        "Pakistan", "PAK", "North-West Frontier", None,
    )  # fmt: skip
    assert (first["place"], first["latitude"], first["longitude"], first["geo_precision"]) == (
        "Peshawar, North-West Frontier, Pakistan", 34.008, 71.578, "4",
    )  # fmt: skip
    assert (first["event_type"], first["sub_event_type"]) == ("190", "Fight, material conflict")
    assert (first["actor1"], first["actor2"]) == ("PAKMIL", "PAKREB")
    assert (first["fatalities_best"], first["fatalities_low"], first["fatalities_high"]) == (None, None, None)
    assert first["source_text"] == "https://example.org/news/1"
    assert (rows["1102"]["event_type"], rows["1102"]["sub_event_type"]) == (
        "010",
        "Make public statement, verbal cooperation",
    )
    assert (rows["1103"]["actor1"], rows["1103"]["actor2"]) == (None, "UNKNOWN GROUP")
    fourth = rows["1104"]
    assert (fourth["country"], fourth["iso3"], fourth["admin1"], fourth["latitude"]) == (
        "Afghanistan",
        "AFG",
        None,
        None,
    )


def test_cameo_codes_stay_text(con, tmp_path):
    import_file(con, write_gdelt(tmp_path / "e.CSV", [gdelt(1, EventCode="010"), gdelt(2, EventCode="10")]))
    assert sorted(v["event_type"] for v in events(con).values()) == ["010", "10"]


def test_a_gdelt_1_line_is_refused_naming_the_field_count(tmp_path):
    path = tmp_path / "old.CSV"
    path.write_text("\t".join(["x"] * 58) + "\n")
    with pytest.raises(TorkhamError) as error:
        detect_format(path, "gdelt-events")
    assert str(error.value) == f"{path}: line 1 has 58 fields separated by '\\t'; GDELT 2.0 events export has 61"
    with pytest.raises(TorkhamError, match="not a dataset torkham knows"):
        detect_format(path)


@pytest.mark.parametrize(
    ("values", "field", "value", "reason"),
    [
        ({"SQLDATE": "20230230"}, "SQLDATE", "20230230", "not a real date (expected YYYYMMDD)"),
        ({"GLOBALEVENTID": "x12"}, "GLOBALEVENTID", "x12", "not a number"),
        ({"EventCode": "Fight"}, "EventCode", "Fight", "not a CAMEO event code"),
        ({"QuadClass": "5"}, "QuadClass", "5", "not 1, 2, 3 or 4"),
        ({"ActionGeo_Lat": "91.5"}, "ActionGeo_Lat", "91.5", "out of range (-90 to 90)"),
        ({"ActionGeo_Long": "-200"}, "ActionGeo_Long", "-200", "out of range (-180 to 180)"),
        ({"ActionGeo_Long": "west"}, "ActionGeo_Long", "west", "not a number"),
    ],
)
def test_a_bad_value_sends_its_row_to_quarantine(con, tmp_path, values, field, value, reason):
    path = write_gdelt(tmp_path / "e.CSV", [gdelt(1), gdelt(2, **values), gdelt(3)])
    summary = import_file(con, path)
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (3, 2, 1)
    assert quarantine(con) == [(2, field, value, reason)]


def test_unreadable_lines_are_quarantined_by_line_and_the_rows_after_keep_their_numbers(con, tmp_path):
    lines = gdelt_lines([gdelt(1), gdelt(2)]).encode()
    lines += "\t".join(["3", "20230905", "caf\xe9"] + ["1"] * 58).encode("latin-1") + b"\n"  # not UTF-8
    lines += gdelt_lines([gdelt(4, SQLDATE="20231301"), gdelt(5)]).encode()
    lines += b"6\t20230905\t202309\n"  # cut short
    lines += gdelt_lines([gdelt(7), gdelt(7)]).encode()
    lines += gdelt_lines([gdelt(8)]).encode()[:-40]  # the last line cut off mid-way
    path = tmp_path / "mixed.export.CSV"
    path.write_bytes(lines)
    summary = import_file(con, path)
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (9, 4, 5)
    rows = quarantine(con)
    assert [(r[0], r[1]) for r in rows] == [
        (3, "MonthYear"), (4, "SQLDATE"), (6, "Year"), (8, "GLOBALEVENTID"), (9, "SOURCEURL"),
    ]  # fmt: skip
    assert rows[0][2].startswith("3\t20230905\tcaf\\xe9\t1")
    assert rows[0][3] == "not UTF-8 text: save the file as UTF-8 and import it again"
    assert rows[2][3] == "too few fields (Expected Number of Columns: 61 Found: 3): a row cut off, or another delimiter"
    assert rows[3][3] == "duplicate id within the file (first at row 7)"
    assert summary.notes == [
        f"{path}: 1 row(s) are not UTF-8 text (the bytes look like Windows-1252 / Latin-1) and were quarantined; "
        "convert the file to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8) and import it again"
    ]
    assert sorted(events(con), key=int) == ["1", "2", "5", "7"]


def test_gdelt_codes_map_through_the_reviewed_crosswalk(con, tmp_path):
    from torkham.datasets.actors import load_crosswalks
    from torkham.kb.loader import BUNDLED_KNOWLEDGE

    import_file(
        con,
        write_gdelt(
            tmp_path / "names.CSV",
            [gdelt(1), gdelt(2, Actor1Code="TAL", Actor1Name="TALIBAN", Actor2Code="AFGGOV", Actor2Name="AFGHANISTAN")],
        ),
    )
    raw = {n for (n,) in con.execute("SELECT actor1 FROM events UNION SELECT actor2 FROM events").fetchall()}
    assert raw == {"PAKMIL", "PAKREB", "TAL", "AFGGOV"}  # codes, not the shared name "PAKISTAN"
    actor_ids = {
        a["id"]
        for path in BUNDLED_KNOWLEDGE.glob("*/actors.yaml")
        for a in yaml.safe_load(path.read_text(encoding="utf-8"))["actors"]
    }
    crosswalk = {e.name: e.actor_id for e in load_crosswalks(BUNDLED_KNOWLEDGE, actor_ids) if e.dataset == "gdelt"}
    assert {name: crosswalk[name] for name in sorted(raw)} == {
        "AFGGOV": None,  # the Republic, then the Taliban: reviewed, left unmapped
        "PAKMIL": "pakistan-armed-forces",
        "PAKREB": None,
        "TAL": None,  # Afghan and Pakistani Taliban alike
    }
