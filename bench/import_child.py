"""One import, timed, in its own process (so its peak memory can be read by the parent with wait4).

    python bench/import_child.py ours|duckdb|pandas FILE STORE

ours:   torkham.datasets.importer.import_file into STORE (a fresh copy of a built store), then the
        actor names are refreshed (timed separately) so the store is ready for `torkham series`.
duckdb: CREATE TABLE raw AS SELECT * FROM read_csv(FILE) into a new, empty STORE.
pandas: pandas_baseline.read_and_normalise(FILE) (STORE unused).

Prints one JSON line: {"seconds": …, "rows": …, "set_aside": …, …}. Modules are imported before
the clock starts; interpreter start-up is not counted.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def run_ours(path: Path, store: Path) -> dict:
    from torkham.datasets.actors import refresh_actor_names
    from torkham.datasets.importer import import_file
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.store.db import connect

    con = connect(store)
    started = time.perf_counter()
    summary = import_file(con, path, version="25.1")  # synthetic: no UCDP name states it
    con.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    refresh_actor_names(con, BUNDLED_KNOWLEDGE)
    refresh = time.perf_counter() - started
    con.close()
    return {
        "seconds": seconds,
        "rows": summary.inserted,
        "set_aside": summary.quarantined,
        "refresh_actor_names_seconds": refresh,
        "summary": summary.line(),
    }


def run_duckdb(path: Path, store: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(store))
    started = time.perf_counter()
    con.execute("CREATE TABLE raw AS SELECT * FROM read_csv(?)", [str(path)])
    con.execute("CHECKPOINT")
    seconds = time.perf_counter() - started
    rows = con.execute("SELECT count(*) FROM raw").fetchone()[0]
    con.close()
    return {"seconds": seconds, "rows": rows, "set_aside": 0}


def run_pandas(path: Path, store: Path) -> dict:
    import pandas  # noqa: F401  (imported before the clock starts)

    from pandas_baseline import read_and_normalise

    started = time.perf_counter()
    events, set_aside = read_and_normalise(path)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "rows": len(events), "set_aside": set_aside}


RUNNERS = {"ours": run_ours, "duckdb": run_duckdb, "pandas": run_pandas}


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in RUNNERS:
        raise SystemExit(__doc__)
    result = RUNNERS[sys.argv[1]](Path(sys.argv[2]), Path(sys.argv[3]))
    print(json.dumps(result))
