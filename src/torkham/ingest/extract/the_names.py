"""Organisations whose name holds a lowercase "the": "Save the Children said", "told Save the Children". Such a
run of capitalised words is one name where the text uses it at least twice, at least once as an agent: before a
verb of speech or an act, or after "told", "according to" or "by"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.namewords import kind_of, lookups
from torkham.ingest.extract.words import default_words

_NAME = re.compile(r"(?<![\w'’-])(?P<name>[A-Z][a-z]+ the [A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b")
_VERB_AFTER = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:said|says|told|stated|warned|urged|called|estimated|estimates|reported|found|added"
    r"|welcomed|condemned)\b"
)
_AGENT_BEFORE = re.compile(r"\b(?:told|according\s+to|by)\s+$")


def the_names(text: str) -> Iterator[tuple[str, str, int, int, str]]:
    """(name, kind, start, end, note) of each such name, once."""
    found: dict[str, list[re.Match[str]]] = {}
    for m in _NAME.finditer(text):
        found.setdefault(m.group("name"), []).append(m)
    for name, uses in found.items():
        if len(uses) < 2 or _no_name(name) or not any(_agent(text, m) for m in uses):
            continue
        first = uses[0]
        kind = kind_of(name) or "institution"
        yield name, kind, first.start(), first.end(), f"'{name}' used {len(uses)} times, as an agent: a name with 'the'"


def _agent(text: str, m: re.Match[str]) -> bool:
    return bool(_VERB_AFTER.match(text, m.end()) or _AGENT_BEFORE.search(text[max(0, m.start() - 20) : m.start()]))


def _no_name(name: str) -> bool:
    """'Across the Border', 'Pakistan the Government': a link word or a country opens it."""
    first = name.split()[0]
    words = default_words()
    return (
        first.lower() in actor_words().country_prepositions  # "Across the Border", "After the War"
        or first.lower() in words.month_prepositions
        or first.lower() in lookups()[2]
        or first.lower() in words.non_name_words
        or bool(lookups()[3].fullmatch(first))
        or first.lower() in words.months
    )
