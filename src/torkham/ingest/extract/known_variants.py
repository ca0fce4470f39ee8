"""Known actors written another way, and kinds that depend on when a text was written.

A candidate made of a known name and only words that leave it the same actor — a demonym, a country or a
possessive country before it ("Afghan defense ministry", "Pakistan's Foreign Office"), a word such as
"News" after it ("VOA News") — or a known "Ministry of X" written "X ministry", is such a variant. It is
never merged into the known actor: candidates.py proposes it as a new name of that actor, with a note,
for the reviewer to accept (a mention of the known actor) or reject (another actor)."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

_BODY_WORDS = ("ministry", "department", "office", "directorate")  # "X ministry" is "Ministry of X"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@lru_cache(maxsize=1)
def _qualifiers() -> tuple[frozenset[str], frozenset[str]]:
    """(one-word qualifiers, countries of several words), normalised."""
    words = default_words()
    countries = {normalize(c) for c in words.countries} | {normalize(c) for c in words.country_abbreviations.values()}
    single = {*map(normalize, words.demonyms), *(c for c in countries if " " not in c), "the", "s"}
    single |= {normalize(a) for a in words.country_abbreviations}
    return frozenset(single), frozenset(c for c in countries if " " in c)


def _core(words: list[str]) -> list[str]:
    """The words without the qualifiers before them and the variant suffixes after them."""
    single, several = _qualifiers()
    i = 0
    while i < len(words) - 1:
        long = next((n for n in (3, 2) if " ".join(words[i : i + n]) in several and i + n < len(words)), 0)
        if long:
            i += long
        elif words[i] in single:
            i += 1
        else:
            break
    j = len(words)
    while j > i + 1 and words[j - 1] in actor_words().variant_suffixes:
        j -= 1
    return words[i:j]


def variant_of(name: str, lexicon: Lexicon) -> tuple[str, list[str]] | None:
    """(the known form, its actor ids) when `name` is a known name written another way, else None."""
    words = normalize(name).split()
    core = _core(words)
    forms = [" ".join(core)] if core != words else []
    if len(core) >= 2 and core[-1] in _BODY_WORDS:
        forms += [f"{core[-1]} of {' '.join(core[:-1])}", f"{core[-1]} of the {' '.join(core[:-1])}"]
    for form in forms:
        ids = lexicon.actors_named(form)
        if ids:
            return next(iter(lexicon.forms[form].values())), ids
    return None


def kind_in_time(name: str, kind: str, doc: Document) -> str:
    """The kind a name has when the document was written ('Taliban' governs Afghanistan after 15 August
    2021): from the document's date, or, undated, from the latest year its text names."""
    key = normalize(name)
    for entry in actor_words().kind_since:
        if key in entry.names and _written_after(doc, entry.since):
            return entry.kind
    return kind


def _written_after(doc: Document, since: str) -> bool:
    if doc.date:
        date = str(doc.date)
        return date >= since if len(date) >= len(since) else int(date[:4]) > int(since[:4])
    years = [int(y) for y in _YEAR.findall(doc.text)]
    return bool(years) and max(years) > int(since[:4])
