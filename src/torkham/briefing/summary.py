"""A one-page situation summary of one country over a range of whole months, in the manner of a CrisisWatch
entry: a verdict, the three events that mattered, the forecast, and what the data do not cover.

The verdict is decided by stated figures only (`RULE`): the deaths (UCDP best estimates) of every month of
the range against those of the same number of months just before it, each month from the first dataset of
the UCDP chain whose coverage holds it (final events, then country totals, then candidate events; see
`briefing.coverage.fatalities_by_country`). Both periods must be wholly covered, else there is no verdict
and the summary names the months no data covers. A rise of 10% or more is "deteriorated", a fall of 10% or
more "improved", anything between "unchanged"; under 5 deaths in both periods is "too few to tell".

The three events (`EVENTS_RULE`): the deadliest dataset event of the range, then the paper's key events of
the range, one per type in the order of `EVENT_PRIORITY`, to three in all, listed by date.

    doc = situation_summary(con, SummaryQuery.parse("Pakistan", "2023-01", "2023-12"))"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from torkham import __version__
from torkham.params import SummaryQuery

FORECAST_MONTHS = 3
THRESHOLD = 10  # percent: the moderate band of analysis.signals.band
MIN_DEATHS = 5  # briefing.trend.MIN_EVENTS: below this in both periods a change says nothing
RULE = (
    "Verdict rule: deaths (UCDP best estimate) in the range against the same number of months just before it, "
    "each month from the first UCDP dataset that covers it; a rise of 10% or more is deteriorated, a fall of 10% "
    "or more improved, anything between unchanged; under 5 deaths in both periods is too few to tell; no verdict "
    "when a month of either period is not covered."
)
EVENT_PRIORITY = (
    "attack", "airstrike", "military_operation", "deportation", "policy", "border_closure", "takeover",
    "withdrawal", "agreement", "ceasefire", "ceasefire_end", "negotiation", "dissolution", "formation",
)  # fmt: skip
EVENTS_RULE = (
    "Events: the deadliest dataset event of the range (best estimate), then the paper's key events of the range, "
    "one per type (violence first, then deportation and policy, border, talks), three in all, by date."
)
NOT_A_PREDICTION = "Forecasts are distributions of what may come, not predictions of events."


def situation_summary(con: Any, query: SummaryQuery) -> dict[str, Any]:
    """The summary as a plain dict for the templates (web page, HTML file, PDF)."""
    from torkham.store.refs import stored_country

    stored = stored_country(con, query.country)  # an error naming `country` when the store has nothing there
    name = stored.names[0] if stored.names else query.country.typed
    verdict, chart, notes = _verdict(con, query, name)
    forecast = _forecast(con, query)
    events, listed = _events(con, query, stored)
    return {
        "title": f"{name}: situation summary",
        "country": name,
        "from": f"{query.start:%Y-%m}",
        "to": f"{query.end:%Y-%m}",
        "verdict": verdict,
        "chart": chart,
        "events": events,
        "events_rule": EVENTS_RULE,
        "forecast": forecast,
        "coverage": _distinct([*notes, *listed]),
        "generated": date.today().isoformat(),
        "version": __version__,
    }


def _distinct(sentences: list[str]) -> list[str]:
    """The sentences once each, leaving out one that another only continues ('… to 2021-12-31; nothing after')."""
    unique = list(dict.fromkeys(sentences))
    return [s for s in unique if not any(t != s and t.startswith(s) for t in unique)]


def _month_key(day: date) -> str:
    return f"{day:%Y-%m}"


def _verdict(con: Any, query: SummaryQuery, name: str) -> tuple[dict[str, Any], str | None, list[str]]:
    from torkham.analysis.signals import band
    from torkham.briefing.coverage import basis_svg, fatalities_by_country
    from torkham.briefing.trend import DIRECTIONS, NOT_ASSESSED, TOO_SMALL, previous_window

    before_first, before_last, length = previous_window(query.start, query.end)
    found = fatalities_by_country(con, before_first, query.end, (name,))
    out: dict[str, Any] = {"verdict": NOT_ASSESSED[0], "arrow": NOT_ASSESSED[1], "rule": RULE, "length": length,
                           "current_period": f"{query.start:%Y-%m} to {query.end:%Y-%m}",
                           "previous_period": f"{before_first:%Y-%m} to {before_last:%Y-%m}",
                           "current": None, "previous": None, "change_pct": None, "reason": None}  # fmt: skip
    if not found:
        out["reason"] = f"no UCDP data on {name} is held, so no verdict is given"
        return out, None, [out["reason"]]
    series = found[0]
    split = _month_key(query.start)
    months = list(zip(series.periods, series.values, series.bases, strict=True))
    now = [(p, v, b) for p, v, b in months if p >= split]
    before = [(p, v, b) for p, v, b in months if p < split]
    out["source"], out["bases"] = series.source, _bases(now, before)
    unknown = [p for p, v, _ in months if v is None]
    if unknown:
        out["reason"] = f"no data covers {_spans(unknown)}, so the two periods cannot be compared"
    else:
        current, previous = sum(v or 0 for _, v, _ in now), sum(v or 0 for _, v, _ in before)
        change, label = band(current, Fraction(previous))
        label = TOO_SMALL if max(current, previous) < MIN_DEATHS else label
        out.update(current=current, previous=previous, band=label,
                   change_pct=None if change is None else round(float(change), 1))  # fmt: skip
        out["verdict"], out["arrow"] = DIRECTIONS[label]
    return out, basis_svg(series, width=640, height=170), list(series.notes)


def _bases(now: list[tuple[str, Any, Any]], before: list[tuple[str, Any, Any]]) -> str:
    from torkham.briefing.coverage import BASIS_LABELS

    def counted(months: list[tuple[str, Any, Any]]) -> str:
        tally: dict[str, int] = {}
        for _, value, basis in months:
            key = "not covered" if value is None else BASIS_LABELS.get(basis or "", basis or "?")
            tally[key] = tally.get(key, 0) + 1
        return ", ".join(f"{k} {n}" for k, n in tally.items())

    return f"range: {counted(now)}; previous period: {counted(before)} (months)"


def _spans(periods: list[str]) -> str:
    """'2024-05 to 2024-12' for consecutive months, joined by commas."""
    runs: list[list[str]] = []
    for p in periods:
        year, month = int(p[:4]), int(p[5:])
        prior = f"{year - (month == 1)}-{12 if month == 1 else month - 1:02d}"
        if runs and runs[-1][-1] == prior:
            runs[-1].append(p)
        else:
            runs.append([p])
    return ", ".join(r[0] if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs)


def _events(con: Any, query: SummaryQuery, stored: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """The three events (see EVENTS_RULE) and the sentences saying what the dataset events cover."""
    from torkham.store.events import EventFilter, find_events
    from torkham.store.listing import listing_coverage
    from torkham.store.queries import records_by_id

    listing = EventFilter(layer="data", country=stored, start=query.start, end=query.end)
    data = find_events(con, listing, limit=None).items
    chosen: list[dict[str, Any]] = []
    deadliest = max(data, key=lambda e: ((e.get("fatalities") or {}).get("best") or 0, e["date"]), default=None)
    if deadliest is not None:
        chosen.append(_data_event(deadliest))
    paper = find_events(con, EventFilter(layer="kb", country=stored, start=query.start, end=query.end),
                        limit=None).items  # fmt: skip
    titles = records_by_id(con, sorted({str(e.get("source")) for e in paper if e.get("source")}))
    for kind in EVENT_PRIORITY:
        if len(chosen) >= 3:
            break
        first = next((e for e in paper if e.get("type") == kind), None)
        if first is not None:
            chosen.append(_paper_event(first, titles.get(str(first.get("source")), {})))
    return sorted(chosen, key=lambda e: (e["date"], e["id"])), list(listing_coverage(con, listing).notes)


def _data_event(event: dict[str, Any]) -> dict[str, Any]:
    deaths = (event.get("fatalities") or {}).get("best")
    status = " (preliminary)" if event.get("dataset_status") == "preliminary" else ""
    where = ", ".join(p for p in (event.get("place"), event.get("admin1")) if p)
    return {
        "id": event["id"], "date": event["date"], "title": f"{event.get('title')}: {deaths} deaths (best estimate)"
        + (f" in {where}" if where else ""), "kind": "deadliest dataset event", "quote": None,
        "source": f"{event.get('dataset')} {event.get('dataset_version')}{status}, event {event.get('event_id')}",
        "href": f"/sources/{event.get('dataset')}:{event.get('dataset_version')}",
    }  # fmt: skip


def _paper_event(event: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    locator = event.get("locator") or {}
    place = ", ".join(f"{k} {locator[k]}" for k in ("section", "page") if locator.get(k))
    title = source.get("title") or event.get("source")
    return {
        "id": event["id"], "date": event["date"], "title": event.get("title"),
        "kind": f"key event in the paper ({str(event.get('type')).replace('_', ' ')})", "quote": event.get("quote"),
        "source": f"{title}{', ' + place if place else ''}",
        "href": f"/sources/{event.get('source')}#record-{event['id']}",
    }  # fmt: skip


def _forecast(con: Any, query: SummaryQuery) -> dict[str, Any]:
    """The next months' median and 90% band from the range's last month; the reason when there is none."""
    from torkham.errors import TorkhamError
    from torkham.forecast.fan import fan_data
    from torkham.forecast.history import month_label
    from torkham.params import ForecastQuery

    try:
        forecast_query = ForecastQuery.parse(query.country.typed, horizon=FORECAST_MONTHS, origin=_month_key(query.end))
        result, fans = fan_data(con, forecast_query)
    except TorkhamError as exc:
        return {"available": False, "reason": f"No forecast from {query.end:%Y-%m}: {exc}.", "note": NOT_A_PREDICTION}
    fan = fans[0]
    rows = [{"month": month_label(m), "median": fan.median[i], "q05": fan.q05[i], "q95": fan.q95[i]}
            for i, m in enumerate(fan.months)]  # fmt: skip
    return {"available": True, "origin": month_label(fan.origin), "model": result.model, "rows": rows,
            "source": fan.source, "note": NOT_A_PREDICTION}  # fmt: skip
