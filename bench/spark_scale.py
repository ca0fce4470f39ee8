"""Scale-out: the same series and signals on DuckDB and on Spark (PySpark through Ibis), over SYNTHETIC
GDELT-shaped events written by DuckDB as the Parquet export `torkham export parquet` writes.

    python bench/spark_scale.py [--rows 100000,10000000] [--master local[2]] [--data-dir DIR] [--keep]

For each size: the monthly events series of Pakistan and its signals, on DuckDB reading the Parquet
folder and on Spark reading the same folder (`ParquetBackend`), results compared first. Spark's start-up
is timed apart. A straight line (fixed cost + cost per row) through the sizes of each engine gives the
crossover: the size past which Spark answers sooner. On one machine Spark's cost per row seldom falls
below DuckDB's; the estimate then says how many cluster cores would bring it down (assuming Spark's cost
per row divides by the cores it gets, which is the best case)."""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

COUNTRIES = [("Pakistan", "PAK", 40), ("Afghanistan", "AFG", 30)] + [
    (f"Country {i}", f"X{i:02d}", 2)
    for i in range(15)  # the rest of the world, thinly
]
ACTORS = ["PAKISTAN", "PAKMIL", "TALIBAN", "AFGHANISTAN", "POLICE", "MILITANT", "PROTESTER", "CIVILIAN"] + [
    f"GROUP {i}" for i in range(120)
]
CAMEO = ["MAKE STATEMENT", "CONSULT", "PROTEST", "COERCE", "ASSAULT", "FIGHT", "USE UNCONVENTIONAL MASS VIOLENCE"]
FIRST_DAY, DAYS = "2015-01-01", 3653  # ten years


def generate(folder: Path, rows: int) -> None:
    """SYNTHETIC events in the store's shape (dataset gdelt, no fatalities, like GDELT), exported by
    torkham's own Parquet export: events by dataset and year, and the side tables."""
    import duckdb

    from torkham.store.exports import export_parquet

    weights = [w for _, _, w in COUNTRIES]
    bounds = [sum(weights[: i + 1]) * 1000 // sum(weights) for i in range(len(weights))]
    country = "CASE " + " ".join(
        f"WHEN h % 1000 < {b} THEN {i}" for i, b in enumerate(bounds)
    ) + f" ELSE {len(bounds) - 1} END"  # fmt: skip
    names = ", ".join(f"'{c}'" for c, _, _ in COUNTRIES)
    codes = ", ".join(f"'{c}'" for _, c, _ in COUNTRIES)
    actors = ", ".join(f"'{a}'" for a in ACTORS)
    cameo = ", ".join(f"'{c}'" for c in CAMEO)
    con = duckdb.connect()
    con.execute(f"""CREATE VIEW base AS SELECT i, hash(i) AS h, hash(i * 7919) AS g,
        ({country}) + 1 AS c FROM range({rows}) t(i)""")
    # Pakistan's events grow after mid-2021 (a change point to find); everyone else's are flat.
    con.execute(f"""CREATE VIEW events AS SELECT 'gdelt' AS dataset, (900000000 + i)::VARCHAR AS event_id,
        '2.0' AS dataset_version,
        DATE '{FIRST_DAY}' + (CASE WHEN c = 1 AND g % 3 = 0 THEN 2373 + g % {DAYS - 2373} ELSE g % {DAYS} END)::INTEGER
          AS date_start,
        DATE '{FIRST_DAY}' + (CASE WHEN c = 1 AND g % 3 = 0 THEN 2373 + g % {DAYS - 2373} ELSE g % {DAYS} END)::INTEGER
          AS date_end,
        'day' AS date_precision, [{names}][c] AS country, [{codes}][c] AS iso3, 'Region ' || (h % 7) AS admin1,
        NULL::VARCHAR AS admin2, 'Place ' || (h % 301) AS place, 30 + (h % 1000) / 200.0 AS latitude,
        65 + (g % 1000) / 200.0 AS longitude, 'city' AS geo_precision, [{cameo}][1 + (h % 7)::INTEGER] AS event_type,
        (180 + h % 20)::VARCHAR AS sub_event_type, [{actors}][1 + (h // 7 % {len(ACTORS)})::INTEGER] AS actor1,
        [{actors}][1 + (g // 11 % {len(ACTORS)})::INTEGER] AS actor2, NULL::INTEGER AS fatalities_best,
        NULL::INTEGER AS fatalities_low, NULL::INTEGER AS fatalities_high,
        'https://example.org/news/' || i AS source_text FROM base""")
    con.execute(
        "CREATE TABLE dataset_actor_names (dataset VARCHAR, raw_name VARCHAR, actor_id VARCHAR, method VARCHAR)"
    )
    con.execute("INSERT INTO dataset_actor_names VALUES ('gdelt', 'PAKMIL', 'pakistan-army', 'crosswalk')")
    export_parquet(con, folder)
    con.close()


def run_engine(backend: object, con: object) -> tuple[float, float, dict[str, object]]:
    """Seconds for the series and for the signals, and their JSON (to compare engines)."""
    from torkham.analysis.selection import select
    from torkham.analysis.series import compute_series
    from torkham.analysis.signals import compute_signals
    from torkham.params import DataSelection

    started = time.perf_counter()
    tables, selection = select(con, DataSelection.parse(country="Pakistan"), backend)  # type: ignore[arg-type]
    series = compute_series(tables, selection, "month", "events")
    middle = time.perf_counter()
    tables, selection = select(con, DataSelection.parse(country="Pakistan"), backend)  # type: ignore[arg-type]
    signals = compute_signals(tables, selection)
    ended = time.perf_counter()
    return middle - started, ended - middle, {"series": series.to_json(), "signals": signals.to_json()}


def fit(points: list[tuple[int, float]]) -> tuple[float, float]:
    """Fixed seconds and seconds per row of a straight line through (rows, seconds)."""
    if len(points) < 2:
        return 0.0, points[0][1] / points[0][0]
    (n0, t0), (n1, t1) = points[0], points[-1]
    per_row = max((t1 - t0) / (n1 - n0), 0.0)  # noise can tilt a line through two small sizes downwards
    return max(t0 - per_row * n0, 0.0), per_row


def crossover(duck: tuple[float, float], spark: tuple[float, float], cores: int, local_cores: int) -> str:
    fixed_d, row_d = duck
    fixed_s, row_s = spark[0], spark[1] * local_cores / cores
    if row_s >= row_d:
        return "never (Spark's cost per row is not below DuckDB's)"
    rows = max(fixed_s - fixed_d, 0) / (row_d - row_s)
    return f"about {rows / 1e6:,.0f} M rows"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default="100000,10000000", help="sizes, comma-separated")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--data-dir", type=Path, help="where the Parquet goes (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated Parquet")
    args = parser.parse_args()
    sizes = [int(s) for s in args.rows.split(",")]
    root = args.data_dir or Path(tempfile.mkdtemp(prefix="torkham-spark-scale-"))

    import duckdb

    from torkham.analysis.backends import ParquetBackend, spark_session

    started = time.perf_counter()
    spark_session(args.master, {"spark.driver.memory": "4g"})
    print(f"Spark start-up ({args.master}): {time.perf_counter() - started:.1f} s", flush=True)
    store = duckdb.connect()  # no actor is asked: the knowledge is not read
    timings: dict[str, list[tuple[int, float]]] = {"duckdb": [], "spark": []}
    warm = root / "warm-up"
    if not (warm / "torkham-export.json").exists():
        generate(warm, 10_000)
    for engine in ("duckdb", "spark"):  # the first run of each engine loads and compiles its code: not timed
        run_engine(ParquetBackend(engine, str(warm), args.master if engine == "spark" else None), store)
    print(f"{'rows':>12} {'write':>8} {'engine':>7} {'series s':>9} {'signals s':>10}", flush=True)
    for rows in sizes:
        folder = root / f"gdelt-{rows}"
        started = time.perf_counter()
        if not (folder / "torkham-export.json").exists():
            generate(folder, rows)
        written = time.perf_counter() - started
        answers = {}
        for engine in ("duckdb", "spark"):
            backend = ParquetBackend(engine, str(folder), args.master if engine == "spark" else None)
            series_s, signals_s, answers[engine] = run_engine(backend, store)
            timings[engine].append((rows, series_s + signals_s))
            print(f"{rows:>12,} {written:>7.1f}s {engine:>7} {series_s:>9.2f} {signals_s:>10.2f}", flush=True)
        if answers["duckdb"] != answers["spark"]:
            raise SystemExit(f"the engines disagree at {rows:,} rows")
    duck, spark = fit(timings["duckdb"]), fit(timings["spark"])
    print(f"per million rows (series + signals): DuckDB {duck[1] * 1e6:.2f} s, Spark {spark[1] * 1e6:.2f} s")
    print(f"fixed cost: DuckDB {duck[0]:.2f} s, Spark {spark[0]:.2f} s (start-up apart)")
    local = int(args.master[6:-1]) if args.master.startswith("local[") and args.master[6:-1].isdigit() else 2
    for cores in (local, 16, 64, 256):
        print(f"crossover with {cores} Spark cores: {crossover(duck, spark, cores, local)}")
    if not args.keep and args.data_dir is None:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
