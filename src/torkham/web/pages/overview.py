"""The overview page (/): headline figures with their sources, trend charts of the main actors and
provinces, the latest signals, the events map and the paper's key events.

Everything on it is fixed for the life of the read-only store, so it is computed once per process —
at start-up, in a background thread, so the first visitor does not wait (see `warm_up`)."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace
from typing import Annotated, Literal

from fastapi import APIRouter, FastAPI, Query, Request

from torkham.web.deps import Store
from torkham.web.pages.cache import cached, warm_up_lifespan
from torkham.web.pages.comparison import by_dyad, country_charts, country_series
from torkham.web.templating import templates

TREND_ACTORS = ("ttp", "india", "al-qaeda", "iskp")  # the main dyads of the bundled data, by their non-Pakistan side
TOP_PROVINCES = 4
HEADLINE_FIGURES = (
    "fig-ttp-attacks-2021-12", "fig-security-personnel-killed-2023", "fig-registered-afghans",
    "fig-afghans-forced-back", "fig-border-length",
)  # fmt: skip
KEY_EVENT_TYPES = {
    "takeover", "withdrawal", "agreement", "ceasefire", "ceasefire_end", "attack", "airstrike", "border_closure",
    "deportation", "military_operation", "dissolution", "formation", "negotiation", "policy",
}  # fmt: skip
KEY_EVENTS_FROM = "2018"
SHOWN_SIGNALS = 6
OVERVIEW_KEY = ("overview",)
Scale = Annotated[
    Literal["same", "own"],
    Query(description="same: both countries on one y scale (compare them); own: each on its own (see shapes)."),
]


def _warm(app: FastAPI, con) -> None:
    cached(SimpleNamespace(app=app), OVERVIEW_KEY, lambda: overview_context(con))


router = APIRouter(lifespan=warm_up_lifespan("overview", _warm))


@router.get("/")
def overview(request: Request, con: Store, scale: Scale = "same"):
    context = cached(request, OVERVIEW_KEY, lambda: overview_context(con))
    charts = country_charts(context["country_series"], same_scale=scale == "same")
    return templates.TemplateResponse(
        request, "overview.html", {"title": "Overview", **context, "country_charts": charts, "scale": scale}
    )


def overview_context(con) -> dict:
    from torkham.store import queries
    from torkham.store.events import EventFilter, facet_counts

    data = EventFilter(layer="data")
    by_dataset = facet_counts(con, data, "dataset")
    dataset = by_dataset[0]["value"] if by_dataset else None  # the largest; datasets held overlap, never summed
    chosen = replace(data, dataset=dataset) if dataset else data
    names = queries.actor_names(con)
    context = {
        "dataset": dataset,
        "headline": (_data_headline(con, chosen) if dataset else []) + _refugee_headline(con),
        "figures": _paper_figures(con),
        "charts": [],
        "country_series": country_series(con),
        "by_dyad": by_dyad(con),
        "returns": _returns(con),
        "signals": None,
        "map": None,
        "key_events": _key_events(con),
        "names": names,
    }
    if dataset:
        backend = _backend(con)
        actors = _actor_chart(backend, dataset, names)
        provinces = _province_chart(con, chosen, actors)
        context["charts"] = [c for c in (actors, provinces) if c]
        context["signals"] = _signals(con, backend, dataset)
        from torkham.web.pages.map import map_view

        context["map"] = map_view(con, chosen, None, None, "shown", base_query={"dataset": dataset})
    return context


def _backend(con):
    from torkham.analysis.selection import connect_ibis

    return connect_ibis(con)


def _data_headline(con, chosen) -> list[dict]:
    from torkham.analysis.selection import DATASETS
    from torkham.store.events import facet_counts
    from torkham.store.queries import datasets

    held = [d for d in datasets(con) if d["dataset"] == chosen.dataset]
    years = facet_counts(con, chosen, "year")  # newest first
    total = sum(y["count"] for y in years)
    deaths = sum(y["fatalities"] or 0 for y in years)  # dataset events: each gives its best estimate
    period = f"{years[-1]['value']}–{years[0]['value']}" if years else ""
    name = DATASETS[chosen.dataset].name if chosen.dataset in DATASETS else chosen.dataset
    source = held[-1] if held else {"id": chosen.dataset, "title": chosen.dataset, "version": ""}
    cited = {"source": f"{name} {source.get('version', '')}".strip(), "title": source["title"],
             "href": f"/sources/{source['id']}", "period": period}  # fmt: skip
    return [
        {"value": total, "label": f"{name} events", **cited},
        {"value": deaths, "label": "deaths (best estimate) in these events", **cited},
    ]


def _refugee_headline(con) -> list[dict]:
    from torkham.refugees.queries import measures, value

    held = [m for m in measures(con) if m["table"] == "population" and m["measure"] == "refugees" and m["rows"]]
    if not held:
        return []
    year = held[0]["last_year"]
    number, evidence = value(con, "refugees", "AFG", "PAK", year)
    if number is None:
        return []
    return [{
        "value": number, "label": "refugees from Afghanistan in Pakistan (end of year)", "period": str(year),
        "source": f"UNHCR {evidence['version']}", "title": evidence["attribution"],
        "href": f"/sources/{evidence['dataset']}:{evidence['version']}",
    }]  # fmt: skip


def _paper_figures(con) -> list[dict]:
    from torkham.store.queries import figures

    found = {f["id"]: f for f in figures(con)}
    return [found[i] for i in HEADLINE_FIGURES if i in found]


def _actor_chart(backend, dataset: str, names: dict[str, str]):
    from torkham.analysis.selection import Selection, check_actor_names
    from torkham.analysis.series import compute_series
    from torkham.errors import TorkhamError
    from torkham.web.render.charts import line_chart

    lines: list[tuple[str, list[float | None]]] = []
    first = None
    for actor_id in TREND_ACTORS:
        if actor_id not in names:
            continue
        selection = Selection(dataset, actor_id, names[actor_id])
        try:
            selection = replace(selection, raw_names=tuple(check_actor_names(backend, selection)))
        except TorkhamError:  # no dataset name maps to this actor
            continue
        first = compute_series(backend, selection, by="year", metric="events", window=1)
        lines.append((names[actor_id], [p.value for p in first.points]))
    if not first:
        return None
    return line_chart(
        "trend-actors", "Events per year by actor (either side)", "events per year", first.source_line,
        [p.period for p in first.points], lines, source_href=_source_href(dataset, first.versions),
        notes=["Each line counts the events with that actor on either side, mostly against the Government of "
               "Pakistan (India: the Line of Control; al-Qaida: US strikes)."],
    )  # fmt: skip


def _source_href(dataset: str, versions: dict[str, list[str]]) -> str:
    held = versions.get(dataset) or []
    return f"/sources/{dataset}:{held[-1]}" if held else "/sources#datasets"


def _returns(con) -> list[dict]:
    from torkham.briefing.coverage import returns_figures

    return returns_figures(con)


def _province_chart(con, chosen, sibling):
    """Events per year in the provinces with most events; the source line of the sibling chart (same data)."""
    from torkham.geo.admin1 import load_crosswalk
    from torkham.store.events import facet_counts
    from torkham.web.render.charts import line_chart

    provinces = [p for p in facet_counts(con, chosen, "admin1") if p["value"]][:TOP_PROVINCES]
    years = sorted(int(y["value"]) for y in facet_counts(con, chosen, "year"))
    if not provinces or not years:
        return None
    span = [str(y) for y in range(years[0], years[-1] + 1)]
    crosswalk = load_crosswalk()
    lines = []
    for province in provinces:
        counts = {y["value"]: y["count"] for y in facet_counts(con, replace(chosen, admin1=province["value"]), "year")}
        lines.append((_province_label(crosswalk, province["value"]), [counts.get(y, 0) for y in span]))
    return line_chart(
        "trend-provinces", f"Events per year in the {len(lines)} provinces with most events", "events per year",
        sibling.source if sibling else f"Source: {chosen.dataset}", span, lines,
        source_href=sibling.source_href if sibling else "/sources#datasets",
        notes=["Provinces as the dataset names them; UCDP codes the tribal areas as FATA until 2018."],
    )  # fmt: skip


def _province_label(crosswalk, name: str) -> str:
    from torkham.web.render.mapsvg import base_map

    code = crosswalk.code_for(name)
    drawn = base_map(crosswalk.default_set().key).names()
    return drawn.get(code, name) if code else name


def _signals(con, backend, dataset: str) -> dict:
    """The latest signals of the largest event dataset, with what that data is and where its coverage ends
    (so that signals of December 2021 read as the end of the data, not as calm since)."""
    from torkham.analysis.selection import DATASETS, Selection
    from torkham.analysis.signals import compute_signals
    from torkham.store.coverage import read_coverage

    result = compute_signals(backend, Selection(dataset))
    latest = sorted(result.signals, key=lambda s: (s.end, s.start), reverse=True)[:SHOWN_SIGNALS]
    info = DATASETS.get(dataset)
    covered = read_coverage(con).of((dataset,))
    bounds = covered.bounds()
    return {"as_of": result.as_of, "note": result.as_of_note, "versions": result.versions,
            "notes": result.notes, "items": latest, "dataset": dataset,
            "dataset_name": info.name if info else dataset,
            "preliminary": bool(info and info.status == "preliminary"),
            "coverage": covered.sentences(None, result.as_of), "covered_to": bounds[1] if bounds else None}  # fmt: skip


def _key_events(con) -> list[dict]:
    """The paper's events of the key types that began since KEY_EVENTS_FROM, each with the link to its place
    on the timeline (the convention of the sources page)."""
    from torkham.params import parse_day
    from torkham.store.events import EventFilter, find_events
    from torkham.web.pages.sources import record_home

    first = parse_day(KEY_EVENTS_FROM, "from", "first")
    assert first is not None  # a constant
    events = find_events(con, EventFilter(layer="kb", start=first), limit=None).items
    chosen = [e for e in events if e["type"] in KEY_EVENT_TYPES and e["date"] >= str(first.year)]
    return [{**e, "home": record_home("events", e)} for e in chosen]
