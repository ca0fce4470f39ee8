"""The vocabulary (kinds, types, units, topics) declared in vocabulary.yaml, checked when it loads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import Located, load_yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")

# Sections whose terms are {label, description} mappings, and those whose terms map to a description.
_LABELLED = ("actor_kinds", "alias_types", "relation_types", "event_types", "units")
_DESCRIBED = (
    "attribute_keys",
    "figure_qualifiers",
    "figure_contexts",
    "factor_frameworks",
    "source_kinds",
    "claim_topics",
)


@dataclass(frozen=True)
class Vocabulary:
    terms: dict[str, dict[str, dict]]
    path: Path

    def __getitem__(self, section: str) -> dict[str, dict]:
        return self.terms[section]

    def label(self, section: str, term: str) -> str:
        entry = self.terms[section].get(term, {})
        return entry.get("label", term) if isinstance(entry, dict) else term

    def describe(self, section: str, term: str) -> str:
        return self.terms[section].get(term, {}).get("description", "")

    def is_directed(self, relation_type: str) -> bool:
        return bool(self.terms["relation_types"][relation_type].get("directed", True))


def _check(data: object, path: Path) -> dict[str, dict[str, dict]]:
    def fail(line: int, message: str) -> TorkhamError:
        return TorkhamError(f"{path}:{line}: {message}")

    if not isinstance(data, Located):
        raise fail(1, "the vocabulary must be a mapping of sections")
    expected = set(_LABELLED) | set(_DESCRIBED)
    for section in data:
        if section not in expected:
            raise fail(data.line_of(section), f"unknown vocabulary section '{section}'")
    terms: dict[str, dict[str, dict]] = {}
    for section in sorted(expected):
        if section not in data:
            raise fail(1, f"missing vocabulary section '{section}'")
        entries = data[section]
        if not isinstance(entries, Located) or not entries:
            raise fail(data.line_of(section), f"section '{section}' must map terms to definitions")
        terms[section] = {}
        for term, definition in entries.items():
            line = entries.line_of(term)
            if section in _LABELLED:
                if not isinstance(definition, dict) or not definition.get("label") or not definition.get("description"):
                    raise fail(line, f"term '{term}' needs a label and a description")
                if section == "relation_types" and not isinstance(definition.get("directed"), bool):
                    raise fail(line, f"relation type '{term}' needs directed: true or false")
                terms[section][term] = dict(definition)
            else:
                if not isinstance(definition, str) or not definition.strip():
                    raise fail(line, f"term '{term}' needs a description")
                terms[section][term] = {"label": term, "description": definition}
    return terms


def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    return Vocabulary(_check(load_yaml(path), path), path)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()
