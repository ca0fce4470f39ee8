"""Groups named in a list beside a group already found ("its affiliates, including Jamaatul Ahrar, Hizbul
Ahrar and Lashkar-e-Islam"): groups too, of the kind of the one found (a guess the note states). A list
item that is a country, a place the gazetteer knows, a demonym or a person's name with a title is none;
nor is a name whose last word names a thing or a place ("the TTP and the Durand Line"), nor a one-word
adverb ("Similarly, Al-Qaeda and …"; actor_words.yaml: sentence_adverbs); nor is a list without a group
candidate in it ("Bannu, Lakki Marwat and North Waziristan"). A list and its names stay on one line: a
heading's last name does not run into the paragraph below it."""

from __future__ import annotations

import re

from torkham.geo.gazetteer import load_gazetteer
from torkham.ingest.document import Document
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.ingest.extract.namewords import is_generic, is_title, kind_of, lookups
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

GROUP_KINDS = ("armed_group", "separatist_armed_group", "opposition_group")
# on one line ("… Line\n\nSince" is no name); a later word may open with an Arabic article ("Ansar al-Islam")
_ITEM = r"(?:[Tt]he[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:(?:al|ul|ud|ur|ad|as|ash|el)-)?[A-Z][\w'’-]*){0,3}"
_SEPARATOR = r"(?:,[ \t]+(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or)[ \t]+)"
_LIST = re.compile(rf"(?<![\w-]){_ITEM}(?:{_SEPARATOR}{_ITEM})+")
_ARTICLE = re.compile(r"^[Tt]he\s+")
_LONGER = re.compile(r"\s+(?:of|for|on|in)\s+[A-Z]|['’]s\b|[-‐]")
_POSSESSIVE = re.compile(r"['’]s$")
_ADVERB = re.compile(r"[A-Z][a-z]{3,}ly")


def add_listed_groups(doc: Document, collector: Collector) -> None:
    for m in _LIST.finditer(doc.text):
        items = [(i.group(), m.start() + i.start()) for i in re.finditer(_ITEM, m.group())]
        items = [(_ARTICLE.sub("", name), at + len(name) - len(_ARTICLE.sub("", name))) for name, at in items]
        known = [collector.index.get(normalize(name)) for name, _ in items]
        groups = [c for c in known if c is not None and c.kind in GROUP_KINDS]
        if not groups:
            continue
        for (name, at), candidate in zip(items, known, strict=True):
            if _LONGER.match(doc.text, at + len(name)):
                continue  # "the Islamic Movement of Uzbekistan": the name goes on
            if candidate is None and _may_be_group(name):
                note = f"listed with {groups[0].name}; kind guessed from it"
                collector.add(Candidate(name, groups[0].kind, at, at + len(name), {}, [note]))


def _may_be_group(name: str) -> bool:
    words = name.split()
    plain = {*default_words().non_name_words, *default_words().demonyms, *default_words().months}
    if words[0].lower() in plain or any(is_title(w) for w in words) or lookups()[3].search(name):
        return False
    if len(words) == 1 and (_ADVERB.fullmatch(name) or name.lower() in actor_words().sentence_adverbs):
        return False  # "Similarly, Al-Qaeda …": a sentence adverb before the list's only name
    if _POSSESSIVE.search(name) or is_generic(name) or kind_of(name) is not None:
        return False  # "Bahadur's", "Member State"; a name with a kind word is found as such
    if words[-1].lower() in actor_words().non_actor_heads:
        return False  # "the TTP and the Durand Line": a thing or a place, not a group
    return not load_gazetteer().resolve(name).found
