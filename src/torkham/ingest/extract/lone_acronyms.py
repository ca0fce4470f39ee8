"""Abbreviations used on their own as the names of actors ("BLA", "TTP" without its long form): used twice
or more, or once where an organisation stands — before an actor word ("BLA militants"), as the subject of an
organisation's verb ("WFP delivered"), before a possessive ("IOM’s"), after its members or as the agent of a
passive (acting_acronyms.organisation_slot), or when actor_words.yaml lists it."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.acting_acronyms import acting_verb, apposed_kind, organisation_slot
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

ACRONYM_REPEATS = 2  # an abbreviation used alone this often (or before an actor word) is a candidate
CAPS_REACH = 300  # characters each side of an abbreviation read to tell a line in capitals
# Alone: not inside a longer name ("BBC Monitoring", "RFE/RL", "the US Army" are not uses of BBC, RFE, US).
# "IRGC-Quds Force" and "TTP-linked" use IRGC and TTP; "COVID-19", "ISIS-K" and "RFE/RL" are other names.
_ACRONYM = re.compile(
    r"(?<![\w.\-/])(?<![A-Z][\w.]\s)(?P<abbr>[A-Z][A-Z0-9]{1,6}(?:[-–][A-Z](?![\w-]))?s?)(?![\w/]|\.\w|[-–]\d|\s+[A-Z])"
)
_LABEL_AFTER = re.compile(r"\s*:?\s*\d")  # "PRN: 2009/1078", "UTC 5": a label or a unit before a number
_OWNED_AFTER = re.compile(r"['’]s\b")  # "IOM’s mission": an organisation
_ACTOR_AFTER = re.compile(
    r"\s+(?:militants|fighters|commanders?|leaders?|leadership|chief|spokes(?:man|person)|members|cadres|"
    r"forces|troops|claimed|said|says|denied|announced|attacked|killed|carried out)\b"
)


@lru_cache(maxsize=1)
def not_actor_words() -> frozenset[str]:
    """Lowercased words never taken for an actor's name on their own: abbreviations of things, words that
    are no names, demonyms and months."""
    words = default_words()
    return frozenset({*words.non_actor_acronyms, *words.non_name_words, *words.demonyms, *words.months})


def lone_acronyms(
    doc: Document,
    known_forms: set[str],
    names: list[str] | None = None,
    no_actors: set[str] | None = None,
) -> list[tuple[str, str, int, int, str]]:
    """(abbreviation, kind, start, end, note) of abbreviations used alone, not already a candidate's form:
    used twice or more, or once as an organisation ('IOM’s', 'BLA claimed'), or once when
    organisation_acronyms (actor_words.yaml) names it. A plural ('NFIs'), a label before a number ('PRN:
    2009/1078'), the first word of a candidate's name ('UN refugee agency') and an abbreviation of
    `no_actors` (people counted or things: 'UMC') are none. `known_forms` are normalised."""
    text = doc.text
    starting: dict[str, list[str]] = {}  # first word -> the names it starts ("UN refugee agency")
    no_actors = no_actors or set()
    for name in names or []:
        first = re.split(r"[ -]", name, maxsplit=1)
        if len(first) > 1:
            starting.setdefault(first[0], []).append(name)
    found = [
        m
        for m in _ACRONYM.finditer(text)
        if not _on_caps_line(text, m.start()) and not _label(text, m) and not _starts_name(text, m, starting)
    ]
    counts = Counter(m.group("abbr") for m in found)
    listed = actor_words().organisation_acronyms
    out, seen = [], set()
    abbreviations = default_words().country_abbreviations
    for m in found:
        abbr = m.group("abbr")
        if abbr in seen or abbr.lower() in not_actor_words() or abbr in abbreviations or abbr in no_actors:
            continue
        if normalize(abbr) in known_forms:
            continue
        if abbr.endswith("s") and abbr not in listed:
            continue
        why = _why_actor(text, m, counts[abbr], abbr in listed)
        if why is None:
            continue
        seen.add(abbr)
        kind = listed.get(abbr) or apposed_kind(text, m.end())
        guessed = "" if kind else "; kind guessed"
        kind = kind or "armed_group"
        out.append((abbr, kind, m.start(), m.end(), f"an abbreviation used alone ({why}){guessed}"))
    return out


def _starts_name(text: str, m: re.Match, names: dict[str, list[str]]) -> bool:
    return any(text.startswith(name, m.start()) for name in names.get(m.group("abbr"), []))


def _label(text: str, m: re.Match) -> bool:
    return bool(_LABEL_AFTER.match(text, m.end()))


def _why_actor(text: str, m: re.Match, count: int, listed: bool) -> str | None:
    abbr = m.group("abbr")
    if count >= ACRONYM_REPEATS:
        return f"used {count} times"
    actor_word = _ACTOR_AFTER.match(text, m.end()) or acting_verb(text, m.start(), m.end())
    if actor_word:
        return f"'{abbr}{actor_word.group()}'"
    if _OWNED_AFTER.match(text, m.end()):
        return f"'{text[max(0, m.start() - 4) : m.end() + 2].strip()}': an organisation's"
    slot = organisation_slot(text, m.start(), m.end())
    if slot:
        return f"{slot}: where an organisation stands"
    return "a known abbreviation of an organisation" if listed else None


def _on_caps_line(text: str, offset: int) -> bool:
    """A line in capitals is a heading or a title ('IMTIAZ GUL … SEP 2021'), not text naming actors. Only
    the line's characters near `offset` are read (a very long line read whole for each word was quadratic)."""
    start = text.rfind("\n", max(0, offset - CAPS_REACH), offset) + 1 or max(0, offset - CAPS_REACH)
    end = text.find("\n", offset, offset + CAPS_REACH)
    letters = re.sub(r"[^A-Za-z]", "", text[start : end if end >= 0 else min(len(text), offset + CAPS_REACH)])
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
