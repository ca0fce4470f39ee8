"""The series read from `event_months` (events counted per month, store/event_months.py) answer exactly what
they answer from the events themselves; a table out of step with the events is never read; and a query of a
known shape runs its SQL compiled once, with the values bound (analysis/prepared.py)."""

import shutil
from datetime import date

import duckdb
import pytest

from torkham.analysis import prepared, readings
from torkham.analysis.selection import Tables, select
from torkham.analysis.series import compute_series
from torkham.params import DataSelection
from torkham.store.event_months import STAMP_TABLE, TABLE, ensure_event_months, is_current, refresh_event_months

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")  # ibis on duckdb 2

INSERT = """INSERT INTO events (dataset, event_id, dataset_version, date_start, date_end, date_precision,
    country, iso3, actor1, actor2, fatalities_best, content_hash, import_id)
    VALUES ('ucdp-ged', ?, '22.1', ?, ?, 'day', 'Pakistan', 'PAK', 'TTP', 'Government of Pakistan', ?, 7, 99)"""

QUESTIONS = [  # (dataset, actor, country, with factions), by, metric, from, to, window
    (("ucdp-ged", "TTP", "Pakistan", False), "month", "events", None, None, 3),
    (("ucdp-ged", "TTP", "Pakistan", False), "month", "fatalities", date(2009, 2, 14), date(2013, 7, 2), 1),
    ((None, None, "Pakistan", False), "year", "fatalities", None, None, 2),  # final events, country totals, candidate
    ((None, None, None, False), "month", "events", date(2021, 6, 1), date(2023, 12, 31), 3),
    (("ucdp-ged", "TTP", None, True), "year", "events", date(2010, 1, 1), date(2014, 12, 31), 1),
    (("ucdp-ged", "TTP", "PAK", False), "week", "events", date(2012, 1, 1), date(2012, 3, 31), 2),
]


@pytest.fixture(scope="module")
def months_db(bundled_store, tmp_path_factory):
    """The bundled store with `event_months` written, as an import writes it."""
    path = tmp_path_factory.mktemp("event-months") / "torkham.duckdb"
    shutil.copyfile(bundled_store, path)
    con = duckdb.connect(str(path))
    try:
        refresh_event_months(con)
    finally:
        con.close()
    return path


def _series(con, chosen, by, metric, start, end, window, source=None):
    backend, selection = select(con, DataSelection.parse(chosen[0], chosen[1], chosen[2], None, chosen[3]))
    if source == "events":  # the same store read as any Ibis backend: no event_months, nothing compiled ahead
        backend = Tables(backend.backend)
    return compute_series(backend, selection, by, metric, start, end, window).to_json()


def _tables(con) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


@pytest.mark.parametrize(("chosen", "by", "metric", "start", "end", "window"), QUESTIONS)
def test_series_from_event_months_are_the_series_from_the_events(months_db, chosen, by, metric, start, end, window):
    con = duckdb.connect(str(months_db), read_only=True)
    try:
        assert is_current(con, _tables(con))
        counted = _series(con, chosen, by, metric, start, end, window)
        from_events = _series(con, chosen, by, metric, start, end, window, source="events")
    finally:
        con.close()
    assert counted == from_events
    assert counted["total"]  # the question has an answer, so the comparison means something


def test_event_months_are_read_for_months_and_years_only(months_db, monkeypatch):
    sources = []
    original = readings._expression

    def noted(*args):
        sources.append(args[-1])  # the table the events are read from
        return original(*args)

    monkeypatch.setattr(readings, "_expression", noted)
    monkeypatch.setattr(prepared, "_COMPILED", {})
    con = duckdb.connect(str(months_db), read_only=True)
    try:
        for by in ("month", "year", "week"):
            _series(con, ("ucdp-ged", "TTP", "Pakistan", False), by, "events", date(2012, 1, 1), date(2012, 12, 31), 1)
    finally:
        con.close()
    assert sources == ["event_months", "event_months", "events"]


def test_event_months_out_of_step_with_the_events_are_not_read(months_db, tmp_path):
    path = tmp_path / "changed.duckdb"
    shutil.copyfile(months_db, path)
    question = (("ucdp-ged", "TTP", "Pakistan", False), "month", "fatalities", date(2012, 5, 1), date(2012, 5, 31), 1)
    con = duckdb.connect(str(path))
    try:
        before = _series(con, *question)["series"][0]["fatalities"]
        con.execute(INSERT, ["test-1", date(2012, 5, 9), date(2012, 5, 9), 40])  # a writer that did not refresh
        assert not is_current(con, _tables(con))
        assert _series(con, *question)["series"][0]["fatalities"] == before + 40
        con.execute("UPDATE events SET fatalities_best = 41, content_hash = 8 WHERE event_id = 'test-1'")
        assert _series(con, *question)["series"][0]["fatalities"] == before + 41
        assert ensure_event_months(con) and not ensure_event_months(con)  # written once, then in step
        assert is_current(con, _tables(con))
        assert _series(con, *question)["series"][0]["fatalities"] == before + 41
    finally:
        con.close()


def test_a_store_without_event_months_reads_the_events(bundled_store, tmp_path):
    old = tmp_path / "older.duckdb"  # as a store written before the table existed
    shutil.copyfile(bundled_store, old)
    with duckdb.connect(str(old)) as rw:
        rw.execute(f"DROP TABLE IF EXISTS {TABLE}")
        rw.execute(f"DROP TABLE IF EXISTS {STAMP_TABLE}")
    con = duckdb.connect(str(old), read_only=True)
    try:
        assert not is_current(con, _tables(con))
        data = _series(con, ("ucdp-ged", "TTP", "Pakistan", False), "year", "events", date(2021, 1, 1), None, 1)
    finally:
        con.close()
    assert data["series"][0]["events"] > 0


def test_a_shape_is_compiled_once_and_its_values_are_bound(months_db, monkeypatch):
    monkeypatch.setattr(prepared, "_COMPILED", {})
    compiled = []
    original = prepared._compile

    def counted(*args):
        compiled.append(1)
        return original(*args)

    monkeypatch.setattr(prepared, "_compile", counted)
    con = duckdb.connect(str(months_db), read_only=True)
    try:
        ttp = _series(con, ("ucdp-ged", "TTP", "Pakistan", False), "month", "events", None, None, 1)
        first = len(compiled)
        bla = _series(con, ("ucdp-ged", "BLA", "Pakistan", False), "month", "events", None, None, 1)
        assert len(compiled) == first  # the same shape: nothing compiled again
        factions = _series(con, ("ucdp-ged", "TTP", "Pakistan", True), "month", "events", None, None, 1)
        assert len(compiled) == first + 2  # more actor ids: the actor names checked and the series, compiled anew
    finally:
        con.close()
    assert ttp["total"] != bla["total"] and factions["total"] > ttp["total"]
    assert (ttp["actor"]["id"], bla["actor"]["id"]) == ("ttp", "bla")


def test_every_write_leaves_the_monthly_counts_in_step_with_the_events(bundled_store):
    con = duckdb.connect(str(bundled_store), read_only=True)
    try:
        assert is_current(con, _tables(con))  # written by the store's writer as it publishes the copy
        per_month = con.execute(f"SELECT sum(events) FROM {TABLE}").fetchone()[0]
        assert per_month == con.execute("SELECT count(*) FROM events").fetchone()[0]
    finally:
        con.close()
