"""The UNHCR importer and the refugee queries, on DuckDB connections of their own (no knowledge base):
the bundled extracts held cell for cell, Refugee Data Finder exports with notes and human headers,
bad rows quarantined, idempotent re-imports, newer files replacing values, one transaction."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from torkham.datasets.bundled import bundled_datasets
from torkham.errors import TorkhamError
from torkham.refugees import queries
from torkham.refugees.importer import import_bundled, import_refugee_file
from torkham.refugees.tables import TABLES

DATA = Path(__file__).resolve().parent.parent / "src/torkham/data/unhcr-refugees"
HUMAN = (
    'Year,"Country of origin","Country of origin (ISO)","Country of asylum","Country of asylum (ISO)",'
    '"Refugees under UNHCR\'s mandate",Asylum-seekers,"Returned refugees","IDPs of concern to UNHCR",'
    '"Returned IDPss","Stateless persons","Others of concern",'
    '"Other people in need of international protection","Host Community"'
)
NOTES = (
    '"Extracted from the UNHCR Refugee Data Finder (https://www.unhcr.org/refugee-statistics/)"\n'
    '"Date extracted: 2024-06-14 10:02:11 +02:00"\n'
    '"Note: small numbers are rounded, see footnotes.csv"\n'
    "\n"
)


def refugee_bundles():
    return [b for b in bundled_datasets() if b.kind == "refugees"]


@pytest.fixture(scope="module")
def held():
    """A connection holding the six bundled extracts (read-only use)."""
    con = duckdb.connect(":memory:")
    for bundle in refugee_bundles():
        import_bundled(con, bundle)
    yield con
    con.close()


@pytest.fixture
def con():
    con = duckdb.connect(":memory:")
    yield con
    con.close()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def data_finder(tmp_path: Path, *rows: str, notes: str = NOTES, name: str = "population.csv") -> Path:
    return write(tmp_path, name, notes + HUMAN + "\n" + "".join(r + "\n" for r in rows))


def test_the_six_tables_are_bundled_with_their_hashes_and_attribution():
    bundles = {b.dataset: b for b in refugee_bundles()}
    assert sorted(bundles) == sorted(t.dataset for t in TABLES.values())
    for bundle in bundles.values():
        assert bundle.path.is_file() and bundle.version == "2025.12.1" and bundle.licence == "CC BY 4.0"
        assert "UNHCR Refugee Data Finder" in bundle.attribution and "refugees 2025.12.1" in bundle.attribution
    assert "Internal Displacement Monitoring Centre (IDMC)" in bundles["unhcr-idmc"].attribution
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "IDMC" in readme


def test_every_cell_of_the_bundled_extracts_is_held(held):
    for bundle in refugee_bundles():
        table = TABLES[bundle.dataset.removeprefix("unhcr-").replace("-", "_")]
        with bundle.path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        expected = {
            (int(r["year"]), r["coo_iso"], r["coa_iso"], *(r.get(k) for k in ("procedure_type", "app_type", "dec_level")),
             r.get("app_pc") or r.get("dec_pc"), m): (int(r[m]) if r[m] != "" else None)
            for r in rows for m in table.measures if m in r
        }  # fmt: skip
        stored = {
            tuple(row[:-1]): row[-1]
            for row in held.execute(
                """SELECT year, coo_iso, coa_iso, procedure_type, app_type, dec_level, pc, measure, value
                   FROM refugee_stats WHERE table_name = ?""",
                [table.name],
            ).fetchall()
        }
        assert stored == expected, bundle.file
    log = held.execute("SELECT dataset, sha256, rows_read, inserted, quarantined FROM imports ORDER BY import_id")
    assert [(d, s, n, i, q) for d, s, n, i, q in log.fetchall()] == [
        (b.dataset, b.sha256, n, n, 0) for b, n in zip(refugee_bundles(), (3223, 786, 34, 2313, 44, 42), strict=True)
    ]


def test_a_value_comes_with_its_evidence(held):
    value, evidence = queries.value(held, "refugees", "AFG", "PAK", 2023)
    assert value == 1_987_717  # population_afg.csv, AFG -> PAK, 2023
    assert (evidence["dataset"], evidence["table"], evidence["version"], evidence["reason"]) == (
        "unhcr-population", "population", "2025.12.1", None,
    )  # fmt: skip
    assert [(r["coo_name"], r["coa_name"], r["value"]) for r in evidence["rows"]] == [
        ("Afghanistan", "Pakistan", 1_987_717)
    ]
    assert evidence["query"] == (
        "SELECT sum(value) FROM refugee_stats WHERE table_name = 'population' AND measure = 'refugees' "
        "AND coo_iso = 'AFG' AND coa_iso = 'PAK' AND year = 2023"
    )
    assert "UNHCR Refugee Data Finder" in evidence["attribution"]
    assert queries.value(held, "returned_refugees", "AFG", "PAK", 2016)[0] == 381_275
    assert queries.value(held, "resettlement", "AFG", "CAN", 1980)[0] == 6  # solutions_afg.csv, first row


def test_empty_cells_are_not_recorded_never_zero(held):
    value, evidence = queries.value(held, "oip", "AFG", "PAK", 2023)
    assert (value, evidence["reason"], evidence["rows"][0]["qualifier"]) == (
        None, "not recorded in the source", "not recorded",
    )  # fmt: skip
    assert queries.value(held, "oip", "AFG", "PAK", 2025)[0] == 140_558
    value, evidence = queries.value(held, "refugees", "AFG", "PAK", 2031)
    assert (value, evidence["reason"], evidence["rows"], evidence["version"]) == (None, "no rows held", [], None)


def test_tables_and_dimensions(held):
    assert queries.value(held, "applied", "AFG", "PAK", 2023)[0] == 6_717  # two rows: appeals 23 + new 6,694
    assert queries.value(held, "applied", "AFG", "PAK", 2023, app_type="N")[0] == 6_694
    assert queries.value(held, "total", "PAK", "PAK", 2009)[1]["table"] == "idmc"
    assert queries.value(held, "returned_refugees", "AFG", "PAK", 2023, table="solutions")[0] == 56_797
    assert queries.value(held, "refugees", "AFG", "PAK", 2023, table="flows")[1]["table"] == "flows"
    with pytest.raises(TorkhamError, match="table idmc has no measure 'refugees'"):
        queries.value(held, "refugees", "AFG", "PAK", 2023, table="idmc")
    with pytest.raises(TorkhamError, match="unknown measure 'registered'"):
        queries.value(held, "registered", "AFG", "PAK", 2023)


def test_a_series_over_a_range_lists_years_not_held(held):
    rows = queries.series(held, "refugees", "AFG", "PAK", 2024, 2027)
    assert [(r["year"], r["value"], r["version"]) for r in rows] == [
        (2024, 1_559_964, "2025.12.1"), (2025, 1_158_538, "2025.12.1"), (2026, None, None), (2027, None, None),
    ]  # fmt: skip
    all_asylum = queries.series(held, "refugees", "AFG", None, 2023, 2023)[0]
    assert all_asylum["rows"] > 100 and all_asylum["value"] > 5_000_000


def test_a_data_finder_export_with_notes_and_human_headers(con, tmp_path):
    path = data_finder(
        tmp_path,
        '2023,Afghanistan,AFG,Pakistan,PAK,"1,987,717","61,451","56,797",0,0,0,49,-,0',
        '2023,Afghanistan,AFG,"Iran (Islamic Rep. of)",IRN,3\u00a0752\u00a0317,"2,000",516,0,0,0,0,,0',
        "2023,Afghanistan,AFG,Germany,DEU,*,12.0,0,0,0,0,0,-,0",
    )
    summary = import_refugee_file(con, path)
    assert summary.line() == (
        f"{path}: unhcr-population extracted 2024-06-14: 3 rows read, 3 new, 0 changed, 0 unchanged, 0 quarantined"
    )
    assert summary.format == "unhcr-data-finder-csv"
    assert summary.notes == [
        "version 'extracted 2024-06-14' taken from the notes above the header; pass --version to set it"
    ]
    assert queries.value(con, "refugees", "AFG", "PAK", 2023)[0] == 1_987_717
    assert queries.value(con, "refugees", "AFG", "IRN", 2023)[0] == 3_752_317
    assert queries.value(con, "asylum_seekers", "AFG", "IRN", 2023)[0] == 2_000
    assert queries.value(con, "returned_idps", "AFG", "PAK", 2023)[1]["rows"][0]["value"] == 0  # "Returned IDPss"
    assert queries.value(con, "hst", "AFG", "PAK", 2023)[0] == 0
    assert queries.value(con, "oip", "AFG", "PAK", 2023)[1]["reason"] == "not recorded in the source"  # "-"
    assert queries.value(con, "oip", "AFG", "IRN", 2023)[1]["reason"] == "not recorded in the source"  # empty
    value, evidence = queries.value(con, "refugees", "AFG", "DEU", 2023)
    assert (value, evidence["reason"]) == (None, "confidential in the source")
    assert queries.value(con, "asylum_seekers", "AFG", "DEU", 2023)[0] == 12
    assert queries.value(con, "refugees", "AFG", "PAK", 2023)[1]["rows"][0]["coa_name"] == "Pakistan"


def test_an_aggregated_export_keeps_its_own_total(con, tmp_path):
    path = data_finder(
        tmp_path,
        "2023,Afghanistan,AFG,-,-,6000000,1,0,0,0,0,0,-,0",
        "2023,Afghanistan,AFG,Pakistan,PAK,2000000,1,0,0,0,0,0,-,0",
        "2023,Afghanistan,AFG,Iran (Islamic Rep. of),IRN,3000000,1,0,0,0,0,0,-,0",
        notes="",
    )
    import_refugee_file(con, path, version="2024.6.0")
    value, evidence = queries.value(con, "refugees", "AFG", None, 2023)
    assert (value, [r["coa_iso"] for r in evidence["rows"]]) == (6_000_000, [None])
    assert queries.value(con, "refugees", None, "PAK", 2023)[0] == 2_000_000


def test_bad_rows_are_quarantined_with_row_field_and_reason(con, tmp_path):
    path = data_finder(
        tmp_path,
        "2023,Afghanistan,AFG,Pakistan,PAK,1987717,61451,56797,0,0,0,49,-,0",
        "2024,Afghanistan,AFG,Pakistan,PAKI,1559964,198610,126812,0,0,0,798348,-,0",
        "1850,Afghanistan,AFG,Pakistan,PAK,5,5,5,0,0,0,0,-,0",
        "2021,Afghanistan,AFG,Pakistan,PAK,many,13260,451,0,0,0,12,-,0",
        "2020,Afghanistan,AFG,Pakistan,PAK,-5,13260,451,0,0,0,12,-,0",
        '2019,Afghanistan,AFG,Pakistan,PAK,"1,490,562",13260,451,0,0,0,12,-,0,9',
        "2023,Afghanistan,AFG,Pakistan,PAK,1,1,1,0,0,0,1,-,0",
        "20x2,Afghanistan,af,Pakistan,PAK,1,1,1,0,0,0,1,-,0",
    )
    summary = import_refugee_file(con, path, version="test")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (8, 1, 7)
    rows = con.execute("SELECT row_number, field, value, reason FROM quarantine ORDER BY row_number, field").fetchall()
    assert rows == [
        (2, "Country of asylum (ISO)", "PAKI", "not an ISO3 country code (three letters, e.g. AFG)"),
        (3, "Year", "1850", f"impossible year: UNHCR statistics run from 1951 to {_this_year()}"),
        (4, "Refugees under UNHCR's mandate", "many", "not a count (a whole number such as 1234 or 1,234)"),
        (5, "Refugees under UNHCR's mandate", "-5", "negative count"),
        (6, None, '2019,Afghanistan,AFG,Pakistan,PAK,"1,490,562",13260,451,0,0,0,12,-,0,9',
         "15 fields where the header has 14: a row cut off, or a stray comma"),
        (7, None, "population 2023 AFG PAK - - - -",
         "duplicate row within the file (same year, countries and dimensions as row 1)"),
        (8, "Country of origin (ISO)", "af", "not an ISO3 country code (three letters, e.g. AFG)"),
        (8, "Year", "20x2", "not a year (four digits, e.g. 2023)"),
    ]  # fmt: skip
    assert con.execute("SELECT DISTINCT year FROM refugee_stats").fetchall() == [(2023,)]
    assert queries.value(con, "refugees", "AFG", "PAK", 2023)[0] == 1_987_717  # the first of the duplicates


def _this_year() -> int:
    from datetime import date

    return date.today().year


def test_importing_the_same_file_again_changes_nothing(con, tmp_path):
    path = data_finder(tmp_path, "2023,Afghanistan,AFG,Pakistan,PAK,1987717,61451,56797,0,0,0,49,-,0")
    first = import_refugee_file(con, path)
    before = con.execute("SELECT * FROM refugee_stats ORDER BY row_key, measure").fetchall()
    again = import_refugee_file(con, path, version="other")
    assert again.line() == f"{path}: already imported (import #{first.import_id}); nothing changed"
    assert con.execute("SELECT * FROM refugee_stats ORDER BY row_key, measure").fetchall() == before
    assert con.execute("SELECT count(*) FROM imports").fetchone()[0] == 1


def test_a_newer_file_replaces_values_by_table_year_countries_and_dimensions(con, tmp_path):
    header = "year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,procedure_type,app_type,dec_level,app_pc,applied\n"
    old = write(tmp_path, "old.csv", header + "2023,Afghanistan,AFG,AFG,Pakistan,PAK,PAK,U,A,AR,P,23\n"
                "2023,Afghanistan,AFG,AFG,Pakistan,PAK,PAK,U,N,FI,P,6694\n")  # fmt: skip
    new = write(tmp_path, "new.csv", header + "2023,Afghanistan,AFG,AFG,Pakistan,PAK,PAK,U,A,AR,P,23\n"
                "2023,Afghanistan,AFG,AFG,Pakistan,PAK,PAK,U,N,FI,P,7000\n"
                "2024,Afghanistan,AFG,AFG,Pakistan,PAK,PAK,U,N,FI,P,100\n")  # fmt: skip
    assert import_refugee_file(con, old, version="2025.6.0").inserted == 2
    summary = import_refugee_file(con, new, version="2025.12.1")
    assert (summary.dataset, summary.format) == ("unhcr-asylum-applications", "unhcr-refugees-csv")
    assert (summary.inserted, summary.updated, summary.unchanged) == (1, 1, 1)
    rows = con.execute(
        "SELECT year, app_type, value, dataset_version FROM refugee_stats ORDER BY year, app_type"
    ).fetchall()
    assert rows == [(2023, "A", 23, "2025.6.0"), (2023, "N", 7000, "2025.12.1"), (2024, "N", 100, "2025.12.1")]
    value, evidence = queries.value(con, "applied", "AFG", "PAK", 2023)
    assert (value, evidence["versions"]) == (7_023, ["2025.12.1", "2025.6.0"])


def test_a_failed_import_leaves_the_store_as_it_was(con, tmp_path, monkeypatch):
    import torkham.refugees.importer as importer

    first = data_finder(tmp_path, "2022,Afghanistan,AFG,Pakistan,PAK,1743278,38108,6039,0,0,0,33,-,0", name="a.csv")
    import_refugee_file(con, first)
    before = [con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("refugee_stats", "imports")]

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "merge", broken)
    second = data_finder(
        tmp_path, "2023,Afghanistan,AFG,Pakistan,PAK,1,2,3,0,0,0,33,-,0", "1850,x,AFG,y,PAK,1,1,1,1,1,1,1,1,1"
    )
    with pytest.raises(RuntimeError):
        import_refugee_file(con, second)
    assert [con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("refugee_stats", "imports")] == before
    assert con.execute("SELECT count(*) FROM quarantine").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("header", "table"),
    [
        ("Year,Country of origin,Country of origin (ISO),Country of asylum,Country of asylum (ISO),"
         "Returned refugees,Resettlement arrivals,Naturalisation,Returned IDPs", "solutions"),
        ("Year,Country of origin,Country of origin (ISO),Country of asylum,Country of asylum (ISO),Total", "idmc"),
        ("Year,Country of origin,Country of origin (ISO),Country of asylum,Country of asylum (ISO),Authority,"
         "Application type,Decision level,Cases / Persons,Applied", "asylum_applications"),
        ("Year,Country of origin,Country of origin (ISO),Country of asylum,Country of asylum (ISO),Authority,"
         "Decision level,Cases / Persons,Recognized decisions,Complementary protection,Rejected decisions,"
         "Otherwise closed,Total decisions", "asylum_decisions"),
        ("year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers,refugee_like,oip", "flows"),
    ],
)  # fmt: skip
def test_the_table_is_detected_from_the_header(con, tmp_path, header, table):
    countries = (
        ["Afghanistan", "AFG", "AFG", "Pakistan", "PAK", "PAK"]
        if table == "flows"
        else ["Afghanistan", "AFG", "Pakistan", "PAK"]
    )
    dims = {"asylum_applications": ["U", "N", "FI", "P"], "asylum_decisions": ["U", "FI", "P"]}.get(table, [])
    cells = ["2023", *countries, *dims]
    cells += [str(i + 1) for i in range(header.count(",") + 1 - len(cells))]
    summary = import_refugee_file(con, write(tmp_path, "export.csv", header + "\n" + ",".join(cells) + "\n"))
    assert (summary.dataset, summary.quarantined, summary.inserted) == (TABLES[table].dataset, 0, 1)
    stored = con.execute("SELECT DISTINCT table_name, coo_iso, coa_iso FROM refugee_stats").fetchall()
    assert stored == [(table, "AFG", "PAK")]


def test_the_table_option_decides_when_the_header_cannot(con, tmp_path):
    path = write(tmp_path, "export.csv", "Year,Country of origin (ISO),Returned refugees\n2023,AFG,5\n")
    assert import_refugee_file(con, path).dataset == "unhcr-population"
    other = write(tmp_path, "export2.csv", "Year,Country of origin (ISO),Returned refugees\n2023,AFG,6\n")
    assert import_refugee_file(con, other, table="solutions").dataset == "unhcr-solutions"
    assert queries.value(con, "returned_refugees", "AFG", None, 2023, table="solutions")[0] == 6


@pytest.mark.parametrize(
    ("text", "table", "message"),
    [
        ("a,b\n1,2\n", None, "{p}: no header row found in the first 100 lines; expected a UNHCR table with a 'Year' "
         "(or 'year') column and counts such as 'Refugees under UNHCR's mandate' or 'refugees'"),
        ("Year,Country of origin,Refugees under UNHCR's mandate\n2023,Afghanistan,5\n", None,
         "{p}: the header has the country of origin but not its ISO code ('Country of origin (ISO)' or coo_iso); "
         "export the table with ISO codes and import it again"),
        ("Year,Refugees under UNHCR's mandate,refugees\n2023,5,5\n", None,
         "{p}: columns \"Refugees under UNHCR's mandate\" and 'refugees' both give refugees; keep one"),
        ("Year,Refugees under UNHCR's mandate\n2023,5\n", "idmc",
         "{p}: no column of table idmc in the header; expected one of: total"),
        ("Year,Refugees under UNHCR's mandate\n2023,5\n", "people", "--table: unknown table 'people'; choose one of: "
         "population, solutions, idmc, flows, asylum_applications, asylum_decisions"),
    ],
)  # fmt: skip
def test_files_that_are_not_unhcr_tables_are_refused(con, tmp_path, text, table, message):
    path = write(tmp_path, "x.csv", text)
    with pytest.raises(TorkhamError) as error:
        import_refugee_file(con, path, table=table)
    assert str(error.value) == message.format(p=path)
    assert con.execute("SELECT count(*) FROM imports").fetchone()[0] == 0
