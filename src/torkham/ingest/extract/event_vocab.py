"""The words that make a sentence an event: wordlists.yaml's event_words with event_words.yaml's (by event
type); event_words.yaml's `headings` — the words that make a dated heading line a publication or a
statement ("Humanitarian Update, April 2024", "press release, 3 September 2021"); and its `statistic_words`
("a 60% rise in attacks": a statistic, not an event)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from torkham.ingest.extract.words import default_words

EXTRA_EVENT_WORDS = Path(__file__).with_name("event_words.yaml")
HEADINGS_KEY = "headings"  # not an event type: the words of a dated heading line, by event type
STATISTIC_KEY = "statistic_words"  # not an event type: words that make the count noun after them a statistic
BENEFICIARY_KEY = "beneficiary_words"  # not an event type: aid words whose people after them are no event
TREND_KEY = "trend_verbs"  # not an event type: verbs after a count noun that make it a statistic
OPENERS_KEY = "context_openers"  # not an event type: openers that date a sentence by the date before it
SAYING_KEY = "saying_verbs"  # not an event type: statement words whose later date may date what is said
ANNOUNCING_KEY = "announcing_words"  # not an event type: statement words that tell of an act of their own
PERFECT_KEY = "perfect_movements"  # not an event type: verbs of people moving dated by an opening "Since"
VIOLENCE_KEY = "violence_nouns"  # not an event type: nouns of armed violence dated by an opening "Since"
CLAUSE_KEY = "clause_openers"  # not an event type: "While …," opens a clause the main clause's date is not of

_GAP = r"(?:\s+[\w'’-]+){0,3}?\s+"  # the "*" of an event phrase: up to three words


def form_pattern(form: str) -> str:
    return _GAP.join(r"\s+".join(re.escape(w) for w in part.split()) for part in form.split(" * "))


@lru_cache(maxsize=1)
def _extra() -> dict:
    from torkham.model.yamlfile import load_yaml

    return load_yaml(EXTRA_EVENT_WORDS) or {}


def _checked(section: dict, where: str) -> dict[str, list[str]]:
    from torkham.errors import TorkhamError
    from torkham.model.vocabulary import default_vocabulary

    known = default_vocabulary()["event_types"]
    for event_type, forms in section.items():
        if event_type not in known or not isinstance(forms, list):
            raise TorkhamError(f"{EXTRA_EVENT_WORDS}: {where}'{event_type}' must be an event type with a list of words")
    return {str(t): [str(w).lower() for w in ws] for t, ws in section.items()}


@lru_cache(maxsize=1)
def event_words() -> dict[str, list[str]]:
    """wordlists.yaml's event words with event_words.yaml's (a type must be a vocabulary event type)."""
    merged = {t: list(ws) for t, ws in default_words().event_words.items()}
    lists = (
        HEADINGS_KEY,
        STATISTIC_KEY,
        BENEFICIARY_KEY,
        TREND_KEY,
        OPENERS_KEY,
        SAYING_KEY,
        PERFECT_KEY,
        ANNOUNCING_KEY,
        VIOLENCE_KEY,
        CLAUSE_KEY,
    )
    extra = {k: v for k, v in _extra().items() if k not in lists}
    for event_type, forms in _checked(extra, "").items():
        taken = {w for ws in merged.values() for w in ws}
        merged.setdefault(event_type, []).extend(w for w in forms if w not in taken)
    return merged


@lru_cache(maxsize=1)
def heading_words() -> dict[str, str]:
    """The words of a dated heading line that name what the line's date dates, each with its event type."""
    section = _extra().get(HEADINGS_KEY) or {}
    return {w: t for t, ws in _checked(section, f"{HEADINGS_KEY}: ").items() for w in ws}


def statistic_words() -> list[str]:
    """'rise in', 'total number of': before a count noun, words that make it a statistic."""
    return [str(w).lower() for w in _extra().get(STATISTIC_KEY) or []]


def beneficiary_words() -> list[str]:
    """'assistance to', 'support': words of aid that make the people after them its beneficiaries."""
    return _word_list(BENEFICIARY_KEY)


def trend_verbs() -> list[str]:
    """'peaked', 'rose': after a count noun, verbs that make it a statistic."""
    return _word_list(TREND_KEY)


def context_openers() -> list[str]:
    """'as a response', 'overnight': openers that date a sentence by the date written before it."""
    return _word_list(OPENERS_KEY)


def saying_verbs() -> list[str]:
    """'said', 'stated': statement words after which a date a few words on dates what is said."""
    return _word_list(SAYING_KEY)


def perfect_movements() -> list[str]:
    """'returned', 'left', 'hosted': verbs whose perfect after an opening 'Since <date>,' is a movement of people."""
    return _word_list(PERFECT_KEY)


def violence_nouns() -> list[str]:
    """'violence', 'fighting': nouns whose perfect after an opening 'Since <date>,' dates an attack's start."""
    return _word_list(VIOLENCE_KEY)


def clause_openers() -> list[str]:
    """'while', 'although': words that open a sentence's first clause, whose words the main clause's date does
    not date."""
    return _word_list(CLAUSE_KEY)


def announcing_words() -> list[str]:
    """'announced', 'pledged': statement words that tell of an act of its own, not of a statement's saying."""
    return _word_list(ANNOUNCING_KEY)


def _word_list(key: str) -> list[str]:
    from torkham.model.yamlfile import word_list

    return [w.lower() for w in word_list(_extra(), key, EXTRA_EVENT_WORDS, required=False)]


@lru_cache(maxsize=1)
def event_word_pattern() -> re.Pattern:
    forms = sorted({w for ws in event_words().values() for w in ws}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(form_pattern(f) for f in forms) + r")\b", re.I)


@lru_cache(maxsize=1)
def heading_word_pattern() -> re.Pattern:
    forms = sorted(heading_words(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(form_pattern(f) for f in forms) + r")\b", re.I)


@lru_cache(maxsize=1)
def _types() -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    words = event_words()
    plain = {w: t for t, ws in words.items() for w in ws if "*" not in w}
    gapped = [(re.compile(form_pattern(w), re.I), t) for t, ws in words.items() for w in ws if "*" in w]
    return plain, gapped


def type_of(word: str) -> str:
    """The event type of a matched event word or phrase ("became the group's new leader": appointment)."""
    plain, gapped = _types()
    key = " ".join(word.lower().split())
    if key in plain:
        return plain[key]
    return next(t for pattern, t in gapped if pattern.fullmatch(word))
