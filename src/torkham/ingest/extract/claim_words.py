"""The claim extractors' own words (claim_words.yaml): reporting verbs besides wordlists.yaml's speech
verbs, and the markers of an author's own assertion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import load_yaml

CLAIM_WORDS_FILE = Path(__file__).with_name("claim_words.yaml")


@dataclass(frozen=True)
class ClaimWords:
    reporting_verbs: tuple[str, ...]
    progressive_verbs: tuple[str, ...]
    author_markers: dict[str, tuple[str, ...]]

    @property
    def marker_pattern(self) -> re.Pattern[str]:
        phrases = sorted({p for ps in self.author_markers.values() for p in ps}, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.I)


def _phrases(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TorkhamError(f"{CLAIM_WORDS_FILE}: {where} must be a list of words")
    return tuple(v.strip().lower() for v in value)


@lru_cache(maxsize=1)
def claim_words() -> ClaimWords:
    data = load_yaml(CLAIM_WORDS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("author_markers"), dict):
        raise TorkhamError(f"{CLAIM_WORDS_FILE}: needs reporting_verbs and author_markers")
    markers = {str(k): _phrases(v, f"author_markers.{k}") for k, v in data["author_markers"].items()}
    verbs = _phrases(data.get("reporting_verbs"), "reporting_verbs")
    return ClaimWords(verbs, _phrases(data.get("progressive_verbs"), "progressive_verbs"), markers)
