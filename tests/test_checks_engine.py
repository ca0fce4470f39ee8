"""`torkham check`: each comparator, tolerance edges, uncovered periods, missing data and definition
caveats, on invented ACLED-shaped events and the bundled UNHCR tables (over the mini knowledge base);
then every check of the bundled knowledge base on the bundled data."""

import csv
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

import torkham.cli.commands_checks  # noqa: F401  (registers `check` until cli/app.py imports it)

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")  # ibis on duckdb 2

DATA = Path(__file__).resolve().parent.parent / "src/torkham/data"
MINI_KB = Path(__file__).parent / "data" / "mini" / "kb"
INSERT = """INSERT INTO events (dataset, event_id, dataset_version, date_start, date_end, date_precision,
    country, iso3, admin1, event_type, actor1, actor2, fatalities_best, content_hash, import_id)
    VALUES ('acled', ?, 'test-1', ?, ?, 'day', ?, ?, ?, ?, ?, 'Military Forces', ?, 0, 0)"""
HEAD = "source: mini-2024\nchecks:\n"
NOT_CHECKABLE = """\
  - id: chk-chitral
    about: fig-chitral-militants
    checkable: false
    reason: No dataset held counts attackers.
"""


def check(cid: str, comparator: str, period: tuple[str, str], metric="events", dataset="acled", **fields) -> str:
    """One check record about fig-tank-casualties, in YAML."""
    lines = [
        f"  - id: {cid}",
        "    about: fig-tank-casualties",
        f"    metric: {metric}",
        f"    dataset: {dataset}",
        f'    period: {{from: "{period[0]}", to: "{period[1]}"}}',
        f"    comparator: {comparator}",
    ]
    lines += [f"    {key}: {value}" for key, value in fields.items()]  # values are YAML text
    return "\n".join(lines) + "\n"


def acled_check(cid, comparator, period, country, **fields) -> str:
    filters = fields.pop("filters", {})
    inner = ", ".join(f"{k}: {v}" for k, v in {"country": country, **filters}.items())
    return check(cid, comparator, period, filters=f"{{{inner}}}", **fields)


def unhcr_check(cid, comparator, period, metric="refugees", dataset="unhcr-population", asylum="PAK", **fields):
    return check(cid, comparator, period, metric, dataset, filters=f"{{origin: AFG, asylum: {asylum}}}", **fields)


MONTH = ("2023-05", "2023-05")
CHECKS = [
    # equals: 50 events in 2023-05; the tolerance's boundary counts as equal
    acled_check("eq-abs-edge", "equals", MONTH, "EQU", value=45, tolerance="{absolute: 5}"),
    acled_check("eq-abs-out", "equals", MONTH, "EQU", value=44, tolerance="{absolute: 5}"),
    acled_check("eq-rel-edge", "equals", MONTH, "EQU", value=40, tolerance="{relative: 0.25}"),
    acled_check("eq-rel-out", "equals", MONTH, "EQU", value=40, tolerance="{relative: 0.24}"),
    acled_check("eq-rel-tenth", "equals", MONTH, "EQU", value=55, tolerance="{relative: 0.1}"),
    acled_check("eq-deaths", "equals", MONTH, "EQU", metric="fatalities", value=100, tolerance="{absolute: 0}"),
    acled_check("least", "at_least", MONTH, "EQU", value=50),
    acled_check("least-strict", "at_least", MONTH, "EQU", value=50, strict="true"),
    acled_check("most", "at_most", MONTH, "EQU", value=50),
    acled_check("most-out", "at_most", MONTH, "EQU", value=49),
    acled_check("most-strict", "at_most", MONTH, "EQU", value=50, strict="true"),
    acled_check(
        "admin1", "equals", MONTH, "EQU", filters={"admin1": "khyber pakhtunkhwa"}, value=20, tolerance="{absolute: 0}"
    ),  # fmt: skip
    acled_check(
        "event-type", "equals", MONTH, "EQU", filters={"event_type": "Battles"}, value=30, tolerance="{absolute: 0}"
    ),  # fmt: skip
    acled_check(
        "admin1-unknown", "equals", MONTH, "EQU", filters={"admin1": "Punjab"}, value=20, tolerance="{absolute: 0}"
    ),  # fmt: skip
    acled_check("actor", "equals", MONTH, "EQU", filters={"actor": "ttp"}, value=50, tolerance="{absolute: 0}"),
    acled_check(
        "actor-unmapped",
        "equals",
        MONTH,
        "EQU",
        filters={"actor": "noor-wali-mehsud"},
        value=50,
        tolerance="{absolute: 0}",
    ),  # fmt: skip
    acled_check(
        "differ",
        "equals",
        MONTH,
        "EQU",
        value=50,
        tolerance="{absolute: 0}",
        definitions="differ",
        caveats='["Claimed attacks are not recorded events."]',
    ),  # fmt: skip
    acled_check(
        "proxy",
        "equals",
        MONTH,
        "EQU",
        value=50,
        tolerance="{absolute: 0}",
        definitions="proxy",
        caveats='["Events stand for attacks."]',
    ),  # fmt: skip
    # periods the data do not cover, places they do not hold
    acled_check("after-data", "equals", ("2025-02", "2025-02"), "EQU", value=0, tolerance="{absolute: 0}"),
    acled_check("across-end", "at_least", ("2024-12", "2025-01"), "EQU", value=0),
    acled_check("no-country", "at_most", MONTH, "ZZZ", value=10),
    check("no-dataset", "at_least", MONTH, dataset="gdelt", value=1),
    # highest_in: 3 a month from 2022-01, 9 in 2022-06, 8 in 2023-12
    acled_check("high-12", "highest_in", ("2023-12", "2023-12"), "HIG", window="{months: 12}"),
    acled_check("high-24", "highest_in", ("2023-12", "2023-12"), "HIG", window="{months: 24}"),
    acled_check("high-small", "highest_in", ("2023-12", "2023-12"), "HIG", window="{months: 12}", min_size=10),
    acled_check("high-before-data", "highest_in", ("2023-12", "2023-12"), "HIG", window='{since: "2019-06"}'),
    acled_check("high-tie", "highest_in", ("2023-05", "2023-05"), "TIE", window="{months: 5}"),
    acled_check("high-year", "highest_in", ("2022", "2022"), "YRS", window="{years: 2}"),
    acled_check("high-year-not", "highest_in", ("2023", "2023"), "YRS", window="{years: 3}"),
    # rose / fell: 10 a month in 2023-01..03, 15 a month in 2023-04..06
    acled_check("rose", "rose", ("2023-04", "2023-06"), "RIS", baseline='{from: "2023-01", to: "2023-03"}'),
    acled_check(
        "rose-edge", "rose", ("2023-04", "2023-06"), "RIS", baseline='{from: "2023-01", to: "2023-03"}', min_change=50
    ),  # fmt: skip
    acled_check(
        "rose-short", "rose", ("2023-04", "2023-06"), "RIS", baseline='{from: "2023-01", to: "2023-03"}', min_change=51
    ),  # fmt: skip
    acled_check("fell-not", "fell", ("2023-04", "2023-06"), "RIS", baseline='{from: "2023-01", to: "2023-03"}'),
    acled_check("fell", "fell", ("2023-01", "2023-03"), "RIS", baseline='{from: "2023-04", to: "2023-06"}'),
    acled_check(
        "rose-per-month", "rose", ("2023-04", "2023-06"), "RIS", baseline='{from: "2022-10", to: "2023-03"}'
    ),  # fmt: skip
    acled_check(
        "rose-from-none", "rose", ("2023-04", "2023-04"), "RIS", baseline='{from: "2022-01", to: "2022-03"}'
    ),  # fmt: skip
    acled_check(
        "rose-baseline-before-data", "rose", ("2023-04", "2023-06"), "RIS", baseline='{from: "2019-01", to: "2019-03"}'
    ),  # fmt: skip
    # refugees (bundled UNHCR tables)
    unhcr_check("ref-2021", "equals", ("2021", "2021"), value=1490562, tolerance="{absolute: 0}"),
    unhcr_check(
        "ref-returns",
        "equals",
        ("2023", "2024"),
        "returned_refugees",
        "unhcr-solutions",
        value=183609,
        tolerance="{absolute: 0}",
    ),  # fmt: skip
    unhcr_check(
        "ref-part-year", "at_least", ("2023-11", "2023-12"), "returned_refugees", "unhcr-solutions", value=1
    ),  # fmt: skip
    unhcr_check("ref-future", "at_least", ("2030", "2030"), value=1),
    unhcr_check("ref-not-recorded", "at_most", ("2023", "2023"), "oip", value=2000000),
    unhcr_check("ref-peak", "at_least", ("1980", "1989"), aggregate="max", value=3000000),
    unhcr_check("ref-high", "highest_in", ("2023", "2023"), window="{years: 3}"),
    unhcr_check("ref-rose", "rose", ("2023", "2023"), baseline='{from: "2021", to: "2021"}'),
]


def _rows():
    """Invented ACLED-shaped events, one country per situation; 'Coverland' spans the data held."""
    rows = []

    def add(country, day, count=1, deaths=1, admin1=None, event_type="Battles", actor1="TTP"):
        for _ in range(count):
            eid = f"{country}-{len(rows) + 1:05d}"
            rows.append((eid, day, day, country, country, admin1, event_type, actor1, deaths))

    add("CVR", date(2020, 1, 1))
    add("CVR", date(2024, 12, 31))
    for i in range(50):
        add("EQU", date(2023, 5, 1 + i % 28), deaths=2, admin1="Khyber Pakhtunkhwa" if i < 20 else "Sindh",
            event_type="Battles" if i < 30 else "Explosions/Remote violence")  # fmt: skip
    month = date(2022, 1, 1)
    while month < date(2023, 12, 1):
        add("HIG", month + timedelta(days=14), 9 if month == date(2022, 6, 1) else 3)
        month = (month + timedelta(days=32)).replace(day=1)
    add("HIG", date(2023, 12, 5), 8)
    for m in range(1, 6):
        add("TIE", date(2023, m, 10), 4)
    add("YRS", date(2021, 6, 1), 5)
    add("YRS", date(2022, 6, 1), 7)
    add("YRS", date(2023, 6, 1), 6)
    for m in range(1, 7):
        add("RIS", date(2023, m, 3), 10 if m <= 3 else 15)
    return rows


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The mini knowledge base with the checks above, its store (bundled data too) and the test events."""
    from torkham.datasets.actors import refresh_actor_names
    from torkham.store.build import ensure_store

    root = tmp_path_factory.mktemp("checks")
    kb = root / "kb"
    shutil.copytree(MINI_KB, kb)
    (kb / "checks.yaml").write_text(HEAD + "".join(CHECKS) + NOT_CHECKABLE, encoding="utf-8")
    db = root / "torkham.duckdb"
    ensure_store(db, kb)
    con = duckdb.connect(str(db))
    try:
        rows = _rows()
        con.executemany(INSERT, rows)
        # The invented export states what it covers, as an import does: 2020 to 2024 for every country
        # it holds (without these rows a country's coverage would start at its first event).
        con.executemany(
            "INSERT INTO coverage VALUES (0, 'acled', 'test-1', ?, ?, DATE '2020-01-01', DATE '2024-12-31', 'final', "
            "'test export: 2020-01-01 to 2024-12-31')",
            [(c, c) for c in sorted({r[3] for r in rows})],
        )
        refresh_actor_names(con, kb)
    finally:
        con.close()
    return db, kb


@pytest.fixture(scope="module")
def results(store):
    from torkham.evidence.checks import run_checks

    con = duckdb.connect(str(store[0]), read_only=True)
    try:
        document = run_checks(con)
    finally:
        con.close()
    return {r["id"]: r for r in document["checks"]}


@pytest.fixture
def run(store, cli):
    def invoke(*args):
        return cli("--db", store[0], "--kb", store[1], *args)

    return invoke


def verdict(results, cid):
    return results[cid]["verdict"], results[cid]["comparison"]


@pytest.mark.parametrize(
    ("cid", "expected", "comparison"),
    [
        ("eq-abs-edge", "supported", "50 against 45 ± 5: within the tolerance"),
        ("eq-abs-out", "contradicted", "50 against 44 ± 5: outside the tolerance"),
        ("eq-rel-edge", "supported", "50 against 40 ± 10 (25%): within the tolerance"),
        ("eq-rel-out", "contradicted", "50 against 40 ± 9.6 (24%): outside the tolerance"),
        ("eq-rel-tenth", "supported", "50 against 55 ± 5.5 (10%): within the tolerance"),
        ("eq-deaths", "supported", "100 against 100 ± 0: within the tolerance"),
        ("least", "supported", "50 is ≥ 50"),
        ("least-strict", "contradicted", "50 is not > 50"),
        ("most", "supported", "50 is ≤ 50"),
        ("most-out", "contradicted", "50 is not ≤ 49"),
        ("most-strict", "contradicted", "50 is not < 50"),
        ("admin1", "supported", "20 against 20 ± 0: within the tolerance"),
        ("event-type", "supported", "30 against 30 ± 0: within the tolerance"),
        ("actor", "supported", "50 against 50 ± 0: within the tolerance"),
        ("proxy", "supported", "50 against 50 ± 0: within the tolerance"),
    ],
)
def test_equals_at_least_at_most_and_their_edges(results, cid, expected, comparison):
    assert verdict(results, cid) == (expected, comparison)
    assert results[cid]["reasons"] == []


@pytest.mark.parametrize(
    ("cid", "expected", "comparison"),
    [
        ("high-12", "supported", "8 in 2023-12, the highest in 12 months (next: 3 in 2023-11)"),
        ("high-24", "contradicted", "8 in 2023-12 is below 9 in 2022-06: not the highest in 24 months"),
        ("high-small", "contradicted", "8 in 2023-12 is below the minimum size 10: not a record"),
        ("high-tie", "contradicted", "4 in 2023-05 equals 4 in 2023-04: not the highest in 5 months"),
        ("high-year", "supported", "7 in 2022, the highest in 2 years (next: 5 in 2021)"),
        ("high-year-not", "contradicted", "6 in 2023 is below 7 in 2022: not the highest in 3 years"),
    ],
)
def test_highest_in_months_or_years_with_a_minimum_size(results, cid, expected, comparison):
    assert verdict(results, cid) == (expected, comparison)


def test_highest_in_lists_the_window_it_compared(results):
    window = results["high-12"]["evidence"]["window"]
    assert window["unit"] == "month" and (window["from"], window["to"]) == ("2023-01-01", "2023-12-31")
    assert [v["value"] for v in window["values"]] == [3] * 11 + [8]


@pytest.mark.parametrize(
    ("cid", "expected", "comparison"),
    [
        ("rose", "supported", "45 against 30 in the baseline: +50%"),
        ("rose-edge", "supported", "45 against 30 in the baseline: +50% (the claim needs +50% or more)"),
        ("rose-short", "contradicted", "45 against 30 in the baseline: +50% (the claim needs +51% or more)"),
        ("fell-not", "contradicted", "45 against 30 in the baseline: +50%"),
        ("fell", "supported", "30 against 45 in the baseline: −33.33%"),
        ("rose-per-month", "supported", "15 a month against 5 a month in the baseline: +200%"),
        ("rose-from-none", "supported", "15 a month against 0 a month in the baseline: up from none"),
    ],
)
def test_rose_and_fell_against_a_baseline(results, cid, expected, comparison):
    assert verdict(results, cid) == (expected, comparison)


@pytest.mark.parametrize(
    ("cid", "reason"),
    [
        (
            "after-data",
            "period not covered: the acled data held covers 2020-01-01 to 2024-12-31; the period runs 2025-02-01 to 2025-02-28",
        ),
        (
            "across-end",
            "period not covered: the acled data held covers 2020-01-01 to 2024-12-31; the period runs 2024-12-01 to 2025-01-31",
        ),
        ("no-country", "no data: the acled data held has no events in ZZZ"),
        ("no-dataset", "no data: the store holds no gdelt events (import some with 'torkham import')"),
        (
            "high-before-data",
            "period not covered: the acled data held covers 2020-01-01 to 2024-12-31; the window runs 2019-06-01 to 2023-12-31",
        ),
        (
            "rose-baseline-before-data",
            "period not covered: the acled data held covers 2020-01-01 to 2024-12-31; the baseline runs 2019-01-01 to 2023-06-30",
        ),
        (
            "actor-unmapped",
            "no data: no acled actor name maps to Noor Wali Mehsud (noor-wali-mehsud), so its events cannot be "
            "selected (knowledge/crosswalks/acled.yaml maps dataset names to actors)",
        ),
        (
            "admin1-unknown",
            "no data: no acled event has admin1 'Punjab'; the data holds: Khyber Pakhtunkhwa, Sindh",
        ),
    ],
)
def test_a_period_without_data_cannot_be_decided_and_is_never_a_zero(results, cid, reason):
    result = results[cid]
    assert result["verdict"] == "undecided"
    assert result["verdict_label"] == "cannot be decided with the data held"
    assert result["reasons"] == [reason]
    if not cid.endswith("before-data"):  # the period itself is covered there; only its window or baseline is not
        assert result["evidence"]["value"] is None and result["comparison"] is None
    assert result["evidence"]["dataset"] in ("acled", "gdelt") and result["evidence"]["query"]["description"]


def test_a_window_or_baseline_before_the_data_counts_no_zeros(results):
    window = results["high-before-data"]["evidence"]["window"]["values"]
    assert [v["value"] for v in window[:7]] == [None] * 7  # 2019-06 .. 2019-12: before the data held
    assert window[7] == {"period": "2020-01", "value": 0}  # held and empty: a real zero
    assert results["high-before-data"]["comparison"] == (
        "8 in 2023-12 is below 9 in 2022-06: not the highest in 48 months"
    )
    baseline = results["rose-baseline-before-data"]
    assert baseline["evidence"]["baseline"]["value"] is None and baseline["comparison"] is None


def test_definitions_that_differ_leave_the_verdict_open_and_say_how_the_numbers_compare(results):
    result = results["differ"]
    assert result["verdict"] == "undecided"
    assert result["reasons"] == ["definitions differ: Claimed attacks are not recorded events."]
    assert result["if_definitions_matched"] == "supported"
    assert result["evidence"]["value"] == 50


def test_the_evidence_names_dataset_version_query_and_events(results):
    evidence = results["admin1"]["evidence"]
    assert evidence["versions"] == ["test-1"] and evidence["data_covers"] == ["2020-01-01", "2024-12-31"]
    assert evidence["query"]["description"] == (
        "ACLED events in EQU with admin1 'khyber pakhtunkhwa' dated 2023-05-01 to 2023-05-31"
    )
    assert 'FROM "events"' in evidence["query"]["sql"] and "LOWER" in evidence["query"]["sql"]
    assert evidence["events"]["count"] == 20 and len(evidence["events"]["ids"]) == 10
    assert evidence["events"]["listing"].endswith(
        "AND lower(admin1) = 'khyber pakhtunkhwa' ORDER BY date_start, event_id"
    )


@pytest.fixture
def events_con(store):
    con = duckdb.connect(str(store[0]), read_only=True)
    yield con
    con.close()


def test_the_listing_query_gives_exactly_the_events_counted(results, events_con):
    for cid in ("admin1", "event-type", "actor", "rose"):
        events = results[cid]["evidence"]["events"]
        rows = events_con.execute(events["listing"]).fetchall()
        assert len(rows) == events["count"] == results[cid]["evidence"]["value"]
        assert [r[0] for r in rows[:10]] == events["ids"]


def _unhcr(file: str, measure: str, coa: str) -> dict[int, int]:
    """Afghan-origin values of one measure and asylum country, read from the bundled CSV itself."""
    with (DATA / "unhcr-refugees" / file).open(encoding="utf-8", newline="") as handle:
        return {
            int(r["year"]): int(r[measure])
            for r in csv.DictReader(handle)
            if r["coo_iso"] == "AFG" and r["coa_iso"] == coa and r[measure] != ""
        }


def test_refugee_values_match_the_bundled_tables(results):
    population = _unhcr("population_afg.csv", "refugees", "PAK")
    returns = _unhcr("solutions_afg.csv", "returned_refugees", "PAK")
    assert population[2021] == 1490562 and returns[2023] + returns[2024] == 183609  # the values the checks state
    assert verdict(results, "ref-2021") == ("supported", "1,490,562 against 1,490,562 ± 0: within the tolerance")
    assert verdict(results, "ref-returns")[0] == "supported"
    peak = max(population[y] for y in range(1980, 1990))
    assert results["ref-peak"]["evidence"]["value"] == peak and results["ref-peak"]["verdict"] == "supported"
    high = results["ref-high"]
    assert [v["value"] for v in high["evidence"]["window"]["values"]] == [population[y] for y in (2021, 2022, 2023)]
    assert high["verdict"] == (
        "supported" if population[2023] > max(population[2021], population[2022]) else "contradicted"
    )
    rose = results["ref-rose"]
    assert rose["verdict"] == "supported" and rose["evidence"]["baseline"]["value"] == population[2021]


def test_refugee_evidence_names_rows_version_and_query(results):
    evidence = results["ref-2021"]["evidence"]
    assert evidence["dataset"] == "unhcr-population" and evidence["versions"] == ["2025.12.1"]
    assert evidence["table"] == "population" and evidence["measure"] == "refugees"
    assert evidence["rows"]["shown"] == [
        {"year": 2021, "coo_iso": "AFG", "coa_iso": "PAK", "value": 1490562, "qualifier": None,
         "dataset_version": "2025.12.1"}
    ]  # fmt: skip
    assert evidence["query"]["sql"] == (
        "SELECT sum(value) FROM refugee_stats WHERE table_name = 'population' AND measure = 'refugees' "
        "AND coo_iso = 'AFG' AND coa_iso = 'PAK' AND year = 2021"
    )
    assert "CC BY 4.0" in evidence["attribution"]


@pytest.mark.parametrize(
    ("cid", "reason"),
    [
        (
            "ref-part-year",
            "yearly data: the UNHCR tables hold one value a year; the period 2023-11-01 to 2023-12-31 is not whole "
            "years (the values of 2023 are shown)",
        ),
        (
            "ref-future",
            "period not covered: the unhcr-population data held has refugees for origin AFG, asylum PAK from 1979 "
            "to 2025; 2030 is outside it",
        ),
        ("ref-not-recorded", "no data: no oip value for 2023 (not recorded in the source)"),
    ],
)
def test_refugee_periods_without_a_value_cannot_be_decided(results, cid, reason):
    result = results[cid]
    assert result["verdict"] == "undecided" and result["reasons"] == [reason]
    assert result["evidence"]["value"] is None  # never a zero


def test_a_part_of_a_year_shows_the_whole_year_read(results):
    returns = _unhcr("solutions_afg.csv", "returned_refugees", "PAK")
    assert results["ref-part-year"]["evidence"]["value_of_whole_years"] == returns[2023]


def test_a_check_that_cannot_be_made_says_why(results):
    result = results["chk-chitral"]
    assert result == {
        "id": "chk-chitral",
        "about": [result["about"][0]],
        "checkable": False,
        "verdict": "not-checkable",
        "verdict_label": "not checkable",
        "reason": "No dataset held counts attackers.",
    }
    assert result["about"][0]["id"] == "fig-chitral-militants" and result["about"][0]["value_text"] == "several hundred"


def test_the_text_output_shows_claim_quote_verdict_evidence_and_caveats(run):
    result = run("check", "differ", "proxy", "after-data")
    assert result.code == 0, result.err
    out = result.out
    assert out.count("figure fig-tank-casualties: soldiers killed and wounded at Tank — stated: 24") == 3
    assert "“killing and wounding 24 soldiers”  — mini-2024 §2 l.10" in out
    assert "verdict: CANNOT BE DECIDED WITH THE DATA HELD" in out and "verdict: SUPPORTED" in out
    assert "why: definitions differ: Claimed attacks are not recorded events." in out
    assert "(would be supported if the definitions matched)" in out
    assert "caveat: Events stand for attacks." in out
    assert "computed: none (no value for the period)  ·  stated: 0 ± 0 in 2025-02" in out
    assert "dataset: ACLED (acled) version test-1, data held covers 2020-01-01 to 2024-12-31" in out
    assert "events: 50 (first 10): EQU-" in out
    assert out.rstrip().endswith("3 check(s) run: 1 supported, 0 contradicted, 2 cannot be decided with the data held")


def test_check_by_record_id_runs_every_check_about_it(run):
    result = run("check", "fig-chitral-militants", "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert [c["id"] for c in document["checks"]] == ["chk-chitral"]
    assert document["summary"] == {"supported": 0, "contradicted": 0, "undecided": 0, "not-checkable": 1}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "no-such-check",
            "Error: unknown check, figure or claim 'no-such-check'; 'torkham check' without ids runs every check\n",
        ),
        (
            "cl-ttp-from-within",
            "Error: no check is about 'cl-ttp-from-within'; add one to a checks file of the knowledge base "
            "(docs/knowledge-format.md, checks)\n",
        ),
    ],
)
def test_unknown_ids_are_refused(run, name, message):
    result = run("check", name)
    assert (result.code, result.out, result.err) == (1, "", message)


def test_a_knowledge_base_without_checks_says_so(mini):
    result = mini("check")
    assert (result.code, result.err) == (0, "")
    assert result.out == "The knowledge base has no checks: add a checks file (docs/knowledge-format.md, checks).\n"
    assert json.loads(mini("check", "--json").out) == {
        "checks": [],
        "summary": {"supported": 0, "contradicted": 0, "undecided": 0, "not-checkable": 0},
    }


# --- The bundled knowledge base on the bundled data ---------------------------------------------------


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("bundled-checks") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture
def bundled_cli(bundled, cli, monkeypatch):
    monkeypatch.delenv("TORKHAM_KB", raising=False)

    def invoke(*args):
        return cli("--db", bundled, *args)

    return invoke


def test_done_when_every_check_of_the_paper_gives_a_verdict_with_evidence(bundled_cli):
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.kb.validate import validate_knowledge
    from torkham.model.vocabulary import default_vocabulary

    result = bundled_cli("check", "--json")
    assert result.code == 0, result.err
    document = json.loads(result.out)
    kb = validate_knowledge(BUNDLED_KNOWLEDGE, default_vocabulary()).kb
    assert [c["id"] for c in document["checks"]] == [r.id for r in kb.of("checks")]  # none missing
    for check in document["checks"]:
        assert all(a["kind"] in ("figure", "claim") and a["quote"] for a in check["about"]), check["id"]
        if not check["checkable"]:
            assert check["verdict"] == "not-checkable" and check["reason"], check["id"]
            continue
        assert check["verdict"] in ("supported", "contradicted", "undecided"), check["id"]
        assert bool(check["reasons"]) == (check["verdict"] == "undecided"), check["id"]
        evidence = check["evidence"]
        read = check.get("read_from", {}).get("dataset", check["dataset"])  # read through coverage
        assert evidence["dataset"] == read and evidence["versions"], check["id"]
        assert evidence["query"]["description"] and evidence["query"]["sql"], check["id"]
        held = ("events" in evidence) + ("rows" in evidence) + ("periods" in evidence) + ("figures" in evidence)
        assert held == 1, check["id"]
        assert evidence["value"] is None or isinstance(evidence["value"], int), check["id"]
    checkable = [c for c in document["checks"] if c["checkable"]]
    assert len(checkable) >= 15 and sum(document["summary"].values()) == len(document["checks"])


def test_the_paper_december_2021_claim_against_ucdp(bundled_cli):
    bundled_csv = DATA / "ucdp-ged-pakistan" / "ucdp_ged_pakistan.csv"
    with bundled_csv.open(encoding="utf-8", newline="") as handle:
        december = [
            r["id"]
            for r in csv.DictReader(handle)
            if r["country"] == "Pakistan" and "TTP" in (r["side_a"], r["side_b"]) and r["date_start"][:7] == "2021-12"
        ]
    result = bundled_cli("check", "fig-ttp-attacks-2021-12", "--json")
    checks = {c["id"]: c for c in json.loads(result.out)["checks"]}
    assert list(checks) == ["chk-ttp-attacks-2021-12"]
    claimed = checks["chk-ttp-attacks-2021-12"]
    assert claimed["evidence"]["value"] == len(december)
    assert claimed["evidence"]["events"]["count"] == len(december)
    assert claimed["verdict"] == "undecided"
    assert claimed["reasons"][0].startswith("definitions differ: TTP's claimed attacks are not UCDP fatal events")
    assert claimed["evidence"]["versions"] == ["22.1"]


def test_the_paper_2022_actor_claims_cannot_be_decided_and_cite_coverage(bundled_cli):
    result = bundled_cli("check", "fig-ttp-attacks-2022-04", "--json")
    checks = json.loads(result.out)["checks"]
    assert [c["id"] for c in checks] == ["chk-ttp-attacks-2022-04", "chk-ttp-attacks-2022-04-record"]
    for check in checks:
        assert check["verdict"] == "undecided" and check["evidence"]["value"] is None
        assert check["reasons"][0].startswith("period not covered: no dataset held covers the whole of 20")
        assert "UCDP GED 22.1 covers Pakistan from" in check["reasons"][0]
        assert "(country totals, not events) covers Pakistan from 1989-01-01 to 2024-04-30" in check["reasons"][0]
    assert checks[0]["reasons"][1] == (
        "cannot be decided: only country totals cover 2022-04-01 to 2022-04-30, and they cannot be filtered by actor"
    )


def test_the_eight_year_high_is_decided_from_the_country_totals(bundled_cli):
    result = bundled_cli("check", "chk-violence-2023-eight-year-high", "--json")
    (check,) = json.loads(result.out)["checks"]
    assert check["verdict"] == "supported" and check["reasons"] == []
    assert check["comparison"] == "1,177 in 2023, the highest in 8 years (next: 1,100 in 2016)"
    assert check["basis"] == "aggregate" and check["read_from"]["dataset"] == "ucdp-country-month"
    evidence = check["evidence"]
    assert evidence["versions"] == ["25.1-pace-hist"] and evidence["value"] == 1177
    assert [(p["period"], p["value"], p["basis"]) for p in evidence["periods"]] == [
        ("2016", 1100, "aggregate"), ("2017", 958, "aggregate"), ("2018", 482, "aggregate"),
        ("2019", 293, "aggregate"), ("2020", 407, "aggregate"), ("2021", 452, "aggregate"),
        ("2022", 719, "aggregate"), ("2023", 1177, "aggregate"),
    ]  # fmt: skip
    assert any(s.startswith("UCDP GED 22.1 covers Pakistan") for s in check["coverage"])
    assert "FROM country_month" in evidence["query"]["sql"]
    text = bundled_cli("check", "chk-violence-2023-eight-year-high")
    assert "basis aggregate" in " ".join(text.out.split())


def test_the_spike_from_december_2022_is_a_country_level_proxy(bundled_cli):
    result = bundled_cli("check", "chk-violence-spike-from-2022-12", "--json")
    (check,) = json.loads(result.out)["checks"]
    assert (check["verdict"], check["definitions"]) == ("supported", "proxy")
    assert check["comparison"] == "1,185 against 663 in the baseline: +78.73% (the claim needs +50% or more)"
    assert all(p["value"] is not None for p in check["evidence"]["periods"])  # no month counted as a zero


def test_the_paper_refugee_figures_carry_the_definition_caveat(bundled_cli):
    result = bundled_cli("check", "fig-registered-afghans")
    assert result.code == 0, result.err
    assert "why: definitions differ: UNHCR 'refugees' are not 'registered Afghans' (PoR and ACC holders)" in " ".join(
        result.out.split()
    ).replace("│ ", "")
