"""The place gazetteer: every name of a country, an Afghan or Pakistani province, division, district or
town, resolved to its admin codes (country ISO 3166-1 alpha-2, province ISO 3166-2). Built from real
data by gazetteer_build.py into gazetteer.json (its sources and licences are listed in the file and in
NOTICE.md); read once per process, with the abbreviations, former names and named passes of
place_names.yaml (each with its source) and ISO's inverted country names turned round ("Republic of Korea").

    from torkham.geo.gazetteer import load_gazetteer
    found = load_gazetteer().resolve("Peshawar")   # the town, its district and division: one place
    found.places, found.ambiguous                  # several places in different provinces: listed, never guessed
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from torkham.errors import TorkhamError
from torkham.kb.names import normalize
from torkham.model.yamlfile import load_yaml

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.json")
NAMES_FILE = Path(__file__).with_name("place_names.yaml")  # abbreviations and former names the sources lack
LEVELS = ("country", "province", "division", "district", "town", "region")
FOLDED = {"PK-TA": "PK-KP"}  # FATA merged into Khyber Pakhtunkhwa (2018): the same place either way


@dataclass(frozen=True)
class Place:
    name: str  # the name the gazetteer shows
    level: str  # one of LEVELS
    country: str  # ISO 3166-1 alpha-2
    code: str | None = None  # a country's or province's own code (ISO 3166-1 alpha-2 / ISO 3166-2)
    province: str | None = None  # ISO 3166-2 of the province it lies in (a province: itself)
    district: str | None = None
    division: str | None = None
    lat: float | None = None
    lon: float | None = None
    sources: tuple[str, ...] = ()
    capital_of: str | None = None  # ISO 3166-1 alpha-2 of the country whose capital it is

    def label(self) -> str:
        """'Peshawar (town, PK-KP)': the place as a note lists it."""
        where = self.code or self.province or self.country
        return f"{self.name} ({self.level}, {where})"

    def record(self) -> dict[str, Any]:
        """The fields a proposal carries: name, level, country, admin codes."""
        out: dict[str, Any] = {"name": self.name, "level": self.level, "country": self.country}
        for key in ("code", "province", "division", "district"):
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


@dataclass(frozen=True)
class Resolution:
    """What a name resolves to: the places it names (most specific first), and whether they are distinct
    places (different countries or provinces) — then none is chosen."""

    name: str
    places: tuple[Place, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.places)

    @property
    def ambiguous(self) -> bool:
        return len(self.distinct()) > 1

    def distinct(self) -> tuple[Place, ...]:
        """One place per country and province (the town before the district of the same name)."""
        seen: dict[tuple[str, str | None], Place] = {}
        for place in self.places:  # most specific first
            seen.setdefault((place.country, FOLDED.get(place.province or "", place.province)), place)
        return tuple(seen.values())

    def at_level(self, *levels: str) -> Resolution:
        return Resolution(self.name, tuple(p for p in self.places if p.level in levels))

    def best(self) -> Place | None:
        """The one place meant when the name is not ambiguous: a place whose own name it is before one it is
        only another name of ("Lakki Marwat", the district, not the town Lakki that GeoNames also calls so;
        "Laghman", the province, not its capital), then a town before the district, division or province of
        the same name (Peshawar), a province before its district (Nangarhar)."""
        if not self.places or self.ambiguous:
            return None
        key = normalize(self.name)
        own = [p for p in self.places if normalize(p.name) == key]
        return min(own or self.places, key=lambda p: _PREFERENCE.index(p.level))


_PREFERENCE = ("country", "town", "province", "district", "division", "region")


@dataclass(frozen=True)
class Abbreviation:
    """A name of place_names.yaml written in capitals ("KP", "U.S."): it matches only as written."""

    written: str
    guarded: bool = False  # a place only where the text defines it or uses it as one
    adjective: bool = False  # a place only as a noun, not in "U.S. officials"

    def matches(self, surface: str) -> bool:
        return _letters(surface) == _letters(self.written)


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


@dataclass
class Gazetteer:
    places: tuple[Place, ...]
    sources: tuple[str, ...]
    index: dict[str, list[Place]] = field(default_factory=dict)  # normalised name -> places
    longest: int = 1  # words of the longest name
    abbreviations: dict[str, Abbreviation] = field(default_factory=dict)  # normalised name -> how it matches
    written: dict[str, str] = field(default_factory=dict)  # normalised name -> as first written by a source

    def resolve(self, name: str) -> Resolution:
        return Resolution(name, tuple(self.index.get(normalize(name), ())))

    def knows(self, normalised: str) -> bool:
        return normalised in self.index

    def names_of(self, code: str) -> list[str]:
        """Every name of the country or province of an ISO code, as written ("KPK", "North-West Frontier")."""
        return [self.written[name] for name, places in self.index.items() if any(p.code == code for p in places)]


def _place(data: dict[str, Any]) -> Place:
    level = data.get("level")
    if level not in LEVELS or not data.get("name") or not data.get("country"):
        raise TorkhamError(
            f"{GAZETTEER_FILE}: bad place {data!r}; rebuild it with python -m torkham.geo.gazetteer_build"
        )
    return Place(
        name=data["name"], level=level, country=data["country"], code=data.get("code"),
        province=data.get("province"), district=data.get("district"), division=data.get("division"),
        lat=data.get("lat"), lon=data.get("lon"), sources=tuple(data.get("sources", ())),
        capital_of=data.get("capital_of"),
    )  # fmt: skip


@lru_cache(maxsize=2)
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TorkhamError(f"{path}: gazetteer missing; build it with python -m torkham.geo.gazetteer_build") from None
    gazetteer = Gazetteer(tuple(_place(p) for p in data["places"]), tuple(data.get("sources", ())))
    for raw, place in zip(data["places"], gazetteer.places, strict=True):
        names = [place.name, *raw.get("names", ())]
        for name in [*names, *_inverted(place.level, names)]:
            _add(gazetteer, name, place)
    _add_other_names(gazetteer, NAMES_FILE)
    for found in gazetteer.index.values():
        found.sort(key=lambda p: (_PREFERENCE.index(p.level), p.country, p.province or ""))
    return gazetteer


def _add(gazetteer: Gazetteer, written: str, place: Place) -> None:
    name = normalize(written)
    gazetteer.written.setdefault(name, written)
    if name and place not in gazetteer.index.get(name, ()):
        gazetteer.index.setdefault(name, []).append(place)
        gazetteer.longest = max(gazetteer.longest, len(name.split()))


def _inverted(level: str, names: list[str]) -> list[str]:
    """'Korea, Republic of' → 'Republic of Korea', 'Virgin Islands, British' → 'British Virgin Islands': ISO's
    inverted country names as a text writes them."""
    if level != "country":
        return []
    out = []
    for name in names:
        head, _, tail = name.partition(", ")
        if tail and (re.search(r"\bof(?: the)?$", tail) or " " not in tail):
            out.append(f"{tail} {head}")
    return out


def _add_other_names(gazetteer: Gazetteer, path: Path) -> None:
    """The names of place_names.yaml, each under the country or province of its code, and its features;
    checked here."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise TorkhamError(f"{path}: a mapping with 'names' and 'features' is needed")
    by_code = {p.code: p for p in gazetteer.places if p.code and p.level in ("country", "province")}
    for entry in data.get("features") or []:
        fields = entry if isinstance(entry, dict) else {}
        if fields.get("level") not in LEVELS or not fields.get("name") or fields.get("province") not in by_code:
            raise TorkhamError(f"{path}: bad feature {entry!r}: a name, a level and a known province are needed")
        if not str(fields.get("source") or "").strip() or fields.get("country") != str(fields["province"])[:2]:
            raise TorkhamError(f"{path}: feature {entry!r} says no source, or a country its province is not in")
        feature = Place(fields["name"], fields["level"], fields["country"], province=fields["province"],
                        sources=("place_names.yaml",))  # fmt: skip
        gazetteer.places += (feature,)
        _add(gazetteer, feature.name, feature)
    for entry in data.get("names") or []:
        place = by_code.get(str(entry.get("code"))) if isinstance(entry, dict) else None
        names = entry.get("names") if isinstance(entry, dict) else None
        if place is None or not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise TorkhamError(f"{path}: bad entry {entry!r}: a known code and a list of names are needed")
        if not str(entry.get("source") or "").strip():
            raise TorkhamError(f"{path}: entry {entry!r} says no source")
        for written in names:
            key = normalize(written)
            _add(gazetteer, written, place)
            if _letters(written).isupper():
                guarded, adjective = bool(entry.get("guarded")), bool(entry.get("adjective"))
                gazetteer.abbreviations[key] = Abbreviation(written, guarded, adjective)
