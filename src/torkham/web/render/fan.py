"""Fan charts as inline SVG (as render/charts.py draws its charts): the recent history, the model's median
with its 50% and 90% bands, the baselines' medians as thin dashed lines, title, unit, legend and source line.
Draws a torkham.forecast.fan.Fan; every value is also in the page's data table."""

from __future__ import annotations

from datetime import date

from torkham.forecast.fan import BAND_LABELS, Fan
from torkham.forecast.history import month_label
from torkham.web.render.svg import PALETTE, esc, fmt, markup, nice_ceiling, num

WIDTH, HEIGHT = 640, 360
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 44, 118  # y labels, title, x labels + legend (three rows) + source line
MODEL, HISTORY = PALETTE[0], "#333333"
BASELINE_COLOURS = {"conflictology": PALETTE[1], "rolling_nb": PALETTE[2], "persistence": PALETTE[3], "zero": "#8a949c"}


def fan_svg(fan: Fan, chart_id: str):
    """The fan of one series as a Markup <svg>."""
    months = [*fan.history_months, *fan.months]
    index = {m: i for i, m in enumerate(months)}
    top, step = nice_ceiling(fan.top)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    count = max(len(months), 2)

    def x_at(month: date) -> float:
        return LEFT + plot_w * index[month] / (count - 1)

    def y_at(value: float) -> float:
        return TOP + plot_h - plot_h * min(value, top) / top

    def points(pairs: list[tuple[date, float]]) -> str:
        return " ".join(f"{num(x_at(m))},{num(y_at(v))}" for m, v in pairs)

    last = fan.history_values[-1] if fan.history_values else 0.0
    ahead = [fan.origin, *fan.months]

    def anchored(values: tuple[float, ...]) -> list[tuple[date, float]]:
        return list(zip(ahead, [last, *values], strict=True))

    def band(low: tuple[float, ...], high: tuple[float, ...], opacity: str, label: str, css: str) -> str:
        outline = anchored(high) + anchored(low)[::-1]
        return (f'<polygon class="{css}" points="{points(outline)}" fill="{MODEL}" fill-opacity="{opacity}">'
                f"<title>{esc(label)}</title></polygon>")  # fmt: skip

    title = fan.title
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" class="chart-svg fan-svg" '
        f'aria-labelledby="{esc(chart_id)}-title" font-size="11" font-family="system-ui, sans-serif">'
        f'<title id="{esc(chart_id)}-title">{esc(title)}</title>'
        f'<text x="8" y="18" font-size="14" font-weight="600">{esc(title)}</text>'
        f'<text x="8" y="34" fill="#5b6770">{esc(fan.unit)}</text>'
    ]
    tick = 0.0
    while tick <= top + 1e-9:
        y = num(y_at(tick))
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}" stroke="#d5dbe0"/>'
                     f'<text x="{LEFT - 6}" y="{y}" dy="4" text-anchor="end">{fmt(tick)}</text>')  # fmt: skip
        tick += step
    baseline = TOP + plot_h
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{baseline}" y2="{baseline}" stroke="#5b6770"/>')
    for month in months:
        near = abs((month.year - fan.origin.year) * 12 + month.month - fan.origin.month) < 4
        if (month.month == 1 and not near) or month == fan.origin:
            x = num(x_at(month))
            label = month_label(month) if month == fan.origin else str(month.year)
            parts.append(f'<line x1="{x}" x2="{x}" y1="{baseline}" y2="{baseline + 4}" stroke="#5b6770"/>'
                         f'<text x="{x}" y="{baseline + 16}" text-anchor="middle">{esc(label)}</text>')  # fmt: skip
    origin_x = num(x_at(fan.origin))
    parts.append(f'<line class="origin" x1="{origin_x}" x2="{origin_x}" y1="{TOP}" y2="{baseline}" stroke="#8a949c" '
                 f'stroke-dasharray="2 3"><title>origin {month_label(fan.origin)}: the last month the forecast saw</title></line>')  # fmt: skip
    parts.append(band(fan.q05, fan.q95, "0.2", BAND_LABELS["90"], "band band-90"))
    parts.append(band(fan.q25, fan.q75, "0.4", BAND_LABELS["50"], "band band-50"))
    history = list(zip(fan.history_months, fan.history_values, strict=True))
    parts.append(f'<polyline class="history" fill="none" stroke="{HISTORY}" stroke-width="1.6" points="{points(history)}">'
                 "<title>observed (UCDP)</title></polyline>")  # fmt: skip
    for name, medians in fan.baselines.items():
        colour = BASELINE_COLOURS.get(name, "#8a949c")
        parts.append(f'<polyline class="baseline" data-name="{esc(name)}" fill="none" stroke="{colour}" stroke-width="1" '
                     f'stroke-dasharray="4 3" points="{points(list(zip(fan.months, medians, strict=True)))}">'
                     f"<title>{esc(name)} median</title></polyline>")  # fmt: skip
    parts.append(f'<polyline class="median" fill="none" stroke="{MODEL}" stroke-width="2.4" '
                 f'points="{points(anchored(fan.median))}"><title>median ({esc(fan.model)})</title></polyline>')  # fmt: skip
    if fan.off_scale:
        parts.append(f'<text class="off-scale" x="{WIDTH - RIGHT}" y="{TOP - 4}" text-anchor="end" fill="#5b6770">'
                     f"↑ {esc(fan.off_scale)}</text>")  # fmt: skip
    entries = [("observed (UCDP)", HISTORY, "line"), (f"median ({fan.model})", MODEL, "line"),
               (BAND_LABELS["50"], MODEL, "0.4"), (BAND_LABELS["90"], MODEL, "0.2"),
               *((f"{name} median", BASELINE_COLOURS.get(name, "#8a949c"), "dash") for name in fan.baselines)]  # fmt: skip
    parts.append('<g class="legend">')
    for i, (label, colour, kind) in enumerate(entries):
        lx, ly = 8 + (i % 3) * 208, baseline + 34 + (i // 3) * 16
        if kind in ("line", "dash"):
            dash = ' stroke-dasharray="4 3"' if kind == "dash" else ""
            parts.append(
                f'<line x1="{lx}" x2="{lx + 14}" y1="{ly - 4}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"{dash}/>'
            )
        else:
            parts.append(f'<rect lx="{lx}" ly="{ly - 9}" width="14" height="9" fill="{colour}" fill-opacity="{kind}"/>')
        parts.append(f'<text lx="{lx + 18}" ly="{ly}">{esc(label)}</text>')
    parts.append("</g>")
    source = fan.source if len(fan.source) <= 125 else fan.source[:124] + "…"
    parts.append(f'<text x="8" y="{HEIGHT - 8}" fill="#5b6770" font-size="10">{esc(source)}</text></svg>')
    return markup("".join(parts))
