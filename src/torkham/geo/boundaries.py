"""The bundled boundary files (GeoJSON, lon/lat), read once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.errors import TorkhamError

BOUNDARIES = Path(__file__).resolve().parent / "boundaries"
COUNTRIES_FILE = "countries.geojson"

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points; the first ring of a polygon is its outline
Polygon = tuple[Ring, ...]


@dataclass(frozen=True)
class Feature:
    code: str  # ISO 3166-2 for provinces, ISO 3166-1 alpha-3 for countries ("" when the file gives none)
    name: str
    polygons: tuple[Polygon, ...]


@lru_cache(maxsize=8)
def load_features(file_name: str, folder: Path = BOUNDARIES) -> tuple[Feature, ...]:
    path = folder / file_name
    features = []
    for number, item in enumerate(_read(path).get("features", []), start=1):
        code, name = _code_and_name(item)
        features.append(Feature(code, name, _polygons(item.get("geometry") or {}, path, number)))
    return tuple(features)


@lru_cache(maxsize=8)
def feature_codes(file_name: str, folder: Path = BOUNDARIES) -> frozenset[str]:
    """The codes of the features a file draws, without keeping their outlines (the admin-1 crosswalk checks
    its codes against them in every process that places a name; only the maps need the outlines)."""
    features = _read(folder / file_name).get("features", [])
    return frozenset(code for code, _ in map(_code_and_name, features) if code)


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TorkhamError(f"{path}: boundary file missing; reinstall torkham (it ships in torkham/geo)") from None
    except json.JSONDecodeError as exc:
        raise TorkhamError(f"{path}:{exc.lineno}: not valid GeoJSON ({exc.msg})") from None
    return data


def _code_and_name(item: dict) -> tuple[str, str]:
    props = item.get("properties") or {}
    code = props.get("iso_3166_2") or props.get("iso_a3") or ""
    return code, props.get("name_en") or props.get("name") or code


def _polygons(geometry: dict, path: Path, number: int) -> tuple[Polygon, ...]:
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind not in ("Polygon", "MultiPolygon"):
        raise TorkhamError(f"{path}: feature {number} is a {kind}, not a (Multi)Polygon")
    if coordinates is None:
        raise TorkhamError(f"{path}: feature {number} is a {kind} without coordinates")
    polygons = [coordinates] if kind == "Polygon" else coordinates
    return tuple(tuple(tuple((float(x), float(y)) for x, y, *_ in ring) for ring in polygon) for polygon in polygons)
