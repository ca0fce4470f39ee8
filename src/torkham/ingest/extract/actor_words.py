"""The actor candidates' word lists (actor_words.yaml), checked when they load: kinds against the
vocabulary's actor kinds, honorifics against the person titles of wordlists.yaml, words lowercase."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import Located, load_yaml

ACTOR_WORDS_FILE = Path(__file__).with_name("actor_words.yaml")
_LISTS = (
    "byline_words",
    "honorifics",
    "role_titles",
    "list_people_words",
    "proper_heads",
    "office_words",
    "non_actor_heads",
    "variant_suffixes",
    "infobox_labels",
    "country_agent_before",
    "country_agent_after",
    "country_agent_nouns",
    "country_prepositions",
    "country_from_people",
    "adjective_suffixes",
    "country_place_words",
    "country_place_suffixes",
    "country_condition_nouns",
    "country_place_levels",
    "role_modifiers",
    "facility_ends",
    "thing_nouns_after",
    "ethnic_groups",
    "ethnic_group_nouns",
    "ethnic_markers",
    "person_list_phrases",
    "byline_verbs",
    "country_between_places",
    "country_place_states",
    "capital_cities",
    "author_line_followers",
    "sentence_adverbs",
    "force_modifiers",
    "agent_verbs",
    "people_nouns",
    "epithets",
    "organisation_people",
    "person_possessions",
    "name_months",
    "occupation_nouns",
    "person_objects",
    "outlet_before",
    "set_off_offices",
    "country_undergo_verbs",
)
_SECTIONS = (*_LISTS, "organisation_acronyms", "same_actor", "kind_since")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class KindSince:
    names: frozenset[str]
    kind: str
    since: str  # ISO date


@dataclass(frozen=True)
class ActorWords:
    byline_words: frozenset[str]
    honorifics: frozenset[str]
    role_titles: frozenset[str]
    list_people_words: frozenset[str]
    proper_heads: frozenset[str]
    office_words: frozenset[str]
    non_actor_heads: frozenset[str]
    variant_suffixes: frozenset[str]
    infobox_labels: frozenset[str]
    country_agent_before: frozenset[str]
    country_agent_after: frozenset[str]
    country_agent_nouns: frozenset[str]
    country_prepositions: frozenset[str]
    country_from_people: frozenset[str]
    adjective_suffixes: frozenset[str]
    country_place_words: frozenset[str]
    country_place_suffixes: frozenset[str]
    country_condition_nouns: frozenset[str]
    country_place_levels: frozenset[str]
    role_modifiers: frozenset[str]
    facility_ends: frozenset[str]
    thing_nouns_after: frozenset[str]
    ethnic_groups: frozenset[str]
    ethnic_group_nouns: frozenset[str]
    ethnic_markers: frozenset[str]
    person_list_phrases: frozenset[str]
    byline_verbs: frozenset[str]
    country_between_places: frozenset[str]
    country_place_states: frozenset[str]
    capital_cities: frozenset[str]
    author_line_followers: frozenset[str]
    sentence_adverbs: frozenset[str]
    force_modifiers: frozenset[str]
    agent_verbs: frozenset[str]
    people_nouns: frozenset[str]
    epithets: frozenset[str]
    organisation_people: frozenset[str]
    person_possessions: frozenset[str]
    name_months: frozenset[str]
    occupation_nouns: frozenset[str]
    person_objects: frozenset[str]
    outlet_before: frozenset[str]
    set_off_offices: frozenset[str]
    country_undergo_verbs: frozenset[str]
    organisation_acronyms: dict[str, str]
    same_actor: tuple[frozenset[str], ...]
    kind_since: tuple[KindSince, ...]


def _words(name: str, value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v and v == v.lower() for v in value):
        raise TorkhamError(f"{where}: {name} must be a non-empty list of lowercase words (quote yes/no/on/off)")
    return frozenset(value)


def _acronyms(value: object, kinds: set[str], path: Path, line: int) -> dict[str, str]:
    if not isinstance(value, Located) or not value:
        raise TorkhamError(f"{path}:{line}: organisation_acronyms must map abbreviations to actor kinds")
    for abbr, kind in value.items():
        at = f"{path}:{value.line_of(abbr)}"
        if not re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]", abbr):
            raise TorkhamError(f"{at}: organisation_acronyms: '{abbr}' must be an abbreviation of two capitals or more")
        if kind not in kinds:
            raise TorkhamError(
                f"{at}: organisation_acronyms: '{kind}' is not an actor kind; use one of {', '.join(sorted(kinds))}"
            )
    return dict(value)


def _same_actor(value: object, path: Path, line: int) -> tuple[frozenset[str], ...]:
    where = f"{path}:{line}"
    if not isinstance(value, list) or not all(isinstance(group, list) and len(group) >= 2 for group in value):
        raise TorkhamError(f"{where}: same_actor must be a list of lists of two names or more")
    return tuple(_words("same_actor", group, where) for group in value)


def _kind_since(value: object, kinds: set[str], path: Path, line: int) -> tuple[KindSince, ...]:
    if not isinstance(value, list) or not value:
        raise TorkhamError(f"{path}:{line}: kind_since must be a list of {{names, kind, since}} entries")
    out = []
    for entry in value:
        at = f"{path}:{getattr(entry, 'line', line)}"
        if not isinstance(entry, Located) or set(entry) != {"names", "kind", "since"}:
            raise TorkhamError(f"{at}: kind_since: each entry needs exactly names, kind and since")
        if entry["kind"] not in kinds:
            raise TorkhamError(f"{at}: kind_since: '{entry['kind']}' is not an actor kind")
        if not isinstance(entry["since"], str) or not _DATE.fullmatch(entry["since"]):
            raise TorkhamError(f"{at}: kind_since: since must be a date written YYYY-MM-DD in quotes")
        out.append(KindSince(_words("names", entry["names"], at), entry["kind"], entry["since"]))
    return tuple(out)


def load_actor_words(path: Path = ACTOR_WORDS_FILE) -> ActorWords:
    """Read and check the lists; a problem raises TorkhamError naming the file, line and fix."""
    from torkham.ingest.extract.words import default_words
    from torkham.model.vocabulary import default_vocabulary

    data = load_yaml(path)
    if not isinstance(data, Located):
        raise TorkhamError(f"{path}:1: the actor word lists must be a mapping of sections")
    for name in data:
        if name not in _SECTIONS:
            raise TorkhamError(
                f"{path}:{data.line_of(name)}: unknown section '{name}'; expected one of {', '.join(_SECTIONS)}"
            )
    missing = [name for name in _SECTIONS if name not in data]
    if missing:
        raise TorkhamError(f"{path}:1: missing section '{missing[0]}'")
    kinds = set(default_vocabulary()["actor_kinds"])
    lists = {name: _words(name, data[name], f"{path}:{data.line_of(name)}") for name in _LISTS}
    titles = set(default_words().person_titles)
    strays = sorted(lists["honorifics"] - titles)
    if strays:
        raise TorkhamError(
            f"{path}:{data.line_of('honorifics')}: honorifics: '{strays[0]}' is not in person_titles of wordlists.yaml; add it there too"
        )
    heads = {w for ws in default_words().actor_kind_words.values() for w in ws}
    strays = sorted(lists["proper_heads"] - heads)
    if strays:
        raise TorkhamError(
            f"{path}:{data.line_of('proper_heads')}: proper_heads: '{strays[0]}' is not in actor_kind_words of "
            "wordlists.yaml; add it there too"
        )
    return ActorWords(
        **lists,
        organisation_acronyms=_acronyms(
            data["organisation_acronyms"], kinds, path, data.line_of("organisation_acronyms")
        ),
        same_actor=_same_actor(data["same_actor"], path, data.line_of("same_actor")),
        kind_since=_kind_since(data["kind_since"], kinds, path, data.line_of("kind_since")),
    )


@lru_cache(maxsize=1)
def actor_words() -> ActorWords:
    return load_actor_words()
