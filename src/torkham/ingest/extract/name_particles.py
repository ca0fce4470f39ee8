"""Lowercase words inside the long form of an abbreviation: a term ("In fiscal year (FY)") or a name with a
particle the abbreviation spells ("Médecins sans Frontières (MSF)": M, S, F)."""

from __future__ import annotations

import re

from torkham.ingest.extract.namewords import LINK

# what may be lowercase inside a name: "in", "to", a connector alone or opening a word ("Harakat ul-Mujahideen")
_CONNECTOR = re.compile(r"(?:in|to|ud|ur|el|ad|as|ibn|bin|al|ul|e|i)(?:$|[-–‑])")


def common_term(full: str, abbr: str) -> bool:
    """'In fiscal year (FY)': a long form in lowercase words (past a link word or an opening preposition) is
    a term, not a name, unless the abbreviation spells every word of a capitalised name (`spelled_particles`)."""
    words = full.split()[1:]
    lowered = any(w[0].islower() and not LINK.fullmatch(w) and not _CONNECTOR.match(w) for w in words)
    return lowered and not spelled_particles(full, abbr)


def spelled_particles(full: str, abbr: str) -> bool:
    """'Médecins sans Frontières (MSF)', 'Reporters sans frontières (RSF)': the name opens capitalised and the
    abbreviation is the initials of all its words, the lowercase ones included."""
    words = full.split()
    if len(words) < 3 or not words[0][:1].isupper() or not abbr.isalpha():
        return False
    return "".join(w[0] for w in words).upper() == abbr.upper()
