"""More ways a report names an actor it does not introduce: an abbreviation used on its own ("BLA",
"TTP" without its long form), a country's abbreviation ("U.S."), a group named with a lowercase head
noun ("the Hafiz Gul Bahadur group", "the Jamaat-ul-Ahrar faction"), a body named by a capitalised
word and a lowercase one ("the Khyber district administration", "the Pakistani military"), a name given
with its alias ("Sanaullah Ghafari, also known as Shahab al-Muhajir", "Sehra alias Janan") and the
people an infobox lists under "Commanders and leaders"."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.namewords import is_title, kind_of, lookups, person_name
from torkham.ingest.extract.words import default_words

ACRONYM_REPEATS = 2  # an abbreviation used alone this often (or before an actor word) is a candidate
LEADER_LINES = 16  # lines of an infobox's list of leaders, at most
# Alone: not inside a longer name ("BBC Monitoring", "RFE/RL", "the US Army" are not uses of BBC, RFE, US).
_ACRONYM = re.compile(r"(?<![\w.\-/])(?<![A-Z][\w.]\s)(?P<abbr>[A-Z][A-Z0-9]{1,6}s?)(?![\w\-/]|\.\w|\s+[A-Z])")
_ACTOR_AFTER = re.compile(
    r"\s+(?:militants|fighters|commanders?|leaders?|leadership|chief|spokes(?:man|person)|members|cadres|"
    r"forces|troops|claimed|said|says|denied|announced|attacked|killed|carried out)\b"
)
_GROUP_HEADS = {
    "group": "armed_group",
    "faction": "armed_group",
    "militia": "armed_group",
    "outfit": "armed_group",
    "network": "armed_group",
    "movement": "opposition_group",
    "front": "opposition_group",
    "tribe": "ethnic_group",
}
_BODY_HEADS = "army|military|ministry|administration|agency|office|department|police"  # "government": often an alias
_CAPITALISED = r"(?:[A-Z][\w'’.-]*)(?:[ -](?:e|i|ul|al|ur|ud|[A-Z][\w'’.-]*))*"
_GROUP = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?P<name>{_CAPITALISED})\s+(?P<head>{'|'.join(_GROUP_HEADS)})\b"
)
_BODY = re.compile(
    rf"\b(?:the|The|its)\s+(?P<name>{_CAPITALISED}(?:\s+[a-z]+){{0,2}}\s+(?:{_BODY_HEADS}))\b(?!\s+(?:of|in)\b)"
)
_AKA = re.compile(
    rf"(?P<name>{_CAPITALISED})(?:,\s+|\s+)(?:also known as|alias|a\.k\.a\.?|aka|known as)\s+(?P<alias>{_CAPITALISED})"
)
_LEADERS = re.compile(r"(?im)^[ \t]*(?:commanders? and leaders|leaders?|commanders?|key people|leadership)[ \t]*$")
_NEXT_LABEL = re.compile(
    r"^[ \t]*(?:strength|units involved|casualties|casualties and losses|size|ideology|result|location|"
    r"belligerents|part of|date|active|allegiance|headquarters)\b",
    re.I,
)
_NO_LINK_WORDS = {
    "a",
    "an",
    "and",
    "the",
    "of",
    "for",
    "in",
    "on",
    "at",
    "to",
    "by",
    "or",
    "but",
    "with",
    "is",
    "was",
    "has",
}


@lru_cache(maxsize=1)
def _not_actor_words() -> frozenset[str]:
    words = default_words()
    return frozenset({*words.non_actor_acronyms, *words.non_name_words, *words.demonyms, *words.months})


def lone_acronyms(doc: Document, known_forms: set[str]) -> list[tuple[str, str, int, int, str]]:
    """(abbreviation, kind, start, end, note) of abbreviations used alone, not already a candidate's form."""
    text = doc.text
    found = [m for m in _ACRONYM.finditer(text) if not _on_caps_line(text, m.start())]
    counts = Counter(m.group("abbr") for m in found)
    out, seen = [], set()
    abbreviations = default_words().country_abbreviations
    for m in found:
        abbr = m.group("abbr")
        if abbr in seen or abbr.lower() in _not_actor_words() or abbr in abbreviations or abbr in known_forms:
            continue
        actor_word = _ACTOR_AFTER.match(text, m.end())
        if counts[abbr] < ACRONYM_REPEATS and not actor_word:
            continue
        seen.add(abbr)
        why = f"used {counts[abbr]} times" if counts[abbr] >= ACRONYM_REPEATS else f"'{abbr}{actor_word.group()}'"  # type: ignore[union-attr]
        out.append((abbr, "armed_group", m.start(), m.end(), f"an abbreviation used alone ({why}); kind guessed"))
    return out


def _on_caps_line(text: str, offset: int) -> bool:
    """A line in capitals is a heading or a title ('IMTIAZ GUL … SEP 2021'), not text naming actors."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    letters = re.sub(r"[^A-Za-z]", "", text[start : end if end >= 0 else len(text)])
    return len(letters) > 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def country_abbreviations(doc: Document) -> list[tuple[str, str, int, int]]:
    """(country, abbreviation, start, end) for 'US', 'U.S.', 'UK', … in the text."""
    out = []
    for abbr, country in default_words().country_abbreviations.items():
        for m in re.finditer(rf"(?<![\w.]){re.escape(abbr)}(?![\w]|\.\w)", doc.text):
            out.append((country, abbr, m.start(), m.end()))
    return sorted(out, key=lambda found: found[2])


def named_groups(doc: Document) -> list[tuple[str, str, str, int, int]]:
    """(name, kind, the name with its head noun, start, end): 'the Hafiz Gul Bahadur group'."""
    _heads, _titles, _skip, countries = lookups()
    out = []
    for m in _GROUP.finditer(doc.text):
        name = m.group("name")
        words = name.split()
        if countries.fullmatch(name) or all(w.lower().strip("’'s") in _not_actor_words() for w in words):
            continue
        out.append((name, _GROUP_HEADS[m.group("head")], f"{name} {m.group('head')}", m.start("name"), m.end()))
    return out


def named_bodies(doc: Document) -> list[tuple[str, int, int]]:
    """(name, start, end): 'the Khyber district administration', 'the UN refugee agency'."""
    out = []
    for m in _BODY.finditer(doc.text):
        words = m.group("name").split()
        middle = [w for w in words[1:-1] if w.islower()]
        if any(w in _NO_LINK_WORDS or w.endswith(("ed", "ing")) for w in middle) or words[0].endswith(("'s", "’s")):
            continue  # "the TTP attacked a police post": a verb, not a body
        out.append((m.group("name"), m.start("name"), m.end("name")))
    return out


def aliases_given(doc: Document) -> list[tuple[str, str, str, int, int]]:
    """(name, kind, alias, start, end): 'Sanaullah Ghafari, also known as Shahab al-Muhajir'."""
    out = []
    for m in _AKA.finditer(doc.text):
        name = " ".join(w for w in m.group("name").split() if not is_title(w))
        if not name or name.lower() in _not_actor_words():
            continue
        kind = kind_of(name) or kind_of(m.group("alias")) or "person"
        out.append((name, kind, m.group("alias"), m.start("name"), m.end("alias")))
    return out


def listed_leaders(doc: Document) -> list[tuple[str, int, int]]:
    """(name, start, end) of the people an infobox lists under 'Commanders and leaders' (a flag's country
    name before a name is dropped: 'Pakistan Asim Munir')."""
    text, out = doc.text, []
    for label in _LEADERS.finditer(text):
        position = label.end() + 1
        for _ in range(LEADER_LINES):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            line = text[position:end]
            if _NEXT_LABEL.match(line):
                break
            content = re.sub(r"\([^)]*\)|\[[^\]]*\]|[†✝*•]", " ", line).split()
            person = person_name([w for w in content if w[:1].isupper()]) if content else []
            if 2 <= len(person) <= 4 and kind_of(" ".join(person)) is None and " ".join(person) in line:
                at = position + line.index(" ".join(person))
                out.append((" ".join(person), at, at + len(" ".join(person))))
            position = end + 1
            if position >= len(text):
                break
    return out
