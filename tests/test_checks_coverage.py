"""Checks read the data through coverage (issue 11): a preliminary (candidate) reading is named as such,
actor claims never read country totals, `basis` and `against` are checked when loaded, and figure checks
set an agency's figure against the paper's with both definitions side by side."""

import json

import pytest

import torkham.cli.commands_checks  # noqa: F401  (registers `check`)

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("coverage-checks") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture
def bundled_cli(bundled, cli, monkeypatch):
    monkeypatch.delenv("TORKHAM_KB", raising=False)
    return lambda *args: cli("--db", bundled, *args)


def test_a_candidate_reading_is_decided_and_marked_preliminary(bundled_cli):
    result = bundled_cli("check", "chk-ttp-violence-2023-10-preliminary", "--json")
    (check,) = json.loads(result.out)["checks"]
    assert check["verdict"] == "supported" and check["reasons"] == []
    assert check["comparison"] == (
        "33 is ≥ 17 — preliminary: read from UCDP Candidate Events 23.0.10 (candidate events, revised in UCDP's "
        "next release)"
    )
    assert check["preliminary"] is True and check["read_from"]["status"] == "preliminary"
    assert check["evidence"]["periods"] == [
        {"period": "2023-10", "value": 33, "basis": "candidate", "datasets": ["ucdp-candidate"]}
    ]
    assert "dataset = 'ucdp-candidate'" in check["evidence"]["query"]["sql"]
    text = " ".join(bundled_cli("check", "chk-ttp-violence-2023-10-preliminary").out.split())
    assert "PRELIMINARY" in text


def test_an_actor_claim_of_2023_never_reads_country_totals(bundled_cli):
    result = bundled_cli("check", "chk-security-personnel-killed-2023", "--json")
    (check,) = json.loads(result.out)["checks"]
    assert check["verdict"] == "undecided" and check["evidence"]["value"] is None
    assert "UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31" in check["reasons"][0]
    assert check["reasons"][1] == (
        "cannot be decided: only country totals cover 2023-01-01 to 2023-10-31, and they cannot be filtered by actor"
    )
    assert "basis" not in check  # nothing was read


# --- basis and against, checked when loaded ---------------------------------------------------------


class _Data(dict):
    line = 1

    def line_of(self, key):
        return 2


def _record(**fields):
    from torkham.kb.loader import Record

    return Record("checks", _Data({"id": "chk-x", "about": "fig-a", **fields}), "checks.yaml", 0)


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"basis": "aggregate", "metric": "fatalities", "filters": {"country": "PAK"}}, None),
        ({"basis": "candidate", "metric": "events", "filters": {"actor": "ttp"}}, None),
        ({"basis": "guess"}, "basis 'guess' is not one of auto, events, aggregate, candidate"),
        (
            {"basis": "aggregate", "metric": "fatalities", "filters": {"actor": "ttp", "country": "PAK"}},
            "basis aggregate (country totals of deaths) cannot answer filters: actor",
        ),
        (
            {"basis": "aggregate", "metric": "events", "filters": {"country": "PAK"}},
            "cannot answer metric: events",
        ),
        ({"basis": "aggregate", "metric": "fatalities"}, "basis aggregate needs filters: {country: ISO3}"),
    ],
)
def test_basis_is_checked_when_loaded(fields, problem):
    from torkham.kb.checkspecs import _basis

    problems = _basis(_record(**fields), "events")
    assert (problems == []) if problem is None else (problem in problems[0]), problems


def test_basis_is_for_event_checks_and_against_for_figure_checks():
    from torkham.kb.checkspecs import _against, _basis

    assert "basis is for event checks" in _basis(_record(basis="events", dataset="unhcr-population"), "refugees")[0]
    assert "against is for figure checks" in _against(_record(against=["fig-b"]), "events", {})[0]
    assert "needs against" in _against(_record(), "figures", {})[0]


# --- figure against figure -----------------------------------------------------------------------------


def _run_figure_check(con, **fields):
    from torkham.evidence import checks
    from torkham.evidence.check_spec import CheckSpec
    from torkham.store import queries

    record = {"id": "chk-fig", "metric": "figure", "dataset": "knowledge", **fields}
    spec = CheckSpec.from_record(record)
    about = queries.records_by_id(con, list(spec.about))
    from torkham.model.vocabulary import default_vocabulary

    return checks._run(checks._Context(con, default_vocabulary()), spec, about)


def test_the_paper_undocumented_afghans_against_unhcr_estimate(bundled):
    import duckdb

    with duckdb.connect(str(bundled), read_only=True) as con:
        result = _run_figure_check(
            con,
            about=["fig-undocumented-afghans"],
            against=["fig-unhcr-2023-12-undocumented-afghans"],
            period={"from": "2023", "to": "2024"},
            comparator="equals",
            value=1700000,
            tolerance={"relative": 0.25},
            definitions="proxy",
        )
    assert result["verdict"] == "supported" and result["reasons"] == []
    assert result["comparison"] == "1,300,000 against 1,700,000 ± 425,000 (25%): within the tolerance"
    evidence = result["evidence"]
    assert evidence["versions"] == ["unhcr-emergency-update-5-2023-12"] and evidence["value"] == 1300000
    assert [(s["role"], s["id"], s["dated"]) for s in evidence["side_by_side"]] == [
        ("stated", "fig-undocumented-afghans", "undated"),
        ("set against", "fig-unhcr-2023-12-undocumented-afghans", "2023-12-07"),
    ]
    assert "FROM kb_figures WHERE id IN ('fig-unhcr-2023-12-undocumented-afghans')" in evidence["query"]["sql"]


def test_returns_figures_dated_outside_the_period_give_no_value(bundled):
    import duckdb

    with duckdb.connect(str(bundled), read_only=True) as con:
        result = _run_figure_check(
            con,
            about=["fig-afghans-forced-back"],
            against=["fig-abc-2023-11-returnees", "fig-abc-2024-06-returnees"],
            period={"from": "2023-09", "to": "2023-12"},
            aggregate="last",
            comparator="at_least",
            value=500000,
            definitions="proxy",
        )
    assert result["verdict"] == "undecided" and result["evidence"]["value"] is None
    assert result["reasons"] == [
        "period not covered: the figure fig-abc-2024-06-returnees is dated 2023-09-15 to 2024-06-15, outside the "
        "period 2023-09-01 to 2023-12-31"
    ]


def test_the_paper_half_million_forced_back_against_cumulative_returns(bundled):
    import duckdb

    with duckdb.connect(str(bundled), read_only=True) as con:
        result = _run_figure_check(
            con,
            about=["fig-afghans-forced-back"],
            against=["fig-abc-2023-11-returnees", "fig-abc-2024-06-returnees"],
            period={"from": "2023-09", "to": "2024-06"},
            aggregate="last",
            comparator="at_least",
            value=500000,
            definitions="proxy",
        )
    assert (result["verdict"], result["comparison"]) == ("supported", "632,000 is ≥ 500,000")
    assert [f["value"] for f in result["evidence"]["figures"]] == [340000, 632000]
    assert result["evidence"]["data_covers"] == ["2023-09-15", "2024-06-15"]


# --- The returns and undocumented figures as checks of the knowledge base ---------------------------------


def test_the_returns_and_undocumented_figures_are_checked_side_by_side(bundled_cli):
    result = bundled_cli("check", "fig-undocumented-afghans", "fig-afghans-forced-back", "--json")
    assert result.code == 0, result.err
    checks = {c["id"]: c for c in json.loads(result.out)["checks"]}
    figure_checks = {k: (c["verdict"], c["comparison"]) for k, c in checks.items() if c["dataset"] == "knowledge"}
    assert figure_checks == {
        "chk-undocumented-afghans-unhcr-estimate": (
            "contradicted",
            "1,300,000 against 1,700,000 ± 170,000 (10%): outside the tolerance",
        ),
        "chk-afghans-forced-back-returns-2023-11": ("supported", "340,000 is ≤ 500,000"),
        "chk-afghans-forced-back-returns-2024-06": ("supported", "632,000 is ≥ 500,000"),
        "chk-afghans-forced-back-deportations-2023-11": (
            "undecided",
            "3,400 against 500,000 ± 50,000 (10%): outside the tolerance",
        ),
    }
    deportations = checks["chk-afghans-forced-back-deportations-2023-11"]
    assert deportations["reasons"][0].startswith("definitions differ: Deportations (formal removals")
    assert deportations["if_definitions_matched"] == "contradicted"
    undocumented = checks["chk-undocumented-afghans-unhcr-estimate"]
    assert [(s["role"], s["counts"], s["source"], s["dated"]) for s in undocumented["evidence"]["side_by_side"]] == [
        ("stated", "undocumented Afghans in Pakistan", "gul-2024", "undated"),
        (
            "set against",
            "undocumented Afghans estimated to reside in Pakistan",
            "unhcr-emergency-update-5-2023-12",
            "2023-12-07",
        ),
    ]
    assert undocumented["evidence"]["versions"] == ["unhcr-emergency-update-5-2023-12"]
    assert (
        "FROM kb_figures WHERE id IN ('fig-unhcr-2023-12-undocumented-afghans')"
        in (undocumented["evidence"]["query"]["sql"])
    )
    text = " ".join(bundled_cli("check", "chk-afghans-forced-back-returns-2024-06").out.replace("│", "").split())
    assert "stated: nearly half a million Afghans forced back to Afghanistan" in text
    assert "(fig-abc-2024-06-returnees, abc-border-operations-2024-06; " in text
    assert "dated 2023-09-15 to 2024-06-15" in text


def test_a_window_month_before_a_country_first_event_is_unknown_not_zero(bundled):
    """Events without coverage rows cover a country from its first event (analysis/coverage.py): the
    months before it are unknown in a check's window, as in `torkham series`, never zeros."""
    import duckdb

    from torkham.analysis.selection import connect_ibis
    from torkham.evidence.check_events import measure_events
    from torkham.evidence.check_spec import CheckSpec

    with duckdb.connect(str(bundled)) as con:
        con.execute("BEGIN")  # rolled back below: the module's store stays as it is
        insert = """INSERT INTO events (dataset, event_id, dataset_version, date_start, date_end, date_precision,
            country, iso3, actor1, actor2, fatalities_best, content_hash, import_id)
            VALUES ('acled', ?, 't', ?, ?, 'day', ?, ?, 'A', 'B', 1, 0, 0)"""
        con.execute(insert, ["x-1", "2023-01-01", "2023-01-01", "Other", "OTH"])
        con.execute(insert, ["x-2", "2023-06-30", "2023-06-30", "Other", "OTH"])  # the dataset's last event
        for i, day in enumerate(["2023-03-10", "2023-04-10", "2023-04-11", "2023-05-01", "2023-05-02"]):
            con.execute(insert, [f"n-{i}", day, day, "Newland", "NWL"])
        record = {
            "id": "chk-window", "about": "fig-a", "metric": "events", "dataset": "acled",
            "filters": {"country": "NWL"}, "period": {"from": "2023-05", "to": "2023-05"},
            "comparator": "highest_in", "window": {"months": 4},
        }  # fmt: skip
        result = measure_events(con, connect_ibis(con), CheckSpec.from_record(record))
        con.execute("ROLLBACK")
    values = [(v["period"], v["value"]) for v in result.evidence["window"]["values"]]
    assert values == [("2023-02", None), ("2023-03", None), ("2023-04", 2), ("2023-05", 2)]
    assert result.others == [("2023-04", 2)]
