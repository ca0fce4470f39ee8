"""An abbreviation used once that acts: it opens a sentence, a bullet or the clause after a fronted phrase
and a verb of what an organisation does follows ("NRC constructs transitional shelters …", "In May, WFP
delivered …"). The verbs are data (actor_words.yaml: agent_verbs)."""

from __future__ import annotations

import re

from torkham.ingest.extract.actor_words import actor_words

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
