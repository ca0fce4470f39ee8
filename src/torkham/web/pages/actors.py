"""The actors pages: the index with a kind filter (/actors) and one actor with everything the store holds
about it (/actors/{id}); a name instead of an id redirects to the actor it denotes, or lists candidates."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from torkham.web.deps import Store
from torkham.web.errors import NotFound
from torkham.web.pages.cache import cached, warm_up_lifespan
from torkham.web.pages.prepare import peek, prepare_pages
from torkham.web.templating import templates

# Also prepares, at start-up, what the actor, network, map and briefing pages need (web/pages/prepare.py).
router = APIRouter(lifespan=warm_up_lifespan("actor, network, map and briefing pages", prepare_pages))
RECENT = 10  # dataset events shown on an actor page; the timeline has the rest


@router.get("/actors")
def actors_index(request: Request, con: Store, kind: str | None = None):
    from torkham.model.vocabulary import default_vocabulary
    from torkham.params import check_term
    from torkham.store import queries

    kind = kind or None
    check_term("actor_kinds", kind, "kind")
    vocabulary = default_vocabulary()
    return templates.TemplateResponse(
        request,
        "actors.html",
        {
            "title": "Actors",
            "actors": queries.list_actors(con, kind),
            "kind": kind,
            "kinds": {k: vocabulary.label("actor_kinds", k) for k in vocabulary["actor_kinds"]},
            "alias_types": {k: vocabulary.label("alias_types", k) for k in vocabulary["alias_types"]},
        },
    )


@router.get("/actors/{actor_id}")
def actor_page(request: Request, con: Store, actor_id: str):
    from torkham.store import queries

    names = queries.actor_names(con)
    if actor_id not in names:
        return _by_name(request, con, actor_id, names)
    detail = queries.actor_detail(con, actor_id)
    context = _context(request, con, actor_id, detail, names)
    return templates.TemplateResponse(request, "actor.html", {"title": detail["actor"]["name"], **context})


def _by_name(request: Request, con, typed: str, names: dict[str, str]):
    """A name instead of an id: redirect when it denotes one actor, list the candidates when it is ambiguous."""
    from torkham.kb.resolve import NameIndex
    from torkham.store import queries

    index = NameIndex.from_store(con)
    result = index.resolve(typed)
    if result.actor_id:
        return RedirectResponse(f"/actors/{quote(result.actor_id)}", status_code=302)
    if not result.ambiguous:
        close = ", ".join(f"{names[a]} ({a})" for a in result.suggestions)
        hint = f"closest known names: {close}" if close else "the actors page (/actors) lists them all"
        raise NotFound(f"no actor with the id or name '{typed}'; {hint}")
    notes = queries.ambiguity_notes(con, _normal(typed))
    candidates = [queries.records_by_id(con, [a])[a] for a in result.candidates]
    return templates.TemplateResponse(
        request,
        "actors.html",
        {
            "title": f"'{typed}' names {len(candidates)} actors",
            "actors": candidates,
            "ambiguous": typed,
            "notes": notes,
            "kind": None,
            "kinds": {},
            "alias_types": {},
        },
    )


def _normal(text: str) -> str:
    from torkham.kb.names import normalize

    return normalize(text)


def _context(request: Request, con, actor_id: str, detail: dict, names: dict[str, str]) -> dict:
    from torkham.model.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    actor = detail["actor"]
    claims_by, claims_disputed, claims_about = [], [], []
    for claim in detail["claims"]:
        if actor_id in claim.get("asserted_by", []):
            claims_by.append(claim)
        elif actor_id in (claim.get("disputed_by") or []):
            claims_disputed.append(claim)
        else:
            claims_about.append(claim)
    data_events = _data_events(con, actor_id)
    return {
        "actor": actor,
        "detail": detail,
        "names": names,
        "kind_label": vocabulary.label("actor_kinds", actor["kind"]),
        "alias_types": {k: vocabulary.label("alias_types", k) for k in vocabulary["alias_types"]},
        "attribute_help": vocabulary["attribute_keys"],
        "relations": [_relation(r, actor_id, names, vocabulary) for r in detail["relations"]],
        "graph": _graph(con, actor_id),
        "claims_by": claims_by,
        "claims_disputed": claims_disputed,
        "claims_about": claims_about,
        "questions": questions_about(con, actor),
        "data": data_events,
        "series": actor_series(request, con, actor_id, actor["name"], data_events),
        "sources": _sources(con, detail),
    }


def _relation(record: dict, actor_id: str, names: dict[str, str], vocabulary) -> dict:
    outgoing = record["from"] == actor_id
    other = record["to"] if outgoing else record["from"]
    label = vocabulary.label("relation_types", record["type"])
    directed = vocabulary.is_directed(record["type"]) if record["type"] in vocabulary["relation_types"] else True
    return {
        "record": record,
        "type": label,
        "direction": "→" if outgoing or not directed else "←",
        "other": other,
        "other_name": names.get(other, other),
        "valid": " – ".join(x or "…" for x in (record.get("valid_from"), record.get("valid_to")))
        if record.get("valid_from") or record.get("valid_to")
        else "",
    }


def questions_about(con, actor: dict) -> list[dict]:
    """The disputed questions the actor takes part in (asserts or disputes a claim), and those whose question
    or claims name it by one of its names (the TTP is the subject of "Where do TTP attacks originate?")."""
    from torkham.evidence.perspectives import perspectives
    from torkham.kb.names import normalize

    taking_part = {t["topic"] for t in perspectives(con, actor_id=actor["id"])["topics"]}
    names = {normalize(n) for n in [actor["name"], *(a["name"] for a in actor.get("aliases") or [])]}
    names = {n for n in names if len(n) >= 3}
    out = []
    for topic in perspectives(con)["topics"]:
        statements = [c["statement"] for side in topic["sides"] for c in side["claims"]]
        in_question = _names_in(names, [topic["question"]])
        if topic["topic"] in taking_part or in_question or _names_in(names, statements):
            rank = 0 if topic["topic"] in taking_part else 1 if in_question else 2
            how = ("takes part", "named in the question", "named in its claims")[rank]
            out.append({"topic": topic["topic"], "question": topic["question"], "disputed": topic["disputed"],
                        "how": how, "rank": rank, "sides": [side["label"] for side in topic["sides"]]})  # fmt: skip
    return sorted(out, key=lambda q: q["rank"])


def _names_in(names: set[str], texts: list[str]) -> bool:
    from torkham.kb.names import normalize

    return any(f" {n} " in f" {normalize(text)} " for text in texts for n in names)


def _graph(con, actor_id: str):
    """The actor's neighbourhood drawn by the network page's renderer (an inline SVG with a legend)."""
    from torkham.web.render.network import small_graph

    return small_graph(con, actor_id)


def _data_events(con, actor_id: str) -> dict:
    """How many dataset events involve the actor, per year, and the most recent ones (newest first)."""
    from torkham.store.events import EventFilter, facet_counts, find_events

    selection = EventFilter(layer="data", actor_id=actor_id)
    years = sorted(facet_counts(con, selection, "year"), key=lambda y: y["value"])  # oldest first, as a line reads
    total = sum(y["count"] for y in years)
    recent: list[dict] = []
    if years:
        latest = EventFilter(layer="data", actor_id=actor_id, start=date(int(years[-1]["value"]), 1, 1))
        page = find_events(con, latest, limit=500)
        recent = list(reversed(page.items))[:RECENT]
    return {"total": total, "years": years, "recent": recent}


SERIES_KEY = ("actor-series-prepared",)  # every actor's series, computed at start-up (web/pages/prepare.py)


def actor_series(request: Request, con, actor_id: str, name: str, data_events: dict) -> list[dict]:
    """The actor's series: prepared at start-up for every actor with dataset events, in the child process
    that loads the analysis stack (web/pages/prepare.py), so the server need not; else computed here once
    (Ibis compiles the series' queries each time, ~0.4 s) and kept while the store stays the same."""
    if not data_events["total"]:
        return []
    prepared = peek(request, SERIES_KEY)
    if prepared is not None and actor_id in prepared:
        return prepared[actor_id]
    return cached(request, ("actor-series", actor_id), lambda: _series(con, actor_id, name, data_events))


def prepare_series(request, con) -> None:
    """Every actor's series with dataset events, kept as one entry of the page cache."""
    from torkham.store import queries
    from torkham.store.events import EventFilter, facet_counts

    def every() -> dict[str, list[dict]]:
        names = queries.actor_names(con)
        found = {}
        for row in facet_counts(con, EventFilter(layer="data"), "actor"):
            actor_id = row["value"]
            if actor_id in names:
                found[actor_id] = _series(con, actor_id, names[actor_id], _data_events(con, actor_id))
        return found

    cached(request, SERIES_KEY, every)


def _series(con, actor_id: str, name: str, data_events: dict) -> list[dict]:
    """Yearly events and deaths per event dataset whose actor names map to the actor, from its first event."""
    from torkham.analysis.selection import DATASETS, Selection, check_actor_names, connect_ibis
    from torkham.analysis.series import compute_series
    from torkham.errors import TorkhamError

    if not data_events["total"]:
        return []
    backend = connect_ibis(con)
    start = date(int(data_events["years"][0]["value"]), 1, 1)
    out = []
    from torkham.store.refs import held_values

    held = set(held_values(con, "dataset"))
    for dataset in (d for d in DATASETS if d in held):
        selection = Selection(dataset, actor_id, name)
        try:
            raw = tuple(check_actor_names(backend, selection))
        except TorkhamError:
            continue
        selection = Selection(dataset, actor_id, name, raw_names=raw)
        events = compute_series(backend, selection, by="year", metric="events", start=start, window=1)
        deaths = compute_series(backend, selection, by="year", metric="fatalities", start=start, window=1)
        rows = [(e.period, e.value, d.value) for e, d in zip(events.points, deaths.points, strict=True)]
        out.append({
            "dataset": dataset, "name": DATASETS[dataset].name, "raw_names": raw, "source": events.source_line,
            "versions": events.versions, "notes": events.notes, "rows": rows,
            "chart": _chart(dataset, f"{name} in {DATASETS[dataset].name}", events, rows),
        })  # fmt: skip
    return out


def _chart(dataset: str, name: str, events, rows: list[tuple]):
    """Events and deaths per year as two panels over one shared x axis, each on its own y axis (events in
    the tens, deaths in the thousands: on one axis the events would lie flat); partials/chart_figure.html
    shows it with its data table."""
    from torkham.web.render.multiples import Panel, panels_chart

    return panels_chart(
        f"series-{dataset}",
        f"{name}: events and deaths per year",
        events.source_line,
        [period for period, _, _ in rows],
        [
            Panel("Events", "events per year", [e for _, e, _ in rows]),
            Panel("Deaths", "deaths per year, best estimate", [d for _, _, d in rows]),
        ],
        source_href=f"/sources/{dataset}:{events.versions[dataset][-1]}" if events.versions.get(dataset) else None,
        notes=[f"Dataset names counted: {', '.join(events.selection.raw_names)}.", *events.notes],
    )


def _sources(con, detail: dict) -> list[dict]:
    """The sources the page's facts come from or cite, with how many facts each backs."""
    from torkham.store import queries

    counts: dict[str, int] = {}
    records = [detail["actor"]]
    for key in ("relations", "events", "figures", "claims", "priorities_and_recommendations", "mentions"):
        records += detail.get(key) or []
    for record in records:
        for source in [record.get("source"), *(record.get("cites") or [])]:
            if source:
                counts[source] = counts.get(source, 0) + 1
    found = queries.records_by_id(con, list(counts))
    return [
        {"id": s, "title": found[s]["title"] if s in found else s, "cited_as": found.get(s, {}).get("cited_as"),
         "facts": n}
        for s, n in sorted(counts.items(), key=lambda kv: -kv[1])
    ]  # fmt: skip
