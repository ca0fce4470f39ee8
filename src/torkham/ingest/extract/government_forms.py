"""Governments named by capitalised words and a lowercase head that the other finders leave out: a
modifier before a country ("the Interim Afghanistan government") or a ruler's name ("the Ghani regime",
"the Karzai government"). Not a group that is a name by itself ("the Taliban regime": the Taliban,
proposed as such), nor a country or a demonym alone ("the Pakistani government": candidate_finders), nor a
government "of" or "in" somewhere (government_names.py)."""

from __future__ import annotations

import re

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.ingest.extract.namewords import is_title, kind_of, lookups
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

_HEADED = re.compile(r"\b(?:the|The)\s+(?P<name>(?:[A-Z][\w’'-]*\s+){1,3}(?:government|regime))\b(?!\s+(?:of|in)\b)")


def governments_by_name(text: str) -> list[tuple[str, int, int, str]]:
    """(name, start, end, note) of each government named so, in text order."""
    out = []
    for m in _HEADED.finditer(text):
        words = m.group("name").split()[:-1]
        if _plain(words):
            continue
        out.append((m.group("name"), m.start("name"), m.end("name"), f"'{m.group('name')}' in the text"))
    return out


def _plain(words: list[str]) -> bool:
    """Every word a country, a demonym, a name by itself ('Taliban') or a word of no name; or a title or a
    kind word among them ('the Foreign Ministry government')."""
    countries = lookups()[3]
    plain = {*default_words().demonyms, *default_words().non_name_words, *actor_words().proper_heads}
    if any(is_title(w) for w in words) or kind_of(" ".join(words)) is not None:
        return True
    return all(normalize(w) in plain or countries.fullmatch(w) for w in words)


_HEADS = ("government", "regime", "administration")


def merge_ruled_governments(collector: Collector) -> None:
    """'the Ashraf Ghani government', 'the Ghani regime', 'the Ghani administration': governments named by one
    ruler (the same last word before the head) are one candidate; so are 'the Kabul regime' and the capital
    'Kabul' standing for its government. Each merge is noted, for the reviewer to split."""
    by_ruler: dict[str, list[Candidate]] = {}
    for candidate in collector.items:
        words = candidate.name.split()
        if candidate.kind == "government_body" and len(words) >= 2 and words[-1] in _HEADS:
            by_ruler.setdefault(normalize(words[-2]), []).append(candidate)
    for ruler, named in by_ruler.items():
        alone = collector.index.get(ruler)
        if alone is not None and alone.kind == "government_body" and alone not in named:
            named.append(alone)  # "Kabul" proposed for its government
        named.sort(key=lambda c: c.start)
        for other in named[1:]:
            _fold(collector, named[0], other)


def _fold(collector: Collector, first: Candidate, other: Candidate) -> None:
    if other not in collector.items or other is first:
        return
    for form, kind in [(other.name, "other_name"), *other.aliases.items()]:
        first.aliases.setdefault(form, kind)
        collector.index[normalize(form)] = first
    first.notes.append(f"'{other.name}' taken as another name of '{first.name}' (one ruler); split them if two")
    collector.remove(other)
