"""How the rows of a search kind (declared in store.search_kinds) are matched against what was typed, in one of
two ways with one meaning:

- a *held* kind (the knowledge base's records: hundreds of rows) is read once per store generation, its texts
  folded, and matched here in Python; a search plans no statement for it;
- a *table* kind (dataset events: up to millions of rows) is matched in SQL, one statement for all of them, its
  texts folded once per store generation into a table of the generation's own in-memory database.

Once per store generation on the web (store.memo: an import while serving starts a new one); per search when
the connection is bound to no cache (the CLI asks once). A text is folded by SQL in both ways: lower case,
accents stripped, every run of characters other than a-z and 0-9 made one space, a space at each end. A word
(letters and digits only: store.search) is held as a whole word when ' word ', ' words ' or ' wordes ' is in
it. Every value the user typed reaches SQL as a bound parameter ($words, $phrase, $actors, $years, $limit)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from torkham.store.memo import cache_of, remembered, remembered_once

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Hit = dict[str, Any]  # one search hit: kind, id, label, snippet, url, match and what the kind adds
Row = dict[str, Any]
Found = tuple[list[Hit], int]  # the first hits of a kind, and how many rows match in all
MATCHES = ("actor", "phrase", "words")  # by rank: tied to a named actor, the whole phrase, the words apart
_ENDINGS = ("", "s", "es")
_TABLES = itertools.count(1)  # numbers the folded-text tables, so two caches on one connection never share one


@dataclass(frozen=True)
class Kind:
    name: str
    source: str  # FROM … (fixed SQL)
    key: tuple[str, ...]  # the columns that tell the rows of `source` apart (fixed SQL)
    columns: str  # the named columns a hit is made from (fixed SQL)
    body: str  # the text the words are looked for in (fixed SQL)
    years: tuple[str, str] | None  # first and last year the row speaks for; None: the kind has no date
    order: str  # after the match rank, over the named columns
    hit: Callable[[Row, str], Hit]  # (row, the typed text) → hit


@dataclass(frozen=True)
class HeldKind(Kind):
    ties: str | None = None  # SELECT the key columns and an actor id, for each actor a row is tied to; None: never


@dataclass(frozen=True)
class TableKind(Kind):
    linked: str = "false"  # true when the row is tied to one of $actors (fixed SQL)


def find_all(con: DuckDBPyConnection, kinds: list[Kind], params: dict[str, Any]) -> dict[str, Found]:
    """The first $limit matching rows of each kind as hits (with `match`: actor | phrase | words), and how many
    rows match in all; the table kinds in one statement."""
    found = {kind.name: _match_held(_held(con, kind), kind, params) for kind in kinds if isinstance(kind, HeldKind)}
    tables = [kind for kind in kinds if isinstance(kind, TableKind)]
    if tables:
        found |= _match_in_sql(con, tables, params)
    return {kind.name: found[kind.name] for kind in kinds}


def prepare_kinds(con: DuckDBPyConnection, kinds: list[Kind]) -> None:
    """Fold the texts of the table kinds among `kinds` now (a warm-up: the longest part of a store generation's
    first search). The held kinds are left to that search: reading them at start-up would keep ~10 MB more in
    the idle server (bench/serve_memory.py) to spare one request ~25 ms."""
    for kind in kinds:
        if isinstance(kind, TableKind):
            folded_texts(con, kind)


def _folded(body: str) -> str:
    return f"' ' || regexp_replace(strip_accents(lower(coalesce({body}, ''))), '[^a-z0-9]+', ' ', 'g') || ' '"


def _keys(kind: Kind) -> str:
    return ", ".join(f"{column} AS _key{i}" for i, column in enumerate(kind.key))


# Held kinds


@dataclass(frozen=True)
class _Held:
    rows: tuple[Row, ...]  # in the kind's order: the named columns, _norm (folded), _first, _last
    tied: dict[str, frozenset[int]]  # actor id -> the positions of the rows tied to it


def _held(con: DuckDBPyConnection, kind: HeldKind) -> _Held:
    return remembered(con, ("search rows", kind.name), lambda: _read_held(con, kind))


def _read_held(con: DuckDBPyConnection, kind: HeldKind) -> _Held:
    first, last = kind.years or ("NULL::INTEGER", "NULL::INTEGER")
    cursor = con.execute(
        f"SELECT * FROM (SELECT {kind.columns}, {_folded(kind.body)} AS _norm, {first} AS _first, {last} AS _last,"
        f" {_keys(kind)} FROM {kind.source}) ORDER BY {kind.order}"
    )
    names = [column[0] for column in cursor.description]
    rows = tuple(dict(zip(names, values, strict=True)) for values in cursor.fetchall())
    width = len(kind.key)
    position = {tuple(row[f"_key{i}"] for i in range(width)): at for at, row in enumerate(rows)}
    tied: dict[str, set[int]] = {}
    for *key, actor in con.execute(kind.ties).fetchall() if kind.ties else []:
        if tuple(key) in position:
            tied.setdefault(actor, set()).add(position[tuple(key)])
    return _Held(rows, {actor: frozenset(at) for actor, at in tied.items()})


def _match_held(held: _Held, kind: HeldKind, params: dict[str, Any]) -> Found:
    words, phrase, years = params["words"], params["phrase"], params["years"]
    tied = frozenset[int]().union(*(held.tied.get(actor, frozenset()) for actor in params["actors"]))
    ranked = []
    for at, row in enumerate(held.rows):
        linked = at in tied
        if (linked or _holds_words(row["_norm"], words)) and _in_years(row, years):
            ranked.append((0 if linked else 1 if phrase in row["_norm"] else 2, at))
    ranked.sort()
    first = ranked[: params["limit"]]
    return [{**kind.hit(held.rows[at], params["text"]), "match": MATCHES[rank]} for rank, at in first], len(ranked)


def _holds_words(norm: str, words: list[str]) -> bool:
    return bool(words) and all(any(f" {word}{end} " in norm for end in _ENDINGS) for word in words)


def _in_years(row: Row, years: list[int]) -> bool:
    """No years asked, or a year asked within the row's first and last (an undated row is in none)."""
    first, last = row["_first"], row["_last"]
    return not years or (first is not None and last is not None and any(first <= y <= last for y in years))


# Table kinds


def _match_in_sql(con: DuckDBPyConnection, kinds: list[TableKind], params: dict[str, Any]) -> dict[str, Found]:
    """One statement for the kinds: one column per kind, its rows as a list of structs."""
    columns = ",\n".join(
        f"(SELECT list(k ORDER BY k._pos) FROM (SELECT *, row_number() OVER (ORDER BY _tier, {kind.order}) AS _pos"
        f" FROM ({_sql(kind, folded_texts(con, kind))})) k)"
        for kind in kinds
    )
    sql = f"SELECT {columns}"
    bound = {name: value for name, value in params.items() if f"${name}" in sql}
    (lists,) = con.execute(sql, bound).fetchall()
    found = {}
    for kind, rows in zip(kinds, lists, strict=True):
        rows = rows or []
        total = int(rows[0]["_total"]) if rows else 0
        found[kind.name] = ([{**kind.hit(row, params["text"]), "match": row["_match"]} for row in rows], total)
    return found


def folded_texts(con: DuckDBPyConnection, kind: Kind) -> str:
    """Where the folded text of each row of `kind` is read from (_key0 … and _norm): a table made once per
    store generation when `con` is bound to one and has an in-memory database to hold it, else the query."""
    query = f"SELECT {_keys(kind)}, {_folded(kind.body)} AS _norm FROM {kind.source}"
    if cache_of(con) is None:
        return f"({query})"
    return remembered_once(con, ("search texts", kind.name), lambda: _folded_table(con, kind.name, query))


def _folded_table(con: DuckDBPyConnection, name: str, query: str) -> str:
    """`query` kept as a table in the connection's in-memory database; its qualified name (or the query in
    parentheses when the connection has none: nothing is ever written to the store)."""
    scratch = con.execute(
        "SELECT database_name FROM duckdb_databases() WHERE path IS NULL AND NOT internal AND NOT readonly"
        " ORDER BY database_name LIMIT 1"
    ).fetchone()
    if scratch is None:
        return f"({query})"
    database = str(scratch[0]).replace('"', '""')
    table = f'"{database}".main."search_texts_{name}_{next(_TABLES)}"'
    con.execute(f"CREATE TABLE {table} AS {query}")
    return table


_WORDS = (
    "list_bool_and(list_transform($words::VARCHAR[], lambda w: "
    + " OR ".join(f"contains(_norm, ' ' || w || '{end} ')" for end in _ENDINGS)
    + "))"
)


def _sql(kind: TableKind, texts: str) -> str:
    first, last = kind.years or ("NULL::INTEGER", "NULL::INTEGER")
    joined = " AND ".join(f"t._key{i} = {column}" for i, column in enumerate(kind.key))
    return f"""
WITH base AS (
  SELECT {kind.columns}, t._norm AS _norm,
         coalesce({kind.linked}, false) AS _linked, {first} AS _first, {last} AS _last
  FROM {kind.source} JOIN {texts} t ON {joined}
), scored AS (
  SELECT *, {_WORDS} AS _words, strpos(_norm, $phrase::VARCHAR) > 0 AS _phrase
  FROM base
), kept AS (
  SELECT *, CASE WHEN _linked THEN 'actor' WHEN _phrase THEN 'phrase' ELSE 'words' END AS _match,
         CASE WHEN _linked THEN 0 WHEN _phrase THEN 1 ELSE 2 END AS _tier
  FROM scored
  WHERE (_linked OR _words) AND (len($years::INTEGER[]) = 0
        OR coalesce(list_bool_or(list_transform($years::INTEGER[], lambda y: _first <= y AND y <= _last)), false))
)
SELECT *, count(*) OVER () AS _total FROM kept ORDER BY _tier, {kind.order} LIMIT $limit::INTEGER
"""
