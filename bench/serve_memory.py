"""Resident memory of `torkham serve` once its start-up work is done (issue 15): VmRSS of the server
process, median of --runs fresh servers, and which heavy modules it has loaded by then.

    python bench/serve_memory.py [--runs 5] [--db STORE] [--get PATH …]

The store is --db, or one built from the bundled data in a temporary folder. Each run starts the server on
a free loopback port, waits until it answers and its CPU time has stood still for 1.5 s (the warm-ups are
done), requests the --get paths if any, and reads /proc/<pid>/status. Target: under 150 MB (10^6 bytes)."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from web_fixtures import HOST, build_store, free_port, torkham_argv  # noqa: E402

TARGET_MB = 150


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024 / 1e6
    raise RuntimeError(f"no VmRSS for process {pid}")


def one_run(store: Path, paths: list[str]) -> float:
    port = free_port()
    server = subprocess.Popen(torkham_argv(store, port), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://{HOST}:{port}/favicon.ico", timeout=5).read()
                break
            except urllib.error.HTTPError:  # it answers
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("torkham serve did not answer in 60 s") from None
                time.sleep(0.1)
        last, still = cpu_ticks(server.pid), 0
        while still < 3:  # 1.5 s without CPU: the start-up work (and its child process) is done
            time.sleep(0.5)
            now = cpu_ticks(server.pid)
            still, last = (still + 1 if now == last else 0), now
        for path in paths:
            urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=120).read()
        return rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path, help="serve this store (default: one built from the bundled data)")
    parser.add_argument("--get", nargs="*", default=[], help="paths requested before the measure")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="torkham-bench-memory-") as folder:
        store = args.db or build_store(Path(folder), 0)
        figures = [one_run(store, args.get) for _ in range(args.runs)]
    median = statistics.median(figures)
    print(f"torkham serve, idle after its start-up work: VmRSS {', '.join(f'{f:.0f}' for f in figures)} MB")
    print(f"median {median:.0f} MB (target < {TARGET_MB} MB: {'met' if median < TARGET_MB else 'NOT met'})")


if __name__ == "__main__":
    main()
