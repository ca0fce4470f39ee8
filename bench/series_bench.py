"""The monthly series on a large store: torkham.analysis (Ibis over DuckDB) against the same series
written as one raw DuckDB SQL statement, warm, median of several runs. Results are compared first.

    python bench/series_bench.py --store STORE [--store STORE …] [--runs 7] [--write-event-months]

Each store must hold the events and the actor names (a store made by `torkham import`). Per store and
metric it prints ours and raw SQL (ms, median of --runs), their ratio (target <= 1.2) and whether ours is
under 50 ms, twice: reading what the store holds (`event_months` when it is in step with the events,
store/event_months.py) and reading the events themselves. `--write-event-months` writes that table
first (refresh_event_months, as the writers of the events do). Also used by bench/import_and_series.py (`measure`)."""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import statistics
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

DATASET, ACTOR, COUNTRY, WINDOW = "ucdp-ged", "TTP", "Pakistan", 3

# Zero-filled monthly series over the span of the dataset's events in the country (what
# compute_series does without --from/--to), with the trailing mean of WINDOW months, empty while the
# window starts before the data; and the dataset versions of the events counted. Every selected
# event lies inside that span, so no date filter is needed.
RAW_SQL = """
WITH names AS (SELECT raw_name FROM dataset_actor_names WHERE dataset = $dataset AND actor_id = $actor),
span AS (
  SELECT date_trunc('month', min(date_start))::DATE AS first, date_trunc('month', max(date_start))::DATE AS last
  FROM events WHERE dataset = $dataset AND (lower(country) = $country OR lower(iso3) = $country)),
counts AS (
  SELECT date_trunc('month', date_start)::DATE AS period, {value} AS value
  FROM events WHERE dataset = $dataset AND (lower(country) = $country OR lower(iso3) = $country)
    AND (actor1 IN (SELECT raw_name FROM names) OR actor2 IN (SELECT raw_name FROM names))
  GROUP BY 1),
versions AS (
  SELECT list(DISTINCT dataset_version ORDER BY dataset_version) AS versions
  FROM events WHERE dataset = $dataset AND (lower(country) = $country OR lower(iso3) = $country)
    AND (actor1 IN (SELECT raw_name FROM names) OR actor2 IN (SELECT raw_name FROM names))),
months AS (
  SELECT unnest(generate_series(first - INTERVAL ({back}) MONTH, last, INTERVAL 1 MONTH))::DATE AS period FROM span),
filled AS (
  SELECT m.period, coalesce(c.value, 0)::BIGINT AS value,
         avg(coalesce(c.value, 0)) OVER (ORDER BY m.period ROWS BETWEEN {back} PRECEDING AND CURRENT ROW) AS mean
  FROM months m LEFT JOIN counts c USING (period))
SELECT period, value, CASE WHEN period - INTERVAL ({back}) MONTH >= first THEN mean END AS mean,
       versions
FROM filled, span, versions WHERE period >= first ORDER BY period
"""


def raw_series(con, metric: str) -> tuple[list[tuple[date, int, float | None]], list[str]]:
    value = "count(*)" if metric == "events" else "coalesce(sum(fatalities_best), 0)"
    sql = RAW_SQL.format(value=value, back=WINDOW - 1)
    rows = con.execute(sql, {"dataset": DATASET, "actor": "ttp", "country": COUNTRY.lower()}).fetchall()
    return [(r[0], r[1], r[2]) for r in rows], (rows[0][3] if rows else [])


def selection_of(con, backend):
    """The checks and the selection `torkham series --actor TTP --country Pakistan` makes."""
    from torkham.analysis.selection import select
    from torkham.params import DataSelection

    return select(con, DataSelection.parse(DATASET, ACTOR, COUNTRY))[1]


def our_series(backend, selection, metric: str) -> tuple[list[tuple[date, int | None, float | None]], dict]:
    from torkham.analysis.series import compute_series

    result = compute_series(backend, selection, "month", metric, None, None, WINDOW)
    return [(p.start, p.value, p.rolling_mean) for p in result.points], result.versions


def our_command(con, metric: str):
    """All the work of `torkham series …` after the store is open: Ibis backend, checks, series."""
    from torkham.analysis.selection import connect_ibis

    backend = connect_ibis(con)
    return our_series(backend, selection_of(con, backend), metric)


def _same(ours, raw) -> bool:
    (points, versions), (raw_points, raw_versions) = ours, raw
    if versions.get(DATASET) != raw_versions or len(points) != len(raw_points):
        return False
    for (s1, v1, m1), (s2, v2, m2) in zip(points, raw_points, strict=True):
        if s1 != s2 or v1 != v2 or (m1 is None) != (m2 is None) or (m1 is not None and abs(m1 - m2) > 1e-9):
            return False
    return True


def median_ms(calls: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median wall time of each call in ms; the calls alternate, after one warm-up call each."""
    for call in calls.values():
        call()
    times: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(runs):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


@contextlib.contextmanager
def events_only(on: bool) -> Iterator[None]:
    """Within the block (when `on`), the series read the events, whatever `event_months` holds."""
    from torkham.analysis import readings

    original = readings._monthly
    if on:
        readings._monthly = lambda *args: False
    try:
        yield
    finally:
        readings._monthly = original


def source(con) -> str:
    """What a monthly series reads on this store: event_months (in step with the events) or events."""
    from torkham.store.event_months import is_current

    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    return "event_months" if is_current(con, tables) else "events"


def measure(store: Path, runs: int, read_events: bool = False) -> dict:
    """{'events': {...}, 'fatalities': {...}} with ours/raw/command ms, the point count, whether they agree and
    what ours read (`read_events`: the events, whatever event_months holds)."""
    from torkham.store.db import connect

    con = connect(store, read_only=True)
    try:
        with events_only(read_events):
            return _measured(con, runs, "events" if read_events else source(con))
    finally:
        con.close()


def _measured(con, runs: int, read: str) -> dict:
    from torkham.analysis.selection import connect_ibis

    backend = connect_ibis(con)
    selection = selection_of(con, backend)
    out = {}
    for metric in ("events", "fatalities"):
        ours, raw = our_series(backend, selection, metric), raw_series(con, metric)
        calls: dict[str, Callable[[], object]] = {
            "ours": functools.partial(our_series, backend, selection, metric),
            "raw": functools.partial(raw_series, con, metric),
            "command": functools.partial(our_command, con, metric),
        }
        timed = median_ms(calls, runs)
        total = sum(v or 0 for _, v, _ in ours[0])
        out[metric] = {**timed, "points": len(ours[0]), "total": total, "same": _same(ours, raw), "read": read}
    return out


def write_event_months(store: Path) -> float:
    """Write event_months into `store` as the writers of the events do; the seconds it took."""
    from torkham.store.db import connect, transaction
    from torkham.store.event_months import refresh_event_months

    con = connect(store)
    try:
        started = time.perf_counter()
        with transaction(con):
            refresh_event_months(con)
        return time.perf_counter() - started
    finally:
        con.close()


def events_held(store: Path) -> int:
    from torkham.store.db import connect

    con = connect(store, read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, action="append", required=True, help="a store (repeat for several)")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each call (median)")
    parser.add_argument("--write-event-months", action="store_true", help="write event_months first, as an import")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    lines = []
    for store in args.store:
        if args.write_event_months:
            print(f"{store}: event_months written in {write_event_months(store):.2f} s")
        held = events_held(store)
        for read_events in (False, True):
            for metric, r in measure(store, args.runs, read_events).items():
                ratio = r["ours"] / r["raw"]
                lines.append(
                    f"{held:>10,} {metric:<10} {r['read']:<12} {r['ours']:8.1f} {r['raw']:8.1f} {ratio:6.2f} "
                    f"{'yes' if ratio <= 1.2 else 'NO':>6} {'yes' if r['ours'] < 50 else 'NO':>6} "
                    f"{r['command']:9.1f} {'yes' if r['same'] else 'NO':>5}"
                )
    print(f"series TTP/Pakistan/month, full span, window {WINDOW}; median of {args.runs} warm runs, calls alternating")
    print(f"load average (1 min) at start {load_before:.1f}, at end {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"{'events':>10} {'metric':<10} {'ours read':<12} {'ours ms':>8} {'raw ms':>8} {'ratio':>6} {'<=1.2':>6} "
          f"{'<50ms':>6} {'command':>9} {'same':>5}")  # fmt: skip
    print("\n".join(lines))


if __name__ == "__main__":
    main()
