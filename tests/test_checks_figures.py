"""Figure checks (issue 11): the paper's returns and undocumented figures set against the agencies'
figures held in the knowledge base, both side by side with what each counts, when, who says so and the
quote; secondary sources flagged; returns never taken for deportations."""

import json

import pytest

import torkham.cli.commands_checks  # noqa: F401  (registers `check`)

pytestmark = pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning")

FIGURE_CHECKS = (
    "chk-undocumented-afghans-unhcr-estimate",
    "chk-afghans-forced-back-returns-2023-11",
    "chk-afghans-forced-back-returns-2024-06",
    "chk-afghans-forced-back-deportations-2023-11",
)


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("figure-checks") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture
def run(bundled, cli, monkeypatch):
    monkeypatch.delenv("TORKHAM_KB", raising=False)
    return lambda *args: cli("--db", bundled, *args)


@pytest.fixture
def results(run):
    result = run("check", *FIGURE_CHECKS, "--json")
    assert result.code == 0, result.err
    return {c["id"]: c for c in json.loads(result.out)["checks"]}


def test_the_paper_figures_against_the_agencies(results):
    assert {k: (c["verdict"], c["comparison"], c["definitions"]) for k, c in results.items()} == {
        "chk-undocumented-afghans-unhcr-estimate": (
            "contradicted",
            "1,300,000 against 1,700,000 ± 170,000 (10%): outside the tolerance",
            "proxy",
        ),
        "chk-afghans-forced-back-returns-2023-11": ("supported", "340,000 is ≤ 500,000", "proxy"),
        "chk-afghans-forced-back-returns-2024-06": ("supported", "632,000 is ≥ 500,000", "proxy"),
        "chk-afghans-forced-back-deportations-2023-11": (
            "undecided",
            "3,400 against 500,000 ± 50,000 (10%): outside the tolerance",
            "differ",
        ),
    }
    # Deportations are not what the paper counts: the comparison is shown, the verdict withheld.
    deportations = results["chk-afghans-forced-back-deportations-2023-11"]
    assert deportations["if_definitions_matched"] == "contradicted"
    assert deportations["reasons"][0].startswith("definitions differ: Deportations (formal removals")


def test_both_figures_side_by_side_with_definition_period_publisher_and_quote(results):
    side = results["chk-undocumented-afghans-unhcr-estimate"]["evidence"]["side_by_side"]
    keys = ("role", "id", "counts", "dated", "publisher", "published", "secondary", "quote")
    assert [{k: s[k] for k in keys} for s in side] == [
        {
            "role": "stated",
            "id": "fig-undocumented-afghans",
            "counts": "undocumented Afghans in Pakistan",
            "dated": "undated",
            "publisher": "Friedrich-Naumann-Stiftung für die Freiheit",
            "published": "2024-04",
            "secondary": False,
            "quote": "1.7 million undocumented Afghans",
        },
        {
            "role": "set against",
            "id": "fig-unhcr-2023-12-undocumented-afghans",
            "counts": "undocumented Afghans estimated to reside in Pakistan",
            "dated": "2023-12-07",
            "publisher": "UNHCR",
            "published": "2023-12-07",
            "secondary": False,
            "quote": "1.3 million undocumented Afghans are estimated to reside in Pakistan.",
        },
    ]
    later = results["chk-afghans-forced-back-returns-2024-06"]["evidence"]
    assert [f["id"] for f in later["figures"]] == ["fig-abc-2023-11-returnees", "fig-abc-2024-06-returnees"]
    assert later["value"] == 632000  # the latest dated, never the sum
    assert later["secondary"] == []


def test_a_secondary_source_is_flagged(bundled):
    import duckdb

    from torkham.evidence.check_figures import measure_figures
    from torkham.evidence.check_spec import CheckSpec

    record = {
        "id": "chk-secondary",
        "about": ["fig-afghans-forced-back"],
        "metric": "figure",
        "dataset": "knowledge",
        "against": ["fig-ocha-2025-07-returned-from-pakistan"],
        "period": {"from": "2025", "to": "2025"},
        "comparator": "at_least",
        "value": 500000,
    }
    con = duckdb.connect(str(bundled), read_only=True)
    try:
        measured = measure_figures(con, CheckSpec.from_record(record))
    finally:
        con.close()
    assert measured.value == 340000
    assert measured.evidence["secondary"] == ["lokmattimes-2025-07-29"]
    entry = measured.evidence["side_by_side"][1]
    assert (entry["secondary"], entry["relays"]) == (True, "OCHA (quoted by Tolo News)")


def test_a_figure_dated_outside_the_period_gives_no_value(bundled):
    import duckdb

    from torkham.evidence.check_figures import measure_figures
    from torkham.evidence.check_spec import CheckSpec

    record = {
        "id": "chk-outside",
        "about": ["fig-afghans-forced-back"],
        "metric": "figure",
        "dataset": "knowledge",
        "against": ["fig-abc-2024-06-returnees"],
        "period": {"from": "2023-09", "to": "2023-12"},
        "comparator": "at_least",
        "value": 500000,
    }
    con = duckdb.connect(str(bundled), read_only=True)
    try:
        measured = measure_figures(con, CheckSpec.from_record(record))
    finally:
        con.close()
    assert measured.value is None
    assert measured.reasons == [
        "period not covered: the figure fig-abc-2024-06-returnees is dated 2023-09-15 to 2024-06-15, "
        "outside the period 2023-09-01 to 2023-12-31"
    ]


def test_the_printed_verdict_shows_both_figures(run):
    text = " ".join(run("check", "chk-afghans-forced-back-returns-2023-11").out.replace("│", "").split())
    assert "comparison: 340,000 is ≤ 500,000" in text
    assert "stated: nearly half a million Afghans forced back" in text
    assert "set against: 340,000 returnees crossed back into Afghanistan through Torkham and Spin Boldak" in text
    assert "Afghanistan Border Consortium (IOM-led), 2023-11" in text
