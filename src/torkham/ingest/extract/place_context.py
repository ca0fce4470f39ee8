"""A place name the gazetteer knows in several countries or provinces, followed by a comma and the country
or province it lies in, is the one there: "in Torkham, Pakistan" (not the Afghan side), "Chaman,
Balochistan" — as an address or a caption writes it. Only a name that stays ambiguous is narrowed."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from torkham.ingest.extract.places import Found

_COMMA = re.compile(r",[ \t]+")


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
