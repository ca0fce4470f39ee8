"""Event words that are words of a name: 'Refugees' in 'the United Nations High Commissioner for Refugees
(UNHCR) reported that …' tells of no displacement. A candidate's name of two words or more (and its aliases),
wherever the text writes it, holds no event word; an initiative's name does ('Operation Zarb-e-Azb')."""

from __future__ import annotations

import re
from bisect import bisect_right

from torkham.ingest.proposal import Proposal

NAME_KINDS_WITH_EVENTS = frozenset({"initiative"})


def name_spans(text: str, candidates: list[Proposal]) -> list[tuple[int, int]]:
    """Where the text writes a candidate's name of two words or more, in text order."""
    names = set()
    for proposal in candidates:
        if proposal.record.get("kind") in NAME_KINDS_WITH_EVENTS:
            continue
        for name in [proposal.record["name"], *(a["name"] for a in proposal.record.get("aliases", []))]:
            if len(name.split()) >= 2:
                names.add(name)
    if not names:
        return []
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def in_name(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """The word at text[start:end] lies inside one of the spans."""
    i = bisect_right(spans, start, key=lambda span: span[0]) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]
