"""Totals per country and month (ucdp-country-month) go to `country_month`, never to events: an empty
cell is NULL, never 0; bad rows are quarantined with row, field and reason; the same file twice changes
nothing."""

from __future__ import annotations

from datetime import date

import pytest

from torkham.datasets.bundled import DATA_DIR
from torkham.datasets.country_month import country_month_values
from torkham.datasets.coverage import coverage_rows
from torkham.datasets.importer import import_file
from torkham.errors import TorkhamError

BUNDLED = DATA_DIR / "ucdp-country-month-afg-pak" / "ucdp_country_month_afg_pak.csv"
HEADER = "month,country,iso3,fatalities_best_all_types,fatalities_state_based\n"


def _yearly(con, iso3: str, year: int, measure: str = "fatalities") -> int:
    return con.execute(
        "SELECT sum(value) FROM country_month WHERE iso3 = ? AND year(month) = ? AND measure = ?", [iso3, year, measure]
    ).fetchall()[0][0]


def test_the_bundled_totals_are_stored_as_country_month_values(con):
    summary = import_file(con, BUNDLED)
    assert (summary.dataset, summary.format, summary.version) == (
        "ucdp-country-month", "ucdp-country-month-csv", "25.1-pace-hist",
    )  # fmt: skip
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (848, 1696, 0)
    assert con.execute("SELECT count(*) FROM events").fetchall() == [(0,)]
    assert (_yearly(con, "PAK", 2023), _yearly(con, "AFG", 2022), _yearly(con, "AFG", 2023)) == (1177, 1525, 356)
    assert (_yearly(con, "PAK", 2021), _yearly(con, "PAK", 2022), _yearly(con, "AFG", 2021)) == (452, 719, 35967)
    counts = con.execute(
        """SELECT measure, count(*), count(value), min(month) FILTER (WHERE value IS NOT NULL)
           FROM country_month GROUP BY measure ORDER BY measure"""
    ).fetchall()
    assert counts == [
        ("fatalities", 848, 848, date(1989, 1, 1)),
        ("fatalities_state_based", 848, 152, date(2018, 1, 1)),
    ]
    pak = {r["month"]: r["value"] for r in country_month_values(con, measure="fatalities_state_based", iso3="PAK")}
    assert (pak[date(2017, 12, 1)], len(pak)) == (None, 424)  # not measured: NULL, never 0
    assert [(r["country"], r["first_day"], r["last_day"], r["status"]) for r in coverage_rows(con)] == [
        ("Afghanistan", date(1989, 1, 1), date(2024, 4, 30), "aggregate"),
        ("Pakistan", date(1989, 1, 1), date(2024, 4, 30), "aggregate"),
    ]


def test_the_same_file_twice_changes_nothing(con):
    import_file(con, BUNDLED)
    again = import_file(con, BUNDLED)
    assert again.already_imported is not None
    assert con.execute("SELECT count(*) FROM imports").fetchall() == [(1,)]
    assert con.execute("SELECT count(*) FROM country_month").fetchall() == [(1696,)]


def test_bad_rows_are_quarantined_with_row_field_and_reason(con, tmp_path):
    path = tmp_path / "totals.csv"
    path.write_text(
        HEADER
        + "2023-01,Pakistan,PAK,10,4\n"  # 1
        + "2023-02,Pakistan,PAK,-3,\n"  # 2 negative
        + "2023-13,Pakistan,PAK,5,\n"  # 3 no such month
        + "2023-03,Pakistan,PAK,2.5,\n"  # 4 not whole
        + "2023-04,,PAK,1,\n"  # 5 no country
        + "2023-05,Pakistan,PAK,7,x\n"  # 6 not whole
        + "2023-01,Pakistan,PAK,11,\n"  # 7 the same month again
        + "2023-06,Pakistan,PAK,,\n"  # 8 nothing measured: NULLs
        + "2023-07,Pakistan,PAK,0,0\n"  # 9 zero is a value
    )
    summary = import_file(con, path, version="test")
    assert (summary.rows_read, summary.inserted, summary.quarantined) == (9, 6, 6)
    assert con.execute("SELECT row_number, field, value, reason FROM quarantine ORDER BY row_number").fetchall() == [
        (2, "fatalities_best_all_types", "-3", "negative"),
        (3, "month", "2023-13", "not a month (expected YYYY-MM)"),
        (4, "fatalities_best_all_types", "2.5", "not a whole number"),
        (5, "country", None, "missing country"),
        (6, "fatalities_state_based", "x", "not a whole number"),
        (7, "month", "2023-01", "the same country and month again (first at row 1)"),
    ]
    held = con.execute("SELECT month, measure, value FROM country_month ORDER BY month, measure").fetchall()
    assert held == [
        (date(2023, 1, 1), "fatalities", 10), (date(2023, 1, 1), "fatalities_state_based", 4),
        (date(2023, 6, 1), "fatalities", None), (date(2023, 6, 1), "fatalities_state_based", None),
        (date(2023, 7, 1), "fatalities", 0), (date(2023, 7, 1), "fatalities_state_based", 0),
    ]  # fmt: skip
    assert [(r["first_day"], r["last_day"]) for r in coverage_rows(con)] == [(date(2023, 1, 1), date(2023, 7, 31))]


def test_a_changed_value_replaces_the_one_held(con, tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(HEADER + "2023-01,Pakistan,PAK,10,\n2023-02,Pakistan,PAK,3,\n")
    second.write_text(HEADER + "2023-01,Pakistan,PAK,12,\n2023-02,Pakistan,PAK,3,\n2023-03,Pakistan,PAK,1,\n")
    import_file(con, first, version="1")
    summary = import_file(con, second, version="2")
    assert (summary.inserted, summary.updated, summary.unchanged) == (2, 1, 3)
    assert con.execute(
        "SELECT month, value, dataset_version FROM country_month WHERE measure = 'fatalities' ORDER BY month"
    ).fetchall() == [(date(2023, 1, 1), 12, "2"), (date(2023, 2, 1), 3, "1"), (date(2023, 3, 1), 1, "2")]


def test_a_file_of_totals_that_states_no_version_is_refused(con, tmp_path):
    path = tmp_path / "totals.csv"
    path.write_text(HEADER + "2023-01,Pakistan,PAK,10,\n")
    with pytest.raises(TorkhamError) as error:
        import_file(con, path)
    assert str(error.value) == (
        f"{path}: the file does not state its UCDP country-month version (it is not the bundled file); "
        "pass --version, e.g. --version 25.1-pace-hist"
    )
    assert con.execute("SELECT count(*) FROM imports").fetchall() == [(0,)]
