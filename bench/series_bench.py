"""The monthly series on a large store: torkham.analysis (Ibis over DuckDB) against the same series
written as one raw DuckDB SQL statement, warm, median of several runs. Results are compared first.

Used by bench/import_and_series.py; the store must hold the events and the actor names (a store
made by `torkham import`)."""

from __future__ import annotations

import statistics
import time
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


def our_series(backend, selection, metric: str) -> tuple[list[tuple[date, int, float | None]], list[str]]:
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
    if versions != raw_versions or len(points) != len(raw_points):
        return False
    for (s1, v1, m1), (s2, v2, m2) in zip(points, raw_points, strict=True):
        if s1 != s2 or v1 != v2 or (m1 is None) != (m2 is None) or (m1 is not None and abs(m1 - m2) > 1e-9):
            return False
    return True


def median_ms(calls: dict[str, object], runs: int) -> dict[str, float]:
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


def measure(store: Path, runs: int) -> dict:
    """{'events': {...}, 'fatalities': {...}} with ours/raw/command ms, the point count and whether they agree."""
    from torkham.analysis.selection import connect_ibis
    from torkham.store.db import connect

    con = connect(store, read_only=True)
    try:
        backend = connect_ibis(con)
        selection = selection_of(con, backend)
        out = {}
        for metric in ("events", "fatalities"):
            ours, raw = our_series(backend, selection, metric), raw_series(con, metric)
            timed = median_ms(
                {
                    "ours": lambda m=metric: our_series(backend, selection, m),
                    "raw": lambda m=metric: raw_series(con, m),
                    "command": lambda m=metric: our_command(con, m),
                },
                runs,
            )
            out[metric] = {
                **timed,
                "points": len(ours[0]),
                "total": sum(v for _, v, _ in ours[0]),
                "same": _same(ours, raw),
            }
        return out
    finally:
        con.close()
