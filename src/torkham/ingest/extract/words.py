"""The extractors' word lists (wordlists.yaml), checked against the vocabulary when they load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import Located, load_yaml

WORDLISTS_FILE = Path(__file__).with_name("wordlists.yaml")

# section -> (shape, vocabulary section its keys must belong to, or None)
_SECTIONS: dict[str, tuple[str, str | None]] = {
    "months": ("word->int", None),
    "date_modifiers": ("list", None),
    "month_prepositions": ("list", None),
    "number_words": ("word->int", None),
    "scales": ("word->int", None),
    "qualifiers": ("word->term", "figure_qualifiers"),
    "vague_amounts": ("list", None),
    "units": ("term->list", "units"),
    "casualty_words": ("list", None),
    "casualty_verbs": ("list", None),
    "event_words": ("term->list", "event_types"),
    "speech_verbs": ("list", None),
    "speaker_nouns": ("list", None),
    "claim_topics": ("term->list", "claim_topics"),
    "fallback_topic": ("term", "claim_topics"),
    "actor_kind_words": ("term->list", "actor_kinds"),
    "person_titles": ("list", None),
    "non_name_words": ("list", None),
    "generic_names": ("list", None),
    "demonyms": ("list", None),
    "non_actor_acronyms": ("list", None),
    "country_abbreviations": ("abbr->name", None),
    "countries": ("names", None),
}


@dataclass(frozen=True)
class Words:
    months: dict[str, int]
    date_modifiers: list[str]
    month_prepositions: list[str]
    number_words: dict[str, int]
    scales: dict[str, int]
    qualifiers: dict[str, str]
    vague_amounts: list[str]
    units: dict[str, list[str]]
    casualty_words: list[str]
    casualty_verbs: list[str]
    event_words: dict[str, list[str]]
    speech_verbs: list[str]
    speaker_nouns: list[str]
    claim_topics: dict[str, list[str]]
    fallback_topic: str
    actor_kind_words: dict[str, list[str]]
    person_titles: list[str]
    non_name_words: list[str]
    generic_names: list[str]
    demonyms: list[str]
    non_actor_acronyms: list[str]
    country_abbreviations: dict[str, str]
    countries: list[str]

    @property
    def unit_of_noun(self) -> dict[str, str]:
        return {noun: unit for unit, nouns in self.units.items() for noun in nouns}


def _is_word(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and value == value.lower()


def _check_section(name: str, value: object, shape: str, terms: dict | None, line: int) -> tuple[int, str] | None:
    """(line, problem) of one section, or None."""
    if shape == "list":
        if not isinstance(value, list) or not value or not all(_is_word(v) for v in value):
            return line, f"{name} must be a non-empty list of lowercase words (quote words YAML reads as true/false)"
        return None
    if shape == "names":
        if not isinstance(value, list) or not all(isinstance(v, str) and v[:1].isupper() for v in value):
            return line, f"{name} must be a list of capitalised names"
        return None
    if shape == "abbr->name":
        if not isinstance(value, Located) or not value:
            return line, f"{name} must map abbreviations to names"
        for key, item in value.items():
            if not (isinstance(key, str) and key[:1].isupper() and isinstance(item, str) and item[:1].isupper()):
                return value.line_of(key), f"{name}: '{key}' must be a capitalised abbreviation mapped to a name"
        return None
    if shape == "term":
        if not isinstance(value, str) or (terms is not None and value not in terms):
            return line, f"{name}: '{value}' is not a term of the vocabulary"
        return None
    if not isinstance(value, Located) or not value:
        return line, f"{name} must map words to values"
    for key, item in value.items():
        at = value.line_of(key)
        if shape == "word->int" and (not _is_word(key) or not isinstance(item, int) or isinstance(item, bool)):
            return at, f"{name}: '{key}' must be a lowercase word mapped to a whole number"
        if shape == "word->term" and (not _is_word(key) or terms is None or item not in terms):
            return at, f"{name}: '{key}' maps to '{item}', which is not a term of the vocabulary"
        if shape == "term->list":
            if terms is not None and key not in terms:
                return at, f"{name}: '{key}' is not a term of the vocabulary (model/vocabulary.yaml)"
            if not isinstance(item, list) or not item or not all(_is_word(v) for v in item):
                return at, f"{name}: '{key}' needs a non-empty list of lowercase words"
    return None


def load_words(path: Path = WORDLISTS_FILE) -> Words:
    """Read and check the word lists; a problem raises TorkhamError naming the file, line and fix."""
    from torkham.model.vocabulary import default_vocabulary

    data = load_yaml(path)
    if not isinstance(data, Located):
        raise TorkhamError(f"{path}:1: the word lists must be a mapping of sections")
    vocab = default_vocabulary()
    for name in data:
        if name not in _SECTIONS:
            known = ", ".join(_SECTIONS)
            raise TorkhamError(f"{path}:{data.line_of(name)}: unknown section '{name}'; expected one of {known}")
    for name, (shape, vocab_section) in _SECTIONS.items():
        if name not in data:
            raise TorkhamError(f"{path}:1: missing section '{name}'")
        terms = vocab[vocab_section] if vocab_section else None
        problem = _check_section(name, data[name], shape, terms, data.line_of(name))
        if problem:
            raise TorkhamError(f"{path}:{problem[0]}: {problem[1]}")
    return Words(**{name: data[name] for name in _SECTIONS})


@lru_cache(maxsize=1)
def default_words() -> Words:
    return load_words()
