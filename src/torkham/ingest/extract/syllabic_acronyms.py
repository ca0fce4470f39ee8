"""Abbreviations made of the first letters of words and syllables, not of initials alone: "States and
Frontier Regions (SAFRON)", "National Counter Terrorism Authority (NACTA)", "Economic and Social Council
(ECOSOC)". A long form spells one so when each of its capitalised words gives its initial and maybe more of
its own letters, in order, and a link word gives nothing or the same; read only where the initials alone do
not spell the abbreviation (acronyms.py), from the capitalised words right before the brackets, and only for
an abbreviation in capitals ("Voluntary Repatriation (VolRep)" names a term, not a body)."""

from __future__ import annotations

import re
from functools import cache

_LINKS = {"of", "for", "and", "the", "on", "in", "at", "to", "e", "i", "al", "ul", "de"}
_WORD = re.compile(r"[A-Z][\w'’-]*|[a-z]+")
MIN_LETTERS = 3
MIN_CAPITALISED = 2


def syllabic_long_form(text: str, at: int, abbr: str) -> tuple[int, str]:
    """(start, long form) of the capitalised words ending at `at` (before '(ABBR)') that spell the
    abbreviation by syllables, the longest such; (-1, '') when none do."""
    target = re.sub(r"[^A-Za-z]", "", abbr).upper()
    if len(target) < MIN_LETTERS or not abbr.isupper():  # "Voluntary Repatriation (VolRep)": a term
        return -1, ""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    offset = at - len(line)
    words = list(re.finditer(r"\S+", line))
    run: list[re.Match[str]] = []
    for word in reversed(words):  # the run of capitalised and link words right before the brackets
        if not _WORD.fullmatch(word.group()) or (word.group()[0].islower() and word.group() not in _LINKS):
            break
        run.insert(0, word)
    for i, first in enumerate(run):
        chosen = [w.group() for w in run[i:]]
        capitalised = sum(1 for w in chosen if w[0].isupper())
        if first.group()[0].isupper() and capitalised >= MIN_CAPITALISED and spells_by_syllables(target, chosen):
            return offset + first.start(), " ".join(chosen)
    return -1, ""


def spells_by_syllables(target: str, words: list[str]) -> bool:
    """Each capitalised word gives its initial and any of its later letters in order; a link word gives
    nothing or the same; together exactly the target."""
    uppers = tuple(w.upper() for w in words)
    optional = tuple(w[0].islower() for w in words)

    @cache
    def spell(w: int, t: int) -> bool:
        if w == len(uppers):
            return t == len(target)
        if optional[w] and spell(w + 1, t):
            return True
        if t >= len(target) or uppers[w][0] != target[t]:
            return False
        return any(spell(w + 1, end) for end in _takes(uppers[w], target, t))

    return spell(0, 0)


def _takes(word: str, target: str, t: int) -> list[int]:
    """The target positions a word can reach: its initial at target[t], then more of its letters in order."""
    ends, position = [t + 1], 1
    for end in range(t + 1, len(target)):
        position = word.find(target[end], position)
        if position < 0:
            break
        position += 1
        ends.append(end + 1)
    return ends
