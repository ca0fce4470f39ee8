"""How the declaration of the record kinds (kb/schema.py, kb/kinds.py) is read, and checked when it
loads: a name that is not known fails loudly, naming the kind and the key.

Besides its fields, a kind declares
  export   how its export form (`kb export`, the API, kb_records.record) completes a record:
           computed {field: "derivation()"} is set first, then defaults {field: value} fill absent
           fields, then defaults_if {flag: {field: value}} fill absent fields when the flag is true;
  tables   the store tables its records fill, each {"table": "kb_…", "columns": [(column, type, fill)],
           "each": …, "records": …}. The type is a DuckDB type, optionally NOT NULL or PRIMARY KEY. A table
           has one row per record or, with "each", one row per item of a list: a field, "derivation()",
           or {field: tag, …} for several lists. "records": "proposed" fills it from the proposals
           (status: proposed) instead of the curated records. A table may be declared by several kinds
           (kb_citations) when the columns are the same.

A fill says where a column's value comes from (the column's own name when it is left out):
  field, field.key   a field of the record's export form, or a key of a mapping field
  @item, @item.key   the list item of an "each" row; @position is its index, @tag its list's tag
  @kind @seq @file   the record's kind, its order in the knowledge base, its file
  @record            the whole export form as JSON
  name()             a derivation of kb/derivations.py
  None               NULL
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from torkham.errors import TorkhamError
from torkham.kb.derivations import DERIVATIONS, Data, Scope

Value = Callable[[Scope], Any]

SQL_TYPES = ("VARCHAR", "INTEGER", "DOUBLE", "BOOLEAN", "DATE", "JSON")
CONSTRAINTS = ("", "NOT NULL", "PRIMARY KEY")
RECORDS = ("curated", "proposed")
KIND_KEYS = ("required", "fields", "quote_optional", "locator_optional", "open_in_proposals", "export", "tables")
TABLE_KEYS = ("table", "columns", "each", "records")
EXPORT_KEYS = ("computed", "defaults", "defaults_if")
META: dict[str, Value] = {
    "@item": lambda scope: scope.item,
    "@position": lambda scope: scope.position,
    "@tag": lambda scope: scope.tag,
    "@kind": lambda scope: scope.kind,
    "@seq": lambda scope: scope.seq,
    "@file": lambda scope: scope.file,
    "@record": lambda scope: json.dumps(scope.record),
}
ITEM_META = ("@item", "@position", "@tag")


class DeclarationError(TorkhamError):
    """The declaration of a record kind names something unknown or is malformed."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of SQL_TYPES
    constraint: str  # one of CONSTRAINTS
    value: Value

    @property
    def sql(self) -> str:
        return f"{self.name} {self.type} {self.constraint}".rstrip()


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    records: str = "curated"  # one of RECORDS
    each: tuple[tuple[Value, str | None], ...] = ()  # the lists a row is made per item of, with their tags

    def rows(self, scope: Scope) -> list[tuple[Any, ...]]:
        if not self.each:
            return [self._row(scope)]
        return [
            self._row(replace(scope, item=item, position=position, tag=tag))
            for items, tag in self.each
            for position, item in enumerate(items(scope) or [])
        ]

    def _row(self, scope: Scope) -> tuple[Any, ...]:
        return tuple(column.value(scope) for column in self.columns)


@dataclass(frozen=True)
class Export:
    computed: tuple[tuple[str, Value], ...] = ()
    defaults: Mapping[str, Any] = field(default_factory=dict)
    defaults_if: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def complete(self, data: Data) -> None:
        """Add the computed fields and the defaults to a record's data, in the declared order."""
        for key, derive in self.computed:
            data[key] = derive(Scope(data))
        _set_defaults(data, self.defaults)
        for flag, defaults in self.defaults_if.items():
            if data.get(flag):
                _set_defaults(data, defaults)


def _set_defaults(data: Data, defaults: Mapping[str, Any]) -> None:
    for key, value in defaults.items():
        data.setdefault(key, copy.deepcopy(value))


@dataclass(frozen=True)
class Declaration:
    common: tuple[Table, ...]  # the tables every record fills
    exports: Mapping[str, Export]
    tables: Mapping[str, tuple[Table, ...]]  # kind -> its tables

    def tables_of(self, kind: str, proposed: bool) -> list[Table]:
        wanted = "proposed" if proposed else "curated"
        return [table for table in (*self.common, *self.tables[kind]) if table.records == wanted]

    def store_tables(self) -> list[Table]:
        """Each store table once (its first declaration), in the order declared."""
        first: dict[str, Table] = {}
        for table in (*self.common, *(t for tables in self.tables.values() for t in tables)):
            first.setdefault(table.name, table)
        return list(first.values())


def declare(common: Mapping[str, str], common_tables: list[dict[str, Any]], kinds: Mapping[str, Any]) -> Declaration:
    """Read and check the declaration: COMMON fields and tables of every record, then each kind."""
    shapes: dict[str, tuple[str, Table]] = {}
    every = tuple(_table(spec, "every record", set(common), shapes) for spec in common_tables)
    exports: dict[str, Export] = {}
    tables: dict[str, tuple[Table, ...]] = {}
    for kind, spec in kinds.items():
        exports[kind], tables[kind] = _kind(kind, spec, set(common), shapes)
    return Declaration(every, exports, tables)


def _kind(
    kind: str, spec: object, common: set[str], shapes: dict[str, tuple[str, Table]]
) -> tuple[Export, tuple[Table, ...]]:
    where = f"record kind '{kind}'"
    spec = _known_keys(spec, KIND_KEYS, where)
    if not isinstance(spec.get("fields"), dict) or not isinstance(spec.get("required"), list):
        raise DeclarationError(f"{where}: needs fields {{name: type}} and required [name, …]")
    fields = common | set(spec["fields"])
    _known_fields(spec["required"], fields, f"{where}, required")
    export = _export(spec.get("export", {}), where, fields)
    fields |= {key for key, _ in export.computed}
    return export, tuple(_table(table, where, fields, shapes) for table in spec.get("tables", []))


def _known_keys(spec: object, known: tuple[str, ...], where: str) -> dict[str, Any]:
    """`spec` itself, once it is known to be a mapping of known keys."""
    if not isinstance(spec, dict):
        raise DeclarationError(f"{where}: must be a mapping with keys {', '.join(known)}")
    unknown = sorted(set(spec) - set(known))
    if unknown:
        raise DeclarationError(f"{where}: unknown key(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return spec


def _known_fields(keys: object, fields: set[str], where: str) -> None:
    for key in keys if isinstance(keys, dict | list) else [keys]:
        if key not in fields:
            raise DeclarationError(f"{where}: unknown field '{key}'; known: {', '.join(sorted(fields))}")


def _export(spec: dict[str, Any], where: str, fields: set[str]) -> Export:
    where = f"{where}, export"
    _known_keys(spec, EXPORT_KEYS, where)
    computed = tuple(
        (key, _derivation(fill, f"{where}, computed {key}")) for key, fill in spec.get("computed", {}).items()
    )
    fields = fields | {key for key, _ in computed}
    _known_fields(spec.get("defaults", {}), fields, f"{where}, defaults")
    for flag, defaults in spec.get("defaults_if", {}).items():
        _known_fields(flag, fields, f"{where}, defaults_if")
        _known_fields(defaults, fields, f"{where}, defaults_if {flag}")
    return Export(computed, spec.get("defaults", {}), spec.get("defaults_if", {}))


def _table(spec: object, where: str, fields: set[str], shapes: dict[str, tuple[str, Table]]) -> Table:
    name = spec.get("table") if isinstance(spec, dict) else None
    if not isinstance(name, str) or not name.startswith("kb_"):
        raise DeclarationError(f"{where}: each table needs a name starting with kb_, as 'table': 'kb_…'")
    owner, where = where, f"{where}, table {name}"
    declared = _known_keys(spec, TABLE_KEYS, where)
    records = declared.get("records", "curated")
    if records not in RECORDS:
        raise DeclarationError(f"{where}: records '{records}' is not one of {', '.join(RECORDS)}")
    each = _each(declared.get("each"), where, fields)
    columns = tuple(_column(column, where, fields, declared.get("each")) for column in declared.get("columns") or [])
    names = [column.name for column in columns]
    if not columns or len(set(names)) < len(names):
        raise DeclarationError(f"{where}: columns must be a list of columns with distinct names")
    table = Table(name, columns, records, each)
    _same_shape(table, owner, shapes)
    return table


def _each(spec: object, where: str, fields: set[str]) -> tuple[tuple[Value, str | None], ...]:
    if spec is None:
        return ()
    if not isinstance(spec, str | dict):
        raise DeclarationError(f"{where}: each is a list field, a derivation() or {{list field: tag, …}}")
    lists = spec if isinstance(spec, dict) else {spec: None}
    return tuple((_value(source, f"{where}, each", fields, None), tag) for source, tag in lists.items())


def _column(spec: object, where: str, fields: set[str], each: object) -> Column:
    if not isinstance(spec, tuple) or len(spec) not in (2, 3) or not all(isinstance(s, str) for s in spec[:2]):
        raise DeclarationError(f"{where}: a column is (name, type) or (name, type, fill), not {spec!r}")
    name, sql = spec[0], spec[1]
    where = f"{where}, column {name}"
    kind, _, constraint = sql.partition(" ")
    if kind not in SQL_TYPES or constraint not in CONSTRAINTS:
        raise DeclarationError(
            f"{where}: type '{sql}' is not one of {', '.join(SQL_TYPES)}, optionally NOT NULL or PRIMARY KEY"
        )
    return Column(name, kind, constraint, _value(spec[2] if len(spec) == 3 else name, where, fields, each))


def _value(fill: object, where: str, fields: set[str], each: object) -> Value:
    if fill is None:
        return lambda scope: None
    if not isinstance(fill, str):
        raise DeclarationError(f"{where}: a fill is a field, @name, derivation() or None, not {fill!r}")
    if fill.endswith("()"):
        return _derivation(fill, where)
    head, *path = fill.split(".")
    if head.startswith("@"):
        return _dig(_meta(head, path, where, each), path)
    _known_fields(head, fields, where)
    return _dig(lambda scope: scope.record.get(head), path)


def _meta(head: str, path: list[str], where: str, each: object) -> Value:
    if head not in META:
        raise DeclarationError(f"{where}: unknown value '{head}'; known: {', '.join(META)}")
    if head in ITEM_META and each is None:
        raise DeclarationError(f"{where}: {head} is only known in a table with 'each'")
    if head == "@tag" and not isinstance(each, dict):
        raise DeclarationError(f"{where}: @tag is only known in a table with 'each' {{list: tag, …}}")
    if path and head != "@item":
        raise DeclarationError(f"{where}: {head} has no keys ('{head}.{'.'.join(path)}')")
    return META[head]


def _dig(value: Value, path: list[str]) -> Value:
    """The value at `path` (keys of nested mappings) below `value`; None when one is missing."""
    if not path:
        return value

    def dug(scope: Scope) -> Any:
        found = value(scope)
        for key in path:
            found = found.get(key) if isinstance(found, dict) else None
        return found

    return dug


def _derivation(fill: object, where: str) -> Value:
    name = fill[:-2] if isinstance(fill, str) and fill.endswith("()") else None
    if name is None or name not in DERIVATIONS:
        raise DeclarationError(
            f"{where}: unknown derivation '{fill}'; known: {', '.join(f'{d}()' for d in DERIVATIONS)}"
        )
    return DERIVATIONS[name]


def _same_shape(table: Table, owner: str, shapes: dict[str, tuple[str, Table]]) -> None:
    """A table declared by several kinds has the same columns (names and types) in each."""
    first_owner, first = shapes.setdefault(table.name, (owner, table))
    if [c.sql for c in first.columns] != [c.sql for c in table.columns]:
        raise DeclarationError(
            f"{owner}, table {table.name}: columns differ from those of {table.name} as declared for {first_owner}"
        )
