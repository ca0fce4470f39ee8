"""Words that make a capitalised run a name, and what kind: head words ("Front", "Ministry"), person
titles ("General", "spokesperson"), link words ("of", "e", "ul"), countries — and the evidence that a
name without a title is a person's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import overload

from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

NAME_LINKS = r"(?:of|for|and|the|de|al|ul|bin|e|i|on|at|für|die|der)"
LINK = re.compile(NAME_LINKS)
STOP_IN = re.compile(r"(?:\b(\w+))?[.!?:\n]")  # a sentence stop and the word before it ("Dr." is none)
CAP = r"[A-Z](?:[\w'’-]|\.(?=\w))*"  # a full stop only inside ("U.S-led"), never ending a sentence
SEQUENCE = re.compile(rf"{CAP}(?:(?: +{NAME_LINKS})* +{CAP})*")
HANDLE_AFTER = re.compile(r"\W{0,6}@(\w+)")
LED_BY = re.compile(r"\b(?:led|leading|founded|established|headed|created)\s+by\s+$", re.I)


@lru_cache(maxsize=1)
def lookups() -> tuple[dict[str, str], set[str], set[str], re.Pattern]:
    words = default_words()
    heads = {w: kind for kind, ws in words.actor_kind_words.items() for w in ws}
    countries = re.compile(
        r"\b(?:" + "|".join(re.escape(c) for c in sorted(words.countries, key=len, reverse=True)) + r")\b"
    )
    return heads, set(words.person_titles), set(words.non_name_words), countries


@overload
def kind_of(name: str, default: str) -> str: ...
@overload
def kind_of(name: str, default: None = None) -> str | None: ...
def kind_of(name: str, default: str | None = None) -> str | None:
    """The actor kind the words of a name suggest: the first word that is a head word decides."""
    heads, _titles, _skip, _countries = lookups()
    parts = [p for p in re.split(r"[\s\-/]+", normalize(name)) if p]
    for i, part in enumerate(parts):
        pair = " ".join(parts[i : i + 2])
        if pair in heads:
            return heads[pair]
        if part in heads:
            return heads[part]
    return default


def is_title(word: str) -> bool:
    _heads, titles, _skip, _countries = lookups()
    word = word.lower().strip(".,")
    return word in titles or word.rstrip("s") in titles


def person_name(words: list[str]) -> list[str]:
    """The words of a person's name: up to the first link word, after the last acronym or country."""
    _heads, _titles, _skip, countries = lookups()
    out: list[str] = []
    for word in words:
        if LINK.fullmatch(word):
            break
        out.append(word)
    for i in range(len(out) - 1, -1, -1):
        if (out[i].isupper() and len(out[i]) > 1) or countries.fullmatch(out[i]):
            out = out[i + 1 :]
            break
    return [] if any(is_title(w) for w in out) else out


def person_evidence(text: str, start: int, end: int, words: list[str]) -> str | None:
    """Why a capitalised name (without a title inside it) is a person, or None."""
    speech = default_words().speech_verbs
    reach = max(0, start - 80)
    stops = [m.end() for m in STOP_IN.finditer(text, reach, start) if not is_title(m.group(1) or "")]
    sentence_start = max([reach, *stops])
    before = text[sentence_start:start]
    after = text[end : end + 60]
    near = re.findall(r"[\w.]+", before)[-2:]
    several = len(words) >= 2
    if several and before.rstrip().endswith(",") and any(is_title(w) for w in re.findall(r"\w+", before)[-6:]):
        return f"a role before it: '{before.strip()[-40:]}'"
    if several and near and any(is_title(w) for w in near):
        return f"a title before it: '{' '.join(near)}'"
    led = LED_BY.search(before)
    if several and led:
        return f"'{led.group().strip()}' before it"
    appositive = re.match(r",\s+([^,.;:()\n]{2,60})", after)
    role = appositive.group(1).split()[:5] if appositive else []
    if several and any(is_title(w.removesuffix("'s")) for w in role):
        return f"a role after it: '{' '.join(role)}'"
    verb = re.match(r"\s+(\w+)", after)
    common = len(words) == 1 and words[0].lower() in {*default_words().speaker_nouns, *default_words().demonyms}
    place = re.search(r"\b(?:in|of|from|at|near)\s+$", before)  # "The administration in Kabul accused"
    if verb and verb.group(1).lower() in speech and len(words) <= 3 and not common and not place:
        return f"reported speech: '{verb.group(1)}'"
    said = re.search(r"\b(says|said|according to)\s+$", before)
    if several and said:
        return f"reported speech: '{said.group(1)}'"
    handle = HANDLE_AFTER.match(after)
    if handle and handle.group(1).lower().startswith(normalize(" ".join(words)).replace(" ", "")[:5]):
        return f"handle @{handle.group(1)}"
    return None
