"""Line and bar charts as inline SVG: title, axes, unit, source line, and the data as a table.

A chart is drawn on a fixed viewBox and scales with its container (CSS width: 100%); every value is
also in `Chart.rows`, which the template shows as the data-table alternative."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from torkham.web.render.svg import PALETTE, esc, fmt, markup, nice_ceiling, num

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 40, 62  # plot margins: y labels, title, x labels + source line
MARKERS_UP_TO = 60  # points per series; beyond, the line alone (markers would touch)


@dataclass
class Chart:
    chart_id: str
    title: str
    unit: str
    source: str
    svg: Markup
    columns: list[str]
    rows: list[list]
    source_href: str | None = None
    notes: list[str] = field(default_factory=list)


def line_chart(
    chart_id: str,
    title: str,
    unit: str,
    source: str,
    x_labels: list[str],
    series: list[tuple[str, list[float | None]]],
    source_href: str | None = None,
    notes: list[str] | None = None,
) -> Chart:
    """One line per (label, values); values align with `x_labels` (None: no value, the line breaks)."""
    for label, values in series:
        if len(values) != len(x_labels):
            raise ValueError(f"series {label!r} has {len(values)} values for {len(x_labels)} periods")
    top_value = max((v for _, values in series for v in values if v is not None), default=0)
    top, step = nice_ceiling(top_value)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = len(x_labels)

    def x_at(i: int) -> float:
        return LEFT + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y_at(v: float) -> float:
        return TOP + plot_h - plot_h * v / top

    parts = _frame(chart_id, title, unit, source, top, step, y_at)
    parts += _x_axis(x_labels, x_at)
    for index, (label, values) in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        parts.append(f'<g class="series" stroke="{colour}" fill="{colour}"><title>{esc(label)}</title>')
        for run in _runs(values):
            coords = " ".join(f"{num(x_at(i))},{num(y_at(v))}" for i, v in run)
            parts.append(f'<polyline fill="none" stroke-width="2" points="{coords}"/>')
        if count <= MARKERS_UP_TO:
            for i, v in enumerate(values):
                if v is not None:
                    parts.append(
                        f'<circle cx="{num(x_at(i))}" cy="{num(y_at(v))}" r="2.5">'
                        f"<title>{esc(label)}, {esc(x_labels[i])}: {fmt(v)} {esc(unit)}</title></circle>"
                    )
        parts.append("</g>")
    if len(series) > 1:
        parts += _legend([label for label, _ in series])
    parts.append("</svg>")
    rows = [[x, *(values[i] for _, values in series)] for i, x in enumerate(x_labels)]
    columns = ["Period", *(f"{label} ({unit})" for label, _ in series)]
    return Chart(chart_id, title, unit, source, markup("".join(parts)), columns, rows, source_href, notes or [])


def bar_chart(
    chart_id: str,
    title: str,
    unit: str,
    source: str,
    bars: list[tuple[str, float, str | None]],
    source_href: str | None = None,
    notes: list[str] | None = None,
) -> Chart:
    """Horizontal bars (label, value, link or None), in the order given."""
    row_h = 22
    height = TOP + row_h * max(len(bars), 1) + 44
    label_w = 200
    top, step = nice_ceiling(max((v for _, v, _ in bars), default=0))
    plot_w = WIDTH - label_w - RIGHT - 40

    parts = [_open(chart_id, title, height), _title(title, unit)]
    for index, (label, value, href) in enumerate(bars):
        y = TOP + index * row_h
        width = plot_w * value / top if top else 0
        bar = (
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{esc(_short(label, 30))}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{num(width)}" height="{row_h - 6}" fill="{PALETTE[0]}"/>'
            f'<text x="{num(label_w + width + 4)}" y="{y + 15}">{fmt(value)}</text>'
        )
        tip = f"<title>{esc(label)}: {fmt(value)} {esc(unit)}</title>"
        parts.append(f'<a href="{esc(href)}">{tip}{bar}</a>' if href else f"<g>{tip}{bar}</g>")
    parts.append(_source_text(source, height - 8))
    parts.append("</svg>")
    rows = [[label, value] for label, value, _ in bars]
    return Chart(chart_id, title, unit, source, markup("".join(parts)), ["", unit], rows, source_href, notes or [])


def _open(chart_id: str, title: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{esc(chart_id)}-title" class="chart-svg" font-size="11" font-family="system-ui, sans-serif">'
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>'
    )


def _title(title: str, unit: str) -> str:
    return (
        f'<text x="{LEFT - 48}" y="18" font-size="14" font-weight="600">{esc(title)}</text>'
        f'<text x="{LEFT - 48}" y="33" fill="#5b6770">{esc(unit)}</text>'
    )


def _source_text(source: str, y: float) -> str:
    return f'<text x="{LEFT - 48}" y="{y}" fill="#5b6770" font-size="10">{esc(_short(source, 120))}</text>'


def _frame(chart_id: str, title: str, unit: str, source: str, top: float, step: float, y_at) -> list[str]:
    parts = [_open(chart_id, title, HEIGHT), _title(title, unit)]
    tick = 0.0
    while tick <= top + 1e-9:
        y = num(y_at(tick))
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="#d5dbe0"/>'
            f'<text x="{LEFT - 6}" y="{y}" dy="4" text-anchor="end">{fmt(tick)}</text>'
        )
        tick += step
    parts.append(_source_text(source, HEIGHT - 8))
    return parts


def _x_axis(labels: list[str], x_at) -> list[str]:
    if not labels:
        return []
    every = max(1, round(len(labels) / 8))
    baseline = HEIGHT - BOTTOM
    parts = [f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{baseline}" y2="{baseline}" stroke="#5b6770"/>']
    for i in range(0, len(labels), every):
        x = num(x_at(i))
        parts.append(
            f'<line x1="{x}" x2="{x}" y1="{baseline}" y2="{baseline + 4}" stroke="#5b6770"/>'
            f'<text x="{x}" y="{baseline + 16}" text-anchor="middle">{esc(labels[i])}</text>'
        )
    return parts


def _legend(labels: list[str]) -> list[str]:
    parts: list[str] = []
    x: float = LEFT
    y = HEIGHT - BOTTOM + 34
    for index, label in enumerate(labels):
        colour = PALETTE[index % len(PALETTE)]
        shown = _short(label, 28)
        parts.append(
            f'<rect x="{x}" y="{y - 8}" width="12" height="4" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{y}">{esc(shown)}</text>'
        )
        x += 24 + 6.2 * len(shown)
    return parts


def _runs(values: list[float | None]) -> list[list[tuple[int, float]]]:
    """(index, value) of the consecutive non-empty values: each run is one polyline."""
    runs: list[list[tuple[int, float]]] = []
    current: list[tuple[int, float]] = []
    for i, v in enumerate(values):
        if v is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append((i, v))
    if current:
        runs.append(current)
    return runs


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
