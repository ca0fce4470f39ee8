"""Figure checks (family `figures`): a figure of the text set against figures of other sources held in the
knowledge base (an agency's count, an estimate), with both definitions side by side. The value is that of
the figure(s) named in `against`; a figure dated outside the check's period, in another unit, or without a
value gives no value — never a zero. Nothing is summed across sources: several figures combine only by
`aggregate` (max, or last: the latest dated)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from torkham.evidence.check_spec import NO_DATA, NOT_COVERED, CheckSpec, Measurement, period_text
from torkham.model.dates import DateError, parse_partial_date

if TYPE_CHECKING:
    import duckdb

    from torkham.analysis._typing import Record

FIGURE_KEYS = ("id", "source", "value", "value_text", "qualifier", "unit", "counts", "period", "country", "quote")


def measure_figures(con: duckdb.DuckDBPyConnection, spec: CheckSpec) -> Measurement:
    from torkham.store import queries

    assert spec.start is not None and spec.end is not None  # a checkable spec
    found = queries.records_by_id(con, [*spec.about, *spec.against])
    stated = found.get(spec.about[0]) if spec.about else None
    against = [found[i] for i in spec.against if i in found]
    sources = queries.records_by_id(con, sorted({str(f.get("source")) for f in [stated, *against] if f}))
    ids = ", ".join(_quote(i) for i in spec.against)
    evidence: Record = {
        "dataset": spec.dataset,
        "versions": sorted({str(f.get("source")) for f in against}),
        "data_covers": _covers(against),
        "licence": None,
        "figures": [_figure(f, spec) for f in against],
        "side_by_side": [_definition(f, "stated", sources) for f in [stated] if f]
        + [_definition(f, "set against", sources) for f in against],
        "secondary": [
            str(f.get("source")) for f in against if (sources.get(str(f.get("source"))) or {}).get("secondary")
        ],
        "query": {
            "description": (
                f"the figures {', '.join(spec.against)} of the knowledge base, set against "
                f"{spec.about[0] if spec.about else '?'} ({_how(spec.aggregate)})"
            ),
            "sql": (
                "SELECT id, value, value_text, qualifier, unit, counts, period_from, period_to, country "
                f"FROM kb_figures WHERE id IN ({ids}) ORDER BY period_to, id"
            ),
            "listing": f"SELECT id, record FROM kb_records WHERE id IN ({ids}) ORDER BY id",
        },
    }
    reasons: list[str] = []
    missing = [i for i in spec.against if i not in found]
    if missing:
        reasons.append(f"{NO_DATA}: the knowledge base holds no figure {', '.join(missing)}")
    for figure in against:
        reasons += _figure_reasons(figure, spec, stated)
    values = [f.get("value") for f in against]
    value: int | None = None
    if against and not reasons and all(isinstance(v, (int, float)) for v in values):
        value = _combine(against, spec.aggregate)
    evidence["value"] = value
    return Measurement(value, reasons, evidence)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _how(aggregate: str | None) -> str:
    if aggregate == "max":
        return "the highest of them"
    if aggregate == "last":
        return "the latest dated of them"
    return "its value"


def _figure_period(figure: Record) -> tuple[date, date] | None:
    period = figure.get("period") or {}
    try:
        if "as_of" in period:
            day = parse_partial_date(period["as_of"])
            return day.first_day, day.last_day
        if "from" in period and "to" in period:
            return parse_partial_date(period["from"]).first_day, parse_partial_date(period["to"]).last_day
    except (DateError, TypeError):
        return None
    return None


def _covers(figures: list[Record]) -> list[str] | None:
    spans = [s for f in figures if (s := _figure_period(f)) is not None]
    if not spans:
        return None
    return [min(a for a, _ in spans).isoformat(), max(b for _, b in spans).isoformat()]


def _figure(figure: Record, spec: CheckSpec) -> Record:
    out = {k: figure.get(k) for k in FIGURE_KEYS}
    span = _figure_period(figure)
    out["dated"] = period_text(*span) if span else None
    out["in_period"] = bool(span and spec.start and spec.end and spec.start <= span[0] and span[1] <= spec.end)
    return out


def _definition(figure: Record, role: str, sources: dict[str, Record]) -> Record:
    """One figure as the verdict shows it beside the other: what it counts, when, who says so, the quote;
    a secondary source (a page relaying another organisation's document) is flagged."""
    span = _figure_period(figure)
    source = sources.get(str(figure.get("source"))) or {}
    return {
        "role": role,
        "id": figure.get("id"),
        "source": figure.get("source"),
        "publisher": source.get("publisher") or ", ".join(source.get("authors") or []) or None,
        "published": source.get("date"),
        "secondary": bool(source.get("secondary")),
        "relays": source.get("relays"),
        "counts": figure.get("counts"),
        "value": figure.get("value"),
        "value_text": figure.get("value_text"),
        "qualifier": figure.get("qualifier"),
        "unit": figure.get("unit"),
        "dated": period_text(*span) if span else "undated",
        "quote": figure.get("quote"),
    }


def _figure_reasons(figure: Record, spec: CheckSpec, stated: Record | None) -> list[str]:
    assert spec.start is not None and spec.end is not None  # a checkable spec
    fid = figure.get("id")
    if "value_text" not in figure:
        return [f"{NO_DATA}: {fid} is not a figure"]
    if not isinstance(figure.get("value"), (int, float)):
        return [f"{NO_DATA}: the figure {fid} states no number ('{figure.get('value_text')}')"]
    if stated is not None and stated.get("unit") and figure.get("unit") != stated.get("unit"):
        return [
            f"{NO_DATA}: the figure {fid} counts in {figure.get('unit')}, the stated figure in {stated.get('unit')}"
        ]
    span = _figure_period(figure)
    if span is None:
        return [f"{NOT_COVERED}: the figure {fid} is undated; the check's period is {spec.period_text}"]
    if not (spec.start <= span[0] and span[1] <= spec.end):
        return [f"{NOT_COVERED}: the figure {fid} is dated {period_text(*span)}, outside the period {spec.period_text}"]
    return []


def _combine(figures: list[Record], aggregate: str | None) -> int:
    if len(figures) == 1 or aggregate == "last":
        latest = max(figures, key=lambda f: (_figure_period(f) or (date.min, date.min))[1])
        return int(latest["value"])
    return int(max(f["value"] for f in figures))
