"""`torkham series` over the bundled UCDP GED Pakistan extract, checked against a direct reading of the CSV."""

import csv
import io
import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from torkham.params import CountryRef

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")  # ibis on duckdb 2

BUNDLED_CSV = Path(__file__).resolve().parent.parent / "src/torkham/data/ucdp-ged-pakistan/ucdp_ged_pakistan.csv"


@pytest.fixture(scope="module")
def ucdp_db(tmp_path_factory):
    """One store for the module, built from the bundled knowledge and data."""
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("series") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture
def ucdp(cli, ucdp_db, monkeypatch):
    monkeypatch.delenv("TORKHAM_KB", raising=False)

    def invoke(*args):
        return cli("--db", ucdp_db, *args)

    return invoke


@pytest.fixture(scope="module")
def ttp_rows():
    """The CSV's TTP events in Pakistan (TTP as side_a or side_b), read with the csv module."""
    with BUNDLED_CSV.open(encoding="utf-8", newline="") as handle:
        return [
            (date.fromisoformat(r["date_start"][:10]), int(r["best"]))
            for r in csv.DictReader(handle)
            if r["country"] == "Pakistan" and "TTP" in (r["side_a"], r["side_b"])
        ]


def _json(result):
    assert result.code == 0, result.err
    return json.loads(result.out)


def _tally(rows, key):
    events, best = Counter(), Counter()
    for day, deaths in rows:
        events[key(day)] += 1
        best[key(day)] += deaths
    return events, best


def test_done_when_monthly_counts_and_best_sums_match_the_csv(ucdp, ttp_rows):
    events, best = _tally(ttp_rows, lambda d: f"{d:%Y-%m}")
    months = [f"2021-{m:02d}" for m in range(1, 13)]
    args = (
        "series",
        "--actor",
        "TTP",
        "--country",
        "Pakistan",
        "--by",
        "month",
        "--from",
        "2021-01",
        "--to",
        "2021-12",
    )
    counted = _json(ucdp(*args, "--json"))
    summed = _json(ucdp(*args, "--metric", "fatalities", "--json"))
    assert [p["period"] for p in counted["series"]] == months
    assert [p["events"] for p in counted["series"]] == [events[m] for m in months]
    assert [p["fatalities"] for p in summed["series"]] == [best[m] for m in months]
    assert counted["total"] == sum(events[m] for m in months) > 0
    assert (counted["dataset"], counted["datasets"], counted["licence"]) == ("ucdp-ged", ["ucdp-ged"], "CC BY 4.0")
    assert counted["versions"]["ucdp-ged"] == ["22.1"]
    assert {p["basis"] for p in counted["series"]} == {"events"}
    assert counted["actor"] == {"id": "ttp", "name": "Tehrik-e-Taliban Pakistan"}
    assert (counted["from"], counted["to"]) == ("2021-01-01", "2021-12-31")
    assert counted["notes"] == ["UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31"]


def test_the_table_names_the_selection_the_dataset_and_its_version(ucdp, ttp_rows):
    events, _ = _tally(ttp_rows, lambda d: f"{d:%Y-%m}")
    result = ucdp("series", "--actor", "TTP", "--country", "Pakistan", "--from", "2021-01", "--to", "2021-12")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == "Tehrik-e-Taliban Pakistan (ttp) in Pakistan (PAK): events per month, 2021-01 to 2021-12"
    assert lines[1] == "Data: ucdp-ged version 22.1 — UCDP GED, Uppsala Conflict Data Program, licence CC BY 4.0"
    assert lines[3].split() == ["period", "events", "mean", "of", "3", "basis"]
    assert lines[4].split()[:2] == ["2021-01", str(events["2021-01"])]
    assert lines[4].split()[-1] == "events"
    assert lines[-2].split() == ["total", str(sum(events[f"2021-{m:02d}"] for m in range(1, 13)))]
    assert lines[-1] == "note: UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31"


def test_csv_goes_to_standard_output_or_to_a_file(ucdp, ttp_rows, tmp_path):
    _, best = _tally(ttp_rows, lambda d: f"{d:%Y-%m}")
    args = (
        "series",
        "--actor",
        "ttp",
        "--country",
        "PAK",
        "--metric",
        "fatalities",
        "--from",
        "2021-06",
        "--to",
        "2021-08",
    )
    result = ucdp(*args, "--csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert list(rows[0]) == [
        "period", "start", "end", "fatalities", "rolling_mean", "window", "basis", "dataset", "version",
    ]  # fmt: skip
    assert [(r["period"], int(r["fatalities"])) for r in rows] == [
        (m, best[m]) for m in ("2021-06", "2021-07", "2021-08")
    ]
    assert {(r["basis"], r["dataset"], r["version"], r["window"]) for r in rows} == {
        ("events", "ucdp-ged", "22.1", "3")
    }
    target = tmp_path / "series.csv"
    assert ucdp(*args, "--csv", "-o", target).out == ""
    assert target.read_text(encoding="utf-8") == result.out


def test_every_period_is_present_and_empty_ones_count_zero(ucdp, ttp_rows):
    events, _ = _tally(ttp_rows, lambda d: f"{d:%Y-%m}")
    data = _json(ucdp("series", "--actor", "TTP", "--from", "2005-01", "--to", "2008-12", "--json"))
    months = [f"{y}-{m:02d}" for y in range(2005, 2009) for m in range(1, 13)]
    assert [p["period"] for p in data["series"]] == months
    assert [p["events"] for p in data["series"]] == [events[m] for m in months]
    assert data["series"][0]["events"] == 0 and data["total"] > 0


def test_weeks_are_iso_weeks_starting_on_monday(ucdp, ttp_rows):
    events, best = _tally(ttp_rows, lambda d: d - timedelta(days=d.weekday()))
    data = _json(
        ucdp("series", "--actor", "TTP", "--by", "week", "--from", "2021-01-04", "--to", "2021-03-28", "--json")
    )
    starts = [date(2021, 1, 4) + timedelta(weeks=k) for k in range(12)]
    assert [p["start"] for p in data["series"]] == [s.isoformat() for s in starts]
    assert [p["period"] for p in data["series"]][:2] == ["2021-W01", "2021-W02"]
    assert [p["events"] for p in data["series"]] == [events[s] for s in starts]
    assert data["notes"] == ["UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31"]


def test_a_range_not_on_period_bounds_is_widened_and_says_so(ucdp):
    data = _json(ucdp("series", "--by", "week", "--from", "2021-01", "--to", "2021-01", "--json"))
    assert (data["from"], data["to"]) == ("2020-12-28", "2021-01-31")
    assert data["notes"] == [
        "range widened to whole weeks: 2020-12-28 to 2021-01-31",
        "UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31",
    ]


def test_years_cover_the_data_by_default_and_years_no_data_wholly_covers_are_null(ucdp, ttp_rows):
    events, best = _tally(ttp_rows, lambda d: d.year)
    data = _json(ucdp("series", "--actor", "TTP", "--by", "year", "--metric", "fatalities", "--window", "1", "--json"))
    assert [p["period"] for p in data["series"]] == [str(y) for y in range(1989, 2024)]
    assert [p["fatalities"] for p in data["series"]] == [best[y] for y in range(1989, 2022)] + [None, None]
    assert [p["basis"] for p in data["series"]][-3:] == ["events", None, None]
    assert (data["from"], data["to"], data["data_covers"]) == ("1989-01-01", "2023-12-31", ["1989-01-01", "2023-10-31"])
    assert data["periods_unknown"] == 2
    assert "2 of 35 years are not wholly covered by any dataset: their value is unknown (null), not 0" in data["notes"]
    assert all(p["rolling_mean"] == p["fatalities"] for p in data["series"])


def test_the_rolling_mean_trails_and_reaches_back_before_the_range(ucdp, ttp_rows):
    events, _ = _tally(ttp_rows, lambda d: f"{d:%Y-%m}")
    data = _json(ucdp("series", "--actor", "TTP", "--from", "2021-01", "--to", "2021-06", "--window", "4", "--json"))
    months = ["2020-10", "2020-11", "2020-12"] + [f"2021-{m:02d}" for m in range(1, 7)]
    counts = [events[m] for m in months]
    expected = [sum(counts[i : i + 4]) / 4 for i in range(6)]
    assert [p["rolling_mean"] for p in data["series"]] == pytest.approx(expected, abs=1e-4)
    assert data["window"] == 4


def test_the_rolling_mean_is_empty_where_its_window_starts_before_the_data(ucdp):
    data = _json(ucdp("series", "--by", "year", "--from", "1989", "--to", "1992", "--json"))
    assert [p["rolling_mean"] is None for p in data["series"]] == [True, True, False, False]
    assert "the rolling mean is empty where its 3-year window holds a period no data covers" in data["notes"]


def test_a_range_no_data_covers_is_unknown_not_zero(ucdp):
    result = ucdp("series", "--actor", "TTP", "--from", "2030-01", "--to", "2030-03")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert [line.split() for line in lines[5:9]] == [
        ["2030-01", "unknown", "no", "data"],
        ["2030-02", "unknown", "no", "data"],
        ["2030-03", "unknown", "no", "data"],
        ["total", "unknown", "(no", "data", "covers", "this", "range)"],
    ]
    assert "note: UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after until 2023-10-01" in lines
    assert "note: 3 of 3 months are not wholly covered by any dataset: their value is unknown (null), not 0" in lines
    assert " 0 " not in result.out


def test_done_when_ttp_numbers_in_2021_and_null_with_a_coverage_note_in_2022(ucdp, ttp_rows):
    events, _ = _tally(ttp_rows, lambda d: f"{d:%Y-%m}")
    data = _json(
        ucdp("series", "--actor", "TTP", "--country", "Pakistan", "--by", "month", "--from", "2021-10", "--to",
             "2022-03", "--json")
    )  # fmt: skip
    assert [(p["period"], p["events"], p["basis"]) for p in data["series"]] == [
        ("2021-10", events["2021-10"], "events"),
        ("2021-11", events["2021-11"], "events"),
        ("2021-12", events["2021-12"], "events"),
        ("2022-01", None, None),
        ("2022-02", None, None),
        ("2022-03", None, None),
    ]
    assert (
        "UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after until 2023-10-01" in data["notes"]
    )
    csv_out = ucdp("series", "--actor", "TTP", "--country", "Pakistan", "--from", "2021-12", "--to", "2022-01", "--csv")
    rows = list(csv.DictReader(io.StringIO(csv_out.out)))
    assert [(r["period"], r["events"], r["basis"]) for r in rows] == [
        ("2021-12", str(events["2021-12"]), "events"),
        ("2022-01", "", ""),
    ]


@pytest.mark.parametrize(
    ("country", "year", "deaths"),
    [
        ("Afghanistan", "2022", 1525),
        ("Afghanistan", "2023", 356),
        ("Pakistan", "2022", 719),
        ("Pakistan", "2023", 1177),
    ],
)
def test_done_when_country_years_rest_on_the_country_totals(ucdp, country, year, deaths):
    data = _json(
        ucdp("series", "--country", country, "--by", "year", "--metric", "fatalities", "--from", year, "--to", year,
             "--json")
    )  # fmt: skip
    assert [(p["fatalities"], p["basis"]) for p in data["series"]] == [(deaths, "aggregate")]
    assert data["datasets"] == ["ucdp-country-month"]


def test_final_events_take_precedence_over_country_totals_and_nothing_counts_twice(ucdp):
    data = _json(
        ucdp("series", "--country", "Pakistan", "--by", "year", "--metric", "fatalities", "--from", "2021",
             "--to", "2022", "--window", "1", "--json")
    )  # fmt: skip
    assert [(p["period"], p["fatalities"], p["basis"]) for p in data["series"]] == [
        ("2021", 448, "events"),  # UCDP GED 22.1 events, not the 452 of the GED 25.1 totals
        ("2022", 719, "aggregate"),
    ]


@pytest.mark.parametrize(
    ("basis", "expected"),
    [("aggregate", [452, 719]), ("events", [448, None]), ("candidate", [None, None])],
)
def test_basis_chooses_what_the_periods_rest_on(ucdp, basis, expected):
    data = _json(
        ucdp("series", "--country", "Pakistan", "--by", "year", "--metric", "fatalities", "--from", "2021",
             "--to", "2022", "--basis", basis, "--json")
    )  # fmt: skip
    assert [p["fatalities"] for p in data["series"]] == expected


def test_october_2023_rests_on_country_totals_before_candidate_events(ucdp):
    """Country totals come from a final GED release: they win over preliminary candidate events."""
    country = _json(
        ucdp("series", "--country", "Pakistan", "--metric", "fatalities", "--from", "2023-10", "--to", "2023-10",
             "--json")
    )  # fmt: skip
    assert [(p["fatalities"], p["basis"]) for p in country["series"]] == [(120, "aggregate")]
    actor = _json(ucdp("series", "--actor", "TTP", "--from", "2023-10", "--to", "2023-10", "--json"))
    assert [p["basis"] for p in actor["series"]] == ["candidate"]
    assert any("preliminary" in note for note in actor["notes"])


def test_an_actor_question_is_never_answered_from_country_totals(ucdp):
    result = ucdp("series", "--actor", "TTP", "--basis", "aggregate")
    assert (result.code, result.err) == (
        1,
        "Error: --basis: country totals never answer a question about an actor; choose events or candidate data\n",
    )


def test_afghanistan_is_covered_by_totals_and_candidate_events(ucdp):
    data = _json(ucdp("series", "--country", "Afghanistan", "--from", "2023-09", "--to", "2023-10", "--json"))
    assert [(p["events"], p["basis"]) for p in data["series"]] == [(None, None), (12, "candidate")]


def test_country_matches_name_or_iso3_without_case(ucdp):
    by_name = _json(ucdp("series", "--country", "pakistan", "--from", "2020", "--to", "2021", "--json"))
    by_code = _json(ucdp("series", "--country", "PAK", "--from", "2020", "--to", "2021", "--json"))
    assert by_name["series"] == by_code["series"] and by_name["country"] == "Pakistan (PAK)"


def test_the_query_is_an_ibis_expression_that_compiles_for_other_backends(ucdp_db):
    import duckdb
    import ibis

    from torkham.analysis.selection import Selection, connect_ibis, selected

    con = duckdb.connect(str(ucdp_db), read_only=True)
    try:
        table = selected(
            connect_ibis(con), Selection("ucdp-ged", "ttp", country=CountryRef.parse("Pakistan")), date(2021, 1, 1)
        )
        monthly = table.group_by(month=table.date_start.truncate("M")).aggregate(events=table.count())
        sql = ibis.to_sql(monthly, dialect="postgres")
    finally:
        con.close()
    assert "dataset_actor_names" in sql and "DATE_TRUNC('MONTH'" in sql


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--actor", "TTPX"),
            "Error: --actor: no actor named 'TTPX'. Closest known names: Tehrik-e-Taliban Pakistan (ttp), "
            "TTP - TA (ttp-ta), TTP - MR (ttp-mr), TTP - MT (ttp-mt), TTP-KM (ttp-km)\n",
        ),
        (
            ("--country", "Narnia"),
            "Error: --country: no ucdp-ged or ucdp-country-month or ucdp-candidate data covers 'Narnia'; "
            "the data covers: Afghanistan (AFG), Pakistan (PAK)\n",
        ),
        (("--from", "2021-12", "--to", "2021-01"), "Error: --from: 2021-12 is after --to 2021-01; swap them\n"),
        (("--by", "day"), "Error: --by: unknown value 'day'; choose one of: month, week, year\n"),
        (("--metric", "deaths"), "Error: --metric: unknown value 'deaths'; choose one of: events, fatalities\n"),
        (("--window", "0"), "Error: --window: 0 periods is too few; use 1 or more (1: no smoothing)\n"),
        (("--from", "2021-02-30"), "Error: --from: '2021-02-30' is not a real day: February 2021 has 28 days\n"),
        (("--json", "--csv"), "Error: choose one of --json and --csv\n"),
        (
            ("--dataset", "ucdp"),
            "Error: --dataset: unknown dataset 'ucdp'; choose one of: ucdp-ged, ucdp-country-month, ucdp-candidate, "
            "acled, gdelt\n",
        ),
        (
            ("--basis", "final"),
            "Error: --basis: unknown value 'final'; choose one of: auto, events, candidate, aggregate\n",
        ),
        (
            ("--with-factions",),
            "Error: --with-factions: counts an actor's factions with it; name the actor with --actor\n",
        ),
        (
            ("--dataset", "acled"),
            "Error: --dataset: the store holds no acled events (import some with 'torkham import'); it holds: "
            "ucdp-ged, ucdp-country-month, ucdp-candidate\n",
        ),
        (
            ("--actor", "Noor Wali Mehsud"),
            "Error: --actor: no ucdp-ged actor name maps to Noor Wali Mehsud (noor-wali-mehsud); "
            "'torkham actors unmatched --dataset ucdp-ged' lists the names to review, and "
            "knowledge/crosswalks/ucdp-ged.yaml maps them\n",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message(ucdp, args, message):
    result = ucdp("series", *args)
    assert (result.code, result.out, result.err) == (1, "", message)


def test_with_factions_counts_the_family_and_lists_its_members(ucdp):
    family = {"TTP", "TTP - TA", "TTP - MR", "TTP - MT", "TTP-KM", "TTP-SM", "TTP-Islahi"}
    with BUNDLED_CSV.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["date_start"][:4] in {"2012", "2013"}]
    alone = sum("TTP" in (r["side_a"], r["side_b"]) for r in rows)
    together = sum(bool(family & {r["side_a"], r["side_b"]}) for r in rows)
    assert together > alone  # the factions fought in these years
    args = ("series", "--actor", "TTP", "--by", "year", "--from", "2012", "--to", "2013", "--window", "1", "--json")
    assert sum(p["events"] for p in _json(ucdp(*args))["series"]) == alone
    data = _json(ucdp(*args, "--with-factions"))
    assert sum(p["events"] for p in data["series"]) == together
    assert [m["id"] for m in data["members"]] == ["ttp", "ttp-mr", "ttp-mt", "ttp-ta", "ttp-islahi", "ttp-km", "ttp-sm"]
    text = ucdp(*args[:-1], "--with-factions").out
    assert text.startswith(
        "Tehrik-e-Taliban Pakistan (ttp) with its factions TTP - MR, TTP - MT, TTP - TA, TTP-Islahi, TTP-KM, TTP-SM:"
    )
