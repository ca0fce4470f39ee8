"""Charts of several quantities that never share an axis: small multiples (one panel per quantity, each
with its own y axis, stacked over one shared x axis) and stacked bars (parts of one quantity, e.g. deaths
by dyad, with the rest as "other"). A period no data covers is a hatched gap in every panel, never 0.

    panels_chart("series-ucdp-ged", "TTP in UCDP GED", "Source: …", ["2020", "2021"],
                 [Panel("Events", "events per year", [80, 119]), Panel("Deaths", "deaths per year", [300, 448])])"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from torkham.web.render.charts import HATCH_COLOUR, LEFT, NO_DATA, RIGHT, WIDTH, Chart, _open, _short, _source_text
from torkham.web.render.svg import PALETTE, esc, fmt, markup, nice_ceiling, num

TOP = 44  # title and subtitle
PANEL_H = 120  # the plot of one panel
PANEL_GAP = 34  # between panels: the next panel's label
AXIS_H = 22  # the shared x labels under the last panel
OTHER_COLOUR = "#8a949c"


@dataclass(frozen=True)
class Panel:
    label: str  # the quantity: "Events"
    unit: str  # its unit: "events per year"
    values: list[float | None]  # one per period; None: no data covers it (a gap)


def panels_chart(
    chart_id: str,
    title: str,
    source: str,
    x_labels: list[str],
    panels: list[Panel],
    source_href: str | None = None,
    notes: list[str] | None = None,
) -> Chart:
    """One panel per quantity, each with its own y axis from 0, over the shared periods `x_labels`."""
    for panel in panels:
        if len(panel.values) != len(x_labels):
            raise ValueError(f"panel {panel.label!r} has {len(panel.values)} values for {len(x_labels)} periods")
    height = TOP + len(panels) * (PANEL_H + PANEL_GAP) + AXIS_H + 40
    slot = (WIDTH - LEFT - RIGHT) / max(len(x_labels), 1)
    parts = [_open(chart_id, title, height), _heading(title, "one panel per quantity, each on its own axis")]
    if any(v is None for p in panels for v in p.values):
        parts.append(_pattern(chart_id))
    for index, panel in enumerate(panels):
        y0 = TOP + PANEL_GAP + index * (PANEL_H + PANEL_GAP)
        parts += _panel(chart_id, index, panel, x_labels, y0, slot)
    baseline = TOP + len(panels) * (PANEL_H + PANEL_GAP)
    parts += _x_labels(x_labels, baseline, lambda i: LEFT + slot * (i + 0.5))
    if any(v is None for p in panels for v in p.values):
        parts.append(_no_data_key(chart_id, baseline + AXIS_H + 14))
    parts.append(_source_text(source, height - 6))
    parts.append("</svg>")
    columns = ["Period", *(f"{p.label} ({p.unit})" for p in panels)]
    rows = [[x, *(p.values[i] for p in panels)] for i, x in enumerate(x_labels)]
    unit = " · ".join(p.unit for p in panels)
    return Chart(chart_id, title, unit, source, markup("".join(parts)), columns, rows, source_href, notes or [])


def stacked_chart(
    chart_id: str,
    title: str,
    unit: str,
    source: str,
    x_labels: list[str],
    layers: list[tuple[str, list[int | None]]],
    source_href: str | None = None,
    notes: list[str] | None = None,
) -> Chart:
    """Bars of one quantity per period, split into `layers` (label, values) stacked in order; the last
    layer named "other" is grey. A period where every layer is None is a hatched gap (not covered)."""
    for label, values in layers:
        if len(values) != len(x_labels):
            raise ValueError(f"layer {label!r} has {len(values)} values for {len(x_labels)} periods")
    totals = [_total([values[i] for _, values in layers]) for i in range(len(x_labels))]
    top, step = nice_ceiling(max((t for t in totals if t is not None), default=0))
    legend_rows = (len(layers) + 1) // 2 + 1
    height = TOP + PANEL_H * 2 + AXIS_H + 16 * legend_rows + 30
    y0, plot_h = TOP + 8, PANEL_H * 2
    slot = (WIDTH - LEFT - RIGHT) / max(len(x_labels), 1)
    colours = [_colour(i, label) for i, (label, _) in enumerate(layers)]
    parts = [_open(chart_id, title, height), _heading(title, unit)]
    parts += _y_axis(top, step, y0, plot_h)
    if any(t is None for t in totals):
        parts.append(_pattern(chart_id))
    parts += _gaps(chart_id, [i for i, t in enumerate(totals) if t is None], x_labels, y0, plot_h, slot)
    for i, x_label in enumerate(x_labels):
        base = 0.0
        for (label, values), colour in zip(layers, colours, strict=True):
            value = values[i]
            if not value:
                continue
            y_top, y_bottom = _y(base + value, top, y0, plot_h), _y(base, top, y0, plot_h)
            parts.append(
                f'<rect class="part" x="{num(LEFT + slot * i + slot * 0.1)}" y="{num(y_top)}" width="{num(slot * 0.8)}" '
                f'height="{num(y_bottom - y_top)}" fill="{colour}"><title>{esc(x_label)}, {esc(label)}: {fmt(value)} '
                f"{esc(unit)}</title></rect>"
            )
            base += value
    parts += _x_labels(x_labels, y0 + plot_h, lambda i: LEFT + slot * (i + 0.5))
    parts += _stack_legend(chart_id, [label for label, _ in layers], colours, y0 + plot_h + AXIS_H + 14,
                           any(t is None for t in totals))  # fmt: skip
    parts.append(_source_text(source, height - 6))
    parts.append("</svg>")
    columns = ["Period", *(label for label, _ in layers), "Total"]
    rows = [[x, *(values[i] for _, values in layers), totals[i]] for i, x in enumerate(x_labels)]
    return Chart(chart_id, title, unit, source, markup("".join(parts)), columns, rows, source_href, notes or [])


def _total(values: list[int | None]) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def _colour(index: int, label: str) -> str:
    return OTHER_COLOUR if label == "other" else PALETTE[index % (len(PALETTE) - 1)]


def _heading(title: str, subtitle: str) -> str:
    return (
        f'<text x="{LEFT - 48}" y="18" font-size="14" font-weight="600">{esc(_short(title, 68))}</text>'
        f'<text x="{LEFT - 48}" y="33" fill="#5b6770">{esc(subtitle)}</text>'
    )


def _y(value: float, top: float, y0: float, plot_h: float) -> float:
    return y0 + plot_h - plot_h * value / top


def _y_axis(top: float, step: float, y0: float, plot_h: float) -> list[str]:
    parts = ['<g class="y-axis">']
    tick = 0.0
    while tick <= top + 1e-9:
        y = num(_y(tick, top, y0, plot_h))
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="#d5dbe0"/>'
            f'<text x="{LEFT - 6}" y="{y}" dy="4" text-anchor="end">{fmt(tick)}</text>'
        )
        tick += step
    parts.append("</g>")
    return parts


def _panel(chart_id: str, index: int, panel: Panel, x_labels: list[str], y0: float, slot: float) -> list[str]:
    """One quantity: its name and unit, its own y axis, its bars; gaps hatched."""
    top, step = nice_ceiling(max((v for v in panel.values if v is not None), default=0))
    colour = PALETTE[index % len(PALETTE)]
    parts = [
        f'<g class="panel" data-quantity="{esc(panel.label)}" data-axis-top="{fmt(top)}">',
        f'<text class="panel-label" x="{LEFT - 48}" y="{num(y0 - 10)}" font-weight="600">{esc(panel.label)} '
        f'<tspan fill="#5b6770" font-weight="400">({esc(panel.unit)})</tspan></text>',
        *_y_axis(top, step, y0, PANEL_H),
        *_gaps(chart_id, [i for i, v in enumerate(panel.values) if v is None], x_labels, y0, PANEL_H, slot),
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y0 + PANEL_H}" y2="{y0 + PANEL_H}" stroke="#5b6770"/>',
    ]
    for i, value in enumerate(panel.values):
        if value is None:
            continue
        y = _y(value, top, y0, PANEL_H)
        parts.append(
            f'<rect class="bar" x="{num(LEFT + slot * i + slot * 0.1)}" y="{num(y)}" width="{num(slot * 0.8)}" '
            f'height="{num(y0 + PANEL_H - y)}" fill="{colour}"><title>{esc(x_labels[i])}: {fmt(value)} '
            f"{esc(panel.unit)}</title></rect>"
        )
    parts.append("</g>")
    return parts


def _x_labels(labels: list[str], baseline: float, x_at: Callable[[int], float]) -> list[str]:
    every = max(1, round(len(labels) / 8))
    parts = ['<g class="x-axis">']
    for i in range(0, len(labels), every):
        x = num(x_at(i))
        parts.append(
            f'<line x1="{x}" x2="{x}" y1="{num(baseline)}" y2="{num(baseline + 4)}" stroke="#5b6770"/>'
            f'<text x="{x}" y="{num(baseline + 16)}" text-anchor="middle">{esc(labels[i])}</text>'
        )
    parts.append("</g>")
    return parts


def _pattern(chart_id: str) -> str:
    return (
        f'<defs><pattern id="{esc(chart_id)}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3f4f5"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH_COLOUR}" stroke-width="1.5"/></pattern></defs>'
    )


def _gaps(chart_id: str, gaps: list[int], labels: list[str], y0: float, plot_h: float, slot: float) -> list[str]:
    if not gaps:
        return []
    parts = ['<g class="no-data">']  # the pattern (_pattern) is defined once per chart
    for i in gaps:
        parts.append(
            f'<rect class="gap" data-period="{esc(labels[i])}" x="{num(LEFT + slot * i)}" y="{num(y0)}" '
            f'width="{num(max(slot, 1))}" height="{num(plot_h)}" fill="url(#{esc(chart_id)}-hatch)">'
            f"<title>{esc(labels[i])}: no data covers this period (unknown, not 0)</title></rect>"
        )
    parts.append("</g>")
    return parts


def _no_data_key(chart_id: str, y: float) -> str:
    return (
        f'<g class="legend-no-data"><rect x="{LEFT}" y="{num(y - 10)}" width="12" height="10" '
        f'fill="url(#{esc(chart_id)}-hatch)" stroke="{HATCH_COLOUR}" stroke-width="0.5"/>'
        f'<text x="{LEFT + 16}" y="{num(y)}">{NO_DATA}</text></g>'
    )


def _stack_legend(chart_id: str, labels: list[str], colours: list[str], y: float, gaps: bool) -> list[str]:
    """Two columns of swatches, in stack order (bottom first), then the hatched key when a period is a gap."""
    parts = ['<g class="legend">']
    column_w = (WIDTH - LEFT - RIGHT) / 2
    for i, (label, colour) in enumerate(zip(labels, colours, strict=True)):
        x, row_y = LEFT + column_w * (i % 2), y + 16 * (i // 2)
        parts.append(
            f'<rect x="{num(x)}" y="{num(row_y - 9)}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{num(x + 14)}" y="{num(row_y)}">{esc(_short(label, 44))}</text>'
        )
    parts.append("</g>")
    if gaps:
        parts.append(_no_data_key(chart_id, y + 16 * ((len(labels) + 1) // 2)))
    return parts
