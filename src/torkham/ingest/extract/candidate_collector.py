"""The actor candidates of one document, merged by any shared form (normalised). Names are never merged
because they look alike: two names that differ only in vowels, doubled letters, connectors or dashes
("Tehrik-i-Taliban Pakistan", "Tehreek-e Taliban Pakistan") stay two proposals, each with a note that it
is possibly the same as the other (note_look_alikes), for the reviewer to decide. People named in full and
shorter ("Hillary Rodham Clinton", "Hillary Clinton", "Clinton") become one candidate when the shorter
form is the full name's own first and last words (or last word) and fits exactly one person of the
document — the text's own way of naming that person again — with a note saying so."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from torkham.ingest.extract.mentions import skeleton
from torkham.ingest.extract.part_of import apart_forms
from torkham.kb.names import normalize

CONNECTORS = {"e", "i", "ul", "al", "ur", "ud", "el", "bin", "ibn", "the", "s"}
SPELLING_MIN_LETTERS = 8  # shorter names merge only when written alike: "Gul" is not "Gol"


@dataclass(eq=False)  # one candidate is one object: compared by identity, never field by field
class Candidate:
    name: str
    kind: str
    start: int
    end: int
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> alias type
    notes: list[str] = field(default_factory=list)

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


def spelling_key(name: str) -> str | None:
    """The name without vowels, doubled letters and connectors ('tehrik e taliban' -> 'thrk tlbn'), or
    None for a name too short to compare so."""
    words = [w for w in normalize(name).split() if w not in CONNECTORS]
    if sum(len(w) for w in words) < SPELLING_MIN_LETTERS:
        return None
    return " ".join(skeleton(w) for w in words)


class Collector:
    """Candidates merged by any shared form (normalised), never by a look-alike spelling."""

    def __init__(self) -> None:
        self.items: list[Candidate] = []
        self.index: dict[str, Candidate] = {}

    def add(self, new: Candidate, alias_type: str = "other_name") -> None:
        existing = next((self.index[normalize(f)] for f in new.forms() if normalize(f) in self.index), None)
        if existing is None:
            self.items.append(new)
            for form in new.forms():
                self.index[normalize(form)] = new
            return
        for form, kind in [(new.name, alias_type), *new.aliases.items()]:
            if normalize(form) not in {normalize(f) for f in existing.forms()}:
                existing.aliases[form] = kind
                self.index[normalize(form)] = existing
        if new.start < existing.start:
            existing.start, existing.end = new.start, new.end

    def remove(self, candidate: Candidate) -> None:
        self.items.remove(candidate)


def merge_same_actor(collector: Collector, groups: tuple[frozenset[str], ...], text: str = "") -> None:
    """Candidates whose names a group of same_actor (actor_words.yaml) lists as one actor's become one, but
    for a name the text calls the whole another of them is part of (part_of.py)."""
    for group in groups:
        apart = apart_forms(text, set(group)) if text else set()
        named = [c for c in collector.items if normalize(c.name) in group - apart]
        for other in named[1:]:
            first = named[0]
            for form, kind in [(other.name, "other_name"), *other.aliases.items()]:
                first.aliases.setdefault(form, kind)
                collector.index[normalize(form)] = first
            first.notes.append(f"'{other.name}' taken as another name of '{first.name}'; split them if they are two")
            collector.remove(other)


def note_look_alikes(candidates: list[Candidate]) -> None:
    """Candidates written alike but for vowels, doubled letters, connectors or dashes ('Tehreek-e-Labbaik
    Pakistan', 'Tehrik-i-Labaik Pakistan') stay apart; each gets a note naming the others. A person and a
    group never look alike so ('Haqqani', 'Haqqani Network' differ anyway)."""
    by_key: dict[tuple[str, bool], list[Candidate]] = {}
    for candidate in candidates:
        keys = {spelling_key(form) for form in candidate.forms()} - {None}
        for key in sorted(k for k in keys if k):
            by_key.setdefault((key, candidate.kind == "person"), []).append(candidate)
    for group in by_key.values():
        for candidate in group:
            for other in group:
                note = f"possibly the same as '{other.name}' (written alike): merge them if they are one actor"
                if other is not candidate and note not in candidate.notes:
                    candidate.notes.append(note)


def merge_short_names(collector: Collector) -> None:
    """'Hillary Clinton' and 'Clinton' after 'Hillary Rodham Clinton': short names of the one person
    whose first and last names (or last name) they are."""
    people = [c for c in collector.items if c.kind == "person"]
    by_last: dict[str, list[Candidate]] = {}
    for person in people:
        by_last.setdefault(person.name.split()[-1], []).append(person)
    gone: set[int] = set()
    for short in sorted(people, key=lambda c: -len(c.name.split())):  # "Hillary Clinton" before "Clinton"
        words = short.name.split()
        if len(words) > 2:
            continue
        same_last = by_last.get(words[-1], [])
        owners = [p for p in same_last if p is not short and id(p) not in gone and _shortens(words, p.name.split())]
        if len(owners) == 1:
            owners[0].aliases.setdefault(short.name, "short_name")
            owners[0].notes.append(
                f"'{short.name}' taken as a short name of '{owners[0].name}', the one person of "
                "the text it shortens; split them if they are two"
            )
            for alias, kind in short.aliases.items():
                owners[0].aliases.setdefault(alias, kind)
            collector.index[normalize(short.name)] = owners[0]
            collector.remove(short)
            gone.add(id(short))


def _shortens(short: list[str], full: list[str]) -> bool:
    """'Clinton', 'Hillary Clinton' of 'Hillary Rodham Clinton'; 'R. Valle' of 'Riccardo Valle' (an initial
    for the first name, as a bibliography writes it)."""
    initial = re.fullmatch(r"([A-Z])\.", short[0])
    if initial and len(short) == len(full) == 2 and not re.fullmatch(r"[A-Z]\.", full[0]):
        return full[0].startswith(initial.group(1)) and full[-1] == short[-1]
    if len(short) >= len(full):
        return False
    if len(short) == 1:
        return full[-1] == short[0]
    return full[0] == short[0] and full[-1] == short[-1]


def merge_headed_abbreviations(collector: Collector, kind_of: Callable[[str], str | None]) -> None:
    """'RAHA Initiative' where 'RAHA' is another candidate's abbreviation ('Refugee Affected and Hosting Area
    (RAHA)'): the abbreviation and a kind word name that candidate; its kind is the kind word's when the
    other's was not recognised."""
    for candidate in list(collector.items):
        abbr, _, head = candidate.name.partition(" ")
        other = collector.index.get(normalize(abbr)) if re.fullmatch(r"[A-Z][A-Z-]*[A-Z]", abbr) else None
        if other is None or other is candidate or other.kind == "state" or " " in head.strip():
            continue  # "US Special Inspector General …" is not the United States
        if not head or kind_of(head) != candidate.kind:
            continue
        other.aliases.setdefault(candidate.name, "other_name")
        collector.index[normalize(candidate.name)] = other
        if any("kind not recognised" in note for note in other.notes):
            other.kind = candidate.kind
            other.notes = [n for n in other.notes if "kind not recognised" not in n]
        other.notes.append(f"'{candidate.name}' names it by its abbreviation and a kind word")
        collector.remove(candidate)
