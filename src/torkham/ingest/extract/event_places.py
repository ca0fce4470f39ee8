"""Places for the other proposals: an event proposed from a sentence gets the most specific place that
sentence names (town, district, province, then country) with its codes — `place` (the name), `country`
(ISO 3166-1 alpha-3, as the knowledge files write it) and `admin1` (ISO 3166-2, which the map's admin-1
crosswalk places); and an actor candidate whose whole name is a district or town is not a person."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.geo.gazetteer import load_gazetteer
from torkham.ingest.proposal import Proposal

SPECIFIC = ("town", "district", "division", "province", "country")  # most specific first
PLACE_LEVELS = ("district", "town", "division", "province")  # a candidate named only so is no person


@lru_cache(maxsize=64)
def alpha3(alpha2: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2)
    return found.alpha_3 if found else alpha2


def place_events(events: list[Proposal], places: list[Proposal]) -> None:
    """Give each event (in place) the place its sentence names; a place flagged ambiguous is not used."""
    usable = [p for p in places if p.record.get("level") and not p.record.get("ambiguous")]
    for event in events:
        here = [p for p in usable if p.sentence == event.sentence]
        if not here or event.record.get("place"):
            continue
        best = min(here, key=lambda p: (SPECIFIC.index(p.record["level"]), abs(p.start - event.start)))
        record = best.record
        event.record["place"] = record["name"]
        event.record["country"] = alpha3(record["country"])
        province = record.get("province") or (record.get("code") if record["level"] == "province" else None)
        if province:
            event.record["admin1"] = province
        event.notes.append(f"place: {record['name']} ({record['level']}, {province or record['country']}) "
                           f"from '{record['text']}'")  # fmt: skip


def not_place_people(candidates: list[Proposal]) -> list[Proposal]:
    """The candidates less the persons whose whole name is a district or town ("Khyber", "Swat") and the
    bodies named as an admin unit ("Bajaur agency", "Kurram district")."""
    gazetteer = load_gazetteer()
    kept = []
    for candidate in candidates:
        name, kind = str(candidate.record.get("name") or ""), candidate.record.get("kind")
        unit = re.fullmatch(r"(.+?)\s+(?i:agency|district|tehsil|division)", name)
        if kind == "person" and any(p.level in PLACE_LEVELS for p in gazetteer.resolve(name).places):
            continue
        if kind not in ("state", "region") and unit and gazetteer.resolve(unit.group(1)).found:
            continue
        kept.append(candidate)
    return kept
