"""CLI start-up and `torkham show TTP` against `python -c pass`, measured in the same run.

    python bench/startup.py [--runs 15]

Prints the median wall time of each command and its ratio to the baseline. Targets (issue 15):
`torkham --version` and `--help` within 3x of `python -c pass`; `torkham show TTP` within 100 ms. `show` is
measured as a user meets it (the store's actor index answers) and, for comparison, on a copy of the store
without the index (it then opens the store).
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

TARGETS = {"torkham --version": "<= 3x", "torkham --help": "<= 3x", "torkham show TTP": "<= 100 ms"}


def median_seconds(command: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(command, check=True, capture_output=True, env=env)  # warm the file cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    torkham = shutil.which("torkham", path=str(Path(sys.executable).parent)) or "torkham"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "TORKHAM_DB": str(Path(tmp) / "bench.duckdb")}
        subprocess.run([torkham, "kb", "build"], check=True, capture_output=True, env=env)
        bare = Path(tmp) / "bare.duckdb"  # the same store without its actor index (a copy has none)
        shutil.copyfile(Path(tmp) / "bench.duckdb", bare)
        env_bare = {**env, "TORKHAM_DB": str(bare)}
        cases = {
            "python -c pass (baseline)": ([sys.executable, "-c", "pass"], env),
            "python -c 'import torkham.cli.app'": ([sys.executable, "-c", "import torkham.cli.app"], env),
            "torkham --version": ([torkham, "--version"], env),
            "torkham --help": ([torkham, "--help"], env),
            "torkham show TTP": ([torkham, "show", "TTP"], env),
            "torkham show TTP --json": ([torkham, "show", "TTP", "--json"], env),
            "torkham show TTP (no actor index)": ([torkham, "show", "TTP"], env_bare),
            "torkham timeline --from 2021-08 --to 2024-04": (
                [torkham, "timeline", "--from", "2021-08", "--to", "2024-04"],
                env,
            ),
        }
        results = {name: median_seconds(cmd, args.runs, case_env) for name, (cmd, case_env) in cases.items()}
    baseline = results["python -c pass (baseline)"]
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'command':48} {'median':>9} {'ratio':>7}  target")
    for name, seconds in results.items():
        print(f"{name:48} {seconds * 1000:7.1f}ms {seconds / baseline:6.1f}x  {TARGETS.get(name, '')}")


if __name__ == "__main__":
    main()
