"""Places for the other proposals: an event proposed from a sentence gets the most specific place that
sentence names (town, district, province, then country) with its codes — `place` (the name as the text
writes it), `place_level`, `district` (Pakistan's districts have names, not codes), `country` (ISO 3166-1
alpha-3, as the knowledge files write it) and `admin1` (ISO 3166-2, which the map's admin-1 crosswalk
places). A name the gazetteer knows as several places gives `place` and `place_candidates` (each
"Name (level, code)"), never a guessed code; the place of a dateline ("PESHAWAR, Sept 16 —") is where the
report was filed, not where the event happened. An actor candidate whose whole name is a district or town
is not a person."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
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


# The fields of an event that say where it happened (all set together, all cleared when the place changes).
PLACE_FIELDS = ("place", "place_level", "district", "country", "admin1", "place_candidates")


def place_events(events: list[Proposal], places: list[Proposal], skip: list[tuple[int, int]] | None = None) -> None:
    """Give each event (in place) the place its sentence names, outside the spans of `skip` (datelines); a
    capital flagged as standing for its government is not used, a name of several places only when the
    sentence names no other."""
    spans = sorted(skip or [])
    by_sentence: dict[str, list[Proposal]] = {}
    for place in places:
        if not place.record.get("ambiguous") and not _inside(place, spans):
            by_sentence.setdefault(place.sentence, []).append(place)
    for event in events:
        here = by_sentence.get(event.sentence)
        if not here or event.record.get("place"):
            continue
        resolved = [p for p in here if p.record.get("level")]
        if resolved:
            best = min(resolved, key=lambda p: (SPECIFIC.index(p.record["level"]), abs(p.start - event.start)))
            event.record.update(event_place(best.record))
            event.notes.append(f"place: '{best.record['text']}' → {label(best.record)}")
            continue
        nearest = min(here, key=lambda p: abs(p.start - event.start))
        event.record.update(event_place(nearest.record))
        event.notes.append(f"place: '{nearest.record['text']}' names {len(nearest.record.get('candidates') or [])} "
                           "places (place_candidates); set country and admin1 of the one meant, or remove the place")  # fmt: skip


def event_place(place: dict) -> dict:
    """An event's place fields from a place proposal's record (the gazetteer's codes, the name as written)."""
    out: dict = {"place": place["text"]}
    level = place.get("level")
    if level is None:  # several places of that name: listed, none chosen
        candidates = place.get("candidates") or []
        out["place_candidates"] = [label(c) for c in candidates]
        countries = {c["country"] for c in candidates}
        if len(countries) == 1:
            out["country"] = alpha3(countries.pop())
        return out
    out["place_level"] = level
    district = place["name"] if level == "district" else place.get("district")
    if district:
        out["district"] = district
    out["country"] = alpha3(place["country"])
    province = place.get("province") or (place.get("code") if level == "province" else None)
    if province:
        out["admin1"] = province
    return out


def place_fields(name: str) -> dict:
    """The place fields of an event whose place a reviewer types ("Khyber district", "Peshawar"): the
    gazetteer's codes when the name is one place, its candidates when several, the name alone when unknown."""
    gazetteer = load_gazetteer()
    unit = re.fullmatch(r"(.+?)\s+(?i:(province|district|agency|division|city|town))", name.strip())
    resolution = gazetteer.resolve(name)
    if unit and not resolution.found:
        level = {"agency": "district", "city": "town"}.get(unit.group(2).lower(), unit.group(2).lower())
        resolution = gazetteer.resolve(unit.group(1))
        resolution = resolution.at_level(level) if resolution.at_level(level).found else resolution
    best = resolution.best()
    if best is not None:
        return event_place({"text": name, **best.record()})
    if resolution.found:
        return event_place({"text": name, "level": None, "candidates": [p.record() for p in resolution.distinct()]})
    return {"place": name}


def label(place: dict) -> str:
    """'Peshawar (town, PK-KP)': a place record as a note or a candidate lists it."""
    where = place.get("code") or place.get("province") or place.get("country")
    return f"{place['name']} ({place.get('level')}, {where})"


def _inside(place: Proposal, spans: list[tuple[int, int]]) -> bool:
    """Whether the place lies in one of the sorted, separate `spans`."""
    i = bisect_right(spans, (place.start, sys.maxsize)) - 1  # the last span starting at or before the place
    return i >= 0 and spans[i][0] <= place.start and place.end <= spans[i][1]


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
