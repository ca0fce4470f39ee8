"""A known name inside a longer name the knowledge base does not know is not a mention of its actor:
"Mehsud" (a name of Noor Wali Mehsud) in "Baitullah Mehsud", "Baloch" in "Mumtaz Zahra Baloch",
"Pakistan" in "Tehreek-e-Jihad Pakistan" or "Pakistan Institute for Conflict and Security Studies",
"Al-Qaida" in "Al-Qaida in the Indian Subcontinent (AQIS)". Nor is a capital named as a place ("near
Moscow", "in Islamabad", "the fall of Kabul", "Islamabad, Pakistan") when the knowledge base holds the city's
name for a government. The longer name is returned as a Shadow, to be proposed as a new actor candidate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from torkham.ingest.extract.common import Token
from torkham.ingest.extract.mention_places import written_as_place
from torkham.ingest.extract.namewords import is_title, kind_of, lookups
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

CONNECTORS = {"e", "i", "ul", "al", "ur", "ud", "bin", "ibn"}  # inside "Tehreek-e-Jihad", "Jamaat-ul-Ahrar"
LINKS = {"of", "for", "and", "the", "in"}  # between the words of a longer name after it
_GROUP_AFTER = re.compile(r"[ ](?:network|group|faction|outfit|militia)\b")  # "the Haqqani network"
_PLACE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|around|across|(?:travell?ed|went|flew|came|arrived|headed|returned)\s+to|visited"
    r"|downtown|(?:outskirts|suburbs|streets|centre|center|fall)\s+of)\s+$"
)  # "in downtown Kabul", "the fall of Kabul": the city


@dataclass(frozen=True)
class Shadow:
    name: str  # the longer name, as written
    start: int
    end: int
    form: str  # the known name inside it
    actor_ids: tuple[str, ...]


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    words = default_words()
    weekdays = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    return frozenset({*words.non_name_words, *words.demonyms, *words.months, *weekdays})


def _joined(text: str, left: Token, right: Token, hyphen_only: bool = False) -> bool:
    gap = text[left.end : right.start]
    return gap in ("-", "‐") or (not hyphen_only and gap == " ")


def _name_word(token: Token) -> bool:
    _heads, _titles, _skip, countries = lookups()
    return (
        token.text[:1].isupper()
        and token.norm not in _not_name_words()
        and not is_title(token.text)
        and not countries.fullmatch(token.text)
    )


def _starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip(' \t"“(')
    return before == "" or before[-1] in ".!?:\n"


def name_before(tokens: list[Token], first: int, text: str, taken_until: int) -> int | None:
    """Index of the first token of the capitalised name words right before tokens[first] ('Baitullah' of
    'Baitullah Mehsud'), or None. Words of an earlier match (before `taken_until`) do not count."""
    i, start = first - 1, None
    while i >= 0 and tokens[i].start >= taken_until and _joined(text, tokens[i], tokens[i + 1]):
        token = tokens[i]
        if token.norm in CONNECTORS and i > 0 and _joined(text, tokens[i - 1], token, hyphen_only=True):
            i -= 1
            continue
        if not _name_word(token):
            break
        start, i = i, i - 1
    if start is None:
        return None
    alone = start == first - 1 or all(t.norm in CONNECTORS for t in tokens[start + 1 : first])
    if alone and _starts_sentence(text, tokens[start].start):
        return None  # "Neighbouring Afghanistan": a sentence may start with any capitalised word
    return start


def name_after(tokens: list[Token], last: int, text: str) -> int | None:
    """Index of the last token of a name that continues after tokens[last] with a word saying what it
    is ('Pakistan Institute for Conflict and Security Studies', 'Kabul University'), or None."""
    j, end, words = last + 1, None, []
    while j < len(tokens) and text[tokens[j - 1].end : tokens[j].start] in (" ", "-"):
        token = tokens[j]
        if token.text[:1].isupper() and token.norm not in _not_name_words():
            end = j
            words.append(token.text)
        elif token.norm not in LINKS | CONNECTORS:
            break
        j += 1
    if end is None:
        return None
    own = tokens[last].text
    headed = own.isupper() and not is_title(words[-1]) and kind_of(" ".join([own, *words])) is not None
    if kind_of(" ".join(words)) is None and not headed:
        return None  # "UN Children’s Fund" names a body; "UN Humanitarian Coordinator" is a role of the UN
    return end


def shadows(
    tokens: list[Token],
    text: str,
    matches: list,
    canonical: dict[str, str],
    known: set[str],
    long_forms: list[tuple[int, int]],
    regions: frozenset[str] = frozenset(),
) -> tuple[list, list[Shadow]]:
    """(the matches that are mentions, the longer names that hide the others). `matches` are
    mentions.Match in order; `canonical`: actor id -> name; `known`: normalised known names;
    `long_forms`: spans of the long forms of "Full Name (ABBR)" pairs; `regions`: the actors that are places
    themselves (a province: "in KP" is a mention of it)."""
    kept, hidden = [], []
    taken_until = 0
    for match in matches:
        place = set(match.entry.actor_ids) <= regions
        shadow = _shadow(tokens, text, match, taken_until, known, long_forms, place)
        if shadow is not None:
            hidden.append(shadow)
        elif place or not _is_place(text, match, tokens, canonical):
            kept.append(match)
        taken_until = tokens[match.last].end
    return kept, hidden


def _shadow(tokens, text, match, taken_until, known, long_forms, place=False) -> Shadow | None:
    start, end = tokens[match.first].start, tokens[match.last].end
    form, ids = text[start:end], match.entry.actor_ids
    for long_start, long_end in long_forms:
        if long_start <= start and end <= long_end and (long_start, long_end) != (start, end):
            name = text[long_start:long_end]
            if normalize(name) not in known:
                return Shadow(name, long_start, long_end, form, ids)
    if match.first != match.last and not place:
        return None  # a name of several words is specific enough; not a place's ("Khyber Pakhtunkhwa Police")
    before = name_before(tokens, match.first, text, taken_until)
    after = name_after(tokens, match.last, text)
    group = _GROUP_AFTER.match(text, end)
    if before is None and after is None and group:  # a group named after a person or place, not them
        name = text[start : group.end()]
        return None if normalize(name) in known else Shadow(name, start, group.end(), form, ids)
    if before is None and after is None:
        return None
    first = tokens[before].start if before is not None else start
    last = tokens[after].end if after is not None else end
    name = text[first:last]
    return None if normalize(name) in known else Shadow(name, first, last, form, ids)


def _is_place(text: str, match, tokens: list[Token], canonical: dict[str, str]) -> bool:
    """'near Moscow', 'in Islamabad', 'Islamabad, Pakistan': a one-word alias (not the actor's own name) after a
    preposition of place or written as a place otherwise (mention_places.py)."""
    if match.first != match.last:
        return False
    token = tokens[match.first]
    own = {normalize(canonical.get(actor, "")) for actor in match.entry.actor_ids}
    if token.norm in own:
        return False
    return bool(_PLACE_BEFORE.search(text, max(0, token.start - 20), token.start)) or written_as_place(
        text, token.start, token.end
    )
