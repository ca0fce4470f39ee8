"""Gather a briefing into one plain dict: scope, headline trends, key events, charts, actors,
perspectives, claim verdicts, recommendations, numbered citations and the datasets' licences.
Everything is read through torkham.store.queries and torkham.analysis; nothing here is a new query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from torkham.briefing.cite import Citations
from torkham.errors import TorkhamError

NOTABLE = 10  # deadliest dataset events shown per dataset
TITLE = "Afghanistan–Pakistan situation briefing"


@dataclass(frozen=True)
class Scope:
    start: date
    end: date
    actor_id: str | None = None
    actor_name: str | None = None
    country: str | None = None  # as typed

    def describe(self) -> str:
        parts = [f"{self.start} to {self.end}"]
        if self.actor_id:
            parts.append(f"actor: {self.actor_name} ({self.actor_id})")
        if self.country:
            parts.append(f"country: {self.country}")
        return "; ".join(parts)


def latest_day(con, backend) -> date:
    """The last day the store speaks for: the latest knowledge-base event or dataset event."""
    from torkham.analysis.selection import Selection, coverage
    from torkham.model.dates import parse_partial_date
    from torkham.store.events import EventFilter, find_events

    kb_events = find_events(con, EventFilter(layer="kb"), limit=None).items
    days = [parse_partial_date(str(e.get("end_date") or e["date"])).last_day for e in kb_events]
    for dataset in event_datasets(con):
        span = coverage(backend, Selection(dataset))
        days += [span[1]] if span else []
    return max(days, default=date.today())


def event_datasets(con) -> list[str]:
    """Event datasets held (ucdp-ged first: the bundled one), from queries.datasets; country totals are
    not events (the briefing charts them per country, briefing/coverage.py)."""
    from torkham.analysis.selection import DATASETS
    from torkham.store import queries

    held = {d["dataset"] for d in queries.datasets(con) if d["dataset"] in DATASETS}
    return [d for d in DATASETS if d in held and not DATASETS[d].is_aggregate]


def country_code(backend, datasets: list[str], country: str) -> tuple[str, dict[str, str]]:
    """ISO3 of --country and its label in each dataset holding it; an error naming the fix otherwise."""
    from torkham.analysis.selection import check_country
    from torkham.datasets.formats.countries import numeric_to_iso3

    labels: dict[str, str] = {}
    for dataset in datasets:
        try:
            labels[dataset] = check_country(backend, dataset, country)
        except TorkhamError:
            continue
    for label in labels.values():
        if label.endswith(")") and "(" in label:
            return label.rsplit("(", 1)[1][:-1].upper(), labels
    code = country.strip().upper()
    if len(code) == 3 and code in set(numeric_to_iso3().values()):
        return code, labels
    raise TorkhamError(
        f"--country: '{country}' is neither a country of the event data held nor an ISO 3166 alpha-3 code; "
        "use a code such as AFG or PAK"
    )


def collect(con, scope: Scope) -> dict:
    from torkham import __version__
    from torkham.analysis.selection import connect_ibis
    from torkham.briefing.evidence import checks_section, perspectives_section
    from torkham.store import queries

    backend = connect_ibis(con)
    cites = Citations({s["id"]: s for s in queries.records_of(con, "sources")})
    datasets = event_datasets(con)
    iso3, labels = country_code(backend, datasets, scope.country) if scope.country else (None, {})
    names = queries.actor_names(con)
    doc: dict = {"title": TITLE, "scope": scope.describe(), "from": scope.start.isoformat(), "notes": [],
                 "to": scope.end.isoformat(), "version": __version__, "generated": date.today().isoformat()}  # fmt: skip
    selections = _selections(backend, scope, datasets, labels, doc["notes"])
    doc["trends"] = _trends(backend, selections, scope, cites)
    doc["by_country"] = _by_country(con, scope)
    doc["returns"] = _returns(con, scope)
    doc["forecast"] = _forecast(con, scope)
    kb_events = _kb_events(con, scope, iso3, doc["notes"])
    data_events = [e for s in selections for e in _notable(con, backend, s, scope)]
    doc["headline"] = _headline(doc["trends"], kb_events, data_events, scope)
    doc["timeline"] = _timeline(kb_events, data_events, names, cites)
    doc["empty"] = not kb_events and not data_events
    doc["actors"] = _actors(con, kb_events, data_events, scope, cites)
    doc["perspectives"] = perspectives_section(con, scope.actor_id, cites)
    doc["checks"] = checks_section(con, scope, cites)
    doc["recommendations"] = [
        {"number": r.get("number"), "title": r.get("title"), "text": r.get("text"), "cite": cites.record(r),
         "addressed_to": [names.get(a, a) for a in r.get("addressed_to") or []]}
        for r in queries.records_of(con, "recommendations")
    ]  # fmt: skip
    doc["citations"] = cites.entries
    used = dict.fromkeys(c["source"] for c in cites.entries if c["kind"] == "text")
    doc["documents"] = [{"id": s, "title": c} for s, c in ((s, cites.source_title(s)) for s in used)]
    doc["datasets"] = [d for d in queries.datasets(con) if d.get("licence") or d["dataset"] in datasets]
    return doc


def _selections(backend, scope: Scope, datasets: list[str], labels: dict[str, str], notes: list[str]) -> list:
    from torkham.analysis.selection import DATASETS, Selection, check_actor_names
    from torkham.params import CountryRef

    country = CountryRef.parse(scope.country)
    out = []
    for dataset in datasets:
        name = DATASETS[dataset].name
        if scope.country and dataset not in labels:
            notes.append(f"The {name} data held has no events in {scope.country}; it is left out.")
            continue
        selection = Selection(dataset, scope.actor_id, scope.actor_name, country, labels.get(dataset))
        try:
            raw = tuple(check_actor_names(backend, selection))
        except TorkhamError:
            notes.append(f"No {name} actor name maps to {scope.actor_name} ({scope.actor_id}); {name} is left out.")
            continue
        out.append(Selection(dataset, scope.actor_id, scope.actor_name, country, labels.get(dataset), raw))
    return out


def _trends(backend, selections: list, scope: Scope, cites: Citations) -> list[dict]:
    from torkham.briefing.trend import dataset_trend

    return [dataset_trend(backend, s, scope.start, scope.end, cites) for s in selections]


def _by_country(con, scope: Scope) -> list[dict]:
    """Deaths per month per country over the range, each month on its basis (final events, country totals,
    candidate events) and none where no data covers it, with the coverage sentences."""
    import base64

    from torkham.briefing.coverage import BASIS_LABELS, COUNTRIES, basis_svg, fatalities_by_country

    countries = (scope.country,) if scope.country else COUNTRIES
    out = []
    for found in fatalities_by_country(con, scope.start, scope.end, countries):
        svg = basis_svg(found).encode()
        out.append({
            "country": found.country, "uri": "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"),
            "svg": svg.decode(), "source": found.source, "notes": found.notes, "by_basis": found.by_basis,
            "unknown": found.unknown,
            "rows": [(p, v, "no data covers this month" if v is None else BASIS_LABELS.get(b or "", b))
                     for p, v, b in zip(found.periods, found.values, found.bases, strict=True)],
        })  # fmt: skip
    return out


def _forecast(con, scope: Scope) -> dict:
    """The section "What may come": each country's fan chart from the end of the range (or the last month the data
    covers, if earlier), the model, and the precomputed backtest's ratio line; a note instead if none."""
    import base64

    from torkham.briefing.coverage import COUNTRIES
    from torkham.forecast.fan import NOTE, fan_data
    from torkham.forecast.fanchart import fans_svg, source_line
    from torkham.forecast.history import month_label
    from torkham.forecast.scores import shipped_backtest
    from torkham.params import CountryRef, ForecastQuery

    def iso3(name: str) -> str | None:
        ref = CountryRef.parse(name)
        return ref.iso3 if ref else None

    names = {iso3(name): name for name in COUNTRIES}  # "PAK" typed: charted as Pakistan
    countries = names.get(iso3(scope.country), scope.country) if scope.country else ",".join(COUNTRIES)
    wanted = month_label(scope.end)
    out: dict = {"note": NOTE, "charts": [], "problem": None, "origin": None, "model": None, "ratio": None}
    try:
        try:
            result, fans = fan_data(con, ForecastQuery.parse(countries, origin=wanted))
        except TorkhamError as exc:
            if "beyond the data" not in str(exc):
                raise
            result, fans = fan_data(con, ForecastQuery.parse(countries))  # the range ends after the data
    except TorkhamError as exc:
        out["problem"] = f"No forecast from {wanted}: {exc}"
        return out
    out.update(origin=month_label(result.origin), model=result.model, source=source_line(result),
               horizon=len(fans[0].months) if fans else 0)  # fmt: skip
    backtest = shipped_backtest()
    if backtest is not None:
        out["ratio"] = backtest.ratio_line(result.model, [f.country for f in fans])
        out["backtest"] = backtest.describe()
    for fan in fans:
        svg = fans_svg(result, [fan]).encode()
        out["charts"].append({
            "country": fan.country, "title": fan.title, "off_scale": fan.off_scale,
            "uri": "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii"),
            "rows": [(r["month"], r["q05"], r["median"], r["q95"]) for r in fan.rows()],
        })  # fmt: skip
    return out


def _returns(con, scope: Scope) -> list[dict]:
    """The figures on returns and deportations whose period meets the range."""
    from torkham.briefing.coverage import returns_figures

    start, end = scope.start.isoformat(), scope.end.isoformat()
    return [
        f for f in returns_figures(con) if (not f["start"] or f["start"] <= end) and (not f["end"] or f["end"] >= start)
    ]


def _kb_events(con, scope: Scope, iso3: str | None, notes: list[str]) -> list[dict]:
    from torkham.store.events import EventFilter, find_events

    chosen = EventFilter(layer="kb", actor_id=scope.actor_id, start=scope.start, end=scope.end)
    events = find_events(con, chosen, limit=None).items
    if iso3:
        kept = [e for e in events if not e.get("country") or e["country"] == iso3]
        notes.append(
            f"Knowledge-base events placed in another country than {iso3} are left out ({len(events) - len(kept)}); "
            "events the paper does not place in a country are kept."
        )
        events = kept
    return events


def _notable(con, backend, selection, scope: Scope) -> list[dict]:
    """The deadliest events of the selection in the range (best estimate), as the event listing gives them."""
    from torkham.analysis.selection import selected
    from torkham.store.events import EventFilter, find_events

    table = selected(backend, selection, scope.start, scope.end)
    top = table.order_by([table.fatalities_best.desc(), table.date_start, table.event_id]).limit(NOTABLE)
    ids = set(top.select("event_id").to_pyarrow().column(0).to_pylist())
    if not ids:
        return []
    chosen = EventFilter(
        layer="data", actor_id=scope.actor_id, dataset=selection.dataset, start=scope.start, end=scope.end
    )
    return [e for e in find_events(con, chosen, limit=None).items if e["event_id"] in ids]


def _headline(trends: list[dict], kb_events: list[dict], data_events: list[dict], scope: Scope) -> dict:
    assessed = [t for t in trends if t["metrics"] and t["metrics"][0]["previous"] is not None]
    lead = assessed[0] if assessed else None
    covered = any(t["covers_range"] for t in trends)
    gaps = [n for t in trends for n in t["notes"]]
    if not trends:
        gaps.append("No event data held for this selection: the briefing rests on the knowledge base alone.")
    elif not covered:
        gaps.insert(0, f"The data held does not cover the whole range {scope.start} to {scope.end}.")
    kinds: dict[str, int] = {}
    for event in kb_events:
        kinds[event["type"]] = kinds.get(event["type"], 0) + 1
    return {
        "verdict": lead["verdict"] if lead else "not assessed",
        "arrow": lead["arrow"] if lead else "–",
        "basis": lead["name"] if lead else None,
        "current": " to ".join(lead["current"]) if lead else None,
        "previous": " to ".join(lead["previous"]) if lead else None,
        "share": lead.get("share") if lead else None,
        "covered": covered,
        "gaps": gaps,
        "kb_count": len(kb_events),
        "kb_kinds": sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[:6],
        "data_count": len(data_events),
    }


def _timeline(kb_events: list[dict], data_events: list[dict], names: dict[str, str], cites: Citations) -> list[dict]:
    out = []
    for e in sorted([*kb_events, *data_events], key=lambda e: (e["date"], e["layer"] != "kb")):
        row = {"date": e["date"], "end_date": e.get("end_date"), "approximate": e.get("approximate", False),
               "type": (e.get("type") or "").replace("_", " "), "title": e["title"], "layer": e["layer"]}  # fmt: skip
        if e["layer"] == "kb":
            row["actors"] = [names.get(a, a) for a in e.get("actors") or []]
            row["cite"] = cites.record(e)
        else:
            row["actors"] = e.get("actor_names") or []
            row["place"] = ", ".join(x for x in (e.get("place"), e.get("admin1"), e.get("country")) if x)
            row["fatalities"] = e["fatalities"]
            row["source"] = f"{e['dataset']} {e['dataset_version']} #{e['event_id']}"
            row["cite"] = cites.event(e["dataset"], e["dataset_version"], e["event_id"], e["title"])
        out.append(row)
    return out


def _actors(con, kb_events: list[dict], data_events: list[dict], scope: Scope, cites: Citations) -> list[dict]:
    from torkham.model.vocabulary import default_vocabulary
    from torkham.store import queries

    ids = {a for e in kb_events + data_events for a in e.get("actors") or []}
    ids |= {scope.actor_id} if scope.actor_id else set()
    vocabulary = default_vocabulary()
    records = queries.records_by_id(con, sorted(ids)).values()
    rows = [
        {"id": r["id"], "name": r["name"], "kind": vocabulary.label("actor_kinds", r["kind"]),
         "aliases": [a["name"] for a in r.get("aliases") or []], "description": r.get("description"), "record": r}
        for r in records
    ]  # fmt: skip
    rows.sort(key=lambda a: (a["kind"], a["name"].lower()))
    for row in rows:
        row["cite"] = cites.record(row.pop("record"))
    return rows
