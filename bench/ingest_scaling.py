"""`torkham ingest` time and peak memory as a text grows (issue 17): linear, not quadratic.

    python bench/ingest_scaling.py [--sizes 100000,300000,1000000,2000000] [--text repetitive,varied]

Generates **SYNTHETIC** date-dense English text at each size and ingests it with the real pipeline
(extract → propose → records → validate → write → store), each size in its own process (an empty
knowledge folder and a fresh store in a temporary folder; modules imported before the clock starts).
Two texts:

- `repetitive`: one paragraph of four date-dense sentences (dates, a range, relative dates, counts,
  reported speech) repeated to the size — the text of the issue;
- `varied`: the same sentences with a different day, month, year, count and place in each paragraph, so
  no sentence repeats and every one is read and proposed.

Prints, per text and size: seconds, the process's peak memory (MB), proposals written, and the growth
ratio — (seconds / seconds at the smallest size) / (size / smallest size): 1.0 is linear growth, 2.0
at ten times the size means time grows with the square of the size. Target: ratios near 1 (the
fixed start-up cost makes small sizes look slower), the 2 MB repetitive text under 10 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PLACES = [
    "Khyber",
    "Bannu",
    "Kurram",
    "Peshawar",
    "Quetta",
    "Chitral",
    "Tank",
    "Bajaur",
    "Mohmand",
    "Orakzai",
    "Swat",
    "Zhob",
]


def paragraph(i: int, varied: bool) -> str:
    day, month, year = (i % 28 + 1, MONTHS[i % 12], 2000 + i % 25) if varied else (12, "March", 2021)
    place, count = (PLACES[(i // 12) % 12], 10 + i % 90) if varied else ("Khyber", 14)
    tag = f" (report {i})" if varied else ""
    return (
        f"On {day} {month} {year} militants attacked a checkpoint in {place} district, killing {count} soldiers{tag}. "
        f"In November of {year - 8}, officials said that {count * 100:,} families had fled between July and "
        f"November {year - 1}{tag}. Two days after the attack, at 3 a.m., police arrested a commander, who said "
        f"the group had re-joined in {year - 1}{tag}. The spokesman told Reuters on 5 May {year + 1} that the "
        f"ministry had counted {count + 31} deaths{tag}.\n\n"
    )


def synthetic_text(size: int, varied: bool) -> str:
    parts, length, i = [], 0, 0
    while length < size:
        parts.append(paragraph(i, varied))
        length += len(parts[-1])
        i += 1
    return "".join(parts)[:size]


def child(path: Path, work: Path) -> None:
    """One ingest in this process; prints seconds, peak MB and proposals as JSON."""
    from torkham.ingest.pipeline import IngestRequest, ingest
    from torkham.store.build import ensure_store

    kb, db = work / "kb", work / "bench.duckdb"
    kb.mkdir()
    ensure_store(db, kb)
    started = time.perf_counter()
    result = ingest(IngestRequest(path, kb, db, source_id="bench"))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "proposals": sum(result.counts.values())}))


def measure(size: int, varied: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = work / f"SYNTHETIC-{'varied' if varied else 'repetitive'}-{size}.txt"
        path.write_text(synthetic_text(size, varied), encoding="utf-8")
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(path), str(work)],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "TORKHAM_WORKSPACE": str(work / "workspace")},
        )
        return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,300000,1000000,2000000")
    parser.add_argument("--text", default="repetitive,varied")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(Path(args.child[0]), Path(args.child[1]))
    sizes = [int(s) for s in args.sizes.split(",")]
    for kind in args.text.split(","):
        print(f"{kind} text (SYNTHETIC)")
        print(f"  {'size':>10}  {'seconds':>8}  {'peak MB':>8}  {'proposals':>9}  {'growth':>6}")
        first: tuple[int, float] | None = None
        for size in sizes:
            row = measure(size, kind == "varied")
            first = first or (size, row["seconds"])
            growth = (row["seconds"] / first[1]) / (size / first[0])
            print(
                f"  {size:>10,}  {row['seconds']:>8.2f}  {row['peak_mb']:>8}  {row['proposals']:>9,}  {growth:>6.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
