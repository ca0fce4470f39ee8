"""The province map: a choropleth of events by admin-1 with the events' locations as points, drawn from
the bundled boundaries. The projected, simplified outlines are computed once per process and boundary
set; a request only chooses colours, links and points."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from markupsafe import Markup

from torkham.geo.admin1 import BoundarySet, Placement, load_crosswalk
from torkham.geo.boundaries import COUNTRIES_FILE, load_features
from torkham.geo.figures import fixed_bounds
from torkham.web.render.geometry import Projection, bounding_box, clip_ring, path_data, projection_for, simplify
from torkham.web.render.svg import esc, fmt, markup, nice_step, num

WIDTH = 1000
TOLERANCE = 0.7  # SVG units (≈ pixels at full width) a simplified outline may stray from the original
FOCUS_COUNTRIES = ("AFG", "PAK")  # drawn with a heavier border; the view is their provinces' extent
CELL = 5  # points closer than this (SVG units) are drawn as one circle sized by their events
NO_EVENTS = "#eef1f3"
NO_DATA = "url(#no-data)"  # a province of a country no data covers for the range: hatched, never a 0
NO_DATA_LABEL = "no data (not covered)"
ISO2_TO_ISO3 = {"AF": "AFG", "PK": "PAK", "IR": "IRN", "IN": "IND", "CN": "CHN", "TJ": "TJK", "TM": "TKM", "UZ": "UZB"}
NO_DATA_PATTERN = (
    '<defs><pattern id="no-data" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#d9dde1"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9aa5ad" stroke-width="2"/>'
    "</pattern></defs>"
)
CLASS_COLOURS = ("#fde0c5", "#facba6", "#f59e72", "#e8674a", "#c0392b", "#7f1d1d")


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    d: str  # SVG path data


@dataclass(frozen=True)
class BaseMap:
    key: str
    projection: Projection
    countries: tuple[Shape, ...]
    provinces: tuple[Shape, ...]

    def names(self) -> dict[str, str]:
        return {s.code: s.name for s in self.provinces}


@dataclass
class MapDrawing:
    svg: Markup
    legend: list[tuple[str, str]]  # (colour, label)
    rows: list[dict]  # per province drawn: code, name, count, names, href
    points_drawn: int
    points_outside: int


@lru_cache(maxsize=4)
def base_map(set_key: str) -> BaseMap:
    boundary_set = load_crosswalk().sets[set_key]
    features = [f for name in boundary_set.files for f in load_features(name)]
    bbox = bounding_box(ring for f in features for polygon in f.polygons for ring in polygon[:1])
    projection = projection_for(bbox, WIDTH)
    provinces = tuple(Shape(f.code, f.name, _outline(f.polygons, projection, clip=False)) for f in features)
    countries = tuple(
        Shape(f.code, f.name, d)
        for f in load_features(COUNTRIES_FILE)
        if (d := _outline(f.polygons, projection, clip=True))
    )
    return BaseMap(set_key, projection, countries, provinces)


def _outline(polygons, projection: Projection, clip: bool) -> str:
    margin = 2.0
    box = (-margin, -margin, projection.width + margin, projection.height + margin)
    rings = []
    for polygon in polygons:
        for ring in polygon:
            projected = [projection.xy(lon, lat) for lon, lat in ring]
            if clip:
                projected = clip_ring(projected, box)
            if len(projected) >= 3:
                rings.append(simplify(projected, TOLERANCE))
    return path_data(rings)


def classes(highest: int, count: int = len(CLASS_COLOURS)) -> list[tuple[int, int | None]]:
    """Class bounds (low, high or None for 'and more') on a log scale up to `highest`, nice numbers, no
    empty duplicates: 3,378 → 1–4, 5–24, 25–99, 100–499, 500+ …"""
    if highest <= 0:
        return []
    bounds = [1]
    for i in range(1, count):
        raw = highest ** (i / count)
        nice = _nice_round(raw)
        if nice > bounds[-1]:
            bounds.append(int(nice))
    return [(low, (bounds[i + 1] - 1) if i + 1 < len(bounds) else None) for i, low in enumerate(bounds)]


def _nice_round(value: float) -> float:
    power = 10 ** math.floor(math.log10(value)) if value >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * power * 1.25:
            return max(1, round(factor * power))
    return 10 * power


def colour_for(count: int, bounds: list[tuple[int, int | None]]) -> str:
    if count <= 0 or not bounds:
        return NO_EVENTS
    index = max(i for i, (low, _) in enumerate(bounds) if count >= low)
    return CLASS_COLOURS[index + len(CLASS_COLOURS) - len(bounds)]


def draw_map(
    base: BaseMap,
    boundary_set: BoundarySet,
    placement: Placement,
    href_for: Callable[[str], str],
    points: list[tuple[float, float, int]] | None = None,
    selected: str | None = None,
    map_id: str = "map",
    unit: str = "events",
    covered: frozenset[str] | None = None,
) -> MapDrawing:
    """The map as SVG: every province a link (href_for(code)) titled with its name and count. With
    `covered` (ISO3 codes of the countries data covers for the range), a province of another country is
    hatched 'no data', not drawn as 0."""
    projection = base.projection
    bounds = fixed_bounds()  # the same classes for every filter (geo.figures)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {num(projection.height)}" role="group" '
        f'aria-labelledby="{map_id}-title" class="map-svg">'
        f'<title id="{map_id}-title">Map: {esc(unit)} by province ({esc(boundary_set.label)})</title>',
        NO_DATA_PATTERN,
        '<rect width="100%" height="100%" fill="#dfe8ee"/>',
        '<g class="countries" fill="#f7f7f4" stroke="#9aa5ad" stroke-width="0.8">',
    ]
    parts += [f'<path d="{s.d}"><title>{esc(s.name)}</title></path>' for s in base.countries]
    parts.append('</g><g class="provinces" stroke="#ffffff" stroke-width="1">')
    rows: list[dict[str, Any]] = []
    any_uncovered = False
    for shape in base.provinces:
        count = placement.counts.get(shape.code, 0)
        uncovered = covered is not None and not count and province_country(shape.code) not in covered
        any_uncovered = any_uncovered or uncovered
        href = href_for(shape.code)
        current = ' aria-current="true" class="selected"' if shape.code == selected else ""
        told = "no data (no dataset covers this range here)" if uncovered else f"{fmt(count)} {esc(unit)}"
        fill = NO_DATA if uncovered else colour_for(count, bounds)
        marked = ' data-no-data="true"' if uncovered else ""
        parts.append(
            f'<a href="{esc(href)}"{current} data-code="{esc(shape.code)}"{marked}>'
            f"<title>{esc(shape.name)}: {told}</title>"
            f'<path d="{shape.d}" fill="{fill}"/></a>'
        )
        rows.append({"code": shape.code, "name": shape.name, "count": None if uncovered else count,
                     "names": placement.names.get(shape.code, []), "href": href})  # fmt: skip
    parts.append('</g><g class="borders" fill="none" stroke="#39444c" stroke-width="1.6" pointer-events="none">')
    parts += [f'<path d="{s.d}"/>' for s in base.countries if s.code in FOCUS_COUNTRIES]
    parts.append("</g>")
    drawn, outside = 0, 0
    if points:
        circles, outside = _point_cells(projection, points)
        drawn = sum(n for _, _, n in circles)
        parts.append('<g class="points" fill="#1d2327" fill-opacity="0.45" stroke="#fff" stroke-width="0.4" '
                     'pointer-events="none">')  # fmt: skip
        parts.append(f'<path d="{_dots_path(circles)}"/>')
        parts.append("</g>")
    parts.append("</svg>")
    rows.sort(key=lambda r: (-(r["count"] or 0), r["count"] is None, r["name"]))
    legend = _legend(bounds, unit) + ([(NO_DATA_SWATCH, NO_DATA_LABEL)] if any_uncovered else [])
    return MapDrawing(markup("".join(parts)), legend, rows, drawn, outside)


NO_DATA_SWATCH = "repeating-linear-gradient(45deg, #d9dde1 0 3px, #9aa5ad 3px 5px)"  # the legend's CSS swatch


def province_country(code: str) -> str:
    """The ISO3 code of the country of a province code ('AF-KAB' -> 'AFG')."""
    prefix = code.split("-", 1)[0].upper()
    return ISO2_TO_ISO3.get(prefix, prefix)


def _point_cells(projection: Projection, points: list[tuple[float, float, int]]) -> tuple[list, int]:
    cells: dict[tuple[int, int], list[float]] = {}
    outside = 0
    for lon, lat, n in points:
        x, y = projection.xy(lon, lat)
        if not projection.contains((x, y)):
            outside += n
            continue
        cell = cells.setdefault((int(x // CELL), int(y // CELL)), [0.0, 0.0, 0])
        cell[0] += x * n
        cell[1] += y * n
        cell[2] += n
    return [(sx / n, sy / n, n) for sx, sy, n in cells.values()], outside


def _dots_path(circles: list[tuple[float, float, int]]) -> str:
    """Every dot as two half-circle arcs of one path: one element instead of one per location (the default map
    has over 700), which the browser parses, styles and lays out several times faster."""
    arcs = []
    for x, y, n in circles:
        r = _radius(n)
        arcs.append(
            f"M{num(x - r)} {num(y)}a{num(r)} {num(r)} 0 1 0 {num(2 * r)} 0a{num(r)} {num(r)} 0 1 0 {num(-2 * r)} 0"
        )
    return "".join(arcs)


def _radius(events: int) -> float:
    return min(1.6 + 1.1 * math.sqrt(events), 18.0)


def _legend(bounds: list[tuple[int, int | None]], unit: str) -> list[tuple[str, str]]:
    legend = [(NO_EVENTS, f"no {unit}")]
    for low, high in bounds:
        label = f"{fmt(low)} or more" if high is None else (fmt(low) if high == low else f"{fmt(low)}–{fmt(high)}")
        legend.append((colour_for(low, bounds), label))
    return legend


def point_legend_sizes(highest: int) -> list[tuple[int, float]]:
    """Example circle sizes for the legend: (events, radius)."""
    step = nice_step(max(highest, 1), 2)
    return [(n, _radius(n)) for n in sorted({1, int(step), int(max(highest, 1))})]
