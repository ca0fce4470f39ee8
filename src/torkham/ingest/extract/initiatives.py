"""Programmes and plans named with a lowercase head noun: "the Return of Qualified Afghans programme", "the
Proof of Registration Card Extension plan"; the kind such a head gives a name written before it. The capitalised words before the head are the name (the head
with them is an alias); a country, a demonym or an abbreviation alone before it names no initiative ("the
Pakistan programme", "the UN plan"), nor a possessive its owner ("the Government of Pakistan’s plan")."""

from __future__ import annotations

import re

from torkham.ingest.document import Document
from torkham.ingest.extract.namewords import is_generic, lookups
from torkham.ingest.extract.words import default_words

_WORD = r"[A-Z][\w'’-]*"
_INITIATIVE = re.compile(
    rf"\b(?:the|The|its|their)\s+(?P<name>{_WORD}(?:\s+(?:of|for|and|the|on)?\s*{_WORD})*)"
    r"\s+(?P<head>programme|program|initiative|project|campaign|scheme|plan)\b"
)


_POSSESSIVE = re.compile(r"['’]s?$")

_HEADS = {
    **dict.fromkeys(("programme", "program", "initiative", "project", "campaign", "scheme", "plan"), "initiative"),
    **dict.fromkeys(("group", "faction", "militia", "outfit", "network"), "armed_group"),
}
_HEAD_AFTER = re.compile(rf"\s+({'|'.join(_HEADS)})\b")


def head_after(text: str, end: int) -> str | None:
    """The kind a lowercase head noun right after a name says: 'Refugee Affected and Hosting Areas (RAHA)
    programme' is an initiative, 'the Hafiz Gul Bahadur (HGB) group' an armed group."""
    m = _HEAD_AFTER.match(text, end)
    return _HEADS[m.group(1)] if m else None


def named_initiatives(doc: Document) -> list[tuple[str, str, int, int]]:
    """(name, name with its head, start, end) of each initiative named so."""
    out = []
    countries = lookups()[3]
    demonyms = set(default_words().demonyms)
    for m in _INITIATIVE.finditer(doc.text):
        name = m.group("name")
        words = name.split()
        if len(words) == 1 and (name.isupper() or countries.fullmatch(name) or name.lower() in demonyms):
            continue
        if countries.fullmatch(name) or is_generic(name) or words[0].lower() in default_words().non_name_words:
            continue
        if _POSSESSIVE.search(name):
            continue  # "the Government of Pakistan’s plan": the plan of an owner the name runs find
        out.append((name, f"{name} {m.group('head')}", m.start("name"), m.end()))
    return out
