"""A name set off after an abbreviation is the abbreviation's own longer name: "UNHCR, the UN Refugee
Agency, …" — one candidate, the name an alias of the abbreviation. A list of names is not an apposition:
the name must be followed by a verb ("…, the UN Refugee Agency, said"), the end of the sentence, or the next
such pair ("UNHCR, the UN Refugee Agency, IOM, the UN Migration Agency and UNICEF, …"); "UNHCR, the World
Bank, and IOM" are three."""

from __future__ import annotations

import re

from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.kb.names import normalize

_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,7}")
# what may follow the set-off name: a lowercase word (a verb), the sentence's end, or the next "ABBR, the"
_AFTER_NAME = r"(?=,\s+(?!and\b|or\b)[a-z]|\s*[.;]|,?\s+(?:and\s+)?[A-Z][A-Z0-9]{1,7},\s+the\s)"


def merge_appositions(text: str, collector: Collector) -> None:
    """Fold each candidate named right after an abbreviation candidate, as above, into that candidate."""
    for abbreviation in [c for c in collector.items if _ABBREVIATION.fullmatch(c.name)]:
        for other in list(collector.items):
            if other is abbreviation or other not in collector.items or _ABBREVIATION.fullmatch(other.name):
                continue
            if any(_apposed(text, abbreviation.name, form) for form in other.forms()):
                _fold(collector, abbreviation, other)


def _apposed(text: str, abbreviation: str, name: str) -> bool:
    pattern = rf"(?<![\w-]){re.escape(abbreviation)},\s+the\s+{re.escape(name)}{_AFTER_NAME}"
    return re.search(pattern, text) is not None


def _fold(collector: Collector, into: Candidate, other: Candidate) -> None:
    for form in other.forms():
        if normalize(form) not in {normalize(f) for f in into.forms()}:
            into.aliases[form] = "other_name"
        collector.index[normalize(form)] = into
    if any("kind guessed" in note for note in into.notes):
        into.kind = other.kind  # the longer name says what the abbreviation is ("the Hunger Action Fund")
    into.notes.append(f"'{into.name}, the {other.name}': the name set off after it taken as its own")
    collector.remove(other)
