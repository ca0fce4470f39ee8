"""Which events an analysis reads — one dataset, optionally one actor and one country — as Ibis
expressions over the `events` and `dataset_actor_names` tables, checked against what the store holds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.analysis.prepared import Slots, Value, run
from torkham.datasets.catalog import catalog
from torkham.errors import TorkhamError
from torkham.params import CountryRef, DataSelection, InvalidParameter, literal

if TYPE_CHECKING:
    import ibis.expr.types as ir
    from duckdb import DuckDBPyConnection
    from ibis.backends import BaseBackend

    from torkham.analysis.backends import Backend
    from torkham.store.coverage import Coverage


DATASETS = catalog()  # every dataset torkham knows, in precedence order (datasets/catalog.yaml)
BASIS_CHOICES = ("auto", "events", "candidate", "aggregate")
SHOWN_COUNTRIES = 40  # an unknown --country lists at most this many of the countries held
SHOWN_IDS = 10  # a signal names at most this many event ids; the count and a query give the rest


@dataclass(frozen=True)
class Selection:
    dataset: str
    actor_id: str | None = None
    actor_name: str | None = None
    country: CountryRef | None = None  # as typed, with the spellings that denote it
    country_label: str | None = None  # as the data writes it, e.g. "Pakistan (PAK)"
    raw_names: tuple[str, ...] = ()  # the dataset's names mapped to the actor (shown in queries)
    chain: tuple[str, ...] = ()  # the datasets a series combines, first wins a period it covers; () = (dataset,)
    members: tuple[tuple[str, str], ...] = ()  # (id, name) of the actor and its factions (--with-factions)

    @property
    def datasets(self) -> tuple[str, ...]:
        return self.chain or (self.dataset,)

    @property
    def actor_ids(self) -> tuple[str, ...]:
        if self.members:
            return tuple(member for member, _ in self.members)
        return (self.actor_id,) if self.actor_id else ()

    def without_actor(self) -> Selection:
        return replace(self, actor_id=None, actor_name=None, raw_names=(), members=())

    def on(self, dataset: str) -> Selection:
        """The same question asked of one dataset of the chain."""
        return replace(self, dataset=dataset, chain=(dataset,))

    def describe(self) -> str:
        parts = [f"{self.actor_name} ({self.actor_id})" if self.actor_id else "all actors"]
        if len(self.members) > 1:
            parts.append("with its factions " + ", ".join(name for _, name in self.members[1:]))
        if self.country_label:
            parts.append(f"in {self.country_label}")
        return " ".join(parts)


class Tables:
    """The tables analyses read, from an Ibis backend; each looked up once (a lookup reads its schema).
    `store`: the store's DuckDB connection when the backend is the store itself (queries of a known shape
    then run as SQL compiled once: analysis/prepared.py)."""

    def __init__(self, backend: BaseBackend, store: DuckDBPyConnection | None = None):
        self.backend = backend
        self.store = store
        self._tables: dict[str, ir.Table] = {}
        self._names: set[str] | None = None
        self.cached_coverage: Coverage | None = None

    def names(self) -> set[str]:
        """The tables the backend holds."""
        if self._names is None:
            try:
                self._names = set(self.backend.list_tables())
            except AttributeError:  # Ibis 10's DuckDB backend calls a method DuckDB 2 renamed
                rows = self.backend.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
                self._names = {str(row[0]) for row in rows}
        return self._names

    def table(self, name: str) -> ir.Table:
        if name not in self._tables:
            self._tables[name] = self.backend.table(name)
        return self._tables[name]


def connect_ibis(con: DuckDBPyConnection) -> Tables:
    """Ibis over an open DuckDB connection (the same expressions run on other Ibis backends)."""
    import ibis

    return Tables(ibis.duckdb.from_connection(con), con)


def held_datasets(backend: Tables) -> list[str]:
    """The datasets the store holds (events and country aggregates), in the catalog's precedence order."""
    totals = "country_month" in backend.names()
    rows = run(backend, ("datasets held", totals), {}, lambda _: _held(backend, totals))
    held = {str(row["dataset"]) for row in rows}
    order = list(DATASETS)
    return sorted(held, key=lambda d: (order.index(d) if d in order else len(order), d))


def _held(backend: Tables, totals: bool) -> ir.Table:
    held = backend.table("events").select("dataset").distinct()
    if totals:
        held = held.union(backend.table("country_month").select("dataset").distinct())
    return held


def choose_chain(
    backend: Tables, requested: str | None, basis: str = "auto", actor: bool = False, field: str = "dataset"
) -> tuple[str, ...]:
    """The datasets an analysis reads, in precedence order: the one requested, else every dataset held of
    one family (UCDP's final events, country totals and candidate events), narrowed by `basis`."""
    held = held_datasets(backend)
    if not held:
        raise TorkhamError("the store holds no dataset events; import some with 'torkham import FILE'")
    chain: tuple[str, ...]
    if requested is not None:
        chain = (_requested(held, requested, field),)
    else:
        families = {DATASETS[d].family if d in DATASETS and DATASETS[d].family else d for d in held}
        if len(families) > 1:
            raise InvalidParameter(
                field, f"the store holds events of {len(held)} datasets ({', '.join(held)}), which overlap; choose one"
            )
        chain = tuple(held)
    if basis != "auto":
        chain = tuple(d for d in chain if d in DATASETS and DATASETS[d].basis == basis)
        if not chain:
            raise InvalidParameter("basis", f"the {' and '.join(held)} data held has no {basis} basis")
    if actor:
        chain = tuple(d for d in chain if not (d in DATASETS and DATASETS[d].is_aggregate))
        if not chain:
            raise InvalidParameter(
                "basis", "country totals never answer a question about an actor; choose events or candidate data"
            )
    return chain


def _requested(held: list[str], requested: str, field: str) -> str:
    if requested not in DATASETS:
        raise InvalidParameter(field, f"unknown dataset '{literal(requested)}'; choose one of: {', '.join(DATASETS)}")
    if requested not in held:
        raise InvalidParameter(
            field,
            f"the store holds no {requested} events (import some with 'torkham import'); it holds: {', '.join(held)}",
        )
    return requested


def choose_dataset(backend: Tables, requested: str | None, field: str = "dataset") -> str:
    """One event dataset: the one requested, else the first of the chain held."""
    chain = choose_chain(backend, requested, field=field)
    return primary(chain)


def primary(chain: tuple[str, ...]) -> str:
    """The first dataset of the chain that holds events (signals and listings read one)."""
    return next((d for d in chain if not (d in DATASETS and DATASETS[d].is_aggregate)), chain[0])


def check_country(backend: Tables, datasets: str | tuple[str, ...], country: str | CountryRef) -> str:
    """The label ("Pakistan (PAK)") of the country `country` names, or an error listing those covered."""
    from torkham.analysis.coverage import read_coverage

    ref = CountryRef.parse(country) if isinstance(country, str) else country
    if ref is None:
        raise InvalidParameter("country", "give a country name or ISO3 code, e.g. Pakistan or PAK")
    chain = (datasets,) if isinstance(datasets, str) else datasets
    covered = read_coverage(backend).of(chain)
    for span in covered.spans:
        if ref.matches(span.country, span.iso3):
            return _country_label(span.country, span.iso3 or span.key.upper())
    labels = sorted({_country_label(s.country, s.iso3) for s in covered.spans})
    shown = ", ".join(labels[:SHOWN_COUNTRIES]) + (
        f", … ({len(labels)} in all)" if len(labels) > SHOWN_COUNTRIES else ""
    )
    raise InvalidParameter(
        ref.field,
        f"no {' or '.join(chain)} data covers '{literal(ref.typed)}'; the data covers: {shown or 'no countries'}",
    )


def _country_label(name: str | None, iso3: str | None) -> str:
    return f"{name} ({iso3})" if name and iso3 else (name or iso3 or "")


def check_actor_names(backend: Tables, selection: Selection) -> list[str]:
    """The raw names mapped to the selected actor (and its factions) in the chain's event datasets; an
    error when there are none."""
    if selection.actor_id is None:
        return []

    def mapped(slots: Slots) -> ir.Table:
        names = backend.table("dataset_actor_names")
        chosen = names.filter(names.dataset.isin(slots.texts("datasets")), names.actor_id.isin(slots.texts("actors")))
        return chosen.select("raw_name").distinct()

    values: dict[str, Value] = {"datasets": selection.datasets, "actors": selection.actor_ids}
    raw = sorted(str(row["raw_name"]) for row in run(backend, ("actor names mapped",), values, mapped))
    if not raw:
        raise InvalidParameter(
            "actor",
            f"no {selection.dataset} actor name maps to {literal(selection.actor_name)} ({selection.actor_id}); "
            f"'torkham actors unmatched --dataset {selection.dataset}' lists the names to review, and "
            f"knowledge/crosswalks/{selection.dataset}.yaml maps them",
        )
    return raw


def selected(backend: Tables, selection: Selection, start: date | None = None, end: date | None = None) -> ir.Table:
    """The events of the selection with date_start in [start, end], as an Ibis table expression."""
    import ibis

    events = backend.table("events")
    conditions = [events.dataset == selection.dataset]
    if selection.actor_id is not None:
        names = backend.table("dataset_actor_names")
        raw = names.filter(names.dataset == selection.dataset, names.actor_id.isin(selection.actor_ids)).raw_name
        conditions.append(events.actor1.isin(raw) | events.actor2.isin(raw))
    if selection.country is not None:
        spellings = sorted(selection.country.spellings)
        conditions.append(events.country.lower().isin(spellings) | events.iso3.lower().isin(spellings))
    if start is not None:
        conditions.append(events.date_start >= ibis.date(start))
    if end is not None:
        conditions.append(events.date_start <= ibis.date(end))
    return events.filter(*conditions)


def coverage(backend: Tables, selection: Selection) -> tuple[date, date] | None:
    """The first and last day the selection's dataset covers (in its country, when one is chosen)."""
    from torkham.analysis.coverage import read_coverage

    return read_coverage(backend).of((selection.dataset,), selection.country).bounds()


def versions(backend: Tables, selection: Selection, start: date | None = None, end: date | None = None) -> list[str]:
    """Dataset versions of the events read; of the whole dataset when the range holds none."""
    for chosen in (selected(backend, selection, start, end), selected(backend, selection.without_actor())):
        found = chosen.select("dataset_version").distinct().to_pyarrow().column(0).to_pylist()
        if found:
            return sorted(found)
    return []


def events_behind(
    backend: Tables, selection: Selection, start: date, end: date, name: str | None = None, limit: int = SHOWN_IDS
) -> dict[str, Any]:
    """The events a signal rests on: their count, the first ids (by date) and a SQL query listing all."""
    chosen = selected(backend, selection, start, end)
    if name is not None:
        chosen = chosen.filter((chosen.actor1 == name) | (chosen.actor2 == name))
    first = chosen.select("event_id", "date_start", total=chosen.event_id.count().over())
    rows = first.order_by(["date_start", "event_id"]).limit(limit).to_pyarrow().to_pylist()
    count = int(rows[0]["total"]) if rows else 0
    return {"count": count, "ids": [r["event_id"] for r in rows], "query": listing_sql(selection, start, end, name)}


def listing_sql(selection: Selection, start: date, end: date, name: str | None = None) -> str:
    """A SQL query over the store that lists the events behind a signal (run it with duckdb)."""
    ds = _quote(selection.dataset)
    where = [f"dataset = {ds}", f"date_start BETWEEN DATE '{start.isoformat()}' AND DATE '{end.isoformat()}'"]
    if selection.actor_id is not None:
        names = (
            ", ".join(map(_quote, selection.raw_names))
            if selection.raw_names
            else f"SELECT raw_name FROM dataset_actor_names WHERE dataset = {ds} AND actor_id = {_quote(selection.actor_id)}"
        )
        where.append(f"(actor1 IN ({names}) OR actor2 IN ({names}))")
    if selection.country is not None:
        spellings = ", ".join(map(_quote, sorted(selection.country.spellings)))
        where.append(f"(lower(country) IN ({spellings}) OR lower(iso3) IN ({spellings}))")
    if name is not None:
        where.append(f"(actor1 = {_quote(name)} OR actor2 = {_quote(name)})")
    return (
        "SELECT event_id, date_start, actor1, actor2, fatalities_best, place FROM events WHERE "
        + " AND ".join(where)
        + " ORDER BY date_start, event_id"
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def select(con: DuckDBPyConnection, chosen: DataSelection, engine: Backend | None = None) -> tuple[Tables, Selection]:
    """The Ibis tables (of `engine`, default the store's DuckDB) and the checked Selection of what the user
    chose (dataset or basis, actor and its factions, country), as the analysis commands, the API and the pages
    build them."""
    from torkham.store.queries import actor_names
    from torkham.store.refs import actor_id

    backend = engine.tables(con) if engine is not None else connect_ibis(con)
    requested = chosen.dataset.name if chosen.dataset else None
    chain = choose_chain(backend, requested, chosen.basis, chosen.actor is not None)
    label = check_country(backend, chain, chosen.country) if chosen.country is not None else None
    actor = actor_id(con, chosen.actor)
    name = actor_names(con).get(actor) if actor else None
    members: tuple[tuple[str, str], ...] = ()
    if actor and chosen.with_factions:
        from torkham.store.families import faction_family

        members = tuple(faction_family(con, actor))
    selection = Selection(primary(chain), actor, name, chosen.country, label, (), chain, members)
    return backend, replace(selection, raw_names=tuple(check_actor_names(backend, selection)))
