"""The word lists of figure_words.yaml (count nouns besides wordlists.yaml's, currencies, zeros said in
words, the words that introduce a number without a count noun) and what the figure modules share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.ingest.extract.common import Regions
from torkham.ingest.extract.figure_counters import clean
from torkham.model.yamlfile import load_yaml, word_list

FIGURE_WORDS_FILE = Path(__file__).with_name("figure_words.yaml")
NUMERIC = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Words between an amount and a count noun that end the search for it (unit_nouns, figure_plurals).
STOP_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "who",
        "which",
        "that",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "of",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "their",
        "them",
        "they",
        "this",
        "these",
        "those",
        "than",
        "then",
        "there",
        "here",
        "not",
        "no",
        "so",
        "such",
        "each",
        "alone",
        "only",
    ]
)


@dataclass(frozen=True)
class FigureWords:
    units: dict[str, str]  # noun -> unit term
    currencies: dict[str, tuple[list[str], list[str]]]  # unit -> (before, after)
    zero_phrases: list[str]
    bare_after: list[str]
    bare_before: list[str]
    not_counts_after: list[str]  # "under the age of 5": a number that counts nothing
    people_verbs: list[str]  # "7,400 cross the border each day": a number of people
    identifier_labels: list[str]  # "Article 370", "Section 219": a number that names, not counts
    not_count_plurals: list[str]  # "two thirds", "three times": plurals an amount does not count


@lru_cache(maxsize=1)
def figure_words() -> FigureWords:
    data = load_yaml(FIGURE_WORDS_FILE)
    units = {str(noun): str(unit) for unit, nouns in data["units"].items() for noun in nouns}
    currencies = {str(u): (list(c.get("before", [])), list(c.get("after", []))) for u, c in data["currencies"].items()}
    lists = [
        [str(w) for w in data[k]]
        for k in ("zero_phrases", "bare_after", "bare_before", "not_counts_after", "people_verbs")
    ]
    lists.append(word_list(data, "identifier_labels", FIGURE_WORDS_FILE))
    lists.append(word_list(data, "not_count_plurals", FIGURE_WORDS_FILE))
    return FigureWords(units, currencies, *lists)


@lru_cache(maxsize=1)
def abstract_plurals() -> frozenset[str]:
    """Plurals of no thing a vague amount counts ("several relevant challenges"): `abstract_plurals`."""
    return frozenset(word_list(load_yaml(FIGURE_WORDS_FILE), "abstract_plurals", FIGURE_WORDS_FILE))


def extra_units() -> dict[str, str]:
    """Count nouns of figure_words.yaml (wordlists.yaml's units come first where both name a noun)."""
    return {noun: unit for noun, unit in figure_words().units.items() if noun != "%"}


def alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


def figure_record(value: float | None, text: str, unit: str, counts: str, regions: Regions, start: int) -> dict:
    return {"value": None if value is None else clean(value), "value_text": " ".join(text.split()),
            "qualifier": "exact", "unit": unit, "counts": counts, "context": regions.context(start)}  # fmt: skip
