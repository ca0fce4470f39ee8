"""What the words around a place name say beyond its level word:

- in brackets after a town, a name is its province; in a list, a name that can be a province is one when a
  neighbour is only one (levels_from_neighbours);
- a name the gazetteer knows in several countries or provinces, followed by a comma and the country or
  province it lies in, is the one there: "in Hyderabad, Pakistan", as an address or a caption writes it;
- a province's or district's name with "region" after it is the region named after it, not the admin unit:
  "the Balochistan region" (reaching beyond the province), "the Swat region" — level region, its country kept;
- a town's name with "district" after it, where the gazetteer has no district of that name (no Afghan district
  boundaries are bundled), is the district named after its town: "Spin Boldak district" → district in AF-KAN;
  the text's other bare mentions of that name are the same district (district_throughout)."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from torkham.geo.gazetteer import Place
    from torkham.ingest.extract.places import Found

_COMMA = re.compile(r",[ \t]+")


def levels_from_neighbours(text: str, found: list[Found]) -> None:
    """'Spin Boldak (Kandahar)': a name in brackets after a town is its province; in a list ("Khyber
    Pakhtunkhwa, Islamabad, Punjab"; "Kabul, Kandahar and Nangarhar provinces") a name that can be a province
    is one when a neighbour is only one."""
    listed = []
    for before, after in zip(found, found[1:], strict=False):
        between = text[before.end : after.start]
        if re.fullmatch(r"\s*\(\s*", between) and after.level is None:
            after.level = "province" if after.resolution.at_level("province").found else None
        elif re.fullmatch(r"\s*(?:,|,?\s+and)\s+", between):
            listed.append((before, after))
    changed = True
    while changed:  # along the whole list, either way
        changed = False
        for pair in listed:
            for one, other in (pair, pair[::-1]):
                if one.level is None and _only_province(other) and one.resolution.at_level("province").found:
                    one.level, changed = "province", True


def _only_province(item: Found) -> bool:
    return item.level == "province" or {p.level for p in item.resolution.places} == {"province"}


def narrowed_by_container(text: str, found: list[Found]) -> None:
    """Narrow, in place, each ambiguous name of `found` that a comma and its country or province follow."""
    for item, after in zip(found, found[1:], strict=False):
        if not item.resolution.ambiguous or not _COMMA.fullmatch(text, item.end, after.start):
            continue
        containers = {p.code for p in after.resolution.places if p.code and p.level in ("country", "province")}
        if not containers:
            continue
        inside = tuple(p for p in item.resolution.places if p.country in containers or p.province in containers)
        if inside and inside != item.resolution.places:
            item.resolution = dataclasses.replace(item.resolution, places=inside)


def named_region(item: Found, place: Place | None) -> tuple[dict, str] | None:
    """(the record, a note) of 'the Balochistan region': the region a province or district names."""
    if item.level != "region" or place is None or place.level in ("region", "country"):
        return None
    note = f"'{item.text} region': the region named after the {place.level} {place.label()}, not the {place.level}"
    return {"name": item.text, "level": "region", "country": place.country}, note


def town_district(item: Found, place: Place | None) -> tuple[dict, str] | None:
    """(the record, a note) of 'Dangam district' when the gazetteer knows only the town Dangam."""
    if item.level != "district" or place is None or place.level != "town":
        return None
    record = {"name": item.text, "level": "district", "country": place.country}
    if place.province:
        record["province"] = place.province
    note = f"'{item.text} district': the district named after the town {place.label()} (no boundaries bundled)"
    return record, note


def district_throughout(found: list[Found]) -> None:
    """A name the text once calls a district, where the gazetteer knows it only as a town, is that district
    wherever no other level word goes with it ("in Spin Boldak district ... in Spin Boldak")."""
    named = {
        item.text.casefold()
        for item in found
        if item.level == "district" and not item.resolution.at_level("district").found
        and item.resolution.at_level("town").found
    }  # fmt: skip
    for item in found:
        if item.level is None and item.text.casefold() in named:
            item.level = "district"
