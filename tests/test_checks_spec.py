"""Claim-check specifications (record kind `checks`): validated with file:line like every record, kept
in the store, and covering every figure that counts people or attacks."""

from pathlib import Path

import pytest

from torkham.kb.validate import validate_knowledge
from torkham.model.vocabulary import VOCABULARY_FILE, default_vocabulary, load_vocabulary

CHECKS = """\
source: mini-2024
checks:
  - id: chk-tank-deaths
    about: fig-tank-casualties
    metric: fatalities
    dataset: ucdp-ged
    filters: {actor: ttp, country: PAK}
    period: {from: "2022-03-30", to: "2022-03-30"}
    comparator: equals
    value: 24
    tolerance: {absolute: 0}
    definitions: differ
    caveats:
      - Killed and wounded together; UCDP counts deaths only.
  - id: chk-ttp-record
    about: [fig-tank-casualties, cl-ttp-from-within]
    metric: events
    dataset: ucdp-ged
    filters: {actor: ttp}
    period: {from: "2021-12", to: "2021-12"}
    comparator: highest_in
    window: {years: 3}
    min_size: 5
  - id: chk-afghans
    about: cl-ttp-from-within
    metric: refugees
    dataset: unhcr-population
    filters: {origin: AFG, asylum: PAK}
    period: {from: "2021", to: "2021"}
    comparator: at_least
    value: 1000000
  - id: chk-chitral-militants
    about: fig-chitral-militants
    checkable: false
    reason: No dataset held counts attackers.
  - id: chk-tank-figure
    about: fig-tank-casualties
    metric: figure
    dataset: knowledge
    against: [fig-chitral-militants]
    period: {from: "2022", to: "2022"}
    comparator: at_least
    value: 24
    definitions: differ
"""


def edit(path: Path, old: str, new: str) -> int:
    """Replace `old` by `new` in a file; return the line where the new text starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    position = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:position].count("\n") + 1


@pytest.fixture
def checked_kb(mini_kb):
    (mini_kb / "checks.yaml").write_text(CHECKS, encoding="utf-8")
    return mini_kb


def problems_of(result) -> list[str]:
    return [row for row in result.err.splitlines() if not row.startswith(("Error:", "note:"))]


def test_a_knowledge_base_with_checks_is_valid(mini, checked_kb):
    result = mini("kb", "validate")
    assert result.code == 0, result.err
    assert result.out.startswith("ok: 4 files, 21 records (")
    assert "5 checks" in result.out


def test_checks_reach_the_store(mini, checked_kb, db_path):
    import duckdb

    assert mini("kb", "build").code == 0
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute(
            "SELECT id, checkable, metric, dataset, comparator, value, period_from, period_to, definitions, reason "
            "FROM kb_checks ORDER BY id"
        ).fetchall()
        about = con.execute("SELECT check_id, record_id FROM kb_check_about ORDER BY 1, 2").fetchall()
        kinds = con.execute("SELECT count(*) FROM kb_records WHERE kind = 'checks'").fetchone()[0]
    finally:
        con.close()
    assert rows == [
        ("chk-afghans", True, "refugees", "unhcr-population", "at_least", 1000000.0, "2021", "2021", "same", None),
        ("chk-chitral-militants", False, None, None, None, None, None, None, None, "No dataset held counts attackers."),
        ("chk-tank-deaths", True, "fatalities", "ucdp-ged", "equals", 24.0, "2022-03-30", "2022-03-30", "differ", None),
        ("chk-tank-figure", True, "figure", "knowledge", "at_least", 24.0, "2022", "2022", "differ", None),
        ("chk-ttp-record", True, "events", "ucdp-ged", "highest_in", None, "2021-12", "2021-12", "same", None),
    ]
    assert about == [
        ("chk-afghans", "cl-ttp-from-within"),
        ("chk-chitral-militants", "fig-chitral-militants"),
        ("chk-tank-deaths", "fig-tank-casualties"),
        ("chk-tank-figure", "fig-tank-casualties"),
        ("chk-ttp-record", "cl-ttp-from-within"),
        ("chk-ttp-record", "fig-tank-casualties"),
    ]
    assert kinds == 5


def _known(section: str) -> str:
    return ", ".join(sorted(default_vocabulary()[section]))


CASES = [
    pytest.param(
        "    metric: fatalities\n",
        "    metric: fatality\n",
        0,
        "check 'chk-tank-deaths': metric: unknown check metric 'fatality'; did you mean 'fatalities'? known: "
        + _known("check_metrics"),
        id="unknown-metric",
    ),
    pytest.param(
        "    dataset: unhcr-population\n",
        "    dataset: unhcr-populations\n",
        0,
        "check 'chk-afghans': dataset: unknown check dataset 'unhcr-populations'; did you mean 'unhcr-population'? "
        "known: " + _known("check_datasets"),
        id="unknown-dataset",
    ),
    pytest.param(
        "    filters: {actor: ttp, country: PAK}\n",
        "    filters: {actor: tpp, country: PAK}\n",
        0,
        "check 'chk-tank-deaths': filters: unknown actor 'tpp' (dangling reference); did you mean ttp?",
        id="unknown-actor",
    ),
    pytest.param(
        "    about: fig-tank-casualties\n    metric: fatalities",
        "    about: fig-tank-casualty\n    metric: fatalities",
        0,
        "about: unknown figure or claim 'fig-tank-casualty' (dangling reference); did you mean fig-tank-casualties?",
        id="unknown-about-id",
    ),
    pytest.param(
        "    about: cl-ttp-from-within\n    metric: refugees",
        "    about: ttp\n    metric: refugees",
        0,
        "about: 'ttp' is an actor, not a figure or claim; a check is about a figure or a claim",
        id="about-an-actor",
    ),
    pytest.param(
        "    tolerance: {absolute: 0}\n",
        "",
        -2,
        "check 'chk-tank-deaths': comparator equals needs tolerance: {absolute: N} or {relative: 0.1}",
        id="equals-without-tolerance",
    ),
    pytest.param(
        "    value: 1000000\n",
        "",
        -1,
        "check 'chk-afghans': comparator at_least needs value: the number stated",
        id="at-least-without-value",
    ),
    pytest.param(
        "    window: {years: 3}\n",
        "",
        -1,
        "check 'chk-ttp-record': comparator highest_in needs window: {months: N}, {years: N} or {since: DATE}",
        id="highest-without-window",
    ),
    pytest.param(
        "    comparator: at_least\n    value: 1000000\n",
        "    comparator: rose\n",
        0,
        'check \'chk-afghans\': comparator rose needs baseline: {from: "YYYY-MM", to: "YYYY-MM"}',
        id="rose-without-baseline",
    ),
    pytest.param(
        "    metric: fatalities\n    dataset: ucdp-ged\n",
        "    metric: fatalities\n    dataset: gdelt\n",
        1,
        "check 'chk-tank-deaths': metric 'fatalities' is not in dataset 'gdelt'; datasets holding it: ucdp-ged, acled",
        id="metric-not-in-dataset",
    ),
    pytest.param(
        "    filters: {origin: AFG, asylum: PAK}\n",
        "    filters: {origin: AFG, country: PAK}\n",
        0,
        "check 'chk-afghans': unknown filter 'country' for unhcr-population (refugees data); known: origin, asylum",
        id="filter-of-another-family",
    ),
    pytest.param(
        "    filters: {actor: ttp, country: PAK}\n",
        "    filters: {actor: ttp, country: Pakistan}\n",
        0,
        "check 'chk-tank-deaths': filters: country 'Pakistan' must be an ISO3 code such as PAK",
        id="country-not-iso3",
    ),
    pytest.param(
        '    period: {from: "2021", to: "2021"}\n',
        '    period: {as_of: "2021"}\n',
        0,
        "check 'chk-afghans': period needs from and to (partial dates), not as_of",
        id="period-as-of",
    ),
    pytest.param(
        "    tolerance: {absolute: 0}\n",
        "    tolerance: {relative: 10}\n",
        0,
        "check 'chk-tank-deaths': tolerance relative is a fraction of value below 1 (0.1 for 10%)",
        id="tolerance-in-percent",
    ),
    pytest.param(
        '    period: {from: "2021-12", to: "2021-12"}\n',
        '    period: {from: "2021-11", to: "2021-12"}\n',
        0,
        "check 'chk-ttp-record': highest_in compares one month or one year; period 2021-11 to 2021-12 is neither",
        id="highest-over-two-months",
    ),
    pytest.param(
        '    period: {from: "2021", to: "2021"}\n    comparator: at_least\n    value: 1000000\n',
        '    period: {from: "2021-06", to: "2021-06"}\n    comparator: highest_in\n    window: {years: 3}\n',
        0,
        "check 'chk-afghans': the UNHCR tables are yearly: highest_in compares one year",
        id="refugee-highest-of-a-month",
    ),
    pytest.param(
        "    value: 1000000\n",
        "    value: 1000000\n    window: {years: 2}\n",
        1,
        "check 'chk-afghans': window is not used by comparator at_least; remove it",
        id="field-the-comparator-does-not-use",
    ),
    pytest.param(
        "    filters: {actor: ttp, country: PAK}\n",
        "    filters: {actor: ttp, country: PAK}\n    basis: aggregate\n",
        1,
        "check 'chk-tank-deaths': basis aggregate (country totals of deaths) cannot answer filters: actor; "
        "country totals hold deaths per country and month only",
        id="basis-aggregate-for-an-actor",
    ),
    pytest.param(
        "    against: [fig-chitral-militants]\n",
        "    against: [fig-chitral-militant]\n",
        0,
        "against: unknown figure 'fig-chitral-militant' (dangling reference); did you mean fig-chitral-militants?",
        id="against-an-unknown-figure",
    ),
    pytest.param(
        "    against: [fig-chitral-militants]\n",
        "    against: [fig-chitral-militants]\n    filters: {country: PAK}\n",
        1,
        "check 'chk-tank-figure': a figure check takes no filters (the figures say what they count)",
        id="figure-check-with-filters",
    ),
    pytest.param(
        "    reason: No dataset held counts attackers.\n",
        "",
        -1,
        "check 'chk-chitral-militants' has checkable: false: give the reason it cannot be checked (reason: …)",
        id="not-checkable-without-reason",
    ),
    pytest.param(
        "    metric: refugees\n",
        "",
        -2,
        "check 'chk-afghans' has no metric (or set checkable: false and give the reason)",
        id="checkable-without-metric",
    ),
]


@pytest.mark.parametrize(("old", "new", "offset", "message"), CASES)
def test_broken_checks_are_reported_with_file_and_line(mini, checked_kb, old, new, offset, message):
    line = edit(checked_kb / "checks.yaml", old, new) + offset
    result = mini("kb", "validate")
    assert result.code == 1
    assert f"kb/checks.yaml:{line}: {message}" in problems_of(result), result.err
    assert "Traceback" not in result.err
    # Reading commands answer from the last valid build and say so; the store is not rebuilt.
    shown = mini("show", "TTP")
    assert shown.code == 0 and "answering from the last valid build" in shown.err


def test_every_figure_of_people_or_attacks_needs_a_check_or_a_reason(mini, checked_kb):
    edit(
        checked_kb / "checks.yaml",
        "  - id: chk-chitral-militants\n    about: fig-chitral-militants\n    checkable: false\n"
        "    reason: No dataset held counts attackers.\n",
        "",
    )
    result = mini("kb", "validate")
    assert result.code == 1
    rows = (checked_kb / "records.yaml").read_text().splitlines()
    line = rows.index("  - id: fig-chitral-militants") + 1
    assert problems_of(result) == [
        f"kb/records.yaml:{line}: figure 'fig-chitral-militants' (unit person) has no check: add a check about it "
        "to a checks file, or one with checkable: false and the reason"
    ]


def test_without_any_check_the_coverage_rule_does_not_apply(mini_kb):
    assert validate_knowledge(mini_kb, default_vocabulary()).ok


def test_checks_rest_on_their_about_record_and_need_no_quote(checked_kb):
    result = validate_knowledge(checked_kb, default_vocabulary())
    assert result.ok, result.problems
    checks = result.kb.of("checks")
    assert [c.id for c in checks] == [
        "chk-tank-deaths",
        "chk-ttp-record",
        "chk-afghans",
        "chk-chitral-militants",
        "chk-tank-figure",
    ]
    assert all("quote" not in c.data and "locator" not in c.data for c in checks)


def test_a_country_level_check_may_read_the_country_totals(checked_kb):
    edit(
        checked_kb / "checks.yaml",
        "    filters: {actor: ttp, country: PAK}\n",
        "    filters: {country: PAK}\n    basis: aggregate\n",
    )
    result = validate_knowledge(checked_kb, default_vocabulary())
    assert result.ok, result.problems
    assert result.kb.by_id()["chk-tank-deaths"].get("basis") == "aggregate"


def test_the_bundled_country_questions_read_the_country_totals():
    from torkham.kb.loader import BUNDLED_KNOWLEDGE

    result = validate_knowledge(BUNDLED_KNOWLEDGE, default_vocabulary())
    assert result.ok, result.problems
    aggregate = {c.id: c.get("filters") for c in result.kb.of("checks") if c.get("basis") == "aggregate"}
    assert set(aggregate) >= {
        "chk-violence-2023-eight-year-high",
        "chk-violence-spike-from-2022-12",
        "chk-afghanistan-security-improved",
    }
    assert all(set(filters) == {"country"} for filters in aggregate.values())  # never an actor's question


def test_the_bundled_checks_cover_every_figure_of_people_or_attacks():
    from torkham.kb.loader import BUNDLED_KNOWLEDGE

    result = validate_knowledge(BUNDLED_KNOWLEDGE, default_vocabulary())
    assert result.ok, result.problems
    covered = set()
    for check in result.kb.of("checks"):
        about = check.get("about")
        covered.update(about if isinstance(about, list) else [about])
        if check.get("checkable") is False:
            assert check.get("reason")
    # As the validator: in the sources whose figures have checks. The agencies' returns figures are not
    # claims under test but the evidence the paper's figures are set against (figure checks, `against`);
    # holding each of them to a check of its own would only add `checkable: false` entries that say nothing.
    ids = result.kb.by_id()
    checked_sources = {ids[a].get("source") for a in covered if a in ids}
    needed = {
        f.id
        for f in result.kb.of("figures")
        if f.get("unit") in ("person", "attack") and f.get("source") in checked_sources
    }
    assert "gul-2024" in checked_sources
    assert needed <= covered
    # The claims of the issue: the monthly TTP attacks, the refugee figures and the 2023 violence.
    for figure in (
        "fig-ttp-attacks-2021-12",
        "fig-ttp-attacks-highest-in-years",
        "fig-ttp-attacks-2022-04",
        "fig-registered-afghans",
        "fig-undocumented-afghans",
        "fig-por-card-holders",
        "fig-acc-holders",
        "fig-afghans-forced-back",
        "fig-violence-eight-year-high",
        "fig-security-personnel-killed-2023",
    ):
        assert figure in covered
    # The paper's returns and undocumented figures are set against the agencies' (issue 11).
    against = {
        a: c.get("about")
        for c in result.kb.of("checks")
        for a in (c.get("against") or [])
        if c.get("dataset") == "knowledge"
    }
    assert against == {
        "fig-unhcr-2023-12-undocumented-afghans": "fig-undocumented-afghans",
        "fig-abc-2023-11-returnees": "fig-afghans-forced-back",
        "fig-abc-2024-06-returnees": "fig-afghans-forced-back",
        "fig-abc-2023-11-deportations": "fig-afghans-forced-back",
    }


def test_the_vocabulary_declares_metrics_with_family_and_unit():
    vocab = default_vocabulary()
    for metric in ("events", "fatalities", "refugees", "returned_refugees", "asylum_seekers", "idps"):
        entry = vocab["check_metrics"][metric]
        assert entry["family"] in ("events", "refugees") and entry["unit"] in vocab["units"]
    assert vocab["check_comparators"]["equals"]["needs"] == ["value", "tolerance"]
    assert vocab["check_datasets"]["unhcr-solutions"]["table"] == "solutions"


def test_a_metric_of_an_unknown_dataset_is_refused_with_its_line(tmp_path):
    from torkham.errors import TorkhamError

    text = VOCABULARY_FILE.read_text(encoding="utf-8")
    broken = tmp_path / "vocabulary.yaml"
    broken.write_text(text.replace("datasets: [unhcr-flows]", "datasets: [unhcr-flow]"), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("  refugee_arrivals:"))
    with pytest.raises(TorkhamError) as info:
        load_vocabulary(broken)
    assert str(info.value) == (
        f"{broken}:{line}: metric 'refugee_arrivals': 'unhcr-flow' is not a check dataset of family refugees"
    )


def test_every_refugee_metric_is_a_measure_of_the_tables_of_its_datasets():
    from torkham.refugees.tables import TABLES

    vocab = default_vocabulary()
    for name, metric in vocab["check_metrics"].items():
        if metric["family"] != "refugees":
            continue
        for dataset in metric["datasets"]:
            table = vocab["check_datasets"][dataset]["table"]
            assert metric["measure"] in TABLES[table].measures, (name, dataset)
