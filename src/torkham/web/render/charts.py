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
NO_DATA = "no data (not covered)"  # the legend of a hatched gap: a period no data covers, not 0
HATCH_COLOUR = "#8a949c"


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
    half = plot_w / (2 * (count - 1)) if count > 1 else plot_w / 2
    gaps = [i for i in range(count) if series and all(values[i] is None for _, values in series)]
    parts += _gaps(chart_id, gaps, lambda i: x_at(i) - half, lambda i: x_at(i) + half, x_labels, plot_h)
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
    if len(series) > 1 or gaps:
        parts += _legend([(label, PALETTE[i % len(PALETTE)]) for i, (label, _) in enumerate(series)], chart_id, gaps)
    parts.append("</svg>")
    rows = [[x, *(values[i] for _, values in series)] for i, x in enumerate(x_labels)]
    columns = ["Period", *(f"{label} ({unit})" for label, _ in series)]
    return Chart(chart_id, title, unit, source, markup("".join(parts)), columns, rows, source_href, notes or [])


def basis_chart(
    chart_id: str,
    title: str,
    unit: str,
    source: str,
    x_labels: list[str],
    values: list[int | None],
    bases: list[str | None],
    basis_labels: dict[str, str],
    source_href: str | None = None,
    notes: list[str] | None = None,
    scale_to: float | None = None,
) -> Chart:
    """Vertical bars, one per period, coloured by what each value rests on (`bases`, labelled by
    `basis_labels`); a None value is a hatched band (no data covers that period), never a bar at 0.
    `scale_to`: the axis reaches at least this value (charts compared side by side on one scale)."""
    if not (len(values) == len(bases) == len(x_labels)):
        raise ValueError(f"{len(values)} values and {len(bases)} bases for {len(x_labels)} periods")
    top, step = nice_ceiling(max([*(v for v in values if v is not None), scale_to or 0]))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = max(len(x_labels), 1)
    slot = plot_w / count

    def x_at(i: int) -> float:
        return LEFT + slot * (i + 0.5)

    def y_at(v: float) -> float:
        return TOP + plot_h - plot_h * v / top

    colours = {basis: PALETTE[i % len(PALETTE)] for i, basis in enumerate(basis_labels)}
    parts = _frame(chart_id, title, unit, source, top, step, y_at)
    gaps = [i for i, v in enumerate(values) if v is None]
    parts += _gaps(chart_id, gaps, lambda i: LEFT + slot * i, lambda i: LEFT + slot * (i + 1), x_labels, plot_h)
    parts += _x_axis(x_labels, x_at)
    for i, (value, basis) in enumerate(zip(values, bases, strict=True)):
        if value is None:
            continue
        colour = colours.get(basis or "", PALETTE[-2])
        y = y_at(value)
        label = basis_labels.get(basis or "", basis or "")
        parts.append(
            f'<rect class="bar basis-{esc(basis or "none")}" x="{num(LEFT + slot * i + slot * 0.1)}" y="{num(y)}" '
            f'width="{num(slot * 0.8)}" height="{num(TOP + plot_h - y)}" fill="{colour}">'
            f"<title>{esc(x_labels[i])}: {fmt(value)} {esc(unit)} ({esc(label)})</title></rect>"
        )
    used = [b for b in basis_labels if b in bases]
    parts += _legend([(basis_labels[b], colours[b]) for b in used], chart_id, gaps)
    parts.append("</svg>")
    rows = [
        [x, v, "no data covers this period" if v is None else basis_labels.get(b or "", b or "")]
        for x, v, b in zip(x_labels, values, bases, strict=True)
    ]
    return Chart(chart_id, title, unit, source, markup("".join(parts)), ["Period", unit, "Basis"], rows, source_href,
                 notes or [])  # fmt: skip


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


def _legend(entries: list[tuple[str, str]], chart_id: str = "", gaps: list[int] | None = None) -> list[str]:
    """(label, colour) entries in a row under the x axis, then the hatched swatch when a period has no data."""
    parts: list[str] = ['<g class="legend">']
    x: float = LEFT
    y = HEIGHT - BOTTOM + 34
    for label, colour in entries:
        shown = _short(label, 28)
        parts.append(
            f'<rect x="{num(x)}" y="{y - 8}" width="12" height="4" fill="{colour}"/>'
            f'<text x="{num(x + 16)}" y="{y}">{esc(shown)}</text>'
        )
        x += 24 + 6.2 * len(shown)
    if gaps:
        parts.append(
            f'<g class="legend-no-data"><rect x="{num(x)}" y="{y - 10}" width="12" height="10" '
            f'fill="url(#{esc(chart_id)}-hatch)" stroke="{HATCH_COLOUR}" stroke-width="0.5"/>'
            f'<text x="{num(x + 16)}" y="{y}">{NO_DATA}</text></g>'
        )
    parts.append("</g>")
    return parts


def _gaps(chart_id: str, gaps: list[int], left, right, labels: list[str], plot_h: float) -> list[str]:
    """A hatched band over each period no data covers (a gap, not a 0), under one pattern."""
    if not gaps:
        return []
    pattern = f"{esc(chart_id)}-hatch"
    parts = [
        f'<defs><pattern id="{pattern}" patternUnits="userSpaceOnUse" width="6" height="6" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3f4f5"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH_COLOUR}" stroke-width="1.5"/></pattern></defs>',
        '<g class="no-data">',
    ]
    for i in gaps:
        x1, x2 = max(LEFT, left(i)), min(WIDTH - RIGHT, right(i))
        parts.append(
            f'<rect class="gap" data-period="{esc(labels[i])}" x="{num(x1)}" y="{TOP}" width="{num(max(x2 - x1, 1))}" '
            f'height="{num(plot_h)}" fill="url(#{pattern})"><title>{esc(labels[i])}: no data covers this period '
            "(unknown, not 0)</title></rect>"
        )
    parts.append("</g>")
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
