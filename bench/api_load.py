"""The main /api/v1 queries under 50 concurrent clients on loopback, and the same events table behind
Datasette in the same run (issue 5, "Speed"): p50/p95 latency and requests per second per query, the
p95 ratio ours/Datasette for the equivalent queries (target <= 1.0), and each server's CPU time per query.

    python bench/api_load.py [--events 200000] [--seconds 10] [--clients 50] [--warmup 2]
                             [--from 2008-01-01] [--to 2013-12-31] [--work-dir DIR]
                             [--db STORE [--kb DIR]] [--no-settle]

The store holds the bundled data plus --events SYNTHETIC UCDP-shaped events (bench/synthetic_ged.py,
made up, never UCDP's); its `events` table is exported to SQLite and served by `datasette serve
--immutable`. Both servers are separate processes on free loopback ports; this process is the client.
Any answer other than 200 is an error: they are listed and the exit status is 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from equivalence import check_equivalence  # noqa: E402
from loadgen import Outcome, drive  # noqa: E402
from web_fixtures import (  # noqa: E402
    HOST,
    ServerSpec,
    build_store,
    cpu_seconds,
    datasette_argv,
    export_events_to_sqlite,
    free_port,
    log,
    servers,
    torkham_argv,
)

DATASETTE_DB = "bench"  # the SQLite file's stem: Datasette serves it at /bench/
ACTOR = "ttp"


@dataclass(frozen=True)
class Query:
    label: str
    ours: list[str]  # GETs sent in order by one client: one "query"
    datasette: str | None = None  # the equivalent Datasette request, when there is one


def queries(date_from: str, date_to: str) -> list[Query]:
    # Dataset events overlapping [from, to] (ours: date_end >= from and date_start <= to), by date then id.
    ours_filter = {"layer": "data", "country": "PAK", "from": date_from, "to": date_to}
    theirs_filter = {"iso3": "PAK", "date_end__gte": date_from, "date_start__lte": date_to, "_sort": "date_start"}
    page = "/api/v1/events?" + urlencode(ours_filter | {"limit": 50})
    facets = "/api/v1/events/facets?" + urlencode({"by": "admin1"} | ours_filter)
    faceted = "/api/v1/events?" + urlencode(ours_filter | {"limit": 50, "facet": "admin1"})  # as Datasette: one GET
    table = f"/{DATASETTE_DB}/events.json?"
    return [
        Query("faceted: 50 rows + total + admin1 facet", [faceted],
              table + urlencode(theirs_filter | {"_facet": "admin1", "_size": 50})),
        Query("admin1 facet counts", [facets], table + urlencode(theirs_filter | {"_facet": "admin1", "_size": 0})),
        Query("50 rows + total", [page], table + urlencode(theirs_filter | {"_size": 50})),
        Query("actors list", ["/api/v1/actors"]),
        Query(f"actor detail ({ACTOR})", [f"/api/v1/actors/{ACTOR}"]),
        Query(f"series {ACTOR}/PAK/month", ["/api/v1/series?" + urlencode({"actor": ACTOR, "country": "PAK", "by": "month"})]),
        Query("search TTP", ["/api/v1/search?q=TTP"]),
    ]  # fmt: skip


def measure(port: int, paths: list[str], args: argparse.Namespace, pid: int) -> tuple[Outcome, float]:
    """The outcome of the timed load, and the CPU seconds the server process (all its threads) spent in it."""
    if args.warmup > 0:
        warm = drive(HOST, port, paths, args.clients, args.warmup)
        if warm.errors:
            return warm, 0.0  # reported as errors; no point loading a failing query
    before = cpu_seconds(pid)
    outcome = drive(HOST, port, paths, args.clients, args.seconds)
    return outcome, cpu_seconds(pid) - before


def row(label: str, who: str, outcome: Outcome, gets: int) -> str:
    ms = lambda seconds: f"{seconds * 1000:9.1f}"  # noqa: E731
    return (
        f"{label:<42} {who:<9} {len(outcome.latencies):>8} {len(outcome.errors):>6} {outcome.per_second:>9.1f} "
        f"{gets:>4} {ms(outcome.percentile(0.50))} {ms(outcome.percentile(0.95))}"
    )


def machine() -> str:
    import datasette
    import duckdb

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.machine()}, {os.cpu_count()} cores, {memory:.0f} GiB; Python {platform.python_version()}, "
        f"duckdb {duckdb.__version__}, datasette {datasette.__version__}"
    )


def run(args: argparse.Namespace, folder: Path) -> int:
    store = build_store(folder, args.events, args.db, args.kb)
    started = time.perf_counter()
    database = folder / f"{DATASETTE_DB}.db"
    rows = export_events_to_sqlite(store, database)
    log(f"events exported to SQLite ({rows:,} rows, indexed) in {time.perf_counter() - started:.1f}s")
    load_before = os.getloadavg()[0]
    ours_port, theirs_port = free_port(), free_port()
    table = queries(args.date_from, args.date_to)
    results: list[tuple[Query, Outcome, Outcome | None]] = []
    cpu: dict[tuple[str, str], float] = {}  # (query, server) -> server CPU ms per completed query
    specs = [
        ServerSpec("torkham", torkham_argv(store, ours_port, args.kb), ours_port, "/api/v1/openapi.json"),
        ServerSpec("datasette", datasette_argv(database, theirs_port), theirs_port, "/-/versions.json"),
    ]
    with servers(specs, folder, settle=not args.no_settle) as processes:
        problems = check_equivalence(HOST, ours_port, theirs_port, table[0])
        for query in table:
            log(f"{query.label}: ours …")
            ours, spent = measure(ours_port, query.ours, args, processes[0].pid)
            cpu[(query.label, "ours")] = spent * 1000 / max(len(ours.latencies), 1)
            theirs = None
            if query.datasette:
                log(f"{query.label}: Datasette …")
                theirs, spent = measure(theirs_port, [query.datasette], args, processes[1].pid)
                cpu[(query.label, "datasette")] = spent * 1000 / max(len(theirs.latencies), 1)
            results.append((query, ours, theirs))
    print("torkham bench: /api/v1 under concurrent load vs Datasette on the same events table")
    print(f"machine: {machine()}")
    print(
        f"load average (1 min) at start {load_before:.1f}, at end {os.getloadavg()[0]:.1f} "
        f"(the machine may be shared: above ~0.5 other processes compete for the {os.cpu_count()} cores)"
    )
    print(
        f"events: {rows:,} in the store, {args.events:,} of them SYNTHETIC; Pakistan {args.date_from} to "
        f"{args.date_to}; {args.clients} clients, {args.seconds:g}s per query and server after {args.warmup:g}s warm-up"
    )
    print()
    print(
        f"{'query':<42} {'server':<9} {'queries':>8} {'errors':>6} {'queries/s':>9} {'GETs':>4} {'p50 ms':>9} {'p95 ms':>9}"
    )
    for query, ours, theirs in results:
        print(row(query.label, "ours", ours, len(query.ours)))
        if theirs is not None:
            print(row(query.label, "datasette", theirs, 1))
    bursts = [f"{q.label} ({who})" for q, o, t in results for who, r in (("ours", o), ("datasette", t))
              if r and 0 < len(r.latencies) < 2 * args.clients]  # fmt: skip
    if bursts:
        print(f"note: fewer than {2 * args.clients} queries, so one burst of the {args.clients} clients: "
              f"{'; '.join(bursts)} (lengthen --seconds for steadier percentiles)")  # fmt: skip
    print()
    for query, ours, theirs in results:
        if theirs is not None and ours.latencies and theirs.latencies:
            ratio = ours.percentile(0.95) / theirs.percentile(0.95)
            met = "met" if ratio <= 1.0 else "NOT met"
            print(f"p95 ratio ours/Datasette, {query.label}: {ratio:.2f} (target <= 1.0: {met})")
        elif theirs is not None:
            print(f"p95 ratio ours/Datasette, {query.label}: n/a (no successful answer; see the errors)")
    for query, ours, theirs in results:  # what the load of other processes moves less than the latencies
        if theirs is not None and ours.latencies and theirs.latencies:
            mine, other = cpu[(query.label, "ours")], cpu[(query.label, "datasette")]
            shown = f"{mine / other:.2f}" if other else "n/a"
            print(f"server CPU per query, {query.label}: ours {mine:.2f} ms, Datasette {other:.2f} ms (ratio {shown})")
    errors = [f"{q.label} ({who}): {e}" for q, o, t in results for who, r in (("ours", o), ("datasette", t)) if r
              for e in r.errors]  # fmt: skip
    problems += errors
    if problems:
        print(f"\nFAILED: {len(errors)} error answer(s), {len(problems) - len(errors)} equivalence problem(s):")
        for line in dict.fromkeys(problems):  # each distinct message once
            print(f"  {line}")
        return 1
    print("\nno errors: every answer was 200 and both servers agree on the faceted query")
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000, help="SYNTHETIC events added (0: bundled data only)")
    parser.add_argument("--seconds", type=float, default=10, help="load time per query and server")
    parser.add_argument("--warmup", type=float, default=2, help="load time before each measurement, not counted")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (connections)")
    parser.add_argument("--from", dest="date_from", default="2008-01-01", help="start of the date range")
    parser.add_argument("--to", dest="date_to", default="2013-12-31", help="end of the date range")
    parser.add_argument(
        "--no-settle", action="store_true", help="measure at once, without waiting for the servers' start-up work"
    )
    parser.add_argument("--db", type=Path, help="copy this store instead of building one from the bundled data")
    parser.add_argument("--kb", type=Path, help="the knowledge folder of --db (default: the bundled one)")
    parser.add_argument("--work-dir", type=Path, help="folder for the stores (SYNTHETIC files are kept and reused)")
    args = parser.parse_args()
    folder = args.work_dir or Path(tempfile.mkdtemp(prefix="torkham-bench-web-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        status = run(args, folder)
    finally:
        for path in folder.glob("bench*"):
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        if args.work_dir is None:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(status)


if __name__ == "__main__":
    main()
