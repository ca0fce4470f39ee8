"""What the interactive map draws, from what the store answers: fixed class breaks (the same for every
filter, so a colour means the same number whatever is chosen), how much of a period event data covers in a
country, and the bundled boundaries as GeoJSON. Pure functions: the web layer asks the store and passes
the answers in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Literal

from torkham.geo.boundaries import Feature, load_features

BREAKS = (1, 10, 50, 250, 1000)  # classes: 0 · 1–9 · 10–49 · 50–249 · 250–999 · 1,000 or more
ZERO_COLOUR = "#eef1f3"
CLASS_COLOURS = ("#facba6", "#f59e72", "#e8674a", "#c0392b", "#7f1d1d")  # one per break, light to dark
COUNTRY_OF_PREFIX = {"AF": "AFG", "PK": "PAK"}
Level = Literal["full", "partial", "none"]


@dataclass(frozen=True)
class MapClass:
    low: int
    high: int | None  # None: "or more"
    colour: str

    @property
    def label(self) -> str:
        if self.high is None:
            return f"{self.low:,} or more"
        return f"{self.low:,}" if self.low == self.high else f"{self.low:,}–{self.high:,}"

    def to_json(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "colour": self.colour, "label": self.label}


def fixed_classes() -> tuple[MapClass, ...]:
    """0, then one class per break up to the next: never computed from the data shown."""
    upper = [b - 1 for b in BREAKS[1:]] + [None]
    return (MapClass(0, 0, ZERO_COLOUR),) + tuple(
        MapClass(low, high, colour) for low, high, colour in zip(BREAKS, upper, CLASS_COLOURS, strict=True)
    )


def class_of(value: int | None) -> int | None:
    """The index of the class of `value` in fixed_classes(); None for an unknown value."""
    if value is None:
        return None
    return sum(value >= b for b in BREAKS)


def fixed_bounds() -> list[tuple[int, int | None]]:
    """The classes above 0 as (low, high) pairs, as the SVG map takes them."""
    return [(c.low, c.high) for c in fixed_classes()[1:]]


def country_of(code: str) -> str:
    """The ISO3 code of the country of a province ('AF-KAB' -> 'AFG')."""
    prefix = code.split("-", 1)[0].upper()
    return COUNTRY_OF_PREFIX.get(prefix, prefix)


def coverage_level(parts: list[tuple[date, date]], start: date, end: date) -> Level:
    """full when the parts cover every day of [start, end], none when no day, partial otherwise."""
    if not parts:
        return "none"
    days = sum((last - first).days + 1 for first, last in parts)
    return "full" if days >= (end - start).days + 1 else "partial"


def province_properties(
    code: str, name: str, level: Level, events: int, deaths: int, names: list[str]
) -> dict[str, Any]:
    """A province's figures; a province no data covers for the period has null figures (unknown, not 0)."""
    unknown = level == "none" and not events
    shown_events, shown_deaths = (None, None) if unknown else (events, deaths)
    return {
        "code": code, "name": name, "country": country_of(code), "coverage": level,
        "events": shown_events, "fatalities": shown_deaths,
        "class_events": class_of(shown_events), "class_fatalities": class_of(shown_deaths), "names": names,
    }  # fmt: skip


@lru_cache(maxsize=4)
def boundary_geometries(files: tuple[str, ...]) -> tuple[tuple[str, str, dict[str, Any]], ...]:
    """(code, name, GeoJSON geometry) of every province the files draw, read once per process."""
    return tuple((f.code, f.name, geometry_json(f)) for name in files for f in load_features(name))


def geometry_json(feature: Feature) -> dict[str, Any]:
    polygons = [[[list(point) for point in ring] for ring in polygon] for polygon in feature.polygons]
    return {"type": "MultiPolygon", "coordinates": polygons}


def month_text(day: date) -> str:
    return day.strftime("%Y-%m")
