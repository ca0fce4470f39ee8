"""The filter of event queries (torkham.store.events) from the values a user typed: each checked against
what the store holds, with errors naming the parameter as the API and the pages spell it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from torkham.errors import TorkhamError
from torkham.model.dates import DateError, parse_partial_date

LAYERS = ("kb", "data", "both")
MAX_TEXT = 200  # characters of a free-text filter

# The knowledge base writes countries as ISO3 codes; the names of those of the region, so that
# country=Afghanistan finds the paper's events too (dataset events carry both name and code).
COUNTRY_NAMES = {
    "AFG": "Afghanistan", "PAK": "Pakistan", "IRN": "Iran", "IND": "India", "CHN": "China", "USA": "United States",
    "RUS": "Russia", "TJK": "Tajikistan", "UZB": "Uzbekistan", "TKM": "Turkmenistan", "QAT": "Qatar",
    "SAU": "Saudi Arabia", "GBR": "United Kingdom", "DEU": "Germany",
}  # fmt: skip


@dataclass(frozen=True)
class EventFilter:
    layer: str = "both"  # kb | data | both
    actor_id: str | None = None
    event_type: str | None = None
    country: str | None = None  # a country name or ISO3 code, without case
    admin1: str | None = None
    dataset: str | None = None  # only that dataset's events (knowledge events have none)
    start: date | None = None  # events overlapping [start, end]
    end: date | None = None
    q: str | None = None  # text in title, place, quote (knowledge) or place and actor names (datasets)
    min_fatalities: int | None = None  # dataset events with at least this many deaths (best estimate)


def parse_filter(
    con,
    *,
    layer: str | None = "both",
    actor: str | None = None,
    event_type: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    dataset: str | None = None,
    start: str | None = None,
    end: str | None = None,
    q: str | None = None,
    min_fatalities: int | str | None = None,
) -> EventFilter:
    """An EventFilter from the values a user typed (query parameters), checked against what the store holds.
    Errors name the parameter as the API spells it: layer, actor, type, country, admin1, dataset, from, to,
    q, min_fatalities."""
    layer = layer or "both"
    if layer not in LAYERS:
        raise TorkhamError(f"layer: unknown value '{layer}'; choose one of: {', '.join(LAYERS)}")
    first, last = _bound(start, "from").first_day if start else None, _bound(end, "to").last_day if end else None
    if first and last and first > last:
        raise TorkhamError(f"from: {start} is after to {end}; swap them")
    if q is not None and len(q) > MAX_TEXT:
        raise TorkhamError(f"q: {len(q)} characters is too long; use at most {MAX_TEXT}")
    fatalities = _count(min_fatalities, "min_fatalities")
    actor_id = resolve_actor_param(con, actor, "actor") if actor else None
    if event_type:
        _check_held("type", event_type, _event_types(con))
    if admin1:
        _check_held("admin1", admin1, _held(con, "admin1"), fold=True)
    if dataset:
        _check_held("dataset", dataset, _held(con, "dataset"))
    if country is not None:
        country_codes(con, country)
    return EventFilter(layer, actor_id, event_type or None, country or None, admin1 or None, dataset or None,
                       first, last, q or None, fatalities)  # fmt: skip


def resolve_actor_param(con, name: str, parameter: str) -> str:
    """The actor id any name, alias or id denotes; an error naming `parameter` otherwise (as the CLI does)."""
    from torkham.cli.context import resolve_actor

    return resolve_actor(con, name, parameter, name_index(con))


_INDEXES: dict[str, object] = {}


def name_index(con):
    """The NameIndex of the store's knowledge, built once per knowledge fingerprint (a web process answers
    many requests over the same knowledge; building the index costs more than the queries)."""
    from torkham.kb.resolve import NameIndex

    row = con.execute("SELECT value FROM meta WHERE key = 'kb_fingerprint'").fetchone()
    key = row[0] if row else None
    if key is None:
        return NameIndex.from_store(con)
    if key not in _INDEXES:
        if len(_INDEXES) >= 4:
            _INDEXES.clear()
        _INDEXES[key] = NameIndex.from_store(con)
    return _INDEXES[key]


def country_codes(con, country: str) -> list[str]:
    """The lower-case names and codes `country` stands for in either layer (a name and its ISO3 code)."""
    wanted = country.strip().lower()
    held, named = _countries_held(con)
    pairs = [tuple(v.lower() if v else None for v in pair) for pair in [*held, *named]]
    codes = {wanted} | {c for pair in pairs if wanted in pair for c in pair if c}
    if not codes & {c for pair in pairs for c in pair if c}:
        labels = {f"{n} ({i})" if n and i else n or i for n, i in [*held, *named] if n or i}
        raise TorkhamError(f"country: no events in '{country}'; the store holds: {', '.join(sorted(labels))}")
    return sorted(codes)


def stored_countries(con, country: str) -> tuple[list[str], list[str]]:
    """The `country` and `iso3` values exactly as the events table stores them for `country`, so the
    filter compares plain columns (no lower() per row)."""
    codes = set(country_codes(con, country))
    held, _ = _countries_held(con)
    names = sorted({n for n, _ in held if n and n.lower() in codes})
    iso3 = sorted({i for _, i in held if i and i.lower() in codes})
    return names, iso3


_COUNTRIES: dict[tuple, tuple[list, list]] = {}


def _countries_held(con) -> tuple[list[tuple], list[tuple]]:
    """(country, iso3) pairs of the dataset events and (name, code) of the knowledge events — cached per
    store file and state (last import, knowledge fingerprint), since the web asks on every request."""
    (path,) = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    state = con.execute(
        "SELECT (SELECT max(import_id) FROM imports), (SELECT count(*) FROM events),"
        " (SELECT max(value) FROM meta WHERE key = 'kb_fingerprint')"
    ).fetchone()
    key = (path, *state)
    if key not in _COUNTRIES:
        held = con.execute("SELECT DISTINCT country, iso3 FROM events").fetchall()
        kb_rows = con.execute("SELECT DISTINCT country FROM kb_events WHERE country IS NOT NULL").fetchall()
        named = [(COUNTRY_NAMES.get(code.upper()), code) for (code,) in kb_rows]
        if len(_COUNTRIES) > 16:
            _COUNTRIES.clear()
        _COUNTRIES[key] = (held, named)
    return _COUNTRIES[key]


def _bound(text: str, parameter: str):
    try:
        return parse_partial_date(text)
    except DateError as exc:
        raise TorkhamError(f"{parameter}: {exc}") from None


def _count(value: int | str | None, parameter: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise TorkhamError(f"{parameter}: '{value}' is not a whole number") from None
    if number < 0:
        raise TorkhamError(f"{parameter}: {number} is negative; use 0 or more")
    return number


def _event_types(con) -> list[str]:
    from torkham.model.vocabulary import default_vocabulary

    known = list(default_vocabulary()["event_types"])
    held = con.execute("SELECT DISTINCT event_type FROM events WHERE event_type IS NOT NULL ORDER BY 1").fetchall()
    return known + [t for (t,) in held if t not in known]


_HELD = {  # fixed queries for the values a parameter may take
    "admin1": "SELECT DISTINCT admin1 FROM events UNION SELECT DISTINCT admin1 FROM kb_events",
    "dataset": "SELECT DISTINCT dataset FROM events",
}


def _held(con, parameter: str) -> list[str]:
    return sorted(r[0] for r in con.execute(_HELD[parameter]).fetchall() if r[0])


def _check_held(parameter: str, value: str, held: list[str], fold: bool = False) -> None:
    found = {h.lower() for h in held} if fold else set(held)
    if (value.lower() if fold else value) not in found:
        raise TorkhamError(f"{parameter}: unknown value '{value}'; choose one of: {', '.join(held)}")
