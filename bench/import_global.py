"""Import of a SYNTHETIC global-shaped UCDP GED release for two countries (issue 11, "--country").

    python bench/import_global.py [--rows 400000] [--runs 3] [--data-dir DIR] [--keep]

- ours: `torkham --db STORE --kb tests/data/mini/kb import GEDEvent_v25_1.csv --country Afghanistan,Pakistan`
  in its own process, on a fresh copy of a built store (the store check at start-up included);
- baseline: DuckDB's own `CREATE TABLE raw AS SELECT * FROM read_csv(FILE)` into a new store, in its own
  process (python start-up included, like ours);
- median wall seconds of --runs each, their ratio, and the peak resident memory of our import process
  (wait4 ru_maxrss; target < 1.5 GB).

The file is made up by DuckDB (COPY … TO), 49 GED columns, ~60 countries with Afghanistan and Pakistan
about 6 % of the rows, long quoted source fields; it is named GEDEvent_v25_1.csv (so the release is read
from its name) inside a temporary folder removed at the end (unless --keep or --data-dir).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
MINI_KB = REPO / "tests" / "data" / "mini" / "kb"
MEMORY_TARGET = 1.5e9
# (country, UCDP country_id); Afghanistan and Pakistan weighted 2 of ~64 slots each.
COUNTRIES = [("Afghanistan", 700), ("Pakistan", 770)] * 2 + [(f"Country {n:02d}", 100 + n) for n in range(60)]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def generate(rows: int, path: Path) -> float:
    """Write a global-shaped GED CSV with DuckDB; returns the seconds it took."""
    import duckdb

    sys.path.insert(0, str(REPO / "src"))
    from torkham.datasets.formats.ucdp import GED_COLUMNS

    names = ", ".join(f"'{c}'" for c, _ in COUNTRIES)
    ids = ", ".join(str(i) for _, i in COUNTRIES)
    values = {c: "''" for c in GED_COLUMNS} | {
        "id": "CAST(i + 1 AS VARCHAR)",
        "relid": "'XXX-' || (1989 + i % 36) || '-1-' || i",
        "year": "CAST(1989 + i % 36 AS VARCHAR)",
        "active_year": "'true'",
        "code_status": "'Clear'",
        "type_of_violence": "CAST(1 + i % 3 AS VARCHAR)",
        "conflict_name": "'Government - Rebels ' || (i % 500)",
        "dyad_name": "'Government of X - Group ' || (i % 900)",
        "side_a": "'Government of ' || c",
        "side_b": "'Group ' || (i % 900)",
        "number_of_sources": "'2'",
        "source_article": "'\"Agency ' || (i % 40) || ',' || strftime(d, '%Y-%m-%d') || ',\"\"Attack\"\" near town '"
        " || i || ', ' || repeat('details of the report ', 14) || '\"'",
        "source_office": "'Agency ' || (i % 40)",
        "source_headline": "'Clashes kill ' || (i % 30) || ' in district ' || (i % 700)",
        "source_original": "'local sources; ' || repeat('witness ', 6)",
        "where_prec": "CAST(1 + i % 7 AS VARCHAR)",
        "where_coordinates": "'Town ' || (i % 5000)",
        "where_description": "'near the village of Town ' || (i % 5000) || ', ' || repeat('district ', 4)",
        "adm_1": "'Province ' || (i % 80)",
        "adm_2": "'District ' || (i % 700)",
        "latitude": "CAST(round(-40 + (i * 7919 % 8000) / 100.0, 4) AS VARCHAR)",
        "longitude": "CAST(round(-120 + (i * 104729 % 24000) / 100.0, 4) AS VARCHAR)",
        "geom_wkt": "'POINT (' || (i % 180) || ' ' || (i % 80) || ')'",
        "priogrid_gid": "CAST(100000 + i % 90000 AS VARCHAR)",
        "country": "c",
        "country_id": "CAST(cid AS VARCHAR)",
        "region": "'Asia'",
        "event_clarity": "'1'",
        "date_prec": "CAST(1 + i % 5 AS VARCHAR)",
        "date_start": "strftime(d, '%Y-%m-%d 00:00:00.000')",
        "date_end": "strftime(d, '%Y-%m-%d 00:00:00.000')",
        "deaths_a": "CAST(i % 4 AS VARCHAR)",
        "deaths_b": "CAST(i % 3 AS VARCHAR)",
        "deaths_civilians": "CAST(i % 2 AS VARCHAR)",
        "deaths_unknown": "'0'",
        "best": "CAST(i % 4 + i % 3 + i % 2 AS VARCHAR)",
        "high": "CAST(i % 4 + i % 3 + i % 2 + 1 AS VARCHAR)",
        "low": "CAST(i % 4 + i % 3 + i % 2 AS VARCHAR)",
        "gwnoa": "CAST(cid AS VARCHAR)",
    }
    select = ", ".join(f"{values[c]} AS {c}" for c in GED_COLUMNS)
    started = time.perf_counter()
    con = duckdb.connect()
    con.execute(
        f"""COPY (SELECT {select} FROM (
              SELECT i, [{names}][1 + i * 31 % {len(COUNTRIES)}] AS c, [{ids}][1 + i * 31 % {len(COUNTRIES)}] AS cid,
                     DATE '1989-01-01' + CAST(i * 37 % 13149 AS INTEGER) AS d FROM range({rows}) t(i)) ORDER BY i)
            TO '{path}' (HEADER, DELIMITER ',')"""
    )
    con.close()
    return time.perf_counter() - started


def run_measured(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident bytes (wait4 ru_maxrss) of one child process."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed (exit {proc.returncode}):\n{out}")
    log("  " + out.strip().splitlines()[0] if out.strip() else "  (no output)")
    return seconds, usage.ru_maxrss * 1024


def template_store(folder: Path) -> Path:
    path = folder / "bench-template.duckdb"
    path.unlink(missing_ok=True)
    run_measured([str(Path(sys.executable).with_name("torkham")), "--db", str(path), "--kb", str(MINI_KB), "imports"])
    return path


def bench(folder: Path, csv: Path, runs: int) -> dict[str, list[tuple[float, int]]]:
    template = template_store(folder)
    torkham = str(Path(sys.executable).with_name("torkham"))
    found: dict[str, list[tuple[float, int]]] = {"ours": [], "duckdb": []}
    for run in range(runs):
        store = folder / "bench-ours.duckdb"
        shutil.copyfile(template, store)
        log(f"run {run + 1}/{runs}: torkham import --country Afghanistan,Pakistan …")
        command = [torkham, "--db", str(store), "--kb", str(MINI_KB), "import", str(csv)]
        found["ours"].append(run_measured([*command, "--country", "Afghanistan,Pakistan"]))
        raw = folder / "bench-duckdb.duckdb"
        raw.unlink(missing_ok=True)
        log(f"run {run + 1}/{runs}: duckdb read_csv …")
        script = (
            "import duckdb,sys; c=duckdb.connect(sys.argv[2]); "
            "c.execute('CREATE TABLE raw AS SELECT * FROM read_csv(?)', [sys.argv[1]]); c.execute('CHECKPOINT'); "
            "print(c.execute('SELECT count(*) FROM raw').fetchall()[0][0], 'rows')"
        )
        found["duckdb"].append(run_measured([sys.executable, "-c", script, str(csv), str(raw)]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=400_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--generate-only", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_only:
        print(f"{generate(args.rows, args.generate_only):.1f}")
        return
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="torkham-bench-global-"))
    folder.mkdir(parents=True, exist_ok=True)
    csv = folder / "GEDEvent_v25_1.csv"  # SYNTHETIC: the name states the release, the rows are made up
    try:
        if not csv.is_file():
            log(f"generating {csv} (SYNTHETIC, {args.rows:,} rows) …")
            # in a child: a child forked from a parent that grew while generating would report its size
            # as its own peak (ru_maxrss is kept across exec)
            made = [sys.executable, __file__, "--rows", str(args.rows), "--generate-only", str(csv)]
            seconds = subprocess.run(made, check=True, capture_output=True, text=True).stdout.strip()
            log(f"  done in {seconds}s, {csv.stat().st_size / 1e6:.0f} MB")
        found = bench(folder, csv, args.runs)
    finally:
        if not (args.keep or args.data_dir):
            shutil.rmtree(folder, ignore_errors=True)
    ours = statistics.median(s for s, _ in found["ours"])
    base = statistics.median(s for s, _ in found["duckdb"])
    peak = max(b for _, b in found["ours"])
    print(f"SYNTHETIC global GED, {args.rows:,} rows, {args.runs} runs (median wall seconds, child processes)")
    print(f"  torkham import --country Afghanistan,Pakistan: {ours:.2f} s")
    print(f"  duckdb read_csv into a table:                  {base:.2f} s")
    print(f"  ratio: {ours / base:.2f}x")
    verdict = "ok" if peak < MEMORY_TARGET else "OVER TARGET"
    print(f"  peak RSS of the import: {peak / 1e9:.2f} GB (target < {MEMORY_TARGET / 1e9:.1f} GB: {verdict})")


if __name__ == "__main__":
    main()
