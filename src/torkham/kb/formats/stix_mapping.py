"""The STIX mapping (stix_kinds.yaml), checked when it loads: every actor kind and relation type of the
vocabulary is mapped, each to a STIX object or relationship type it may be; a mistake names file and line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from torkham.errors import TorkhamError
from torkham.model.yamlfile import Located, load_yaml

MAPPING_FILE = Path(__file__).with_name("stix_kinds.yaml")
ACTOR_TYPES = ("threat-actor", "intrusion-set", "identity")
IDENTITY_CLASSES = ("individual", "group", "system", "organization", "class", "unknown")
STANDARD_RELATIONSHIPS = ("related-to", "derived-from", "duplicate-of", "located-at", "hosts", "targets",
                          "attributed-to", "uses", "impersonates", "compromises", "owns")  # fmt: skip
RELATIONSHIP_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SECTIONS = ("actor_kinds", "import_kinds", "relation_types", "import_relation_types")


@dataclass(frozen=True)
class StixMapping:
    actor_kinds: dict[str, tuple[str, str | None]]  # actor kind -> (STIX type, identity_class or None)
    import_kinds: dict[str, str]  # "threat-actor" or "identity/<class>" -> actor kind
    relation_types: dict[str, str]  # relation type -> relationship_type
    import_relation_types: dict[str, str]  # relationship_type -> relation type

    def actor_kind_of(self, stix_type: str, identity_class: str | None) -> str | None:
        key = f"identity/{identity_class or 'unknown'}" if stix_type == "identity" else stix_type
        return self.import_kinds.get(key)

    def relation_type_of(self, relationship_type: str) -> str | None:
        """Ours for a relationship_type: the one mapped to it (first declared), else the import mapping."""
        for ours, theirs in self.relation_types.items():
            if theirs == relationship_type:
                return ours
        return self.import_relation_types.get(relationship_type)


@lru_cache(maxsize=2)
def stix_mapping(path: Path = MAPPING_FILE) -> StixMapping:
    from torkham.model.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    data = load_yaml(path)

    def fail(line: int, message: str) -> TorkhamError:
        return TorkhamError(f"{path}:{line}: {message}")

    if not isinstance(data, Located) or set(data) != set(SECTIONS):
        raise fail(getattr(data, "line", 1), f"the file needs exactly these sections: {', '.join(SECTIONS)}")
    kinds = {kind: _actor_entry(data["actor_kinds"], kind, fail) for kind in data["actor_kinds"]}
    _all_mapped(data, "actor_kinds", set(vocabulary["actor_kinds"]), fail)
    relations = {kind: _relation_entry(data["relation_types"], kind, fail) for kind in data["relation_types"]}
    _all_mapped(data, "relation_types", set(vocabulary["relation_types"]), fail)
    imports = _plain(data, "import_kinds", set(vocabulary["actor_kinds"]), fail)
    for key in imports:
        stix_type, _, identity_class = key.partition("/")
        if stix_type not in ACTOR_TYPES or (stix_type == "identity") != (identity_class in IDENTITY_CLASSES):
            raise fail(data["import_kinds"].line_of(key), f"import_kinds {key}: not a STIX actor type (identity/CLASS)")
    import_relations = _plain(data, "import_relation_types", set(vocabulary["relation_types"]), fail)
    return StixMapping(kinds, imports, relations, import_relations)


def _all_mapped(data: Located, section: str, terms: set[str], fail: Any) -> None:
    missing, unknown = sorted(terms - set(data[section])), sorted(set(data[section]) - terms)
    if missing or unknown:
        said = "; ".join(x for x in (f"not mapped: {', '.join(missing)}" if missing else "",
                                     f"not in the vocabulary: {', '.join(unknown)}" if unknown else "") if x)  # fmt: skip
        raise fail(data.line_of(section), f"{section}: {said}")


def _actor_entry(section: Located, kind: str, fail: Any) -> tuple[str, str | None]:
    entry, line = section[kind], section.line_of(kind)
    if not isinstance(entry, dict) or entry.get("type") not in ACTOR_TYPES:
        raise fail(line, f"actor_kinds {kind}: type must be one of {', '.join(ACTOR_TYPES)}")
    identity_class = entry.get("identity_class")
    if (entry["type"] == "identity") != (identity_class in IDENTITY_CLASSES) or set(entry) - {"type", "identity_class"}:
        raise fail(line, f"actor_kinds {kind}: an identity needs an identity_class ({', '.join(IDENTITY_CLASSES)}), "
                         "other types none")  # fmt: skip
    return entry["type"], identity_class


def _relation_entry(section: Located, kind: str, fail: Any) -> str:
    entry, line = section[kind], section.line_of(kind)
    if not isinstance(entry, dict) or not RELATIONSHIP_PATTERN.match(str(entry.get("type", ""))):
        raise fail(line, f"relation_types {kind}: type must be lowercase words joined by hyphens")
    standard = entry.get("standard", False)
    if set(entry) - {"type", "standard"} or standard != (entry["type"] in STANDARD_RELATIONSHIPS):
        raise fail(line, f"relation_types {kind}: standard: true exactly when STIX defines '{entry['type']}'")
    return str(entry["type"])


def _plain(data: Located, section: str, terms: set[str], fail: Any) -> dict[str, str]:
    for key, value in data[section].items():
        if value not in terms:
            raise fail(data[section].line_of(key), f"{section} {key}: '{value}' is not in the vocabulary")
    return {str(k): str(v) for k, v in data[section].items()}
