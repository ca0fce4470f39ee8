"""Newspapers and channels whose name opens with "The": "told The News", "according to The Express
Tribune". A capitalised "The" inside a sentence belongs to the name after it; after a word that names a
source (outlet_before of actor_words.yaml) that name is an outlet's (kind media). Not a place the gazetteer
knows ("according to The Hague", "The Netherlands")."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.geo.gazetteer import load_gazetteer
from torkham.ingest.extract.actor_words import actor_words

_NAME = r"The(?:\s+[A-Z][\w'’.-]*){1,3}"


@lru_cache(maxsize=1)
def _after_source() -> re.Pattern[str]:
    words = sorted(actor_words().outlet_before, key=len, reverse=True)
    before = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"\b(?i:{before})\s+(?P<name>{_NAME})")


def outlet_names(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, note) of each outlet named so, in text order (candidates.py gives a name of two
    words or more past "The" as its alias: "Express Tribune")."""
    out = []
    for m in _after_source().finditer(text):
        name = m.group("name").rstrip(".")
        if any(load_gazetteer().resolve(form).found for form in (name, name.removeprefix("The "))):
            continue
        before = text[m.start() : m.start("name")].strip()
        out.append((name, m.start("name"), m.start("name") + len(name), f"'{before} {name}': an outlet"))
    return out
