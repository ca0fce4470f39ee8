"""What the overview page and the briefing show over time, with what covers it: the monthly deaths per
country from the first dataset of the UCDP chain that covers each month (a month none covers is None,
never 0), and the dated figures on Afghan returns and deportations from the UN/IOM reports (and the two
news reports that relay them), each with its source.

    fatalities_by_country(con, date(2021, 8, 1), date(2024, 4, 30))  # [CountrySeries, ...]
    returns_figures(con)                                             # [{id, value_text, counts, ...}]"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

COUNTRIES = ("Afghanistan", "Pakistan")
OVERVIEW_START, OVERVIEW_END = date(2021, 8, 1), date(2024, 4, 30)  # the Taliban takeover to the paper
BASIS_LABELS = {
    "events": "final events (UCDP GED)",
    "aggregate": "country totals (UCDP country-month)",
    "candidate": "candidate events (preliminary)",
    "mixed": "mixed (events and totals)",
}
PAPER_KINDS = ("paper",)  # figures of these sources are the paper's own, shown elsewhere
QUALIFIERS = {"less_than": "less than", "more_than": "more than", "approximately": "about", "nearly": "nearly",
              "at_least": "at least", "at_most": "at most", "exact": ""}  # fmt: skip


@dataclass
class CountrySeries:
    country: str
    periods: list[str]
    values: list[int | None]  # None: no data covers the month (unknown, not 0)
    bases: list[str | None]
    source: str
    notes: list[str]  # the coverage sentences and what the bases mean
    versions: dict[str, list[str]]
    json: dict[str, Any]

    @property
    def unknown(self) -> list[str]:
        return [p for p, v in zip(self.periods, self.values, strict=True) if v is None]

    @property
    def by_basis(self) -> dict[str, int]:
        """Months per basis (and 'no data')."""
        out: dict[str, int] = {}
        for value, basis in zip(self.values, self.bases, strict=True):
            key = "no data" if value is None else (basis or "?")
            out[key] = out.get(key, 0) + 1
        return out


def fatalities_by_country(
    con: Any, start: date = OVERVIEW_START, end: date = OVERVIEW_END, countries: tuple[str, ...] = COUNTRIES
) -> list[CountrySeries]:
    """Deaths (best estimate) per month for each country held, each month on its basis."""
    from torkham.analysis.selection import select
    from torkham.analysis.series import compute_series
    from torkham.errors import TorkhamError
    from torkham.params import DataSelection

    out = []
    for country in countries:
        try:
            backend, selection = select(con, DataSelection.parse(country=country))
            series = compute_series(backend, selection, by="month", metric="fatalities", start=start, end=end, window=1)
        except TorkhamError:  # no data of this country held
            continue
        points = series.points
        out.append(
            CountrySeries(
                (selection.country_label or country).split(" (")[0],  # "Pakistan", however it was typed
                [p.period for p in points],
                [p.value for p in points],
                [p.basis for p in points],
                series.source_line,
                list(series.notes),
                series.versions,
                series.to_json(),
            )  # fmt: skip
        )
    return out


def qualified(figure: dict[str, Any]) -> str:
    """'more than 758,000' from the value and its qualifier (the figure's own text when it has one)."""
    if figure.get("value_text"):
        return str(figure["value_text"])
    word = QUALIFIERS.get(str(figure.get("qualifier") or "exact"), str(figure.get("qualifier") or ""))
    value = figure.get("value")
    shown = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{word} {shown}".strip()


def period_text(period: dict[str, Any] | None) -> str:
    period = period or {}
    if period.get("as_of"):
        return f"as of {period['as_of']}"
    first, last = period.get("from"), period.get("to")
    if first and first == last:
        return str(first)
    if first or last:
        return f"{first or '…'} to {last or '…'}"
    return "undated"


def returns_figures(con: Any) -> list[dict[str, Any]]:
    """The figures on people returned, deported, arrested or assisted, from the reports held (not the
    paper's own figures), by the end of their period then start: value with its qualifier, what it counts,
    period, publisher, whether the source only relays another (secondary), and the source's link."""
    from torkham.store.queries import figures, records_by_id

    found = [f for f in figures(con, unit="person")]
    sources = records_by_id(con, sorted({str(f.get("source")) for f in found if f.get("source")}))
    out = []
    for figure in found:
        source = sources.get(str(figure.get("source")), {})
        if not source or source.get("kind") in PAPER_KINDS:
            continue
        period = figure.get("period") or {}
        out.append({
            "id": figure["id"], "value": figure.get("value"), "value_text": qualified(figure),
            "qualifier": figure.get("qualifier"), "counts": figure.get("counts"), "period": period,
            "period_text": period_text(period), "country": figure.get("country"),
            "end": str(period.get("to") or period.get("as_of") or period.get("from") or ""),
            "start": str(period.get("from") or period.get("as_of") or ""),
            "source": source.get("id"), "source_title": source.get("title"), "publisher": source.get("publisher"),
            "source_date": source.get("date"), "url": source.get("url"), "secondary": bool(source.get("secondary")),
            "relays": source.get("relays"), "quote": figure.get("quote"),
        })  # fmt: skip
    out.sort(key=lambda f: (f["end"], f["start"], f["id"]))
    return out


BASIS_COLOURS = {"events": "#0072B2", "aggregate": "#D55E00", "candidate": "#009E73", "mixed": "#CC79A7"}


def basis_svg(found: CountrySeries, width: int = 640, height: int = 220) -> str:
    """The monthly deaths of one country as an SVG bar chart for the briefing: a bar per month coloured by
    its basis, a hatched band where no data covers the month (never a bar at 0), and the legend."""
    from html import escape

    left, right, top, bottom = 52, 10, 14, 58
    plot_w, plot_h = width - left - right, height - top - bottom
    highest = max((v for v in found.values if v is not None), default=0) or 1
    slot = plot_w / max(len(found.values), 1)
    pid = f"hatch-{escape(found.country.lower())}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="basis-chart" '
        f'font-family="sans-serif" font-size="9" role="img" aria-label="{escape(found.country)}: deaths per month">',
        f'<defs><pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
        '<rect width="6" height="6" fill="#f3f4f5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a949c" '
        'stroke-width="1.5"/></pattern></defs>',
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#5b6770"/>',
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{highest:,}</text>',
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end">0</text>',
    ]
    every = max(1, round(len(found.periods) / 8))
    for i, (period, value, basis) in enumerate(zip(found.periods, found.values, found.bases, strict=True)):
        x = left + slot * i
        if value is None:
            parts.append(f'<rect class="gap" x="{x:.1f}" y="{top}" width="{slot:.1f}" height="{plot_h}" '
                         f'fill="url(#{pid})"><title>{period}: no data covers this month</title></rect>')  # fmt: skip
        else:
            h = plot_h * value / highest
            colour = BASIS_COLOURS.get(basis or "", "#000000")
            parts.append(f'<rect class="bar basis-{basis}" x="{x + slot * 0.1:.1f}" y="{top + plot_h - h:.1f}" '
                         f'width="{slot * 0.8:.1f}" height="{h:.1f}" fill="{colour}"><title>{period}: {value:,}'
                         f"</title></rect>")  # fmt: skip
        if i % every == 0:
            parts.append(f'<text x="{x + slot / 2:.1f}" y="{top + plot_h + 12}" text-anchor="middle">{period}</text>')
    x = float(left)
    shown = [b for b in BASIS_LABELS if b in found.bases]
    entries = [(BASIS_COLOURS[b], BASIS_LABELS[b]) for b in shown]
    if any(v is None for v in found.values):
        entries.append((f"url(#{pid})", "no data (not covered)"))
    for colour, label in entries:
        parts.append(f'<rect x="{x:.1f}" y="{height - 30}" width="10" height="8" fill="{colour}" stroke="#8a949c" '
                     f'stroke-width="0.3"/><text x="{x + 13:.1f}" y="{height - 23}">{escape(label)}</text>')  # fmt: skip
        x += 24 + 4.6 * len(label)
    parts.append("</svg>")
    return "".join(parts)
