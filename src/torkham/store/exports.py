"""What `torkham kb export` and /api/v1/export write, read from the store: the knowledge base, and for
the map formats every dataset event (with its coordinates, when the dataset gives them) and the datasets
held with their licence and attribution. `torkham export parquet` writes the events and the tables an
analysis reads as Parquet (`export_parquet`), for the Spark backend (analysis/backends.py)."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.errors import TorkhamError
from torkham.kb.formats.common import Material

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def export_material(con: DuckDBPyConnection, with_events: bool = False) -> Material:
    from torkham.store import queries
    from torkham.store.events import EventFilter, find_events

    document = queries.export_all(con)
    if not with_events:
        return Material(document)
    events = find_events(con, EventFilter(layer="data"), limit=None).items
    return Material(document, [dict(e) for e in events], queries.datasets(con))


# The Parquet export that other engines (Spark through Ibis, DuckDB elsewhere) analyse: the events
# partitioned by dataset and year, and the small tables an analysis reads beside them.
MANIFEST = "torkham-export.json"
EXPORT_FORMAT = "torkham-parquet-1"
EVENT_PARTITIONS = ("dataset", "year")
SIDE_TABLES = ("dataset_actor_names", "coverage", "country_month")
_INTERNAL = ("content_hash", "import_id")  # the store's bookkeeping, not part of an event


@dataclass(frozen=True)
class ParquetExport:
    directory: Path
    events: dict[str, tuple[int, int, int]]  # dataset -> (events, first year, last year)
    tables: dict[str, int]  # side table -> rows

    @property
    def total(self) -> int:
        return sum(n for n, _, _ in self.events.values())


def export_parquet(con: DuckDBPyConnection, directory: Path) -> ParquetExport:
    """Write the events under `directory`/events/dataset=…/year=…/ and the side tables as
    `directory`/<table>.parquet, with a manifest. The folder is written beside its place and moved there
    whole; an earlier export there is replaced, any other non-empty folder is refused."""
    target = _check_target(directory)
    writing = target.with_name(f".{target.name}.writing-{os.getpid()}")
    shutil.rmtree(writing, ignore_errors=True)
    writing.mkdir(parents=True)
    try:
        written = _write(con, writing)
        (writing / MANIFEST).write_text(json.dumps(_manifest(written), indent=2) + "\n", encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        os.replace(writing, target)
    except BaseException:
        shutil.rmtree(writing, ignore_errors=True)
        raise
    return ParquetExport(target, written.events, written.tables)


def _check_target(directory: Path) -> Path:
    target = directory.expanduser().absolute()
    if target.exists() and not target.is_dir():
        raise TorkhamError(f"{directory} is a file; give a folder for the Parquet export")
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise TorkhamError(
            f"{directory} is not empty and holds no torkham export ({MANIFEST}); give a new or empty folder"
        )
    return target


def _write(con: DuckDBPyConnection, folder: Path) -> ParquetExport:
    held = {str(r[0]) for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    held |= {str(r[0]) for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    counts = con.execute(
        "SELECT dataset, count(*), min(year(date_start)), max(year(date_start)) FROM events GROUP BY dataset ORDER BY dataset"
    ).fetchall()
    if not counts:
        raise TorkhamError("the store holds no dataset events; import some with 'torkham import FILE' first")
    columns = [str(r[0]) for r in con.execute("DESCRIBE events").fetchall() if r[0] not in _INTERNAL]
    con.execute(
        f"COPY (SELECT {', '.join(columns)}, year(date_start) AS year FROM events) TO '{_sql_path(folder / 'events')}' "
        f"(FORMAT PARQUET, COMPRESSION ZSTD, PARTITION_BY ({', '.join(EVENT_PARTITIONS)}))"
    )
    tables: dict[str, int] = {}
    for table in SIDE_TABLES:
        if table in held:
            row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            tables[table] = int(row[0]) if row else 0
            con.execute(
                f"COPY {table} TO '{_sql_path(folder / (table + '.parquet'))}' (FORMAT PARQUET, COMPRESSION ZSTD)"
            )
    events = {str(d): (int(n), int(first), int(last)) for d, n, first, last in counts}
    return ParquetExport(folder, events, tables)


def _manifest(written: ParquetExport) -> dict[str, object]:
    return {
        "format": EXPORT_FORMAT,
        "events": {
            "path": "events",
            "partitioned_by": list(EVENT_PARTITIONS),
            "datasets": {d: {"events": n, "years": [a, b]} for d, (n, a, b) in written.events.items()},
        },
        "tables": {t: {"path": f"{t}.parquet", "rows": n} for t, n in written.tables.items()},
    }


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
