"""Where an analysis's Ibis expressions run. A backend object builds the `Tables` the analyses read; the
expressions (selection, compose, series, signals) are the same on every backend.

- `StoreBackend`: DuckDB over the store (the default).
- `ParquetBackend`: the folder `torkham export parquet` wrote (events partitioned by dataset and year,
  and the small tables beside them), read by DuckDB or by Spark (PySpark through Ibis) on a master.

The knowledge (actor names, factions) is always read from the store on the analyst's machine; only the
event tables move to the engine."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from torkham.analysis.selection import Tables, connect_ibis
from torkham.errors import TorkhamError
from torkham.params import BackendChoice, InvalidParameter, literal
from torkham.store.exports import EVENT_PARTITIONS, EXPORT_FORMAT, MANIFEST

if TYPE_CHECKING:
    import ibis.expr.types as ir
    from duckdb import DuckDBPyConnection
    from ibis.backends import BaseBackend
    from pyspark.sql import SparkSession

SPARK_CONF = {
    "spark.log.level": "ERROR",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.execution.arrow.pyspark.enabled": "true",  # results come back to the driver as Arrow
}
LOCAL_CONF = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.sql.shuffle.partitions": "8",
    "spark.sql.sources.parallelPartitionDiscovery.threshold": "4096",  # list the export's folders in the driver
}
SPARK_HINT = "the Spark backend needs PySpark and Java 17 or later: pip install 'torkham[spark]'"


class Backend(Protocol):
    @property
    def name(self) -> str:
        """What runs the expressions: duckdb or spark."""
        ...

    def tables(self, con: DuckDBPyConnection) -> Tables:
        """The tables an analysis reads; `con` is the store (the knowledge stays there)."""
        ...


@dataclass(frozen=True)
class StoreBackend:
    @property
    def name(self) -> str:
        return "duckdb"

    def tables(self, con: DuckDBPyConnection) -> Tables:
        return connect_ibis(con)


@dataclass(frozen=True)
class ParquetBackend:
    """A Parquet export read by `engine` (duckdb or spark); `events` is its folder or URI."""

    engine: str
    events: str
    master: str | None = None

    @property
    def name(self) -> str:
        return self.engine

    def tables(self, con: DuckDBPyConnection) -> Tables:
        if self.engine == "spark":
            return _spark_tables(spark_session(self.master), self.events)
        return _duckdb_tables(self.events)


def backend_for(choice: BackendChoice | None) -> Backend:
    """The backend a user chose (--backend, --master, --events)."""
    if choice is None or choice.events is None:
        return StoreBackend()
    return ParquetBackend(choice.engine, choice.events, choice.master)


class ParquetTables(Tables):
    """Tables registered from a Parquet export (under generated view names, so that two exports read in one
    session never mix)."""

    def __init__(self, backend: BaseBackend, registered: dict[str, ir.Table]):
        super().__init__(backend)
        self.registered = registered

    def names(self) -> set[str]:
        return set(self.registered)

    def table(self, name: str) -> ir.Table:
        if name not in self.registered:
            raise TorkhamError(
                f"the Parquet export holds no {name} table; write it again with 'torkham export parquet'"
            )
        return self.registered[name]


def spark_session(master: str | None = None, conf: Mapping[str, str] | None = None) -> SparkSession:
    """The process's SparkSession (created once, with `conf` beside torkham's settings; later calls get the
    same one back)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise TorkhamError(SPARK_HINT) from None
    builder = SparkSession.builder.appName("torkham")
    for key, value in SPARK_CONF.items():
        builder = builder.config(key, value)
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):  # one machine: stay on the loopback, no web UI
        for key, value in LOCAL_CONF.items():
            builder = builder.config(key, value)
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # no Java, a master that does not answer: PySpark's own errors
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise TorkhamError(f"cannot start Spark ({first}); {SPARK_HINT}") from None


def _spark_tables(session: SparkSession, root: str) -> Tables:
    import ibis

    try:
        text = "\n".join(r[0] for r in session.read.text(_join(root, MANIFEST), wholetext=True).collect())
    except Exception:  # Spark's AnalysisException: the path does not exist
        text = ""
    manifest = _manifest(root, text)
    con = ibis.pyspark.from_connection(session)
    registered = {"events": con.read_parquet(_join(root, manifest["events"]["path"]))}
    for name, info in manifest["tables"].items():
        registered[name] = con.read_parquet(_join(root, info["path"]))
    return ParquetTables(con, registered)


def _duckdb_tables(root: str) -> Tables:
    import ibis

    con = ibis.duckdb.connect()
    try:
        text = str(con.con.execute("SELECT content FROM read_text(?)", [_join(root, MANIFEST)]).fetchone()[0])
    except Exception:  # duckdb.IOException: no such file
        text = ""
    manifest = _manifest(root, text)
    levels = "/".join("*" for _ in EVENT_PARTITIONS)
    events = _join(root, f"{manifest['events']['path']}/{levels}/*.parquet")
    registered = {"events": con.read_parquet(events, hive_partitioning=True)}
    for name, info in manifest["tables"].items():
        registered[name] = con.read_parquet(_join(root, info["path"]))
    return ParquetTables(con, registered)


def _manifest(root: str, text: str) -> dict[str, Any]:
    try:
        manifest = json.loads(text) if text else None
    except ValueError:
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("format") != EXPORT_FORMAT:
        raise InvalidParameter(
            "events",
            f"{literal(root)} holds no torkham Parquet export ({MANIFEST}); write one with 'torkham export parquet DIR'",
        )
    return manifest


def _join(root: str, name: str) -> str:
    return root.rstrip("/") + "/" + name
