"""An initiative's name that goes on with the country it is for: "The new Strategy for the Management of
Afghans in Pakistan, which was endorsed …". The runs of capitalised names stop at "in"; a candidate of kind
initiative whose name is followed by "in" and a country, then a stop or a clause ("which", "that", a verb of
being), takes the country into its name (the shorter form stays an alias)."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.candidate_collector import Collector
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize


@lru_cache(maxsize=1)
def _country_after() -> re.Pattern[str]:
    countries = "|".join(re.escape(c) for c in sorted(default_words().countries, key=len, reverse=True))
    return re.compile(rf" in (?:the )?(?:{countries})(?=[,.;:)]|\s+(?:which|that|was|is|has|had|will|were|are)\b)")


def extend_initiatives(text: str, collector: Collector) -> None:
    """Each initiative candidate's name, with the country it is for when the text names one so."""
    for candidate in collector.items:
        if candidate.kind != "initiative" or text[candidate.start : candidate.end] != candidate.name:
            continue
        country = _country_after().match(text, candidate.end)
        if country is None:
            continue
        short, candidate.name = candidate.name, candidate.name + country.group()
        candidate.aliases.setdefault(short, "short_name")
        candidate.end = country.end()
        collector.index[normalize(candidate.name)] = candidate
