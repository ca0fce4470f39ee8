"""A speaking noun with a modifier after it, as the subject of a speech verb: "An official performing duty at
the Torkham border told …", "Officials involved in the talks said …", "A spokesman at the ministry in Kabul
said …". The head noun (wordlists.yaml and claim_words.yaml: speaker_nouns) opens its clause, with at most
three words before it (an article, a number, adjectives); right after it a participle or a preposition of
place or company (claim_words.yaml: post_modifiers) opens a phrase that runs, without a comma, a bracket or
a quotation mark, up to the verb. The speaker is the head with its words before it; the modifier only says
which one. Not "of" or "for": those name an office or a body ("spokesman for the ministry"), which
speakers.py reads as a name."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speakers import Speaker, body_before
from torkham.ingest.extract.speech_words import speaker_nouns, speech_verb_forms

MODIFIER_REACH = 90  # characters of the modifier, at most
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”\[\]]|\s(?:and|but|while|who|which|that)\s")


@lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    return frozenset(speech_verb_forms())


def modified_subject(text: str, verb_start: int, sentence_start: int) -> Speaker | None:
    """'An official performing duty at the Torkham border' before 'told': the official (a common noun: the
    reviewer names who it is)."""
    window_start = max(sentence_start, verb_start - MODIFIER_REACH - 40)
    before = text[window_start:verb_start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause_start = window_start + (breaks[-1].end() if breaks else 0)
    if breaks and breaks[-1].group().strip() in ("and", "but", "while", "who", "which", "that"):
        return None  # a second verb or a relative clause: the subject stands elsewhere
    if clause_start == window_start and window_start > sentence_start:
        return None  # the clause starts further back than the reach
    words = list(re.finditer(r"[\w'’-]+", text[clause_start:verb_start]))
    for i, word in enumerate(words[:4]):
        if word.group().lower() not in speaker_nouns() or i + 1 >= len(words):
            continue
        if not _modifies(words[i + 1].group()) or verb_start - (clause_start + word.end()) > MODIFIER_REACH:
            return None
        if any(w.group()[:1].isupper() and not _opening(w, j) for j, w in enumerate(words[:i])):
            return None  # a name before the noun: speakers.py reads it ("the Khyber district administration")
        return body_before(text, clause_start, clause_start + word.end())
    return None


def _opening(word: re.Match[str], index: int) -> bool:
    """The capital of the sentence's first word ('An official …')."""
    return index == 0 and word.group().lower() in ("a", "an", "the", "one", "two", "three", "several", "some")


def _modifies(word: str) -> bool:
    """A participle ('performing', 'based', 'involved') or a preposition of claim_words.yaml's post_modifiers;
    not a speech verb ('officials said')."""
    lower = word.lower()
    if lower in _speech_forms() or not word.islower():
        return False
    if lower in claim_words().post_modifiers:
        return True
    return len(lower) > 4 and lower.endswith(("ing", "ed"))
