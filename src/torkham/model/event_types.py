"""The declared crosswalk between the datasets' event types (UCDP's type_of_violence: state-based,
non-state, one-sided) and the paper's event types (event_types_crosswalk.yaml), checked when it loads.

    crosswalk = event_crosswalk()
    crosswalk.dataset_pairs("attack")   # (("ucdp-candidate", "one-sided"), ("ucdp-candidate", "state-based"), …)
    crosswalk.label("state-based")      # 'state-based conflict (UCDP type_of_violence 1)'"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from torkham.errors import TorkhamError
from torkham.model.vocabulary import default_vocabulary
from torkham.model.yamlfile import Located, load_yaml

CROSSWALK_FILE = Path(__file__).with_name("event_types_crosswalk.yaml")
_SCHEME_FIELDS = {"name", "field", "applies_to", "types"}
_TYPE_FIELDS = {"code", "label", "description"}


@dataclass(frozen=True)
class DatasetType:
    scheme: str  # the coding scheme's key (ucdp)
    name: str  # as the store writes it (state-based)
    code: int  # the value in the dataset's field (1)
    label: str  # the codebook's name (state-based conflict)
    description: str
    scheme_name: str  # UCDP
    field: str  # type_of_violence
    datasets: tuple[str, ...]  # the datasets using the scheme

    @property
    def full_label(self) -> str:
        return f"{self.label} ({self.scheme_name} {self.field} {self.code})"


@dataclass(frozen=True)
class EventTypeCrosswalk:
    types: dict[str, DatasetType]  # dataset type name -> its declaration
    counts_as: dict[str, dict[str, tuple[str, ...]]]  # paper type -> scheme -> dataset type names
    notes: dict[str, str]  # paper type -> why
    path: Path

    def dataset_types(self, paper_type: str) -> tuple[str, ...]:
        """The dataset type names that count as `paper_type` (any scheme), in the file's order."""
        return tuple(t for names in self.counts_as.get(paper_type, {}).values() for t in names)

    def dataset_pairs(self, paper_type: str) -> tuple[tuple[str, str], ...]:
        """(dataset, dataset type) of every dataset event type that counts as `paper_type`."""
        return tuple(
            (dataset, name)
            for scheme, names in self.counts_as.get(paper_type, {}).items()
            for name in names
            for dataset in self.types[name].datasets
            if self.types[name].scheme == scheme
        )

    def paper_types(self, dataset_type: str) -> tuple[str, ...]:
        """The paper types a dataset type counts as (none when the crosswalk declares none)."""
        return tuple(p for p, schemes in self.counts_as.items() if any(dataset_type in n for n in schemes.values()))

    def label(self, event_type: str) -> str | None:
        """'state-based conflict (UCDP type_of_violence 1)' for a dataset type; None for any other."""
        found = self.types.get(event_type)
        return found.full_label if found else None


@lru_cache(maxsize=4)
def event_crosswalk(path: Path = CROSSWALK_FILE) -> EventTypeCrosswalk:
    data = load_yaml(path)

    def fail(line: int, message: str) -> TorkhamError:
        return TorkhamError(f"{path}:{line}: {message}")

    if not isinstance(data, Located) or set(data) != {"datasets", "counts_as"}:
        raise fail(getattr(data, "line", 1), "the file needs exactly two sections: datasets and counts_as")
    types = _dataset_types(_mapping(data, "datasets", fail), fail)
    counts_as, notes = _counts_as(_mapping(data, "counts_as", fail), types, fail)
    return EventTypeCrosswalk(types, counts_as, notes, path)


def _mapping(parent: Located, key: str, fail: Any) -> Located:
    value = parent[key]
    if not isinstance(value, Located) or not value:
        raise fail(parent.line_of(key), f"{key}: expected a non-empty mapping")
    return value


def _dataset_types(section: Located, fail: Any) -> dict[str, DatasetType]:
    types: dict[str, DatasetType] = {}
    codes: set[tuple[str, int]] = set()
    for scheme, entry in section.items():
        line = section.line_of(scheme)
        if not isinstance(entry, Located) or set(entry) != _SCHEME_FIELDS:
            raise fail(line, f"datasets {scheme}: needs exactly {', '.join(sorted(_SCHEME_FIELDS))}")
        applies = entry["applies_to"]
        if not isinstance(applies, list) or not applies or not all(isinstance(d, str) for d in applies):
            raise fail(entry.line_of("applies_to"), f"datasets {scheme}: applies_to must list dataset names")
        declared = _mapping(entry, "types", fail)
        for name, spec in declared.items():
            where = declared.line_of(name)
            if not isinstance(spec, Located) or set(spec) != _TYPE_FIELDS:
                raise fail(where, f"{scheme} type {name}: needs exactly code, description, label")
            if not isinstance(spec["code"], int) or (scheme, spec["code"]) in codes:
                raise fail(where, f"{scheme} type {name}: code must be a whole number not used by another type")
            if name in types:
                raise fail(where, f"{scheme} type {name}: already declared by {types[name].scheme}")
            codes.add((scheme, spec["code"]))
            types[name] = DatasetType(scheme, name, spec["code"], str(spec["label"]), str(spec["description"]),
                                      str(entry["name"]), str(entry["field"]), tuple(applies))  # fmt: skip
    return types


def _counts_as(
    section: Located, types: dict[str, DatasetType], fail: Any
) -> tuple[dict[str, dict[str, tuple[str, ...]]], dict[str, str]]:
    paper = default_vocabulary()["event_types"]
    counts: dict[str, dict[str, tuple[str, ...]]] = {}
    notes: dict[str, str] = {}
    for paper_type, entry in section.items():
        line = section.line_of(paper_type)
        if paper_type not in paper:
            raise fail(line, f"'{paper_type}' is not an event type of the vocabulary (model/vocabulary.yaml)")
        if not isinstance(entry, Located) or not isinstance(entry.get("note"), str):
            raise fail(line, f"{paper_type}: needs a note saying why, and per coding scheme a list of its types")
        counts[paper_type] = {}
        for scheme, names in entry.items():
            if scheme == "note":
                continue
            if not isinstance(names, list) or not names:
                raise fail(entry.line_of(scheme), f"{paper_type}: {scheme} must list that scheme's types")
            for name in names:
                if name not in types or types[name].scheme != scheme:
                    known = ", ".join(n for n, t in types.items() if t.scheme == scheme) or "none (unknown scheme)"
                    raise fail(entry.line_of(scheme), f"{paper_type}: '{name}' is not a {scheme} type; known: {known}")
            counts[paper_type][scheme] = tuple(names)
        notes[paper_type] = " ".join(str(entry["note"]).split())
    return counts, notes
