"""Candidates that are parts of another name or of a phrase, not actors of their own:

- a country's possessive before a name the text also gives alone ("Afghanistan's Taliban" in a headline, beside
  "Taliban"): the country and the group, each proposed already, not a third actor;
- a body's numbered session cut out of a longer name ("the 19th National Congress of the Communist Party of
  China"): an ordinal before it and "of" after it make it a meeting of the body after "of"."""

from __future__ import annotations

import re

from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.ingest.extract.namewords import lookups
from torkham.kb.names import normalize

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)['’]s\s+(?P<rest>.+)$")
_ORDINAL_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s+$")
_OF_AFTER = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def drop_name_parts(text: str, collector: Collector) -> None:
    for candidate in list(collector.items):
        if _country_possessive(candidate, collector) or _numbered_session(text, candidate):
            collector.remove(candidate)


def _country_possessive(candidate: Candidate, collector: Collector) -> bool:
    m = _POSSESSIVE.match(candidate.name)
    if not m or not lookups()[3].fullmatch(m.group("owner")):
        return False
    held = collector.index.get(normalize(m.group("rest")))
    return held is not None and held is not candidate


def _numbered_session(text: str, candidate: Candidate) -> bool:
    if candidate.aliases or text[candidate.start : candidate.end] != candidate.name:
        return False
    before = text[max(0, candidate.start - 8) : candidate.start]
    return bool(_ORDINAL_BEFORE.search(before) and _OF_AFTER.match(text, candidate.end))
