"""CLI start-up and `torkham show TTP` against `python -c pass`, measured in the same run.

    python bench/startup.py [--runs 15]

Prints the median wall time of each command and its ratio to the baseline. Target (issue 2):
CLI start-up within 3x of `python -c pass`; `torkham show TTP` well under a second.
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
        cases = {
            "python -c pass (baseline)": [sys.executable, "-c", "pass"],
            "python -c 'import torkham.cli.app'": [sys.executable, "-c", "import torkham.cli.app"],
            "torkham --version": [torkham, "--version"],
            "torkham --help": [torkham, "--help"],
            "torkham show TTP": [torkham, "show", "TTP"],
            "torkham timeline --from 2021-08 --to 2024-04": [
                torkham,
                "timeline",
                "--from",
                "2021-08",
                "--to",
                "2024-04",
            ],
        }
        results = {name: median_seconds(cmd, args.runs, env) for name, cmd in cases.items()}
    baseline = results["python -c pass (baseline)"]
    print(f"{'command':48} {'median':>9} {'ratio':>7}")
    for name, seconds in results.items():
        print(f"{name:48} {seconds * 1000:7.1f}ms {seconds / baseline:6.1f}x")


if __name__ == "__main__":
    main()
