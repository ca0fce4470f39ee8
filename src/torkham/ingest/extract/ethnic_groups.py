"""Ethnic and religious communities named in a text ("predominantly Pashtun", "97 Hazara protestors",
"anti-Shia", "the Uzbek ethnic group", "rebel Pushtuns and Balochs"): actors of kind ethnic_group.

A word of ethnic_groups (actor_words.yaml) is one used as a noun (a plural, after a word such as
"predominantly", or ending its phrase), before a noun for its people ("families", "community") or in a
compound ("anti-Shia"); any capitalised word is one after "ethnic" or before "ethnic group", or named by
a phrase of naming after a noun for a people ("a people called Pactyans"; actor_words.yaml: people_nouns). A word
inside a longer name is not one ("Mumtaz Zahra Baloch", "Baloch Liberation Army", "Hazara Town"). The
plural is an alias of the singular ("Balochs" of "Baloch")."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.words import default_words

_WORD = re.compile(r"(?<![\w’'])(?:anti-)?(?P<word>[A-Z][a-z]+?(?:['’][a-z]+)?)(?P<plural>s)?(?![\w’'])")
_EXPLICIT = re.compile(r"\bethnic\s+(?P<a>[A-Z][a-z]+)|(?P<b>[A-Z][a-z]+)\s+ethnic\s+(?:group|community|minority)")
# "a people called Pactyans", "a tribe known as the Kalash": the naming phrase makes any name a community's
_NAMING = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)\s+(?P<noun>[a-z]+)\s+(?:called|named|known\s+as)\s+(?:the\s+)?(?P<c>[A-Z][a-z]+)\b"
)
_NEXT = re.compile(r"[ -]([A-Za-z]+)")
_PREVIOUS = re.compile(r"([A-Za-z]+)[ ]$")
_PHRASE_END = re.compile(r"\s*(?:[.,;:)!?\n]|\[|\band\b|\bor\b|$)")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    words = actor_words()
    plain = frozenset({*default_words().non_name_words, *default_words().demonyms, *words.ethnic_markers})
    return words.ethnic_groups, words.ethnic_group_nouns, words.ethnic_markers, plain


def find_ethnic_groups(text: str) -> list[tuple[str, list[str], int, int, str]]:
    """(name, other forms, start, end, note) of each community, in text order. A form written with an
    apostrophe or in the plural is the same name ('Shi'a' after 'Shia', 'Balochs' after 'Baloch')."""
    found = []
    groups = _words()[0]
    for m in _WORD.finditer(text):
        word = m.group("word")
        if word.lower() not in groups or _inside_name(text, m.start("word"), m.end()):
            continue
        why = _why(text, m)
        if why:
            found.append((word, text[m.start("word") : m.end()], m.start("word"), m.end(), why))
    named = {*groups, *default_words().demonyms}
    for m in _EXPLICIT.finditer(text):
        group = "a" if m.group("a") else "b"
        if m.group(group).lower() in named and not _inside_name(text, m.start(group), m.end(group)):
            found.append(
                (m.group(group), m.group(group), m.start(group), m.end(group), f"'{m.group().strip()}' in the text")
            )
    for m in _NAMING.finditer(text):
        if m.group("noun") in actor_words().people_nouns and not _inside_name(text, m.start("c"), m.end("c")):
            found.append((m.group("c"), m.group("c"), m.start("c"), m.end("c"), f"'{m.group().strip()}' in the text"))
    first: dict[str, str] = {}
    out = []
    for word, written, start, end, why in sorted(found, key=lambda f: f[2]):
        name = first.setdefault(re.sub(r"['’]", "", word.lower()), word)
        out.append((name, sorted({word, written} - {name}), start, end, why))
    return out


def _why(text: str, m: re.Match) -> str | None:
    _groups, nouns, markers, _plain = _words()
    following = _NEXT.match(text, m.end())
    before = _PREVIOUS.search(text[max(0, m.start() - 30) : m.start()])
    shown = text[m.start() : m.end()]
    if m.group().startswith("anti-"):
        return f"'{shown}' in the text"
    if following and following.group(1).lower() in nouns:
        return f"'{shown} {following.group(1)}' in the text"
    if m.group("plural") or (before and before.group(1).lower() in markers):
        return f"'{shown}' used as a noun"
    if _PHRASE_END.match(text, m.end()) and before and before.group(1).islower():
        return f"'{shown}' used as a noun"
    return None


def _inside_name(text: str, start: int, end: int) -> bool:
    """A capitalised word joined by a space on either side makes the word part of a longer name."""
    plain = _words()[3]
    before = _PREVIOUS.search(text[max(0, start - 30) : start])
    after = re.match(r" ([A-Z][a-z]+)", text[end : end + 30])
    capital_before = before and before.group(1)[:1].isupper() and before.group(1).lower() not in plain
    capital_after = after and after.group(1).lower() not in _words()[1]
    return bool(capital_before or capital_after)
