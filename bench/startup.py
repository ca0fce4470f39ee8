"""CLI start-up and `torkham show TTP` against `python -c pass`, measured in the same run.

    python bench/startup.py [--runs 15]

Runs every command once per round, `--runs` rounds, so that a change in the machine's load falls on all
of them alike. Prints each command's median wall time, its median CPU time (user + system, which suffers
less from other processes), and the median of its paired ratios to the baseline (its time over the
baseline's in the same round), with the load average before and after. Targets (issue 15): `torkham
--version` and `--help` within 3x of `python -c pass`; `torkham show TTP` within 100 ms.

The commands run as an installed torkham runs: from bytecode. PYTHONDONTWRITEBYTECODE is dropped and the
bytecode goes to a temporary folder (PYTHONPYCACHEPREFIX), written by one run of each command before the
rounds. `show` is measured as a user meets it (piped, from the store's actor index, whose stamps vouch for
the knowledge files), from an index without those stamps (it then hashes the knowledge files), and on a
copy of the store without the index (it then opens the store).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"torkham --version": "<= 3x", "torkham --help": "<= 3x", "torkham show TTP": "<= 100 ms"}
BASELINE = "python -c pass (baseline)"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of the command (its output discarded)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with exit status {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def stores(tmp: Path, torkham: str, env: dict[str, str]) -> dict[str, dict[str, str]]:
    """The environments of the three stores: with the index as a writer leaves it, with an index whose
    stamps were removed, without an index."""
    found = {}
    for name in ("bench", "hashed"):
        found[name] = {**env, "TORKHAM_DB": str(tmp / f"{name}.duckdb")}
        subprocess.run([torkham, "kb", "build"], check=True, capture_output=True, env=found[name])
    con = sqlite3.connect(tmp / "hashed.duckdb.actors")
    try:
        con.execute("UPDATE meta SET value = '' WHERE key = 'inputs'")
        con.commit()
    finally:
        con.close()
    shutil.copyfile(tmp / "bench.duckdb", tmp / "bare.duckdb")  # a copy has no index
    found["bare"] = {**env, "TORKHAM_DB": str(tmp / "bare.duckdb")}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    torkham = shutil.which("torkham", path=str(Path(sys.executable).parent)) or "torkham"
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "bytecode")
        envs = stores(tmp, torkham, env)
        show = [torkham, "show", "TTP"]
        cases = {
            BASELINE: ([sys.executable, "-c", "pass"], env),
            "python -c 'import torkham.cli.app'": ([sys.executable, "-c", "import torkham.cli.app"], env),
            "torkham --version": ([torkham, "--version"], env),
            "torkham --help": ([torkham, "--help"], env),
            "torkham show TTP": (show, envs["bench"]),
            "torkham show TTP --json": ([*show, "--json"], envs["bench"]),
            "torkham show TTP (index without stamps)": (show, envs["hashed"]),
            "torkham show TTP (no actor index)": (show, envs["bare"]),
            "torkham timeline --from 2021-08 --to 2024-04": (
                [torkham, "timeline", "--from", "2021-08", "--to", "2024-04"],
                envs["bench"],
            ),
        }
        for command, case_env in cases.values():  # writes the bytecode, warms the file cache
            timed(command, case_env)
        rounds = [
            {name: timed(command, case_env) for name, (command, case_env) in cases.items()} for _ in range(args.runs)
        ]
    report(rounds, load_before, os.getloadavg()[0])


def report(rounds: list[dict[str, tuple[float, float]]], load_before: float, load_after: float) -> None:
    print(f"load average {load_before:.2f} before, {load_after:.2f} after; {len(rounds)} rounds")
    print(f"{'command':48} {'wall':>9} {'cpu':>9} {'ratio':>7}  target")
    for name in rounds[0]:
        wall = statistics.median(r[name][0] for r in rounds)
        cpu = statistics.median(r[name][1] for r in rounds)
        ratio = statistics.median(r[name][0] / r[BASELINE][0] for r in rounds)
        print(f"{name:48} {wall * 1000:7.1f}ms {cpu * 1000:7.1f}ms {ratio:6.1f}x  {TARGETS.get(name, '')}")


if __name__ == "__main__":
    main()
