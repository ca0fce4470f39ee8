"""The interactive map's data, asked of the store and the analysis layer (no SQL here): provinces as a
GeoJSON FeatureCollection with events, deaths and how much of the period event data covers; event
locations as points; each country's national deaths from UCDP's country totals where they are held."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from torkham.errors import TorkhamError
from torkham.geo import figures
from torkham.params import InvalidParameter, literal
from torkham.store.coverage import covered_parts
from torkham.store.memo import remembered

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.geo.admin1 import BoundarySet
    from torkham.store.events import EventFilter, ListingCoverage

POINT_LIMIT = 20_000  # more events than this are not sent as points (the answer says so)
ANSWERS = 8  # answers of the map's API kept per opening of the store, the latest asked (see _kept)
COUNTRIES = {"AFG": "Afghanistan", "PAK": "Pakistan"}
TOTALS_DATASET = "ucdp-country-month"


def boundary_set(key: str | None) -> BoundarySet:
    from torkham.geo.admin1 import load_crosswalk

    crosswalk = load_crosswalk()
    if key and key not in crosswalk.sets:
        raise InvalidParameter(
            "boundaries", f"unknown value '{literal(key)}'; choose one of: {', '.join(crosswalk.sets)}"
        )
    return crosswalk.sets[key] if key else crosswalk.default_set()


def data_months(con: DuckDBPyConnection) -> tuple[date, date] | None:
    """The whole months from the first to the last day any event data covers (the time slider's ends)."""
    from torkham.store.events import EventFilter, listing_coverage

    bounds = listing_coverage(con, EventFilter(layer="data")).covered_bounds()
    if bounds is None:
        return None
    first, last = bounds
    following = date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    return first.replace(day=1), following - timedelta(days=1)


def province_collection(
    con: DuckDBPyConnection, chosen: EventFilter, chosen_set: BoundarySet, geometry: bool = True
) -> dict[str, Any]:
    """The provinces of `chosen_set` with the events and deaths `chosen` selects there; the period is the
    filter's, or all the data covers when it gives none."""
    key = ("provinces", chosen, chosen_set.key, geometry)
    return _kept(con, key, lambda: _province_collection(con, chosen, chosen_set, geometry))


def _province_collection(
    con: DuckDBPyConnection, chosen: EventFilter, chosen_set: BoundarySet, geometry: bool
) -> dict[str, Any]:
    from torkham.geo.admin1 import load_crosswalk, place
    from torkham.store.events import facet_counts, listing_coverage

    crosswalk = load_crosswalk()
    rows = facet_counts(con, chosen, "admin1")
    events = place(crosswalk, chosen_set, {r["value"]: r["count"] for r in rows})
    deaths = place(crosswalk, chosen_set, {r["value"]: r["fatalities"] for r in rows})
    kb_rows = facet_counts(con, replace(chosen, layer="kb"), "admin1")  # reviewed events placed by a province code
    knowledge = place(crosswalk, chosen_set, {r["value"]: r["count"] for r in kb_rows})
    covered = listing_coverage(con, chosen)
    start, end = _period(con, chosen)
    levels = {iso3: _country_coverage(covered, iso3, start, end) for iso3 in COUNTRIES}
    features = []
    for code, name, shape in figures.boundary_geometries(chosen_set.files):
        level = levels.get(figures.country_of(code), {"level": "none"})["level"]
        props = figures.province_properties(code, name, level, events.counts.get(code, 0),
                                            deaths.counts.get(code, 0), events.names.get(code, []))  # fmt: skip
        props["knowledge_events"] = knowledge.counts.get(code)  # null: no reviewed event placed there (not 0)
        props["knowledge_names"] = knowledge.names.get(code, [])  # as the knowledge names the province
        features.append({"type": "Feature", "id": code, "properties": props, "geometry": shape if geometry else None})
    return {
        "type": "FeatureCollection",
        "features": features,
        "boundaries": {"key": chosen_set.key, "label": chosen_set.label},
        "period": {"from": start.isoformat(), "to": end.isoformat()},
        "classes": [c.to_json() for c in figures.fixed_classes()],
        "totals": {"events": events.total, "fatalities": deaths.total},
        "not_given": {"events": events.not_given, "fatalities": deaths.not_given},
        "not_on_map": [
            {"name": n, "events": c, "fatalities": deaths.not_on_map.get(n, 0)} for n, c in events.not_on_map.items()
        ],  # fmt: skip
        "countries": [_country(con, chosen, iso3, levels[iso3], start, end) for iso3 in COUNTRIES],
        "knowledge": {"events": knowledge.total, "not_given": knowledge.not_given},
        "coverage_notes": list(covered.notes),
    }


def _period(con: DuckDBPyConnection, chosen: EventFilter) -> tuple[date, date]:
    bounds = data_months(con) or (date.today(), date.today())
    return chosen.start or bounds[0], chosen.end or bounds[1]


def _country_coverage(covered: ListingCoverage, iso3: str, start: date, end: date) -> dict[str, Any]:
    parts = covered_parts(((s.first, s.last) for s in covered.spans if s.key == iso3), start, end)
    return {"level": figures.coverage_level(parts, start, end),
            "covered": [[a.isoformat(), b.isoformat()] for a, b in parts]}  # fmt: skip


def _country(
    con: DuckDBPyConnection, chosen: EventFilter, iso3: str, level: dict[str, Any], start: date, end: date
) -> dict[str, Any]:
    answer = {"iso3": iso3, "name": COUNTRIES[iso3], "coverage": level["level"], "covered": level["covered"]}
    narrowed = chosen.actor_id or chosen.event_type or chosen.dataset
    answer["national"] = None if narrowed else national_deaths(con, iso3, start, end)
    return answer


def national_deaths(con: DuckDBPyConnection, iso3: str, start: date, end: date) -> dict[str, Any] | None:
    """Deaths in the country over the months of [start, end] by UCDP's country totals (all actors and types,
    no provinces); None when those totals are not held. Months they do not cover are counted, not guessed."""
    held = national_months(con, iso3)
    if held is None:
        return None
    by_month, source = held
    months = _months(start, end)
    known = [by_month[m] for m in months if by_month.get(m) is not None]
    return {"fatalities": sum(known) if known else None, "months_known": len(known), "months": len(months),
            "source": source}  # fmt: skip


def national_months(con: DuckDBPyConnection, iso3: str) -> tuple[dict[date, int | None], str] | None:
    """UCDP's country totals of deaths per month over every month they span ({first day: deaths, or None
    where they do not cover it}) and their source line; None when they are not held. Computed once per
    opening of the store (store.memo), by the analysis layer — at start-up in the child process that
    prepares the pages (web/pages/prepare.py), so that the server does not load the analysis stack for it."""
    return remembered(con, ("prepared", "national-months", iso3), lambda: _national_months(con, iso3))


def _national_months(con: DuckDBPyConnection, iso3: str) -> tuple[dict[date, int | None], str] | None:
    from torkham.analysis.selection import select
    from torkham.analysis.series import compute_series
    from torkham.params import DataSelection

    try:
        backend, selection = select(con, DataSelection.parse(TOTALS_DATASET, None, iso3))
        series = compute_series(backend, selection, "month", "fatalities", None, None, 1)
    except TorkhamError:  # the totals are not held (a store without the bundled data)
        return None
    return {p.start: p.value for p in series.points}, series.source_line


def _months(start: date, end: date) -> list[date]:
    """The first day of each month from start's to end's."""
    out, month = [], start.replace(day=1)
    while month <= end:
        out.append(month)
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return out


def event_points(con: DuckDBPyConnection, chosen: EventFilter) -> dict[str, Any]:
    """The events' locations as GeoJSON points, one per place (events and deaths summed there)."""
    return _kept(con, ("points", chosen), lambda: _event_points(con, chosen))


def _event_points(con: DuckDBPyConnection, chosen: EventFilter) -> dict[str, Any]:
    from torkham.store.events import find_events

    page = find_events(con, replace(chosen, layer="data"), limit=POINT_LIMIT)
    base: dict[str, Any] = {"type": "FeatureCollection", "events": page.total, "limit": POINT_LIMIT}
    if page.total > POINT_LIMIT:
        return {**base, "features": [], "too_many": True, "without_coordinates": None}
    cells: dict[tuple[float, float], dict[str, Any]] = {}
    without = 0
    for item in page.items:
        lon, lat = item.get("longitude"), item.get("latitude")
        if lon is None or lat is None:
            without += 1
            continue
        cell = cells.setdefault((round(lon, 4), round(lat, 4)), {"events": 0, "fatalities": 0, "place": item["place"]})
        cell["events"] += 1
        cell["fatalities"] += (item.get("fatalities") or {}).get("best") or 0
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
        for (lon, lat), props in sorted(cells.items(), key=lambda kv: -kv[1]["events"])
    ]
    return {**base, "features": features, "too_many": False, "without_coordinates": without}


class _Recent:
    """The latest answers, at most `size` (the oldest asked goes first); safe across request threads."""

    def __init__(self, size: int):
        self.size = size
        self.values: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[Any, ...], compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        with self.lock:
            if key in self.values:
                self.values.move_to_end(key)
                return self.values[key]
        value = compute()  # outside the lock: two requests for one new key may both compute it, alike
        with self.lock:
            self.values[key] = value
            while len(self.values) > self.size:
                self.values.popitem(last=False)
        return value


def _kept(con: DuckDBPyConnection, key: tuple[Any, ...], compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """An answer of the map's API, kept among the latest ANSWERS of this opening of the store (store.memo):
    a reload, or the slider moved back, is answered without asking the store again."""
    return remembered(con, ("map answers",), lambda: _Recent(ANSWERS)).get(key, compute)
