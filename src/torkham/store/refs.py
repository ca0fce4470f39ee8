"""References a user typed (torkham.params), checked against what the store holds: the actor a name
denotes, the dataset and country values events carry, the regions and types held. Errors are
`InvalidParameter` keyed by the reference's field, so every surface words them the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from torkham.kb.resolve import NameIndex
from torkham.model.countries import country_name
from torkham.params import ActorRef, CountryRef, DatasetRef, InvalidParameter, literal
from torkham.store.memo import cache_of, remembered

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

_INDEXES: dict[str, NameIndex] = {}


def name_index(con: DuckDBPyConnection) -> NameIndex:
    """The NameIndex of the store's knowledge, built once per knowledge fingerprint (a web process answers
    many requests over the same knowledge; building the index costs more than the queries), and kept with
    the cache the cursor is bound to (store.memo), which then needs no query at all."""
    if cache_of(con) is not None:
        return remembered(con, ("name index",), lambda: _name_index(con))
    return _name_index(con)


def _name_index(con: DuckDBPyConnection) -> NameIndex:
    rows = con.execute("SELECT value FROM meta WHERE key = 'kb_fingerprint'").fetchall()
    key = str(rows[0][0]) if rows else None
    if key is None:
        return NameIndex.from_store(con)
    if key not in _INDEXES:
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        _INDEXES[key] = NameIndex.from_store(con)
    return _INDEXES[key]


def actor_id(con: DuckDBPyConnection, ref: ActorRef | None) -> str | None:
    """The id of the one actor `ref` names; an error listing candidates or close names otherwise."""
    if ref is None:
        return None
    index = name_index(con)
    result = index.resolve(ref.name)
    if result.actor_id:
        return result.actor_id
    name = literal(ref.name)
    if result.ambiguous:
        listed = "\n".join(f"  {a}  {literal(index.canonical.get(a, a))}" for a in result.candidates)
        raise InvalidParameter(
            ref.field,
            f"'{name}' is ambiguous; it names {len(result.candidates)} actors:\n{listed}\nUse one of these ids instead.",
        )
    if result.suggestions:
        close = ", ".join(f"{literal(index.canonical[a])} ({a})" for a in result.suggestions)
        raise InvalidParameter(ref.field, f"no actor named '{name}'. Closest known names: {close}")
    raise InvalidParameter(ref.field, f"no actor named '{name}'; run 'torkham actors' to list them")


@dataclass(frozen=True)
class StoredCountry:
    """The values the store writes for one country: `country` and `iso3` of dataset events, and the ISO3
    codes of knowledge events (lower-case), so filters compare plain columns."""

    names: tuple[str, ...]
    iso3: tuple[str, ...]
    kb_codes: tuple[str, ...]


def stored_country(con: DuckDBPyConnection, ref: CountryRef) -> StoredCountry:
    """How the store writes the country `ref` names; an error listing the countries held when no event
    of either layer is there."""
    held, kb_codes = _countries_held(con)
    pairs = [(n, i) for n, i in held if ref.matches(n, i)]
    codes = [c for c in kb_codes if ref.matches(country_name(c), c)]
    if not pairs and not codes:
        labels = {_label(n, i) for n, i in held if n or i} | {_label(country_name(c), c) for c in kb_codes}
        raise InvalidParameter(
            ref.field, f"no events in '{literal(ref.typed)}'; the store holds: {', '.join(sorted(labels))}"
        )
    return StoredCountry(
        names=tuple(sorted({n for n, _ in pairs if n})),
        iso3=tuple(sorted({i for _, i in pairs if i})),
        kb_codes=tuple(sorted({c.lower() for c in codes})),
    )


def _label(name: str | None, iso3: str | None) -> str:
    return f"{name} ({iso3})" if name and iso3 else name or iso3 or ""


def _countries_held(con: DuckDBPyConnection) -> tuple[list[tuple[str | None, str | None]], list[str]]:
    """(country, iso3) pairs of the dataset events and the codes of the knowledge events, in one query —
    once per opening of the store when the cursor is bound to its cache (store.memo), as the web's are."""
    return remembered(con, ("countries held",), lambda: _read_countries(con))


def _read_countries(con: DuckDBPyConnection) -> tuple[list[tuple[str | None, str | None]], list[str]]:
    rows = con.execute(
        """SELECT DISTINCT 0, country, iso3 FROM events
           UNION ALL SELECT DISTINCT 1, country, NULL FROM kb_events WHERE country IS NOT NULL"""
    ).fetchall()
    held = [(name, iso3) for layer, name, iso3 in rows if layer == 0]
    return held, [str(name) for layer, name, _ in rows if layer == 1]


def check_dataset(con: DuckDBPyConnection, ref: DatasetRef | None) -> str | None:
    """A dataset the store holds events of; an error listing those held otherwise."""
    if ref is None:
        return None
    check_held(ref.field, ref.name, held_values(con, "dataset"))
    return ref.name


def event_types(con: DuckDBPyConnection) -> list[str]:
    """The knowledge base's event types, then the datasets' (state-based, …) held."""
    from torkham.model.vocabulary import default_vocabulary

    known = list(default_vocabulary()["event_types"])
    held = remembered(con, ("event types",), lambda: _read_event_types(con))
    return known + [t for t in held if t not in known]


def _read_event_types(con: DuckDBPyConnection) -> tuple[str, ...]:
    rows = con.execute("SELECT DISTINCT event_type FROM events WHERE event_type IS NOT NULL ORDER BY 1").fetchall()
    return tuple(str(t) for (t,) in rows)


_HELD = {  # fixed queries for the values a filter may take
    "admin1": "SELECT DISTINCT admin1 FROM events UNION SELECT DISTINCT admin1 FROM kb_events",
    "dataset": "SELECT DISTINCT dataset FROM events",
}


def held_values(con: DuckDBPyConnection, column: str) -> list[str]:
    return list(remembered(con, ("held", column), lambda: _read_held(con, column)))


def _read_held(con: DuckDBPyConnection, column: str) -> tuple[str, ...]:
    return tuple(sorted(str(r[0]) for r in con.execute(_HELD[column]).fetchall() if r[0]))


def check_held(field: str, value: str, held: list[str], fold: bool = False) -> None:
    found = {h.lower() for h in held} if fold else set(held)
    if (value.lower() if fold else value) not in found:
        raise InvalidParameter(field, f"unknown value '{literal(value)}'; choose one of: {literal(', '.join(held))}")
