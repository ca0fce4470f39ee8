"""Runs of capitalised words and the names they hold, before anything says what a name is: a run is cut
where two names meet — at "and" when both sides are names ("Afghan Taliban and the TTP"), at a possessive
("Brown University's Watson Institute"), at a lone "the" ("told The Associated Press the Afghan Taliban") —
an infobox label or glued label is left out ("Allegiance Islamic State", "ControlAfghanistan"), a group and
its branch across a spaced dash are one run ("Islamic State – Khorasan Province"), and a title-case headline
gives only the name its kind word ends ("Afghan Taliban Closes a Crossing")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.namewords import DASHES, LINK, SEQUENCE, is_title, kind_of, lookups, person_name
from torkham.ingest.extract.words import Words, default_words

HEADLINE_MIN_WORDS = 5  # shorter title-case lines are labels and names ('General Asim Munir')
HEADLINE_MAX_WORDS = 24
HEADLINE_MAX_CHARS = 200
HEADLINE_CAPITALISED = 0.7  # share of the longer words capitalised in a title-case heading
# the short words a title-case headline leaves lowercase: articles, conjunctions, prepositions ("Clash Spills
# into Afghanistan", "Talks Resume amid Border Closure")
_HEADLINE_LINKS = {
    *("a", "an", "the", "and", "or", "but", "nor", "as", "vs", "of", "on", "in", "with", "to", "for", "at", "by"),
    *("from", "over", "into", "onto", "after", "before", "amid", "amidst", "against", "across", "near", "despite"),
    *("under", "upon", "toward", "towards", "via", "off", "out", "up", "down", "about", "among", "between"),
}
_PLAN_HEADS = {"programme", "program", "plan", "project", "scheme", "initiative", "campaign"}
_BRANCH = re.compile(r"(?:province|branch|chapter|wilayat|wing)$", re.I)
POSSESSIVE = re.compile(r"['’]s$")
_CLOSING_QUOTE = re.compile(r"(?<=[a-z])['’]$")
_DASH = re.compile(f"[{DASHES}]")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ACRONYM = re.compile(r"[A-Z][A-Z.]*[A-Z]\.?s?")
Run = tuple[list[str], list[int]]  # the words of a run and their offsets


def runs(text: str) -> list[tuple[int, str]]:
    """(start, text) of the runs of capitalised words; a group and its branch across a spaced dash are one
    run ('Islamic State – Khorasan Province')."""
    out: list[tuple[int, str]] = []
    for m in SEQUENCE.finditer(text):
        if out and text[out[-1][0] + len(out[-1][1]) : m.start()] in (" – ", " - ", " — "):
            first = out[-1][1]
            if kind_of(first) in ("armed_group", "separatist_armed_group") and _BRANCH.search(m.group()):
                out[-1] = (out[-1][0], text[out[-1][0] : m.end()])
                continue
        out.append((m.start(), m.group()))
    return out


def unlabelled(text: str, tokens: list[str], offsets: list[int]) -> Run:
    """'Allegiance Islamic State' on a line of an infobox: the label is not part of the name."""
    at_line_start = bool(tokens) and text[max(0, offsets[0] - 1) : offsets[0]] in ("", "\n")
    if at_line_start and len(tokens) > 1 and tokens[0].lower() in actor_words().infobox_labels:
        return tokens[1:], offsets[1:]
    return tokens, offsets


def unglued(tokens: list[str], offsets: list[int]) -> Run:
    """'ControlAfghanistan Taliban' (an infobox label glued to its value): the name starts at the country."""
    glued = re.fullmatch(r"[A-Z][a-z]+([A-Z][a-z]+)", tokens[0]) if tokens else None
    if glued and lookups()[3].fullmatch(glued.group(1)):
        return [glued.group(1), *tokens[1:]], [offsets[0] + glued.start(1), *offsets[1:]]
    return tokens, offsets


def looks_like_name(tokens: list[str]) -> bool:
    countries = lookups()[3]
    tokens = [t for t in tokens if t not in ("the", "The")]
    name = " ".join(POSSESSIVE.sub("", t) for t in tokens)
    return (
        kind_of(name) is not None
        or any(is_title(t) for t in tokens)
        or bool(countries.fullmatch(name))
        or (len(tokens) == 1 and bool(_ACRONYM.fullmatch(tokens[0])))  # "UN", "NGOs"
    )


def split_run(run: Run) -> list[Run]:
    """The names a run holds: cut at a lone 'the', at a possessive ending a name, at 'and' between names."""
    tokens, offsets = run
    for i, word in enumerate(tokens[1:-1], start=1):
        if word == "the" and not LINK.fullmatch(tokens[i - 1]):  # "Associated Press the Afghan Taliban"
            return [*split_run((tokens[:i], offsets[:i])), *split_run((tokens[i + 1 :], offsets[i + 1 :]))]
    for i, token in enumerate(tokens[:-1]):
        if POSSESSIVE.search(token) and looks_like_name(tokens[: i + 1]):  # "Pakistan's Frontier Corps"
            return [*_parts(tokens[: i + 1], offsets[: i + 1]), *split_run((tokens[i + 1 :], offsets[i + 1 :]))]
    return _parts(tokens, offsets)


def _parts(tokens: list[str], offsets: list[int]) -> list[Run]:
    """Split a capitalised run at 'and' (or 'and the') when both sides look like names by themselves ('Afghan
    Taliban and the TTP'); 'Belt and Road Initiative' and 'Center for Research and Security Studies' stay whole."""
    cut = next((i for i, t in enumerate(tokens) if t == "and"), None)
    if cut is not None and cut == 1 and tokens[0].lower() in default_words().demonyms:
        return _parts(tokens[2:], offsets[2:])  # "the Pakistani and Afghan Armed Forces": the second is named
    if cut is None:
        return [(tokens, offsets)]
    first = tokens[:cut]
    demonyms = default_words().demonyms
    person = cut >= 2 and person_name(first) == first and kind_of(" ".join(first)) is None
    person = person and not any(w.lower() in demonyms for w in first)
    # "Lashkar-e-Islam and the Ansar al-Islam" are two; "Islamic State of Iraq and the Levant" (a link before) is one
    articled = tokens[cut + 1 : cut + 2] == ["the"] and not any(LINK.fullmatch(t) for t in first)
    after = cut + 2 if tokens[cut + 1 : cut + 2] == ["the"] else cut + 1
    if after < len(tokens) and all(t.lower() in demonyms for t in tokens[after:]):
        return [(first, offsets[:cut])]  # "the Government of Pakistan and the Pakistani people": an adjective
    left, right = looks_like_name(tokens[:cut]) or person, looks_like_name(tokens[after:])
    if not (left and right) and not (articled and after < len(tokens) and (left or right)):
        return [(tokens, offsets)]  # "Abdul Wali and Lashkar-e-Jhangvi" are two
    return [(tokens[:cut], offsets[:cut]), *_parts(tokens[after:], offsets[after:])]


def trimmed(
    tokens: list[str], offsets: list[int], words: Words, sentence_start: Callable[[int], bool], text: str = ""
) -> Run:
    skip = lookups()[2]

    def drop(word: str, last: bool = False) -> bool:
        low = word.lower()
        # "Economically Taliban", "Taliban Realistically"; not a head word: "National Assembly"
        adverb = low.endswith("ly") and (len(low) >= 7 or not last) and low not in lookups()[0]
        return low in skip or bool(LINK.fullmatch(word)) or adverb

    for i, token in enumerate(tokens):
        if _month(token, offsets[i], text, words):
            tokens, offsets = tokens[:i], offsets[:i]
            break
    while tokens and drop(tokens[0]) and (tokens[0].lower() in skip or sentence_start(offsets[0])):
        tokens, offsets = tokens[1:], offsets[1:]
    while tokens and drop(tokens[-1], last=True):
        tokens, offsets = tokens[:-1], offsets[:-1]
    if tokens:  # "Pakistan’s", and a closing quotation mark ("the ‘… Repatriation Plan’")
        tokens = [*tokens[:-1], _CLOSING_QUOTE.sub("", POSSESSIVE.sub("", tokens[-1]))]
    return tokens, offsets


def _month(token: str, at: int, text: str, words: Words) -> bool:
    """A month ends a name; a month's short form that is also a given name ('Jan': 'Wali Jan', 'Jan
    Muhammad'; name_months of actor_words.yaml) only beside a number ('Jan 5', '5 Jan.')."""
    low = token.lower().rstrip(".")
    if low not in words.months:
        return False
    if low not in actor_words().name_months or not text:
        return True
    end = at + len(token)
    return bool(re.match(r"\.?\s*\d", text[end : end + 4]) or re.search(r"\d\s*$", text[max(0, at - 4) : at]))


def starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(' \t*•("“' + DASHES + "—")
    return before == "" or before[-1] in ".!?:\n"


def in_headline(text: str, at: int) -> bool:
    """A title-case headline: every longer word capitalised, the short link words not ('Afghan Taliban
    Closes a Main Border Crossing with Pakistan'); not a line of names and roles, which has commas."""
    newline = text.rfind("\n", max(0, at - HEADLINE_MAX_CHARS), at)
    end = text.find("\n", at, at + HEADLINE_MAX_CHARS)
    if (newline < 0 and at > HEADLINE_MAX_CHARS) or (end < 0 and len(text) > at + HEADLINE_MAX_CHARS):
        return False  # a line this long is no heading (and is read no further: long lines stay linear)
    line = text[newline + 1 : end if end >= 0 else len(text)].strip()
    words = _WORD.findall(line)
    longer = [w for w in words if len(w) > 3]
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or line.count(",") > 1 or not longer:
        return False
    if line.endswith((".", "?", "!", ":", ",", ";")) or not _HEADLINE_LINKS & {w.lower() for w in words}:
        return False
    if _role_first(line):
        return False  # "Assistant Secretary, Bureau of Public Affairs": a role and its office
    return sum(w[0].isupper() for w in longer) >= HEADLINE_CAPITALISED * len(longer)


def _role_first(line: str) -> bool:
    """The line opens with a role set off by a comma ('Assistant Secretary, …', 'Spokesperson, …')."""
    role = line.split(",", 1)[0].split() if "," in line else []
    modifiers = actor_words().role_modifiers
    return bool(role) and all(is_title(w) or w.lower() in modifiers for w in role)


def headline_name(tokens: list[str], offsets: list[int]) -> Run:
    """In a heading only a name with a kind word counts, up to that word and what continues it; a country
    opening the heading before a word of no kind is its subject ('United States Announces Plan …'), and an
    abbreviation before a plan's head word is the plan's owner ('… UN Program …': the UN)."""
    if _country_subject(tokens):
        return [], []
    verb = next((i for i in range(1, len(tokens)) if _headline_verb(tokens, i)), len(tokens))
    tokens, offsets = tokens[:verb], offsets[:verb]  # "Islamabad Announces Plan": the name ends at the verb
    head = next((i for i in range(len(tokens)) if kind_of(" ".join(tokens[: i + 1])) is not None), None)
    if head is None:
        return [], []
    link = max((i for i in range(head) if LINK.fullmatch(tokens[i]) or LINK.fullmatch(tokens[i].lower())), default=-1)
    if link >= 0:  # "Designations of Tehrik-e Taliban Pakistan Leaders", "Designation Of The Majeed Brigade"
        return headline_name(tokens[link + 1 :], offsets[link + 1 :])
    countries = lookups()[3]
    end, linked = head + 1, False
    while end < len(tokens):
        if LINK.fullmatch(tokens[end]) and end + 1 < len(tokens):
            end += 2 if tokens[end + 1] not in ("the", "The") or end + 2 >= len(tokens) else 3  # "Ministry of Interior"
            end += next((n - 1 for n in (3, 2) if countries.fullmatch(" ".join(tokens[end - 1 : end - 1 + n]))), 0)
            linked = True
        elif kind_of(tokens[end]) is not None or countries.fullmatch(tokens[end]):
            end += 1  # "Taliban Movement", "Tehrik-e-Taliban Pakistan"
        elif linked and _office_goes_on(tokens[end]):
            end += 1  # "Office for the Coordination of Humanitarian Affairs", "of the High Commissioner for …"
        else:
            break
    if end == 2 and tokens[1].lower() in _PLAN_HEADS and _ACRONYM.fullmatch(tokens[0]):
        end = 1  # "Joint Pakistan and UN Program": the UN's programme, in title case
    return tokens[:end], offsets[:end]


def _headline_verb(tokens: list[str], i: int) -> bool:
    """'Announces', 'Urges', 'Says': a verb of speech or of an act, capitalised in a title-case headline (the
    present form of a past one the word lists hold: 'announced'); not the end of a country ('United States')."""
    low = tokens[i].lower()
    if kind_of(tokens[i]) is not None or lookups()[3].fullmatch(" ".join(tokens[i - 1 : i + 1])):
        return False
    return act_verb(low)


def act_verb(word: str) -> bool:
    """A verb of speech or of an act the word lists hold ('dismissed', 'urged'), or its present form
    ('dismisses', 'urges'); not a form of 'be' or 'have', nor a modal."""
    verbs = _verbs()
    return word in verbs or (word.endswith("s") and (word[:-1] + "d" in verbs or word[:-1] + "ed" in verbs))


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    words = actor_words()
    plain = {"is", "was", "were", "has", "had", "have", "can", "could", "may", "might", "must", "should", "will"}
    return frozenset({*default_words().speech_verbs, *words.agent_verbs, *words.country_agent_after} - plain)


def _country_subject(tokens: list[str]) -> bool:
    """'United States Announces Plan': a country, then a word that is neither a kind, a link nor a country."""
    countries = lookups()[3]
    for k in (3, 2, 1):
        if k < len(tokens) and countries.fullmatch(" ".join(tokens[:k])):
            after = tokens[k]
            return kind_of(after) is None and not LINK.fullmatch(after) and not countries.fullmatch(after)
    return False


def _office_goes_on(word: str) -> bool:
    """A word of an office after the name's link word ('Affairs', 'Commissioner'): it goes on."""
    low = word.lower()
    words = actor_words()
    return low in words.office_words or low in words.role_titles or low in claim_words().person_nouns or is_title(word)


def single_compound(tokens: list[str]) -> bool:
    """'U.S-Taliban', 'Taliban-led': an adjective made of names, not a name ('Jaish-e-Mohammed' is one)."""
    if len(tokens) != 1 or not _DASH.search(tokens[0]):
        return False
    parts = _DASH.split(tokens[0])
    return not (any(p in ("e", "i", "ul", "al", "ur") for p in parts[1:-1]) or parts[0] in ("Al", "al"))


def country_compound(tokens: list[str]) -> bool:
    """'Pakistan-Afghanistan Border Region', 'Afghan–Pakistani border': two countries joined name a place."""
    countries = lookups()[3]
    demonyms = set(default_words().demonyms)
    parts = _DASH.split(tokens[0])
    named = [p for p in parts if countries.fullmatch(p) or p.lower() in demonyms or p in ("U.S.", "U.S", "US")]
    return len(parts) >= 2 and len(named) == len(parts)
