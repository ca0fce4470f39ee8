"""The place gazetteer: every name of a country, an Afghan or Pakistani province, division, district or
town, resolved to its admin codes (country ISO 3166-1 alpha-2, province ISO 3166-2). Built from real
data by gazetteer_build.py into gazetteer.json (its sources and licences are listed in the file and in
NOTICE.md); read once per process.

    from torkham.geo.gazetteer import load_gazetteer
    found = load_gazetteer().resolve("Peshawar")   # the town, its district and division: one place
    found.places, found.ambiguous                  # several places in different provinces: listed, never guessed
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from torkham.errors import TorkhamError
from torkham.kb.names import normalize

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.json")
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
        """The one place meant when the name is not ambiguous: a town before the district, division or province
        of the same name (Peshawar), a province before its district (Nangarhar)."""
        if not self.places or self.ambiguous:
            return None
        return min(self.places, key=lambda p: _PREFERENCE.index(p.level))


_PREFERENCE = ("country", "town", "province", "district", "division", "region")


@dataclass
class Gazetteer:
    places: tuple[Place, ...]
    sources: tuple[str, ...]
    index: dict[str, list[Place]] = field(default_factory=dict)  # normalised name -> places
    longest: int = 1  # words of the longest name

    def resolve(self, name: str) -> Resolution:
        return Resolution(name, tuple(self.index.get(normalize(name), ())))

    def knows(self, normalised: str) -> bool:
        return normalised in self.index


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
        for name in dict.fromkeys(normalize(n) for n in [place.name, *raw.get("names", ())]):
            if name:
                gazetteer.index.setdefault(name, []).append(place)
                gazetteer.longest = max(gazetteer.longest, len(name.split()))
    for found in gazetteer.index.values():
        found.sort(key=lambda p: (_PREFERENCE.index(p.level), p.country, p.province or ""))
    return gazetteer
