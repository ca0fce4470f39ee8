"""`torkham signals` on small event tables written into a test store: bands at their edges, record
months, change points, newly active actors, and the events behind every signal."""

import csv
import io
import json
import shutil
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import duckdb
import pytest

from torkham.analysis.changepoints import change_points
from torkham.analysis.signals import band

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")  # ibis on duckdb 2

MINI_KB = Path(__file__).parent / "data" / "mini" / "kb"
AS_OF = date(2023, 12, 31)  # a Sunday: this period is 2023-12-25 .. 2023-12-31
INSERT = """INSERT INTO events (dataset, event_id, dataset_version, date_start, date_end, date_precision,
    country, iso3, actor1, actor2, fatalities_best, content_hash, import_id)
    VALUES ('acled', ?, 'test-1', ?, ?, 'day', ?, ?, ?, ?, ?, 0, 0)"""


@pytest.fixture(scope="module")
def base_db(tmp_path_factory):
    """A store over the mini knowledge (it also holds the bundled UCDP data), built once."""
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("signals") / "base.duckdb"
    ensure_store(path, MINI_KB)
    return path


class Events:
    """Test events (dataset 'acled', TTP against the state unless said otherwise) for one country."""

    def __init__(self, country: str):
        self.country, self.rows = country, []

    def add(self, day: date, count: int = 1, actor1: str = "TTP", actor2: str = "Pakistan", deaths: int = 1):
        for _ in range(count):
            eid = f"{self.country}-{len(self.rows) + 1:05d}"
            self.rows.append((eid, day, day, self.country, self.country[:3].upper(), actor1, actor2, deaths))
        return self

    def week(self, back: int, count: int, **kw):
        """`count` events in the week `back` weeks before this period (0: this period), spread over its days."""
        for i in range(count):
            self.add(AS_OF - timedelta(days=7 * back + i % 7), **kw)
        return self


def _months(first: date, count: int):
    day = first
    for _ in range(count):
        yield day
        day = (day + timedelta(days=32)).replace(day=1)


def _scenarios() -> list[Events]:
    """One country per situation; they share a store since every analysis here filters by country."""
    groups = []
    for current in (25, 26, 21, 18, 14):
        group = Events(f"Case{current}").week(0, current)
        for back in range(1, 5):
            group.week(back, 20)
        groups.append(group)
    yearly = Events("Yearly").week(0, 11)
    for back in range(1, 53):
        yearly.week(back, 10 if back <= 4 else 5)
    young = Events("Young").week(0, 12)
    for back in range(1, 5):
        young.week(back, 10)
    quiet = Events("Quiet").week(0, 2).week(1, 1).week(2, 1).week(3, 1).week(4, 1)
    record = Events("Record")
    for month in _months(date(2022, 1, 1), 23):
        record.add(month + timedelta(days=14), 9 if month == date(2022, 6, 1) else 3)
    record.add(date(2023, 12, 5), 8)
    peak = Events("Peak")
    for month in _months(date(2022, 1, 1), 23):
        peak.add(month + timedelta(days=3), 2)
    peak.add(date(2023, 12, 20), 6, deaths=4)
    brk = Events("Break")
    for month in _months(date(2020, 1, 1), 48):
        brk.add(month + timedelta(days=9), 2 if month < date(2022, 1, 1) else 20)
    fresh = Events("Fresh").add(date(2021, 1, 1), actor1="Old Band").add(date(2022, 11, 20), actor1="Old Band")
    fresh.add(date(2023, 12, 20)).add(AS_OF - timedelta(days=2), actor1="New Front").add(AS_OF, actor1="Old Band")
    fresh.add(AS_OF - timedelta(days=1))
    listed = Events("Listed").week(0, 12).week(1, 3).week(2, 3).week(3, 3).week(4, 3)
    listed.add(AS_OF, actor1="Someone Else", actor2="Another")
    late = Events("Late").add(date(2023, 6, 1)).add(date(2023, 6, 30))
    rows = Events("Rows").week(0, 6).week(1, 4)
    return [*groups, yearly, young, quiet, record, peak, brk, fresh, listed, late, rows]


@pytest.fixture(scope="module")
def scenarios_db(base_db):
    from torkham.datasets.actors import refresh_actor_names

    path = base_db.parent / "scenarios.duckdb"
    shutil.copy(base_db, path)
    con = duckdb.connect(str(path))
    try:
        con.executemany(INSERT, [row for group in _scenarios() for row in group.rows])
        refresh_actor_names(con, MINI_KB)
    finally:
        con.close()
    return path


@pytest.fixture
def store(scenarios_db, cli):
    """`run(*args)` runs torkham on the scenarios store; `signals(*args)` gives its JSON as of AS_OF."""

    class Store:
        db = scenarios_db

        def run(self, *args):
            return cli("--db", scenarios_db, "--kb", MINI_KB, *args)

        def signals(self, *args):
            result = self.run("signals", "--dataset", "acled", "--as-of", AS_OF.isoformat(), *args, "--json")
            assert result.code == 0, result.err
            return json.loads(result.out)

    return Store()


def _kind(data, kind, metric=None):
    return [s for s in data["signals"] if s["kind"] == kind and (metric is None or s["metric"] == metric)]


@pytest.mark.parametrize(
    ("current", "expected"),
    [
        (26, (30, "large increase")),
        (25, (25, "moderate increase")),
        (22, (10, "moderate increase")),
        (21, (5, "stable")),
        (20, (0, "stable")),
        (19, (-5, "stable")),
        (18, (-10, "moderate decrease")),
        (15, (-25, "moderate decrease")),
        (14, (-30, "large decrease")),
    ],
)
def test_bands_at_their_edges(current, expected):
    assert band(current, Fraction(20)) == expected


def test_a_rise_from_nothing_is_a_large_increase_and_nothing_from_nothing_is_stable():
    assert band(3, Fraction(0)) == (None, "large increase")
    assert band(0, Fraction(0)) == (0, "stable")
    assert band(11, Fraction(10)) == (10, "moderate increase")  # exact: no float rounding at the edge
    assert band(9, Fraction(10)) == (-10, "moderate decrease")


@pytest.mark.parametrize(
    ("current", "band_4w"),
    [
        (25, "moderate increase"),
        (26, "large increase"),
        (21, "stable"),
        (18, "moderate decrease"),
        (14, "large decrease"),
    ],
)
def test_this_week_against_the_previous_four(store, current, band_4w):
    data = store.signals("--country", f"Case{current}", "--min-events", "0")
    (events,) = _kind(data, "compare-4w", "events")
    assert (events["this_period"], events["baseline_mean"], events["baseline_weeks"]) == (current, 20, 4)
    assert events["band"] == band_4w
    assert events["events"]["count"] == current and len(events["events"]["ids"]) == 10
    assert data["this_period"] == ["2023-12-25", "2023-12-31"]


def test_this_week_against_the_previous_fifty_two(store):
    data = store.signals("--country", "Yearly")
    (four,) = _kind(data, "compare-4w", "events")
    (year,) = _kind(data, "compare-52w", "events")
    assert (four["change_pct"], four["band"]) == (10.0, "moderate increase")
    assert (year["baseline_weeks"], year["baseline_mean"]) == (52, round(280 / 52, 4))
    assert year["band"] == "large increase"
    (deaths,) = _kind(data, "compare-52w", "fatalities")
    assert (deaths["this_period"], deaths["band"]) == (11, "large increase")


def test_weeks_before_the_data_begins_are_not_counted_as_zeros(store):
    (year,) = _kind(store.signals("--country", "Young"), "compare-52w", "events")
    assert (year["baseline_weeks"], year["baseline_mean"], year["band"]) == (4, 10, "moderate increase")


def test_small_numbers_are_below_the_minimum(store):
    (four,) = _kind(store.signals("--country", "Quiet"), "compare-4w", "events")
    assert (four["change_pct"], four["band"]) == (100.0, "below minimum")
    assert four["summary"].endswith("(fewer than 5 on both sides)")
    (four,) = _kind(store.signals("--country", "Quiet", "--min-events", "2"), "compare-4w", "events")
    assert four["band"] == "large increase"


def test_the_highest_month_in_n_months_with_a_minimum_size(store):
    data = store.signals("--country", "Record")
    (highest,) = _kind(data, "highest", "events")
    assert (highest["value"], highest["months"], highest["since_data_began"]) == (8, 18, False)
    assert highest["summary"] == "events in 2023-12: 8, the highest in 18 months, since 2022-06 (9)"
    assert (highest["from"], highest["to"], highest["events"]["count"]) == ("2023-12-01", "2023-12-31", 8)
    assert _kind(store.signals("--country", "Record", "--min-events", "9"), "highest") == []
    assert _kind(store.signals("--country", "Record", "--record-months", "19"), "highest") == []
    (highest,) = _kind(store.signals("--country", "Record", "--record-months", "18"), "highest", "events")
    assert highest["months"] == 18


def test_the_highest_since_the_data_began(store):
    (events,) = _kind(store.signals("--country", "Peak"), "highest", "events")
    assert events["summary"] == "events in 2023-12: 6, the highest in 24 months, since the data began (2022-01)"
    (deaths,) = _kind(store.signals("--country", "Peak"), "highest", "fatalities")
    assert (deaths["value"], deaths["months"]) == (24, 24)


def test_change_points_find_an_obvious_break():
    assert change_points([2] * 24 + [20] * 24) == [24]
    assert change_points([3, 2, 4, 3] * 12) == []
    assert change_points([1, 2]) == []


def test_a_change_point_is_dated_and_names_its_events(store):
    (point,) = _kind(store.signals("--country", "Break"), "change-point")
    assert (point["from"], point["to"], point["direction"]) == ("2022-01-01", "2023-12-31", "up")
    assert (point["before_mean"], point["after_mean"], point["recent"]) == (2, 20, False)
    assert (
        point["summary"]
        == "change point 2022-01: events per month up from 2.0 (2020-01 to 2021-12) to 20.0 (2022-01 to 2023-12)"
    )
    assert point["events"]["count"] == 480


def test_newly_active_actors_first_ever_and_after_a_gap(store):
    found = {s["name"]: s for s in _kind(store.signals("--country", "Fresh"), "new-actor")}
    assert sorted(found) == ["New Front", "Old Band"]
    assert found["New Front"]["summary"] == "'New Front' appears for the first time in the acled data held"
    assert (found["New Front"]["last_seen"], found["New Front"]["events"]["ids"]) == (None, ["Fresh-00004"])
    assert found["Old Band"]["summary"] == "'Old Band' is active again after 400 days (last seen 2022-11-20)"
    assert found["Old Band"]["gap_days"] == 400 and found["Old Band"]["events"]["count"] == 1
    assert "Fresh-00005" in found["Old Band"]["events"]["ids"]
    shorter = {s["name"] for s in _kind(store.signals("--country", "Fresh", "--gap-days", "401"), "new-actor")}
    assert shorter == {"New Front"}


def test_the_query_of_each_signal_lists_its_events(store):
    data = store.signals("--country", "Listed", "--actor", "TTP")
    (four,) = _kind(data, "compare-4w", "events")
    assert four["events"]["count"] == 12  # the other actors' event is not TTP's
    con = duckdb.connect(str(store.db), read_only=True)
    try:
        ids = [row[0] for row in con.execute(four["events"]["query"]).fetchall()]
    finally:
        con.close()
    assert len(ids) == 12 and ids[:10] == four["events"]["ids"]


def test_the_default_as_of_is_the_last_covered_day_and_the_output_says_so(store):
    """An ACLED file states no coverage: a country is covered from its first event to the file's last day."""
    result = store.run("signals", "--dataset", "acled", "--country", "Late")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Signals for all actors in Late (LAT)"
    assert lines[1] == "as of 2023-12-31: the last day the acled data held covers (--as-of picks another day)"
    assert (
        lines[2]
        == "Data: acled version test-1 — ACLED, Armed Conflict Location & Event Data, licence ACLED terms of use"
    )
    assert "This period: the week 2023-12-25 to 2023-12-31" in lines[3]


def test_no_signal_is_computed_past_the_data_covered(store):
    result = store.run("signals", "--dataset", "ucdp-ged", "--actor", "TTP", "--as-of", "2022-06-30", "--json")
    data = json.loads(result.out)
    assert data["signals"] == []
    assert (
        "the ucdp-ged data held covers to 2021-12-31, before 2022-06-30: no signal is computed where no data "
        "covers (a week without data is unknown, not calm)"
    ) in data["notes"]


def test_signals_on_the_bundled_data_name_their_events(store):
    result = store.run("signals", "--dataset", "ucdp-ged", "--actor", "TTP")
    assert result.code == 0, result.err
    assert "as of 2021-12-31: the last day the ucdp-ged data held covers" in result.out
    assert "    list them: SELECT event_id, date_start" in result.out
    assert "change point 2007-" in result.out


def test_csv_has_one_row_per_signal(store):
    result = store.run("signals", "--dataset", "acled", "--country", "Rows", "--as-of", "2023-12-31", "--csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["kind"], r["metric"]) for r in rows[:4]] == [
        ("compare-4w", "events"),
        ("compare-52w", "events"),
        ("compare-4w", "fatalities"),
        ("compare-52w", "fatalities"),
    ]
    assert rows[0]["events"] == "6" and rows[0]["event_ids"].split()[0] == "Rows-00006"  # by date
    assert rows[0]["query"].startswith("SELECT event_id") and rows[0]["dataset"] == "acled"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "2023-13"), "Error: --as-of: '2023-13' has month 13; months run from 01 to 12\n"),
        (("--min-events", "-1"), "Error: --min-events: -1 is negative; use 0 or more\n"),
        (("--gap-days", "0"), "Error: --gap-days: 0 is too short; use 1 or more\n"),
        (("--record-months", "1"), "Error: --record-months: 1 is too few; use 2 or more\n"),
        (
            ("--actor", "Nobody At All"),
            "Error: --actor: no actor named 'Nobody At All'; run 'torkham actors' to list them\n",
        ),
    ],
)
def test_bad_signal_options_are_refused(store, args, message):
    result = store.run("signals", "--dataset", "acled", *args)
    assert (result.code, result.err) == (1, message)


def test_several_datasets_need_a_choice(store):
    result = store.run("signals")
    assert result.code == 1
    assert result.err == (
        "Error: --dataset: the store holds events of 4 datasets (ucdp-ged, ucdp-country-month, ucdp-candidate, acled), "
        "which overlap; choose one\n"
    )
