"""Which events an analysis reads — one dataset, optionally one actor and one country — as Ibis
expressions over the `events` and `dataset_actor_names` tables, checked against what the store holds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from torkham.errors import TorkhamError


@dataclass(frozen=True)
class DatasetInfo:
    name: str
    publisher: str
    licence: str


DATASETS = {
    "ucdp-ged": DatasetInfo("UCDP GED", "Uppsala Conflict Data Program", "CC BY 4.0"),
    "acled": DatasetInfo("ACLED", "Armed Conflict Location & Event Data", "ACLED terms of use"),
    "gdelt": DatasetInfo("GDELT 2.0 events", "The GDELT Project", "GDELT terms of use (free, cite GDELT)"),
}
SHOWN_COUNTRIES = 40  # an unknown --country lists at most this many of the countries held
SHOWN_IDS = 10  # a signal names at most this many event ids; the count and a query give the rest


@dataclass(frozen=True)
class Selection:
    dataset: str
    actor_id: str | None = None
    actor_name: str | None = None
    country: str | None = None  # as typed: a name or an ISO3 code, matched without case
    country_label: str | None = None  # as the data writes it, e.g. "Pakistan (PAK)"
    raw_names: tuple[str, ...] = ()  # the dataset's names mapped to the actor (shown in queries)

    def without_actor(self) -> Selection:
        return replace(self, actor_id=None, actor_name=None, raw_names=())

    def describe(self) -> str:
        parts = [f"{self.actor_name} ({self.actor_id})" if self.actor_id else "all actors"]
        if self.country_label:
            parts.append(f"in {self.country_label}")
        return " ".join(parts)


class Tables:
    """The tables analyses read, from an Ibis backend; each looked up once (a lookup reads its schema)."""

    def __init__(self, backend):
        self.backend = backend
        self._tables: dict = {}

    def table(self, name: str):
        if name not in self._tables:
            self._tables[name] = self.backend.table(name)
        return self._tables[name]


def connect_ibis(con) -> Tables:
    """Ibis over an open DuckDB connection (the same expressions run on other Ibis backends)."""
    import ibis

    return Tables(ibis.duckdb.from_connection(con))


def choose_dataset(backend, requested: str | None) -> str:
    events = backend.table("events")
    held = sorted(events.select("dataset").distinct().to_pyarrow().column(0).to_pylist())
    if not held:
        raise TorkhamError("the store holds no dataset events; import some with 'torkham import FILE'")
    if requested is None:
        if len(held) > 1:
            raise TorkhamError(
                f"the store holds events of {len(held)} datasets ({', '.join(held)}), which overlap; "
                "choose one with --dataset"
            )
        return held[0]
    if requested not in DATASETS:
        raise TorkhamError(f"--dataset: unknown dataset '{requested}'; choose one of: {', '.join(DATASETS)}")
    if requested not in held:
        raise TorkhamError(
            f"--dataset: the store holds no {requested} events (import some with 'torkham import'); "
            f"it holds: {', '.join(held)}"
        )
    return requested


def check_country(backend, dataset: str, country: str) -> str:
    """The label ("Pakistan (PAK)") of the country `country` names, or an error listing those held."""
    events = backend.table("events")
    held = (
        events.filter(events.dataset == dataset)
        .select("country", "iso3")
        .distinct()
        .order_by("country")
        .to_pyarrow()
        .to_pylist()
    )
    wanted = country.strip().lower()
    labels = [_country_label(r["country"], r["iso3"]) for r in held if r["country"] or r["iso3"]]
    for row in held:
        if wanted and wanted in {(row["country"] or "").lower(), (row["iso3"] or "").lower()}:
            return _country_label(row["country"], row["iso3"])
    shown = ", ".join(labels[:SHOWN_COUNTRIES]) + (
        f", … ({len(labels)} in all)" if len(labels) > SHOWN_COUNTRIES else ""
    )
    raise TorkhamError(f"--country: no {dataset} events in '{country}'; the data holds: {shown or 'no countries'}")


def _country_label(name: str | None, iso3: str | None) -> str:
    return f"{name} ({iso3})" if name and iso3 else (name or iso3 or "")


def check_actor_names(backend, selection: Selection) -> list[str]:
    """The dataset's raw names mapped to the selected actor; an error when there are none."""
    if selection.actor_id is None:
        return []
    names = backend.table("dataset_actor_names")
    mapped = names.filter(names.dataset == selection.dataset, names.actor_id == selection.actor_id)
    raw = sorted(mapped.select("raw_name").distinct().to_pyarrow().column(0).to_pylist())
    if not raw:
        raise TorkhamError(
            f"--actor: no {selection.dataset} actor name maps to {selection.actor_name} ({selection.actor_id}); "
            f"'torkham actors unmatched --dataset {selection.dataset}' lists the names to review, and "
            f"knowledge/crosswalks/{selection.dataset}.yaml maps them"
        )
    return raw


def selected(backend, selection: Selection, start: date | None = None, end: date | None = None):
    """The events of the selection with date_start in [start, end], as an Ibis table expression."""
    import ibis

    events = backend.table("events")
    conditions = [events.dataset == selection.dataset]
    if selection.actor_id is not None:
        names = backend.table("dataset_actor_names")
        raw = names.filter(names.dataset == selection.dataset, names.actor_id == selection.actor_id).raw_name
        conditions.append(events.actor1.isin(raw) | events.actor2.isin(raw))
    if selection.country is not None:
        wanted = selection.country.strip().lower()
        conditions.append((events.country.lower() == wanted) | (events.iso3.lower() == wanted))
    if start is not None:
        conditions.append(events.date_start >= ibis.date(start))
    if end is not None:
        conditions.append(events.date_start <= ibis.date(end))
    return events.filter(*conditions)


def coverage(backend, selection: Selection) -> tuple[date, date] | None:
    """First and last event date of the dataset (and country): the span the data speaks for."""
    chosen = selected(backend, selection.without_actor())
    row = chosen.aggregate(first=chosen.date_start.min(), last=chosen.date_start.max()).to_pyarrow().to_pylist()[0]
    return (row["first"], row["last"]) if row["first"] is not None else None


def versions(backend, selection: Selection, start: date | None = None, end: date | None = None) -> list[str]:
    """Dataset versions of the events read; of the whole dataset when the range holds none."""
    for chosen in (selected(backend, selection, start, end), selected(backend, selection.without_actor())):
        found = chosen.select("dataset_version").distinct().to_pyarrow().column(0).to_pylist()
        if found:
            return sorted(found)
    return []


def events_behind(
    backend, selection: Selection, start: date, end: date, name: str | None = None, limit: int = SHOWN_IDS
) -> dict:
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
        wanted = _quote(selection.country.strip().lower())
        where.append(f"(lower(country) = {wanted} OR lower(iso3) = {wanted})")
    if name is not None:
        where.append(f"(actor1 = {_quote(name)} OR actor2 = {_quote(name)})")
    return (
        "SELECT event_id, date_start, actor1, actor2, fatalities_best, place FROM events WHERE "
        + " AND ".join(where)
        + " ORDER BY date_start, event_id"
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def selection_for(con, dataset: str | None = None, actor_id: str | None = None, country: str | None = None):
    """The Ibis tables and the checked Selection of one dataset, actor (an id) and country, as the CLI's
    analysis commands build them (for the web pages and the API)."""
    from torkham.store.queries import actor_names

    backend = connect_ibis(con)
    chosen = choose_dataset(backend, dataset)
    label = check_country(backend, chosen, country) if country is not None else None
    name = actor_names(con).get(actor_id) if actor_id else None
    selection = Selection(chosen, actor_id, name, country, label)
    return backend, replace(selection, raw_names=tuple(check_actor_names(backend, selection)))
