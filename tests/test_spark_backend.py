"""The Spark backend runs the same Ibis expressions as DuckDB: `torkham export parquet DIR`, then
`series` and `signals` with `--backend spark --events DIR` answer exactly what the store answers."""

import json

import pytest

import torkham.cli.commands_export  # noqa: F401  (registers `torkham export` until cli/app.py imports it)

pytestmark = [
    pytest.mark.filterwarnings("ignore:fetch_arrow_table:DeprecationWarning"),  # ibis on duckdb 2
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),  # pyspark 4.0 on pandas 3
    pytest.mark.filterwarnings("ignore:The .future.infer_string. option is deprecated"),  # ibis 12 on pandas 3
]

SPARK = ("--backend", "spark", "--master", "local[2]")
PAKISTAN_FATALITIES = ("series", "--country", "Pakistan", "--by", "month", "--metric", "fatalities", "--json")
PAKISTAN_SIGNALS = ("signals", "--country", "Pakistan", "--json")


@pytest.fixture(scope="session")
def spark():
    """One local SparkSession for the test session (the CLI's later calls get it back)."""
    from torkham.analysis.backends import spark_session

    session = spark_session("local[2]", {"spark.driver.extraJavaOptions": "-XX:TieredStopAtLevel=1"})  # quick JIT
    yield session
    session.stop()


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory):
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = tmp_path_factory.mktemp("spark") / "torkham.duckdb"
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


@pytest.fixture(scope="module")
def exported(bundled_db, tmp_path_factory):
    from torkham.store.db import connect
    from torkham.store.exports import export_parquet

    con = connect(bundled_db, read_only=True)
    try:
        return export_parquet(con, tmp_path_factory.mktemp("export") / "events-parquet").directory
    finally:
        con.close()


@pytest.fixture
def torkham(cli, bundled_db, monkeypatch):
    monkeypatch.delenv("TORKHAM_KB", raising=False)

    def invoke(*args):
        result = cli("--db", bundled_db, *args)
        assert result.code == 0, result.err
        return json.loads(result.out)

    return invoke


def test_the_export_is_partitioned_by_dataset_and_year(cli, bundled_db, tmp_path):
    target = tmp_path / "out"
    result = cli("--db", bundled_db, "export", "parquet", target)
    assert result.code == 0, result.err
    assert result.out.splitlines()[:2] == ["ucdp-candidate: 67 events, 2023–2023", "ucdp-ged: 6,416 events, 1989–2021"]
    assert sorted(p.name for p in (target / "events").iterdir()) == ["dataset=ucdp-candidate", "dataset=ucdp-ged"]
    years = sorted(p.name for p in (target / "events" / "dataset=ucdp-ged").iterdir())
    assert years[0] == "year=1989" and years[-1] == "year=2021"
    manifest = json.loads((target / "torkham-export.json").read_text())
    assert manifest["events"]["datasets"]["ucdp-ged"] == {"events": 6416, "years": [1989, 2021]}
    assert sorted(manifest["tables"]) == ["country_month", "coverage", "dataset_actor_names"]
    again = cli("--db", bundled_db, "export", "parquet", target)  # an earlier export is replaced
    assert again.code == 0, again.err


def test_a_folder_holding_something_else_is_refused(cli, bundled_db, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = cli("--db", bundled_db, "export", "parquet", tmp_path)
    assert result.code == 1
    assert result.err == (
        f"Error: {tmp_path} is not empty and holds no torkham export (torkham-export.json); give a new or empty folder\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--backend", "spark"), "--events: Spark reads the events from Parquet: give the folder 'torkham export parquet DIR' wrote"),
        (("--master", "local[2]"), "--master: names where Spark runs; add --backend spark"),
        (("--backend", "spark", "--master", "mars", "--events", "x"), "--master: 'mars' is not a Spark master; use local[N], spark://HOST:PORT, yarn or k8s://URL"),
        (("--backend", "hadoop"), "--backend: unknown value 'hadoop'; choose one of: duckdb, spark"),
    ],
)  # fmt: skip
def test_backend_options_are_checked_before_anything_runs(cli, bundled_db, options, message):
    result = cli("--db", bundled_db, "series", "--country", "Pakistan", *options)
    assert (result.code, result.err) == (1, f"Error: {message}\n")


def test_an_events_folder_without_an_export_is_refused(cli, bundled_db, tmp_path):
    result = cli("--db", bundled_db, "series", "--country", "Pakistan", "--events", tmp_path)
    assert result.code == 1
    assert result.err == (
        f"Error: --events: {tmp_path} holds no torkham Parquet export (torkham-export.json); "
        "write one with 'torkham export parquet DIR'\n"
    )


def test_duckdb_over_the_parquet_export_answers_as_the_store(torkham, exported):
    assert torkham(*PAKISTAN_FATALITIES, "--events", exported) == torkham(*PAKISTAN_FATALITIES)


def test_spark_answers_the_monthly_fatalities_of_pakistan_as_duckdb(torkham, exported, spark):
    on_spark = torkham(*PAKISTAN_FATALITIES, *SPARK, "--events", exported)
    assert on_spark == torkham(*PAKISTAN_FATALITIES)
    assert on_spark["total"] > 0 and on_spark["datasets"] == ["ucdp-ged", "ucdp-country-month"]


def test_spark_computes_the_same_signals_as_duckdb(torkham, exported, spark):
    on_spark = torkham(*PAKISTAN_SIGNALS, *SPARK, "--events", exported)
    assert on_spark == torkham(*PAKISTAN_SIGNALS)
    kinds = {s["kind"] for s in on_spark["signals"]}
    assert {"compare-4w", "compare-52w", "change-point"} <= kinds
    assert all(s["events"]["ids"] for s in on_spark["signals"] if s["events"]["count"])
