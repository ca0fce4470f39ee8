"""Plane geometry for the maps: an equirectangular projection, line simplification, rectangle clipping
and compact SVG path data."""

from __future__ import annotations

import math
from dataclasses import dataclass

Point = tuple[float, float]


@dataclass(frozen=True)
class Projection:
    """Equirectangular with the x axis shrunk by cos(middle latitude): shapes keep their proportions
    near the middle of the map (the region spans 15° of latitude, so the error stays small)."""

    lon_min: float
    lat_max: float
    scale: float  # SVG units per degree of latitude
    x_factor: float  # cos(middle latitude)
    width: float
    height: float

    def xy(self, lon: float, lat: float) -> Point:
        return (lon - self.lon_min) * self.scale * self.x_factor, (self.lat_max - lat) * self.scale

    def contains(self, point: Point) -> bool:
        return 0 <= point[0] <= self.width and 0 <= point[1] <= self.height


def projection_for(bbox: tuple[float, float, float, float], width: float, pad: float = 0.3) -> Projection:
    """A projection of `bbox` (lon_min, lat_min, lon_max, lat_max, padded by `pad` degrees) `width` units wide."""
    lon_min, lat_min, lon_max, lat_max = bbox[0] - pad, bbox[1] - pad, bbox[2] + pad, bbox[3] + pad
    x_factor = math.cos(math.radians((lat_min + lat_max) / 2))
    scale = width / ((lon_max - lon_min) * x_factor)
    return Projection(lon_min, lat_max, scale, x_factor, width, round((lat_max - lat_min) * scale, 1))


def bounding_box(rings) -> tuple[float, float, float, float]:
    rings = list(rings)
    xs = [p[0] for ring in rings for p in ring]
    ys = [p[1] for ring in rings for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker: drop the points closer than `tolerance` to the line their neighbours keep."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        ax, ay = points[first]
        bx, by = points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / length if length else math.hypot(px - ax, py - ay)
            if d > distance:
                farthest, distance = i, d
        if farthest >= 0:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def clip_ring(ring: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland–Hodgman: the part of a closed ring inside the rectangle (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _at_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _at_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _at_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _at_y(a, b, y1)),
    )
    output = list(ring)
    for inside, cross in edges:
        if not output:
            break
        source, output = output, []
        previous = source[-1]
        for point in source:
            if inside(point):
                if not inside(previous):
                    output.append(cross(previous, point))
                output.append(point)
            elif inside(previous):
                output.append(cross(previous, point))
            previous = point
    return output


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def path_data(rings: list[list[Point]]) -> str:
    """SVG path data on a whole-unit grid, relative moves (short): 'M12 40l3-1 2 0…z' per ring."""
    parts = []
    for ring in rings:
        grid: list[tuple[int, int]] = []
        for x, y in ring:
            point = (round(x), round(y))
            if not grid or point != grid[-1]:
                grid.append(point)
        if len(grid) > 1 and grid[0] == grid[-1]:
            grid.pop()
        if len(grid) < 3:
            continue
        (x, y), steps = grid[0], []
        for px, py in grid[1:]:
            steps.append(f"{px - x} {py - y}".replace(" -", "-"))
            x, y = px, py
        parts.append(f"M{grid[0][0]} {grid[0][1]}l{' '.join(steps)}z".replace(" -", "-"))
    return "".join(parts)
