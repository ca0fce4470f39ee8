"""The words of speech, gathered once from both word lists (wordlists.yaml and claim_words.yaml): the nouns
that name a speaker and every finite speech verb, with the one pattern that finds such a verb."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.words import default_words


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    return frozenset({*default_words().speaker_nouns, *claim_words().speaker_nouns})


@lru_cache(maxsize=1)
def speech_verb_forms() -> tuple[str, ...]:
    """Every finite speech verb: wordlists.yaml's speech verbs and the forms of claim_words.yaml's lemmas,
    longest first (so 'points out' is tried before 'points')."""
    verbs = {*(v for v in default_words().speech_verbs if not v.endswith("ing")), *claim_words().reporting_verbs}
    return tuple(sorted(verbs, key=len, reverse=True))


@lru_cache(maxsize=1)
def speech_verb_pattern() -> re.Pattern[str]:
    """Any finite speech verb as a whole word."""
    return re.compile(r"\b(?:" + "|".join(re.escape(v) for v in speech_verb_forms()) + r")\b")
