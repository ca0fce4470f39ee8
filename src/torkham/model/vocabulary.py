"""The vocabulary (kinds, types, units, topics) declared in vocabulary.yaml, checked when it loads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import Located, load_yaml

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")

# Sections whose terms are {label, description} mappings, and those whose terms map to a description.
_LABELLED = (
    "actor_kinds",
    "alias_types",
    "relation_types",
    "event_types",
    "units",
    "check_datasets",
    "check_metrics",
    "check_comparators",
)
CHECK_FAMILIES = ("events", "refugees", "figures")  # figures: other sources' figures in the knowledge base
CHECK_FIELDS = ("value", "tolerance", "window", "baseline")  # what a comparator may need
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
                problem = _check_check_term(section, definition)
                if problem:
                    raise fail(line, f"term '{term}' {problem}")
            else:
                if not isinstance(definition, str) or not definition.strip():
                    raise fail(line, f"term '{term}' needs a description")
                terms[section][term] = {"label": term, "description": definition}
    _check_metric_datasets(data, terms, fail)
    return terms


def _check_check_term(section: str, definition: dict) -> str | None:
    """The extra keys of the claim-check sections: family, unit, aggregate, datasets, needs."""
    if section in ("check_datasets", "check_metrics") and definition.get("family") not in CHECK_FAMILIES:
        return f"needs family: {' or '.join(CHECK_FAMILIES)}"
    if section == "check_datasets" and definition["family"] == "refugees" and not definition.get("table"):
        return "needs the UNHCR table it reads (table: population, solutions, …)"
    if section == "check_metrics":
        if definition.get("aggregate") not in ("sum", "last"):
            return "needs aggregate: sum or last"
        if not isinstance(definition.get("datasets"), list) or not definition["datasets"]:
            return "needs datasets: the check datasets that hold it"
        if definition["family"] == "refugees" and not definition.get("measure"):
            return "needs the UNHCR measure it reads (measure: refugees, …)"
    if section == "check_comparators":
        needs = definition.get("needs")
        if not isinstance(needs, list) or not set(needs) <= set(CHECK_FIELDS):
            return f"needs a list of the fields it needs (needs: [{', '.join(CHECK_FIELDS)}])"
    return None


def _check_metric_datasets(data: Located, terms: dict[str, dict[str, dict]], fail) -> None:
    """Each metric's unit is a unit, and its datasets are check datasets of its family."""
    metrics = data["check_metrics"]
    for term, definition in terms["check_metrics"].items():
        line = metrics.line_of(term)
        if definition.get("unit") not in terms["units"]:
            raise fail(line, f"metric '{term}' needs a unit declared in units (unit: person, …)")
        for dataset in definition["datasets"]:
            known = terms["check_datasets"].get(dataset)
            if known is None or known["family"] != definition["family"]:
                raise fail(
                    line, f"metric '{term}': '{dataset}' is not a check dataset of family {definition['family']}"
                )


def load_vocabulary(path: Path = VOCABULARY_FILE) -> Vocabulary:
    """Parse with libyaml when it is there (every command needs the vocabulary: start-up matters);
    a vocabulary that fails its checks is parsed again with line numbers to say where."""
    import yaml

    fast_loader = getattr(yaml, "CSafeLoader", None)
    if fast_loader is not None:
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=fast_loader)  # noqa: S506 - a safe loader
            return Vocabulary(_check(_without_lines(data), path), path)
        except (TorkhamError, yaml.YAMLError):
            pass
    return Vocabulary(_check(load_yaml(path), path), path)


def _without_lines(data: object) -> object:
    """Plain parsed YAML in the shape the checks expect (Located mappings), lines unknown."""
    if isinstance(data, dict):
        located = Located((str(k), _without_lines(v)) for k, v in data.items())
        located.key_lines = {}
        return located
    if isinstance(data, list):
        return [_without_lines(v) for v in data]
    return data


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return load_vocabulary()
