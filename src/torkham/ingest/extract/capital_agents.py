"""A capital standing for its government: it opens a sentence and a verb of speech or of an act follows
("Islamabad dismisses Kabul’s objections", "Tehran said on Monday"). The capitals are data (actor_words.yaml:
capital_cities). A capital named as a place ("in Islamabad", a dateline "Islamabad, 3 November 2023:") or
written possessive ("Kabul’s objections", whose government the text may name otherwise) is none."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.name_runs import act_verb

_OPENS = re.compile(r"(?:^|\n|[.!?]\s+)(?:But\s+|And\s+|Yet\s+)?$")
_VERB_AFTER = re.compile(r"\s+(?:also\s+|has\s+|had\s+|have\s+)?([a-z]+)\b")


@lru_cache(maxsize=1)
def capital_pattern() -> re.Pattern[str]:
    names = sorted((" ".join(w.capitalize() for w in c.split()) for c in actor_words().capital_cities), key=len)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in reversed(names)) + r")(?![\w’'-])")


def capital_agents(text: str) -> list[tuple[str, int, int, str]]:
    """(capital, start, end, note) of each capital acting for its government, as above, in text order."""
    out = []
    for m in capital_pattern().finditer(text):
        verb = _VERB_AFTER.match(text, m.end())
        if verb and act_verb(verb.group(1)) and _OPENS.search(text[max(0, m.start() - 12) : m.start()]):
            out.append((m.group(), m.start(), m.end(), f"'{m.group()} {verb.group(1)}': a capital for its government"))
    return out
