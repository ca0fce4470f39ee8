"""An abbreviation used once that acts: it opens a sentence, a bullet or the clause after a fronted phrase
and a verb of what an organisation does follows ("NRC constructs transitional shelters …", "In May, WFP
delivered …"). The verbs are data (actor_words.yaml: agent_verbs). Or it stands where only an organisation
can (organisation_slot): after its people or parts ("members of the NCHR"; actor_words.yaml:
organisation_people), as the agent of a passive after "by the" ("was welcomed by the KPRC"; "by ACTED"
without the article is not enough), or before an apposition that says what kind of actor it is ("the TLP,
a religious party,") — and is no modifier of a noun after it ("the KPRC meeting" names a meeting)."""

from __future__ import annotations

import re

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.namewords import kind_of

_VERB_AFTER = re.compile(r"\s+(?:also\s+|has\s+|have\s+|had\s+)?([a-z]+)\b")
# a sentence's or a bullet's start, or a comma after a short fronted phrase ("In May, ")
_OPENS = re.compile(r"(?:^|\n|[.!?]\s+|[•▪◦*-]\s*)(?:[A-Z][^\n,.;]{1,30},\s+)?$")


def acting_verb(text: str, start: int, end: int) -> re.Match[str] | None:
    """The verb after the abbreviation at text[start:end] when it opens a clause and the verb is an
    organisation's act, else None."""
    after = _VERB_AFTER.match(text, end)
    if after is None or after.group(1) not in actor_words().agent_verbs:
        return None
    return after if _OPENS.search(text[max(0, start - 40) : start]) else None


# what may follow an abbreviation that names an organisation: a stop, or a word that is no noun it modifies
_ENDS_NAME = re.compile(
    r"(?:\s*[.,;:)]|\s+(?:on|in|at|and|or|to|for|with|from|of|after|during|over|since|which|who|that|has|had|"
    r"have|is|was|were|will|would|said|says)\b|\s+[a-z]+ed\b)"  # "members of the NCHR condemned"
)
_PASSIVE_BY = re.compile(r"\b(?:[a-z]+(?:ed|en|wn)|carried out|set up|run|led|held|made)\s+by\s+the\s+$")
_APPOSITION = re.compile(r",\s+(?:an?|the)\s+(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}),")


def organisation_slot(text: str, start: int, end: int) -> str | None:
    """Why the abbreviation at text[start:end], used once, stands where an organisation does; else None."""
    if not _ENDS_NAME.match(text, end):
        return None
    before = text[max(0, start - 40) : start]
    people = re.search(r"\b([A-Za-z]+)\s+(?:of|for)\s+the\s+$", before)
    if people and people.group(1).lower() in actor_words().organisation_people:
        return f"'{people.group().strip()} {text[start:end]}'"
    passive = _PASSIVE_BY.search(before)
    if passive:
        return f"'{passive.group().strip()} {text[start:end]}'"
    apposition = _APPOSITION.match(text, end)
    if apposition and apposed_kind(text, end):
        return f"'{text[start:end]}, {apposition.group()[1:].strip()}'"
    return None


def apposed_kind(text: str, end: int) -> str | None:
    """The kind of actor an apposition after a name says it is ('the TLP, a religious party,'), or None."""
    apposition = _APPOSITION.match(text, end)
    return kind_of(apposition.group("what")) if apposition else None
