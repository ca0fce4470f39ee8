"""Abbreviations of places (geo/place_names.yaml: "KP", "GB", "U.S.", "UK"), as places.py proposes them:

- written as listed: "US", never "Us"; "U.S." keeps its last full stop;
- a guarded one ("KP", "GB", "ICT": short, and other things too) only where the text defines it ("Gilgit-Baltistan
  (GB)", or its list of abbreviations: "KP  Khyber Pakhtunkhwa") or uses it as a place: after a preposition of place ("in KP"), before a level word ("KP province"), in a
  list with another place ("KP and Balochistan"), or owning one ("KP’s Lakki Marwat");
- one a text also uses as an adjective ("U.S. officials", "UK aid", "U.S.-led") only as a noun: before a
  possessive ("the UK’s commitment"), a comma or the end of a clause ("the U.S., China"), or a verb ("The UK
  will …", "the U.S. said").
Word lists: `place_prepositions` and `noun_followers` in places.yaml (with its `government_verbs`)."""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from torkham.geo.gazetteer import Abbreviation, Gazetteer, Resolution
from torkham.ingest.document import Document
from torkham.ingest.extract.acronyms import abbreviation_list, inline_pairs
from torkham.kb.names import normalize

_LIST = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+")
_CLAUSE_END = re.compile(r"(?:[ \t]*(?:[,;:)!?\n]|\.(?:\s|$)|$)|\s+[—–]\s)")


class Span(Protocol):
    start: int
    end: int
    level: str | None
    resolution: Resolution


def abbreviation_end(text: str, start: int, end: int, abbreviation: Abbreviation) -> int | None:
    """Where the abbreviation written at text[start:end] ends (its last full stop included), or None when the
    text writes it otherwise ("Us")."""
    if not abbreviation.matches(text[start:end]):
        return None
    if abbreviation.written.endswith(".") and text[end : end + 1] == ".":
        return end + 1
    return end


def in_use(doc: Document, found: list, gazetteer: Gazetteer, prepositions: frozenset[str],
           followers: frozenset[str]) -> list:  # fmt: skip
    """The places of `found` (in text order) less the abbreviations not used as places."""
    text, kept = doc.text, []

    @cache
    def defined() -> dict[str, set[str]]:  # abbreviation -> the codes of the places the text spells it out as
        pairs = [*abbreviation_list(doc), *inline_pairs(doc)]
        return {p.abbr: _codes(gazetteer.resolve(p.full)) for p in pairs}

    for n, item in enumerate(found):
        abbreviation = gazetteer.abbreviations.get(normalize(text[item.start : item.end]))
        if abbreviation is None:
            kept.append(item)
            continue
        before, after = found[n - 1] if n else None, found[n + 1] if n + 1 < len(found) else None
        if abbreviation.guarded and not (
            _codes(item.resolution) & defined().get(abbreviation.written, set())
            or _as_place(text, item, before, after, prepositions)
        ):
            continue
        if abbreviation.adjective and not _as_noun(text, item.end, followers):
            continue
        kept.append(item)
    return kept


def _codes(resolution: Resolution) -> set[str]:
    return {p.code or p.province or p.country for p in resolution.places}


def _as_place(text: str, item: Span, before: Span | None, after: Span | None, prepositions: frozenset[str]) -> bool:
    if item.level:  # "KP province"
        return True
    if after_preposition(text, item.start, prepositions):  # "in KP"
        return True
    if before and _LIST.fullmatch(text, before.end, item.start):  # "Balochistan and KP"
        return True
    if after and _LIST.fullmatch(text, item.end, after.start):  # "KP and Balochistan"
        return True
    owner = re.match(r"[’']s\s+", text[item.end : item.end + 4])
    return bool(owner and after and after.start == item.end + owner.end())  # "KP’s Lakki Marwat"


def after_preposition(text: str, start: int, prepositions: frozenset[str]) -> bool:
    word = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    return bool(word and word.group(1).lower() in prepositions)


def _as_noun(text: str, end: int, followers: frozenset[str]) -> bool:
    after = text[end : end + 40]
    if re.match(r"[’']s\b", after) or _CLAUSE_END.match(after):
        return True
    verb = re.match(r"\s+(\w+)", after)
    return bool(verb and verb.group(1).lower() in followers)
