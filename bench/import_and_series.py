"""Import speed, peak memory and the monthly series on SYNTHETIC GED-shaped files of 1 M and 5 M rows,
each as a ratio to a baseline measured in the same run (issues 3 and 15, "Speed").

    python bench/import_and_series.py [--rows 1000000,5000000] [--runs 15] [--import-runs 3]
                                      [--data-dir DIR] [--keep] [--no-pandas]

- import: torkham.datasets.importer.import_file into a fresh store vs DuckDB's own read_csv of the same
  file into a table (target <= 1.5x) and vs a straightforward pandas read-and-normalise (target: ours
  >= 5x faster). Each import runs in its own process; the file is in the page cache first. The kinds
  alternate within each run and the ratio is the median of the runs' own ratios (paired: a run's
  imports share the machine's load), with the load average printed for each run.
- peak memory of each import process (wait4 ru_maxrss; target < 1.5 GB at every size, and flat: the
  largest file's import about as much as the smallest's).
- series: `torkham series --actor TTP --country Pakistan --by month` (compute_series, events and
  fatalities) on the store of the largest import vs the same series in one raw DuckDB SQL statement,
  warm, median of --runs (target <= 1.5x and < 100 ms).

The files are made up (bench/synthetic_ged.py) and named SYNTHETIC-…; with --data-dir they are kept
and reused by later runs, else they live in a temporary folder removed at the end (unless --keep).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from series_bench import measure as measure_series  # noqa: E402
from synthetic_ged import GENERATOR_VERSION, generate, synthetic_name  # noqa: E402

BYTES_PER_ROW = 565  # generated CSV
STORE_BYTES_PER_ROW = 330  # our store + the DuckDB baseline's table, roughly
MEMORY_TARGET = 1.5e9
FLAT_TARGET = 1.25  # peak memory of the largest import / of the smallest
SPEED_TARGET = 1.5  # ours / DuckDB read_csv
PANDAS_TARGET = 5  # pandas / ours
SPILL_BYTES_PER_ROW = 500  # what an import may spill beside its store (DuckDB temp files)
KINDS = ("duckdb", "ours", "pandas")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def run_child(kind: str, csv: Path, store: Path) -> dict:
    """One import in a child process; its result and its peak resident memory (bytes)."""
    proc = subprocess.Popen(
        [sys.executable, str(BENCH / "import_child.py"), kind, str(csv), str(store)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} import of {csv.name} failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_bytes"] = usage.ru_maxrss * 1024  # kilobytes on Linux
    result["cpu_seconds"] = usage.ru_utime + usage.ru_stime  # whole process, start-up included
    return result


def warm(path: Path) -> None:
    with path.open("rb") as handle:
        while handle.read(1 << 24):
            pass


def prepare_files(folder: Path, sizes: list[int]) -> dict[int, Path]:
    files = {}
    for rows in sizes:
        path = folder / synthetic_name(rows)
        if path.is_file():
            log(f"reusing {path} (SYNTHETIC, generator v{GENERATOR_VERSION})")
        else:
            log(f"generating {path} (SYNTHETIC, {rows:,} rows) …")
            log(f"  done in {generate(rows, path):.1f}s, {path.stat().st_size / 1e9:.2f} GB")
        files[rows] = path
    return files


def check_room(folder: Path, sizes: list[int]) -> None:
    missing = sum(n * BYTES_PER_ROW for n in sizes if not (folder / synthetic_name(n)).is_file())
    needed = missing + max(sizes) * (STORE_BYTES_PER_ROW * 2 + SPILL_BYTES_PER_ROW)
    free = shutil.disk_usage(folder).free
    if free < needed * 1.2:
        raise SystemExit(
            f"{folder}: {free / 1e9:.1f} GB free, about {needed / 1e9:.1f} GB needed; pass --data-dir on a bigger disk"
        )


def template_store(folder: Path) -> Path:
    """A store with the knowledge and the bundled UCDP extract (what a fresh install has)."""
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.build import ensure_store

    path = folder / "bench-template.duckdb"
    path.unlink(missing_ok=True)
    ensure_store(path, BUNDLED_KNOWLEDGE)
    return path


def bench_imports(folder: Path, csv: Path, rows: int, template: Path, runs: int, kinds: list[str]) -> dict:
    """Median seconds and peak memory of each kind, and the median of the runs' paired ratios; leaves our
    store of the last run in place."""
    warm(csv)
    found: dict[str, list[dict]] = {kind: [] for kind in kinds}
    ours_store = folder / f"bench-ours-{rows}.duckdb"
    loads = []
    for run in range(runs):
        loads.append(os.getloadavg()[0])
        for kind in kinds:
            store = ours_store if kind == "ours" else folder / f"bench-{kind}-{rows}.duckdb"
            store.unlink(missing_ok=True)
            if kind == "ours":
                shutil.copyfile(template, store)
            log(f"import {rows:,} rows, run {run + 1}/{runs}: {kind} (load {os.getloadavg()[0]:.1f}) …")
            result = run_child(kind, csv, store)
            log(
                f"  {result['seconds']:.1f}s wall, {result['cpu_seconds']:.1f}s CPU (whole process), "
                f"peak {result['peak_bytes'] / 1e9:.2f} GB, {result['rows']:,} rows"
            )
            if result["rows"] != rows or result["set_aside"]:
                raise SystemExit(f"{kind}: expected {rows:,} rows and none set aside, got {result}")
            found[kind].append(result)
            if kind != "ours":
                store.unlink(missing_ok=True)
        log(f"  run {run + 1}: ours/duckdb {found['ours'][-1]['seconds'] / found['duckdb'][-1]['seconds']:.2f}x")
    paired = {
        "duckdb": [o["seconds"] / d["seconds"] for o, d in zip(found["ours"], found["duckdb"], strict=True)],
        "pandas": [p["seconds"] / o["seconds"] for o, p in zip(found["ours"], found.get("pandas", []), strict=False)],
    }
    return {
        kind: {
            "seconds": statistics.median(r["seconds"] for r in results),
            "peak_bytes": max(r["peak_bytes"] for r in results),
            "cpu_seconds": statistics.median(r["cpu_seconds"] for r in results),
            "extra": results[-1],
        }
        for kind, results in found.items()
    } | {"store": ours_store, "paired": {k: statistics.median(v) for k, v in paired.items() if v}, "loads": loads}


def fmt_seconds(s: float) -> str:
    return f"{s:.2f} s" if s < 10 else f"{s:.1f} s"


def fmt_ms(ms: float) -> str:
    return f"{ms:.1f} ms"


def fmt_bytes(b: float) -> str:
    return f"{b / 1e9:.2f} GB"


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "NO")


def table(rows: list[tuple[str, str, str, str, str, str]]) -> str:
    header = ("measurement", "ours", "baseline", "ratio", "target", "met?")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(6)]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r))
             for r in [header, *rows]]  # fmt: skip
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def size(rows: int) -> str:
    return f"{rows // 1_000_000} M" if rows % 1_000_000 == 0 else f"{rows:,}"


def import_rows(rows: int, res: dict) -> list[tuple]:
    n = size(rows)
    ours, duck = res["ours"], res["duckdb"]
    ratio = res["paired"]["duckdb"]
    out = [
        (f"import {n} rows: ours vs DuckDB read_csv", fmt_seconds(ours["seconds"]), fmt_seconds(duck["seconds"]),
         f"{ratio:.2f}x", f"<= {SPEED_TARGET}x", verdict(ratio <= SPEED_TARGET)),
        ("  same, CPU time of the whole process", fmt_seconds(ours["cpu_seconds"]), fmt_seconds(duck["cpu_seconds"]),
         f"{ours['cpu_seconds'] / duck['cpu_seconds']:.2f}x", "—", "—"),
    ]  # fmt: skip
    if "pandas" in res:
        pandas = res["pandas"]
        speedup = res["paired"]["pandas"]
        out += [
            (f"import {n} rows: ours vs pandas read+normalise", fmt_seconds(ours["seconds"]),
             fmt_seconds(pandas["seconds"]), f"{speedup:.1f}x faster", f">= {PANDAS_TARGET}x faster",
             verdict(speedup >= PANDAS_TARGET)),
            ("  same, CPU time of the whole process", fmt_seconds(ours["cpu_seconds"]), fmt_seconds(pandas["cpu_seconds"]),
             f"{pandas['cpu_seconds'] / ours['cpu_seconds']:.1f}x faster", "—", "—"),
        ]  # fmt: skip
    mem_ratio = ours["peak_bytes"] / duck["peak_bytes"]
    out.append(
        (f"peak memory, import {n} rows (vs read_csv)", fmt_bytes(ours["peak_bytes"]), fmt_bytes(duck["peak_bytes"]),
         f"{mem_ratio:.2f}x", f"< {MEMORY_TARGET / 1e9:g} GB", verdict(ours["peak_bytes"] < MEMORY_TARGET))
    )  # fmt: skip
    if "pandas" in res:
        out.append(
            (f"peak memory, import {n} rows (vs pandas)", fmt_bytes(ours["peak_bytes"]),
             fmt_bytes(res["pandas"]["peak_bytes"]), f"{ours['peak_bytes'] / res['pandas']['peak_bytes']:.2f}x", "—", "—")
        )  # fmt: skip
    return out


def flat_row(imports: dict, sizes: list[int]) -> list[tuple]:
    """Peak memory of the largest import against the smallest's: bounded memory stays flat."""
    if len(sizes) < 2:
        return []
    small, large = imports[sizes[0]]["ours"]["peak_bytes"], imports[sizes[-1]]["ours"]["peak_bytes"]
    ratio = large / small
    return [
        (f"peak memory, {size(sizes[-1])} vs {size(sizes[0])} rows (flat)", fmt_bytes(large), fmt_bytes(small),
         f"{ratio:.2f}x", f"<= {FLAT_TARGET}x", verdict(ratio <= FLAT_TARGET))
    ]  # fmt: skip


def series_rows(rows: int, res: dict) -> list[tuple]:
    n = size(rows)
    out = []
    for metric, r in res.items():
        ratio = r["ours"] / r["raw"]
        what = f"series TTP/Pakistan/month {metric}, {n}"
        out += [
            (f"{what}: vs raw SQL", fmt_ms(r["ours"]), fmt_ms(r["raw"]), f"{ratio:.2f}x", "<= 1.5x", verdict(ratio <= 1.5)),
            (f"{what}: absolute", fmt_ms(r["ours"]), "—", "—", "< 100 ms", verdict(r["ours"] < 100)),
            (f"{what}: whole command work", fmt_ms(r["command"]), fmt_ms(r["raw"]), f"{r['command'] / r['raw']:.2f}x", "—", "—"),
        ]  # fmt: skip
    return out


def machine() -> str:
    import duckdb
    import ibis

    try:
        import pandas

        pandas_version = pandas.__version__
    except ImportError:
        pandas_version = "not installed"
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB; Python {platform.python_version()}, "
        f"duckdb {duckdb.__version__}, ibis {ibis.__version__}, pandas {pandas_version}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000000,5000000", help="comma-separated row counts (default 1M and 5M)")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each series query (median)")
    parser.add_argument("--import-runs", type=int, default=3, help="runs of each import (median)")
    parser.add_argument("--data-dir", type=Path, help="folder for the SYNTHETIC files and stores; files are kept")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")
    parser.add_argument("--no-pandas", action="store_true", help="skip the pandas baseline (slow)")
    args = parser.parse_args()
    sizes = sorted({int(x.replace("_", "")) for x in args.rows.split(",") if x.strip()})
    kinds = [k for k in KINDS if not (args.no_pandas and k == "pandas")]
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="torkham-bench-SYNTHETIC-"))
    folder.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    try:
        check_room(folder, sizes)
        files = prepare_files(folder, sizes)
        template = template_store(folder)
        rows_out, series_res, imports = [], None, {}
        for rows in sizes:
            imports[rows] = bench_imports(folder, files[rows], rows, template, args.import_runs, kinds)
            rows_out += import_rows(rows, imports[rows])
            if rows != sizes[-1]:
                imports[rows]["store"].unlink(missing_ok=True)
        rows_out += flat_row(imports, sizes)
        log(f"series on the {sizes[-1]:,}-row store, {args.runs} runs …")
        series_res = measure_series(imports[sizes[-1]]["store"], args.runs)
        rows_out += series_rows(sizes[-1], series_res)
        print("torkham bench: import and series on SYNTHETIC UCDP GED-shaped data (made-up events, not UCDP's)")
        print(f"machine: {machine()}")
        print(
            f"load average (1 min) at start {load_before:.1f}, at end {os.getloadavg()[0]:.1f} "
            f"(above ~0.5 other processes compete for the {os.cpu_count()} cores and slow every figure)"
        )
        for rows in sizes:
            print(f"file: {files[rows]} ({files[rows].stat().st_size / 1e9:.2f} GB, {rows:,} SYNTHETIC rows)")
        for rows in sizes:
            loads = ", ".join(f"{x:.1f}" for x in imports[rows]["loads"])
            print(f"load average (1 min) at the start of each import run, {size(rows)} rows: {loads}")
        print(
            f"imports: median of {args.import_runs} run(s), each in its own process, ratios the median of each run's own "
            f"ratio; series: median of {args.runs} warm runs"
        )
        print()
        print(table(rows_out))
        print()
        big = imports[sizes[-1]]
        print(f"our store at {sizes[-1]:,} rows: {big['store'].stat().st_size / 1e9:.2f} GB; "
              f"refresh_actor_names after the import: {fmt_seconds(big['ours']['extra']['refresh_actor_names_seconds'])}")  # fmt: skip
        for metric, r in series_res.items():
            print(
                f"series {metric}: {r['points']} months, total {r['total']:,}; same result as raw SQL: {verdict(r['same'])}"
            )
    finally:
        for path in folder.glob("bench-*.duckdb*"):  # stores, their WAL and spill folders
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        if args.data_dir is None and not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
        elif args.data_dir is None:
            log(f"kept {folder}; reuse its files with --data-dir {folder}")


if __name__ == "__main__":
    main()
