"""'the Barmal district of Paktika', 'the Serpera district of Khost': a capitalised name before "district of"
and a province is a district of that province — even one the gazetteer does not hold (no Afghan district
boundaries are bundled) or holds only as something else (UCDP's "Barmal", a region of Pakistan); the province
after "of" is the province, not a district of its name ("district of Kurram" alone stays the district). A name
the gazetteer holds in that province ("Spin Boldak district of Kandahar") keeps its place, as a district."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from torkham.geo.gazetteer import Place, Resolution

if TYPE_CHECKING:
    from torkham.ingest.extract.places import Found

_BEFORE = re.compile(r"\b(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+district\s+of\s+$")
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "Each", "Every", "Its", "Their"})


def _held_in(found: list[Found], start: int, province: str | None) -> Found | None:
    """The name the gazetteer already found at `start`, when it names a place in `province`."""
    held = next((f for f in found if f.start == start), None)
    if held is None or not any(p.province == province for p in held.resolution.places):
        return None
    return held


def named_districts(text: str, found: list[Found]) -> list[Found]:
    """`found` with each 'X district of <province>' read as the district X of that province."""
    from torkham.ingest.extract.places import Found

    added: list[Found] = []
    for item in found:
        provinces = item.resolution.at_level("province").places
        m = _BEFORE.search(text, max(0, item.start - 60), item.start)
        if len(provinces) != 1 or m is None or m.group("name").split()[0] in _NOT_NAMES:
            continue
        item.level = "province"
        province, name = provinces[0], m.group("name")
        held = _held_in(found, m.start("name"), province.code)
        if held is not None:
            held.level = "district"
            continue
        place = Place(name, "district", province.country, province=province.code, sources=("the text",))
        added.append(Found(m.start("name"), m.end("name"), name, Resolution(name, (place,)), level="district"))
    spans = [(a.start, a.end) for a in added]
    kept = [f for f in found if not any(s < f.end and f.start < e for s, e in spans)]
    return sorted(kept + added, key=lambda f: f.start)
