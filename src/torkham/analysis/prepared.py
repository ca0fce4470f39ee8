"""Ibis expressions compiled once per shape. An analysis query is written once, as an Ibis expression whose
values (a dataset, actor ids, dates …) are parameters. On the store's DuckDB the expression is compiled to
SQL the first time a shape is asked — which values are given, and how many of each list — and the SQL is
kept with the values as named parameters ($dataset_0 …): the next question of the same shape runs that SQL
at once, without building or compiling the expression again (Ibis and sqlglot cost more than the query
on a small store). On any other backend (a Parquet export read by DuckDB or Spark) the expression runs
with the values, as before.

    rows = run(backend, ("monthly", metric), {"dataset": "ucdp-ged", "actors": ("ttp",)}, build)

where `build(slots)` returns the expression, taking each value as `slots.text("dataset")`,
`slots.texts("actors")` (one parameter per item) or `slots.day("start")`."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from torkham.analysis.selection import Tables

Value = str | date | tuple[str, ...]
Row = dict[str, Any]


@dataclass(frozen=True)
class Compiled:
    sql: str
    columns: tuple[str, ...]
    names: tuple[str, ...]  # the parameters the SQL binds
    dates: frozenset[str]  # columns of type date (DuckDB truncates a date to a timestamp)


_COMPILED: dict[Hashable, Compiled] = {}
_LOCK = threading.Lock()


class Slots:
    """The values of one question as Ibis parameters, each named after its value (lists item by item)."""

    def __init__(self, values: Mapping[str, Value]):
        self.values = values
        self.params: dict[str, Any] = {}  # parameter name -> Ibis parameter
        self.bound: dict[Any, str] = {}  # Ibis parameter -> its value

    def text(self, name: str) -> ir.StringValue:
        value = self.values[name]
        assert isinstance(value, str)
        return self._param(name, value)

    def texts(self, name: str) -> list[ir.StringValue]:
        value = self.values[name]
        assert isinstance(value, tuple)
        return [self._param(f"{name}_{i}", item) for i, item in enumerate(value)]

    def day(self, name: str) -> ir.DateValue:
        value = self.values[name]
        assert isinstance(value, date)
        return self._param(name, value.isoformat()).cast("date")

    def _param(self, name: str, value: str) -> ir.StringValue:
        import ibis

        if name not in self.params:
            self.params[name] = ibis.param("string")
            self.bound[self.params[name]] = value
        return self.params[name]


def shape(key: Hashable, values: Mapping[str, Value]) -> Hashable:
    """What the compiled SQL depends on: `key` (the query and its structural choices), the names of the values
    and the length of each list."""
    return key, tuple(sorted((name, len(v) if isinstance(v, tuple) else None) for name, v in values.items()))


def run(backend: Tables, key: Hashable, values: Mapping[str, Value], build: Callable[[Slots], ir.Table]) -> list[Row]:
    """The rows of `build`'s expression for `values`, as dicts (the store's DuckDB: SQL compiled once per shape)."""
    con = backend.store
    if con is None:
        slots = Slots(values)
        table = build(slots).to_pyarrow(params=slots.bound)
        return table.to_pylist()  # type: ignore[no-any-return]
    found = shape(key, values)
    compiled = _COMPILED.get(found)
    if compiled is None:
        compiled = _compile(backend, build, values)
        with _LOCK:
            compiled = _COMPILED.setdefault(found, compiled)
    bound = _flat(values)
    rows = con.execute(compiled.sql, {name: bound[name] for name in compiled.names}).fetchall()
    out = [dict(zip(compiled.columns, row, strict=True)) for row in rows]
    for column in compiled.dates:
        for row in out:
            if isinstance(row[column], datetime):
                row[column] = row[column].date()
    return out


def _flat(values: Mapping[str, Value]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, tuple):
            out.update({f"{name}_{i}": item for i, item in enumerate(value)})
        else:
            out[name] = value.isoformat() if isinstance(value, date) else value
    return out


def _compile(backend: Tables, build: Callable[[Slots], ir.Table], values: Mapping[str, Value]) -> Compiled:
    """The SQL of the expression with each value's sentinel replaced by its named parameter."""
    slots = Slots(values)
    expr = build(slots)
    sentinels = {name: f"__torkham_parameter_{name}__" for name in slots.params}
    params = {param: sentinels[name] for name, param in slots.params.items()}
    sql = str(backend.backend.compile(expr, params=params))
    names = []
    for name, sentinel in sentinels.items():
        if f"'{sentinel}'" in sql:
            sql = sql.replace(f"'{sentinel}'", f"${name}")
            names.append(name)
    if "__torkham_parameter_" in sql:
        raise RuntimeError(f"a parameter was not replaced in the compiled query: {sql}")
    schema = expr.schema()
    dates = frozenset(name for name, dtype in schema.items() if dtype.is_date())
    return Compiled(sql, tuple(schema.names), tuple(names), dates)
