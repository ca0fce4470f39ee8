"""`torkham refugees import | series | measures` and the UNHCR tables in `sources` and `imports`:
exact messages, exit codes, and the bundled tables present in every store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from torkham.datasets.bundled import bundled_datasets

POPULATION = Path(__file__).resolve().parent.parent / "src/torkham/data/unhcr-refugees/population_afg.csv"
EXPORT = (
    '"Extracted from the UNHCR Refugee Data Finder"\n"Date extracted: 2024-06-14 10:02:11 +02:00"\n\n'
    "Year,Country of origin,Country of origin (ISO),Country of asylum,Country of asylum (ISO),"
    "Refugees under UNHCR's mandate,Asylum-seekers,Returned refugees,IDPs of concern to UNHCR,Returned IDPss,"
    "Stateless persons,Others of concern,Other people in need of international protection,Host Community\n"
    '2023,Afghanistan,AFG,Pakistan,PAK,"2,000,000","61,451","56,797",0,0,0,49,-,0\n'
    "2024,Afghanistan,AFG,Pakistan,PAK,lots,198610,126812,0,0,0,798348,-,0\n"
)


def csv_value(year: str, coo: str, coa: str, column: str) -> int:
    with POPULATION.open(encoding="utf-8", newline="") as handle:
        (row,) = [r for r in csv.DictReader(handle) if (r["year"], r["coo_iso"], r["coa_iso"]) == (year, coo, coa)]
    return int(row[column])


def test_a_new_store_holds_the_bundled_unhcr_tables(cli, mini_kb, tmp_path):
    fresh = tmp_path / "fresh.duckdb"
    result = cli("--db", fresh, "--kb", mini_kb, "refugees", "series", "--origin", "AFG", "--asylum", "PAK",
                 "--from", "2023", "--to", "2023", "--json")  # fmt: skip
    assert result.code == 0, result.err
    (row,) = json.loads(result.out)
    assert row == {
        "year": 2023, "value": csv_value("2023", "AFG", "PAK", "refugees"), "reason": None, "measure": "refugees",
        "table": "population", "dataset": "unhcr-population", "origin": "AFG", "asylum": "PAK", "rows": 1,
        "version": "2025.12.1",
    }  # fmt: skip
    assert row["value"] == 1_987_717
    imports = [i for i in json.loads(cli("--db", fresh, "--kb", mini_kb, "imports", "--json").out)]
    bundles = [b for b in bundled_datasets() if b.kind == "refugees"]
    unhcr = [
        (i["dataset"], i["dataset_version"], i["sha256"], i["quarantined"])
        for i in imports
        if i["dataset"].startswith("unhcr-")
    ]
    assert unhcr == [(b.dataset, "2025.12.1", b.sha256, 0) for b in bundles]


def test_sources_show_the_unhcr_attribution(mini):
    held = {s["dataset"]: s for s in json.loads(mini("sources", "--json").out) if s["kind"] == "dataset"}
    population = held["unhcr-population"]
    assert (population["version"], population["licence"], population["coverage"]) == (
        "2025.12.1",
        "CC BY 4.0",
        "1979 to 2025",
    )
    assert "UNHCR Refugee Data Finder" in population["attribution"]
    assert "via the R package refugees 2025.12.1" in population["attribution"]
    assert "Internal Displacement Monitoring Centre (IDMC)" in held["unhcr-idmc"]["attribution"]
    assert "IDMC" not in population["attribution"]
    assert "ucdp-ged" in held
    table = mini("sources").out
    assert "unhcr-population" in table and "UNHCR Refugee Data Finder" in table


def test_series_table_with_attribution(mini):
    result = mini("refugees", "series", "--origin", "AFG", "--asylum", "PAK", "--measure", "returned_refugees",
                  "--from", "2015", "--to", "2016")  # fmt: skip
    assert result.code == 0
    assert "returned_refugees (population), AFG → PAK: 2 years" in result.out
    assert "58,211" in result.out and "381,275" in result.out and "2025.12.1" in result.out
    assert "Source: UNHCR Refugee Data Finder" in result.out


def test_series_as_csv_shows_years_not_held_as_empty(mini):
    result = mini("refugees", "series", "--origin", "AFG", "--asylum", "PAK", "--measure", "oip", "--from", "2024",
                  "--to", "2026", "--csv")  # fmt: skip
    assert result.out == (
        "year,value,measure,table,origin,asylum,rows,version,reason\n"
        "2024,,oip,population,AFG,PAK,1,2025.12.1,not recorded in the source\n"
        "2025,140558,oip,population,AFG,PAK,1,2025.12.1,\n"
        "2026,,oip,population,AFG,PAK,0,,no rows held\n"
    )


def test_import_a_data_finder_export(mini, tmp_path):
    path = tmp_path / "population.csv"
    path.write_text(EXPORT, encoding="utf-8")
    result = mini("refugees", "import", path)
    assert result.code == 0
    assert result.out == (
        f"{path}: unhcr-population extracted 2024-06-14: 2 rows read, 0 new, 1 changed, 0 unchanged, "
        "1 quarantined (see 'torkham quarantine')\n"
    )
    assert result.err == (
        "note: version 'extracted 2024-06-14' taken from the notes above the header; pass --version to set it\n"
    )
    series = json.loads(mini("refugees", "series", "--origin", "AFG", "--asylum", "PAK", "--from", "2023", "--to",
                             "2024", "--json").out)  # fmt: skip
    assert [(r["year"], r["value"], r["version"]) for r in series] == [
        (2023, 2_000_000, "extracted 2024-06-14"), (2024, 1_559_964, "2025.12.1"),
    ]  # fmt: skip
    bad = json.loads(mini("quarantine", "--json").out)
    assert [(b["file"], b["row"], b["field"], b["value"], b["reason"]) for b in bad] == [
        (str(path), 2, "Refugees under UNHCR's mandate", "lots", "not a count (a whole number such as 1234 or 1,234)")
    ]
    again = mini("refugees", "import", path, "--version", "2024.6.0")
    import_id = json.loads(mini("imports", "--json").out)[-1]["import_id"]
    assert again.out == f"{path}: already imported (import #{import_id}); nothing changed\n"


def test_import_with_a_table_and_version(mini, tmp_path):
    path = tmp_path / "returns.csv"
    path.write_text("Year,Country of origin (ISO),Country of asylum (ISO),Returned refugees\n2025,AFG,PAK,10\n")
    result = mini("refugees", "import", path, "--table", "solutions", "--version", "2026.6.0")
    assert (
        result.out == f"{path}: unhcr-solutions 2026.6.0: 1 rows read, 0 new, 1 changed, 0 unchanged, 0 quarantined\n"
    )
    assert result.err == ""
    series = mini("refugees", "series", "--origin", "AFG", "--asylum", "PAK", "--measure", "returned_refugees",
                  "--table", "solutions", "--from", "2024", "--to", "2025", "--json")  # fmt: skip
    assert [(r["year"], r["value"], r["version"]) for r in json.loads(series.out)] == [
        (2024, 126_812, "2025.12.1"), (2025, 10, "2026.6.0"),
    ]  # fmt: skip


def test_measures_lists_definitions_and_years_held(mini):
    rows = {(r["table"], r["measure"]): r for r in json.loads(mini("refugees", "measures", "--json").out)}
    refugees = rows[("population", "refugees")]
    assert (refugees["kind"], refugees["rows"], refugees["first_year"], refugees["last_year"]) == (
        "stock",
        3223,
        1979,
        2025,
    )
    assert rows[("idmc", "total")]["rows"] == 34
    assert rows[("population", "vda")]["rows"] == 0
    assert "refugees under UNHCR's mandate" in mini("refugees", "measures").out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["series", "--origin", "Narnia"], "--origin: 'Narnia' is neither an ISO3 country code nor a country name "
         "torkham knows; use e.g. AFG, PAK or IRN"),
        (["series", "--asylum", "PAK,IRN"], "--asylum: give one country of asylum here, e.g. PAK"),
        (["series", "--measure", "registered"], "--measure: unknown measure 'registered'; choose one of: applied, "
         "asylum_seekers, dec_closed, dec_other, dec_recognized, dec_rejected, dec_total, hst, idps, naturalisation, oip, "
         "ooc, refugee_like, refugees, resettlement, returned_idps, returned_refugees, stateless, total, vda"),
        (["series", "--measure", "total", "--table", "population"], "--measure: table population has no measure "
         "'total'; it has: refugees, asylum_seekers, returned_refugees, idps, returned_idps, stateless, ooc, oip, hst, vda"),
        (["series", "--from", "2024", "--to", "2020"], "--from: 2024 is after --to 2020; swap them"),
        (["series", "--json", "--csv"], "choose one of --json and --csv"),
        (["import", "missing.csv"], "missing.csv: no such file"),
        (["import", "missing.csv", "--table", "people"], "--table: unknown table 'people'; choose one of: population, "
         "solutions, idmc, flows, asylum_applications, asylum_decisions"),
    ],
)  # fmt: skip
def test_user_errors(mini, args, message):
    result = mini("refugees", *args)
    assert (result.code, result.out, result.err) == (1, "", f"Error: {message}\n")


def test_a_country_not_held_is_an_error_naming_the_codes_held(mini):
    """`--origin XYZ` used to answer "0 years" with exit 0: a typo must not look like an empty series."""
    result = mini("refugees", "series", "--origin", "XYZ")
    assert (result.code, result.out) == (1, "")
    assert result.err.startswith(
        "Error: --origin: no UNHCR figures held for 'XYZ' as country of origin; use one of the 52 ISO3 codes held: "
        "AFG, AGO, BDI,"
    )
    assert result.err.endswith(", YEM, ZAF, ZWE\n")
    asylum = mini("refugees", "series", "--origin", "AFG", "--asylum", "QQQ")
    assert asylum.code == 1
    assert asylum.err.startswith(
        "Error: --asylum: no UNHCR figures held for 'QQQ' as country of asylum; use one of the"
    )


def test_a_country_may_be_named(mini):
    result = mini("refugees", "series", "--origin", "Afghanistan", "--asylum", "Iran", "--from", "2023", "--to",
                  "2023", "--csv")  # fmt: skip
    assert result.code == 0, result.err
    assert result.out.splitlines()[1] == "2023,3752317,refugees,population,AFG,IRN,1,2025.12.1,"
