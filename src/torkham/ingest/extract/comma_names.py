"""Names of bodies that list their fields with commas: after a body word and "of" ("Ministry of Religious
Affairs, Interfaith Harmony and Education"), or joined by "&" before the word saying what they are
("Foreign, Commonwealth & Development Office"). A capitalised run of name words stops at a comma, so these
are read whole here; the runs inside them are then left out ("Development Office" alone is not the body).
A list of names ("Pakistan, China and the Foreign Office", "Lahore, Karachi and Quetta Police") is not
one: a lowercase word, a country or a name with a kind word of its own among its parts, or neither a body
word before nor "&" inside."""

from __future__ import annotations

import re

from torkham.ingest.document import Document
from torkham.ingest.extract.namewords import kind_of, lookups
from torkham.ingest.extract.words import default_words

_WORD = r"[A-Z][\w'’-]*"
_NAME = re.compile(
    rf"(?<![\w-])(?P<fields>(?:(?:{_WORD}\s+){{0,2}}{_WORD},\s+)+(?:{_WORD}\s+){{0,2}}{_WORD},?\s+(?:&|and)\s+)"
    rf"(?P<rest>(?:{_WORD}\s+){{0,3}}{_WORD})"
)


def comma_names(doc: Document) -> list[tuple[str, str | None, int, int]]:
    """(name, the name with the country abbreviation written before it or None, start, end)."""
    out = []
    countries = lookups()[3]
    abbreviations = default_words().country_abbreviations
    for m in _NAME.finditer(doc.text):
        rest, head = m.group("rest").split(), _head_before(doc.text, m.start())
        if not head and ("&" not in m.group("fields") or kind_of(rest[-1]) is None):
            continue  # "Lahore, Karachi and Quetta Police": a list, unless a body word opens it or "&" joins it
        if len(rest) > 1 and kind_of(" ".join(rest[:-1])) is not None:
            continue  # the last part is a name by itself
        fields = [f.strip(" ,&") for f in re.split(r",\s+|\s+(?:&|and)\s+", m.group("fields")) if f.strip(" ,&")]
        fields[0] = fields[0].split(maxsplit=1)[-1] if fields[0].split()[0] in abbreviations else fields[0]
        if any(countries.fullmatch(f) or kind_of(f) is not None or f in abbreviations for f in fields):
            continue
        first = m.group().split()[0]
        country = first if first in abbreviations or countries.fullmatch(first) else None
        name = m.group().removeprefix(f"{country} ") if country else m.group()
        start = m.end() - len(name) - len(head)
        out.append((head + name, f"{country} {head}{name}" if country else None, start, m.end()))
    return out


def _head_before(text: str, at: int) -> str:
    """'Ministry of ' before 'Religious Affairs, Interfaith Harmony and Education'."""
    before = re.search(rf"({_WORD}) (?:of|for) $", text[max(0, at - 40) : at])
    return before.group() if before and kind_of(before.group(1)) is not None else ""
