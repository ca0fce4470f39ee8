"""Small helpers shared by the SVG drawings: escaping, number formats, nice axis steps, source links."""

from __future__ import annotations

import math
from html import escape
from urllib.parse import quote

from markupsafe import Markup

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def fmt(value: float) -> str:
    """1234 → '1,234'; 2.5 → '2.5'; for axis labels and titles."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def num(value: float) -> str:
    """A coordinate in an SVG attribute: at most one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def nice_step(span: float, ticks: int = 5) -> float:
    """A step of 1, 2, 2.5 or 5 × 10^k that cuts `span` into about `ticks` parts."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def nice_ceiling(value: float, ticks: int = 5) -> tuple[float, float]:
    """(top, step): the axis top at or above `value` on a nice step (at least 1 for counts)."""
    step = nice_step(max(value, 1.0), ticks)
    if step < 1:
        step = 1.0
    return max(step, math.ceil(value / step) * step), step


def source_href(record: dict) -> str:
    """The link from a knowledge record to its passage on the source page: /sources/<source>#record-<id>."""
    return f"/sources/{quote(str(record.get('source', '')))}#record-{quote(str(record.get('id', '')))}"


def markup(text: str) -> Markup:
    return Markup(text)  # noqa: S704 - callers build it from escaped parts only
