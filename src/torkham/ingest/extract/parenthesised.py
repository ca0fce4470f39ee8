"""Other names a text gives in brackets right after a name: "The UN Migration Agency (IOM)", "Islamic
State – Khorasan Province (ISIS–K)", "Tehrik-i-Taliban Pakistan (TTP; Urdu: …, "Taliban Movement of
Pakistan")". The writer says they are one actor, so candidates named so become one, with a note; an
abbreviation that does not spell the name ("IOM") is still one the writer gave."""

from __future__ import annotations

import re

from torkham.ingest.extract.acronyms import letters, spells_loosely
from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.kb.names import normalize

BRACKET_MAX_CHARS = 160  # a bracket longer than this holds prose, not another name
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{0,6}[A-Z](?:[–-][A-Z])?s?")  # IOM, ISIS–K, NFIs
_QUOTED = re.compile(r"[\"“]([^\"”]{3,80})[\"”]")


def bracketed_names(text: str, end: int) -> list[str]:
    """The abbreviations and quoted names of the bracket that opens right after text[:end], if any."""
    opened = re.match(r" ?\(", text[end : end + 2])
    if not opened:
        return []
    inner_start = end + opened.end()
    close = text.find(")", inner_start, inner_start + BRACKET_MAX_CHARS)
    if close < 0:
        return []
    inner = text[inner_start:close]
    names = [q.group(1).strip() for q in _QUOTED.finditer(inner)]
    first = re.split(r"[;,]", inner, maxsplit=1)[0].strip()
    if _ABBREVIATION.fullmatch(first):
        names.append(first)
    return names


def merge_parenthesised(text: str, collector: Collector) -> None:
    """Merge each candidate into the one whose name (or alias) its name follows in brackets. One pass over
    the brackets of the text, each looked up by the words before it: linear in the text."""
    alive = {id(c) for c in collector.items}
    for bracket in re.finditer(r"\(", text):
        before = text[max(0, bracket.start() - NAME_MAX_CHARS) : bracket.start()].rstrip()
        keep = _candidate_ending(before, collector, alive)
        if keep is None:
            continue
        for given in bracketed_names(text, len(before) + max(0, bracket.start() - NAME_MAX_CHARS)):
            other = collector.index.get(normalize(given))
            if other is not None and other is not keep and id(other) in alive and _may_be_one(keep, other, given):
                _absorb(collector, keep, other, given)
                alive.discard(id(other))


NAME_MAX_CHARS = 80
NAME_MAX_WORDS = 8


def _may_be_one(keep: Candidate, other: Candidate, given: str) -> bool:
    """'PESHAWAR, Pakistan (AP) —': a credit in brackets after a country or a person is not its other name
    when it names another kind of actor, unless it spells the name ('Tehrik-i-Taliban Pakistan (TTP)').
    Organisations of two guessed kinds may still be one ('UN Office for the Coordination … (OCHA)')."""
    if keep.kind == other.kind or not {keep.kind, other.kind} & {"state", "person"}:
        return True
    return spells_loosely(given, keep.name.split()) >= len(letters(given)) - 1


def _candidate_ending(before: str, collector: Collector, alive: set[int]) -> Candidate | None:
    """The candidate one of whose forms ends `before` (the longest such form)."""
    words = before.split()
    for count in range(min(NAME_MAX_WORDS, len(words)), 0, -1):
        found = collector.index.get(normalize(" ".join(words[-count:])))
        if found is not None and id(found) in alive:
            return found
    return None


def _absorb(collector: Collector, keep: Candidate, other: Candidate, given: str) -> None:
    for form, kind in [(other.name, "other_name"), *other.aliases.items()]:
        if normalize(form) != normalize(keep.name):
            keep.aliases.setdefault(form, "abbreviation" if form == given and form.isupper() else kind)
        collector.index[normalize(form)] = keep
    keep.notes.append(f"'{given}' given in brackets after '{keep.name}': taken as its other name")
    collector.remove(other)
