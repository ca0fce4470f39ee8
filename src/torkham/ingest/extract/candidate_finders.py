"""More ways a report names an actor it does not introduce (abbreviations used on their own are in
lone_acronyms.py): a country's abbreviation ("U.S."), a group named with a lowercase head noun ("the Hafiz
Gul Bahadur group", "the Jamaat-ul-Ahrar faction"), a body named by a capitalised word and a lowercase one
("the Khyber district administration", "the Pakistani military"), a name given with its alias ("Sanaullah
Ghafari, also known as Shahab al-Muhajir", "Sehra alias Janan") and the people an infobox lists under
"Commanders and leaders"."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.lone_acronyms import not_actor_words
from torkham.ingest.extract.namewords import is_title, kind_of, lookups, person_name, thing_after
from torkham.ingest.extract.words import default_words

LEADER_LINES = 16  # lines of an infobox's list of leaders, at most

_GROUP_HEADS = {
    "group": "armed_group",
    "faction": "armed_group",
    "militia": "armed_group",
    "outfit": "armed_group",
    "network": "armed_group",
    "movement": "opposition_group",
    "front": "opposition_group",
    "tribe": "ethnic_group",
    "brigade": "armed_group",
    "brigades": "armed_group",
}
_BODY_HEADS = "army|military|ministry|administration|agency|office|department|police"  # "government": often an alias
_CAPITALISED = r"(?:[A-Z][\w'’.–‐‑-]*)(?:[ –‐‑-](?:e|i|ul|al|ur|ud|[A-Z][\w'’.–‐‑-]*))*"
_GROUP = re.compile(  # after an article, or opening a sentence: "Haqqani network fighters attacked"
    rf"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+|(?:^[ \t]*(?:[•*–—-][ \t]+)?|(?<=[.!?]\s))(?!(?:The|A|An|Its|Their)\s))"
    rf"(?P<name>{_CAPITALISED})\s+(?P<head>{'|'.join(_GROUP_HEADS)})\b",
    re.M,
)
_BODY = re.compile(
    rf"\b(?:the|The|its)\s+(?P<name>{_CAPITALISED}(?:\s+[a-z]+){{0,2}}\s+(?:{_BODY_HEADS}))\b(?!\s+(?:of|in)\b)"
)
# "known as" alone needs a comma before it: "a part of Peshawar known as University Town" names a place.
_AKA = re.compile(
    rf"(?P<name>{_CAPITALISED})(?:,?\s+(?:also known as|alias|a\.k\.a\.?|aka)|,\s+(?:known|better known) as)\s+(?:the\s+)?"
    rf"(?P<alias>{_CAPITALISED})"
)
_ALIAS_SEPARATOR = r"(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_MORE_ALIASES = re.compile(rf"(?:{_ALIAS_SEPARATOR}{_CAPITALISED})+")  # ", Y and Z" after the first alias
_LEADERS = re.compile(r"(?im)^[ \t]*(?:commanders? and leaders|leaders?|commanders?|key people|leadership)[ \t]*$")
_NEXT_LABEL = re.compile(
    r"^[ \t]*(?:strength|units involved|casualties|casualties and losses|size|ideology|result|location|"
    r"belligerents|part of|date|active|allegiance|headquarters)\b",
    re.I,
)
_ARTICLED = re.compile(r"(?:al|ul|ud|ur|ad|as|ash)[-–][A-Z]")  # "Shahab al-Muhajir"
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


def country_abbreviations(doc: Document) -> list[tuple[str, str, int, int]]:
    """(country, abbreviation, start, end) for 'US', 'U.S.', 'UK', … in the text."""
    out = []
    for abbr, country in default_words().country_abbreviations.items():
        for m in re.finditer(rf"(?<![\w.]){re.escape(abbr)}(?![\w$]|\.\w)", doc.text):  # not "US$"
            out.append((country, abbr, m.start(), m.end()))
    return sorted(out, key=lambda found: found[2])


def named_groups(doc: Document) -> list[tuple[str, str, str | None, int, int]]:
    """(name, kind, alias or None, start, end): 'the Jamaat-ul-Ahrar faction' is Jamaat-ul-Ahrar (alias
    'Jamaat-ul-Ahrar faction'); a group named after a person or a place keeps its head noun in its name —
    'the Haqqani network', 'the Hafiz Gul Bahadur group' — so that it never shares a name with the person."""
    _heads, _titles, _skip, countries = lookups()
    out: list[tuple[str, str, str | None, int, int]] = []
    for m in _GROUP.finditer(doc.text):
        name = m.group("name")
        words = name.split()
        if countries.fullmatch(name) or all(w.lower().strip("’'s") in not_actor_words() for w in words):
            continue
        opens = not re.match(r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[ \t]*[•*–—-])", doc.text[m.start() : m.start("name")])
        alone = re.match(r"[ \t]*(?:\n|$)", doc.text[m.end() : m.end() + 2])  # a line of a list: "Majeed brigades"
        if opens and not alone and not _capitalised_within(doc.text, name):
            continue  # "Militant group claims …": a sentence may open with any capitalised word
        with_head = f"{name} {m.group('head')}"
        kind = _GROUP_HEADS[m.group("head")]
        if kind_of(name) is not None:
            out.append((name, kind, with_head, m.start("name"), m.end()))
        else:
            out.append((with_head, kind, None, m.start("name"), m.end()))
    return out


def _capitalised_within(text: str, name: str) -> bool:
    """The name is written capitalised somewhere inside a sentence, not only opening one."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        before = text[max(0, m.start() - 3) : m.start()].rstrip(" \t•*–—-")
        if before and before[-1] not in ".!?:\n":
            return True
    return False


def named_bodies(doc: Document) -> list[tuple[str, int, int]]:
    """(name, start, end): 'the Khyber district administration', 'the UN refugee agency', 'the Pakistani
    government' (a government named by its country: 'Islamabad’s government' is not one)."""
    out = []
    for m in _BODY.finditer(doc.text):
        words = m.group("name").split()
        middle = [w for w in words[1:-1] if w.islower()]
        if any(w in _NO_LINK_WORDS or w.endswith(("ed", "ing")) for w in middle) or words[0].endswith(("'s", "’s")):
            continue  # "the TTP attacked a police post": a verb, not a body
        if thing_after(doc.text, m.end("name")):
            continue  # "the Saddar police station": a place
        out.append((m.group("name"), m.start("name"), m.end("name")))
    for pattern in (*_government(), _de_facto_forces()):
        out += [(m.group("name"), m.start("name"), m.end("name")) for m in pattern.finditer(doc.text)]
    return sorted(out, key=lambda found: found[1])


@lru_cache(maxsize=1)
def _de_facto_forces() -> re.Pattern:
    """'de facto security forces', 'de facto police': the forces of a de facto power, named by their role in
    lowercase (not 'a de facto authority', a description)."""
    forces = "|".join(actor_words().force_modifiers)
    return re.compile(rf"\b(?P<name>de facto\s+(?:(?:{forces})\s+)?(?:forces|police|army|troops))\b")


@lru_cache(maxsize=1)
def _government() -> tuple[re.Pattern, re.Pattern]:
    """'the Pakistani government'; 'Pakistani security forces', with or without an article ('Tajikistan
    security forces' make Tajikistan act: country_agents)."""
    words = default_words()
    names = [*(w.capitalize() for w in words.demonyms), *words.countries, *words.country_abbreviations]
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    forces = "|".join(actor_words().force_modifiers)
    demonyms = "|".join(re.escape(w.capitalize()) for w in words.demonyms)
    return (
        re.compile(rf"\b(?:the|The)\s+(?P<name>(?:{alternatives})\s+government)\b(?!\s+(?:of|in)\b)"),
        re.compile(rf"(?<![\w-])(?P<name>(?:{demonyms})\s+(?:{forces})\s+forces)\b(?!\s+(?:of|in)\b)"),
    )


def aliases_given(doc: Document) -> list[tuple[str, str, list[str], int, int]]:
    """(name, kind, aliases, start, end): 'Sanaullah Ghafari, also known as Shahab al-Muhajir'; 'TTP, also
    known as Pakistani Taliban, Tehrik-e Taliban and Tehreek-e-Taliban' (a list of aliases ends with 'and'
    or 'or', or at the end of its sentence). A name or alias with a title is a person's, whatever its words
    ('Maulana Fazlullah, known as Mullah Radio')."""
    out = []
    for m in _AKA.finditer(doc.text):
        words = m.group("name").split()
        name = " ".join(w for w in words if not is_title(w))
        if not name or name.lower() in not_actor_words():
            continue
        titled = is_title(words[0]) or is_title(m.group("alias").split()[0])
        kind = "person" if titled else kind_of(name) or kind_of(m.group("alias")) or "person"
        more, end = _more_aliases(doc.text, m.end("alias"))
        aliases = [_before_full_stop(a) for a in [m.group("alias"), *more]]
        out.append((name, kind, [a for a in aliases if a], m.start("name"), end))
    return out


def _before_full_stop(alias: str) -> str:
    """'TTP. While' → 'TTP': an abbreviation or a word (not a title, nor an initial) with a full stop ends
    its sentence; 'U.S. Army' and 'Gen. Sahir' go on."""
    words = alias.split()
    for i, word in enumerate(words[:-1]):
        core = word[:-1]
        if word.endswith(".") and len(core) > 1 and "." not in core and not is_title(word):
            return " ".join(words[: i + 1])[:-1]
    return alias


def _more_aliases(text: str, at: int) -> tuple[list[str], int]:
    rest = _MORE_ALIASES.match(text, at)
    if rest is None:
        return [], at
    closed = re.match(r"\s*(?:[.;)\n]|$)", text[rest.end() : rest.end() + 3])
    if not closed and not re.search(r"\s(?:and|or)\s+[^,]*$", rest.group()):
        return [], at  # "X, also known as Y, Pakistan's army said": not a list of aliases
    return re.split(_ALIAS_SEPARATOR, rest.group())[1:], rest.end()


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
            person = person_name([w for w in content if w[:1].isupper() or _ARTICLED.match(w)]) if content else []
            if 2 <= len(person) <= 4 and kind_of(" ".join(person)) is None and " ".join(person) in line:
                at = position + line.index(" ".join(person))
                out.append((" ".join(person), at, at + len(" ".join(person))))
            position = end + 1
            if position >= len(text):
                break
    return out
