"""The one pass of an event import: each record the reader could read becomes one row of the temporary
table `incoming` as it is read, holding what every later step needs and nothing more:

- `tk_problem`: the index of the format's first check the row fails (NULL: none), `tk_value` the value
  that failed; `tk_skip` / `tk_hxl`: a metadata row (`skip_row`), or a row shaped like HXL hashtags;
- `tk_warn<j>`: the row matches the format's warning j; `tk_id`: the id duplicates are found by (when it
  is not `event_id`); `tk_v_<column>`: the raw columns `version_sql` reads (when the version is inferred);
- the events columns (`dataset_version` aside: it is filled in when the rows are stored) and `content_hash`.

The raw fields are never stored: the file is read once, and DuckDB spills `incoming` to disk beyond its
memory limit. Rows are stored in file order (insertion order is preserved in the pass), so a row's number
in the file follows from its rowid (see `numbered`). Every check and every events column is computed for
every row, bad ones included, so a format's SQL must not fail on a bad value (TRY_CAST, never CAST)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from torkham.datasets.accounting import hxl_sql
from torkham.datasets.formats.base import EVENT_COLUMNS, TableFormat

CONTENT = tuple(c for c in EVENT_COLUMNS if c != "dataset_version")  # what content_hash covers


@dataclass(frozen=True)
class Pass:
    """The statement filling `incoming` from `source` (a relation over the raw text columns)."""

    fmt: TableFormat
    present: tuple[str, ...]  # the columns the source has
    infer_version: bool  # carry the columns version_sql reads

    @property
    def id_column(self) -> str:
        """The column of `incoming` duplicate ids are found by."""
        return "event_id" if self._id_is_event_id() else "tk_id"

    def _id_is_event_id(self) -> bool:
        return self.fmt.select["event_id"].replace(" ", "") == f"trim({self.fmt.id_column})"

    def version_columns(self) -> list[str]:
        """The source columns `version_sql` names (a word match: it may name more, never fewer)."""
        if not (self.infer_version and self.fmt.version_sql):
            return []
        text = self.fmt.version_sql
        return [c for c in self.present if re.search(rf"(?<![\w]){re.escape(c)}(?![\w])", text, re.IGNORECASE)]

    def statement(self, source: str, numbered: bool) -> str:
        """Three projections: every check, warning and events column of the row side by side (DuckDB shares
        their common parts, such as a trimmed or parsed field, which it cannot do inside one CASE: that costs
        three times as much); then the first check that failed; then the value that failed and the hash."""
        fmt = self.fmt
        optional = {name: (name if name in self.present else "NULL") for name in fmt.optional_columns}
        fields = list(dict.fromkeys(c.field for c in fmt.checks))
        inner = ["tk_n", "tk_keep"] if numbered else []
        inner += [f"({c.bad}) AS tk_b{i}" for i, c in enumerate(fmt.checks)]
        inner += [f'"{f}" AS tk_f{i}' for i, f in enumerate(fields)]
        if fmt.skip_row:
            inner.append(f"coalesce({fmt.skip_row}, false) AS tk_skip")
        if fmt.hxl_row:
            inner.append(f"{self._hxl()} AS tk_hxl")
        inner += [f"coalesce({w.bad}, false) AS tk_warn{j}" for j, w in enumerate(fmt.warnings)]
        if not self._id_is_event_id():
            inner.append(f"trim({fmt.id_column}) AS tk_id")
        inner += [f'"{c}" AS tk_v_{c}' for c in self.version_columns()]
        inner += [f"{fmt.select[c].format(**optional)} AS {c}" for c in CONTENT]
        first = " ".join(f"WHEN tk_b{i} THEN {i}" for i in range(len(fmt.checks)))  # NULL: not failed
        problem = f"CASE {first} END" if fmt.checks else "CAST(NULL AS INTEGER)"
        checked = f"* EXCLUDE ({', '.join(f'tk_b{i}' for i in range(len(fmt.checks)))})" if fmt.checks else "*"
        failed = " ".join(f"WHEN {i} THEN tk_f{fields.index(c.field)}" for i, c in enumerate(fmt.checks))
        value = f"CASE tk_problem {failed} END" if fmt.checks else "CAST(NULL AS VARCHAR)"
        columns = f"* EXCLUDE ({', '.join(f'tk_f{i}' for i in range(len(fields)))})" if fields else "*"
        return f"""CREATE TEMP TABLE incoming AS
            SELECT {columns}, {value} AS tk_value, hash({", ".join(CONTENT)}) AS content_hash FROM (
              SELECT {problem} AS tk_problem, {checked} FROM (SELECT {", ".join(inner)} FROM {source}))"""

    def _hxl(self) -> str:
        """The HXL test of every column, evaluated only where the id column is empty or a hashtag (a row
        with a real id is never the hashtag row, and testing 50 columns of every row would cost)."""
        every = hxl_sql(list(self.present)).replace("tk_row = 1 AND ", "", 1)
        value = f"NULLIF(trim({self.fmt.id_column}), '')"
        return f"CASE WHEN {value} IS NULL OR starts_with({value}, '#') THEN {every} ELSE false END"


def present_columns(path: Path, fmt: TableFormat) -> tuple[str, ...]:
    """The columns the reader gives: a CSV file's header (or the format's columns), a JSON page's staged ones."""
    from torkham.datasets.formats.readers import csv_columns

    return tuple(csv_columns(path, fmt)) if fmt.reader == "csv" else fmt.staged_columns()


def read_file(
    con: Any, path: Path, reading: Pass, shown: str, keep: str | None, notes: list[str]
) -> tuple[int, int | None]:
    """Fill `incoming` from the file (a JSON page through `staging`), the records the reader could not read
    into `tk_bad` and `tk_shift` (formats/readers.py), notes for the user into `notes`. With `keep` (SQL, a
    CSV file): only the rows it is true for. Returns the records read and, with `keep`, how many were not
    kept (None without)."""
    from torkham.datasets.formats import readers

    fmt = reading.fmt
    con.execute("SET preserve_insertion_order = true")  # rows are stored in file order: see numbered()
    if fmt.reader == "json":
        notes.extend(readers.stage(con, path, fmt, shown))
        con.execute(reading.statement("staging", numbered=False))
        con.execute("DROP TABLE staging")
        return int(con.execute("SELECT count(*) FROM incoming").fetchall()[0][0]), None
    with readers.csv_file(path, fmt) as (file, columns), every_field_read(con):
        source = f"(SELECT * FROM {readers.csv_source(columns, fmt, keep)})"
        readers.read_into(con, reading.statement(source, numbered=keep is not None), file, fmt, shown)
        notes.extend(readers.collect_rejects(con, file, fmt, shown))
    readers.shift_table(con)
    if keep is None:
        return int(con.execute("SELECT count(*) FROM incoming").fetchall()[0][0]), None
    total, kept = con.execute(
        "SELECT coalesce(max(tk_n), 0), count(*) FILTER (WHERE tk_keep) FROM incoming"
    ).fetchall()[0]
    con.execute("DELETE FROM incoming WHERE NOT tk_keep")  # the file's last row, read to count them all
    return int(kept), int(total - kept)


def numbered(con: Any, numbered_by_reader: bool) -> str:
    """`incoming` with `tk_row` (the record's number in the file, 1 = the first after the header) and
    `tk_rid` (its rowid), as a subquery. Call once right after the pass: the first rowid is its base."""
    if numbered_by_reader:
        index = "tk_n - 1"
    else:  # rowids start at an arbitrary base inside a transaction
        base = con.execute("SELECT coalesce(min(rowid), 0) FROM incoming").fetchall()[0][0]
        index = f"rowid - {base}"
    if con.execute("SELECT count(*) FROM tk_shift").fetchall()[0][0]:  # records the reader could not read
        return f"""(SELECT s.tk_index + 1 + coalesce(m.shift, 0) AS tk_row, s.* EXCLUDE (tk_index) FROM
                     (SELECT {index} AS tk_index, rowid AS tk_rid, * FROM incoming) s
                     ASOF LEFT JOIN tk_shift m ON s.tk_index >= m.good_before)"""
    return f"(SELECT {index} + 1 AS tk_row, rowid AS tk_rid, * FROM incoming)"


@contextmanager
def every_field_read(con: Any) -> Iterator[None]:
    """DuckDB reads only the columns a query uses, and checks the bytes of those only: a record whose bad
    bytes sit in a column the import does not use would be imported. Reading `SELECT *` with the optimizer
    that drops unused columns turned off reads (and checks) every field of every record. (When the block
    fails, the import's bounded_memory restores the setting, after the rollback.)"""
    before = con.execute("SELECT current_setting('disabled_optimizers')").fetchall()[0][0]
    disabled = ", ".join(n for n in (*str(before).split(","), "unused_columns") if n.strip())
    con.execute(f"SET disabled_optimizers = '{disabled}'")
    yield
    con.execute(f"SET disabled_optimizers = '{before}'")
