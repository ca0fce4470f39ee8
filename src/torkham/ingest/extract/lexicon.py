"""The names the knowledge base knows: every name and alias of every actor, normalised the way
`torkham.kb.resolve` compares names, with the names that point at more than one actor (shared by two
actors, or declared in an ambiguity) marked as ambiguous. The mention matcher is built from it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from torkham.kb.names import normalize


@dataclass
class Lexicon:
    forms: dict[str, dict[str, str]] = field(default_factory=dict)  # normalised name -> {actor id: name as written}
    canonical: dict[str, str] = field(default_factory=dict)  # actor id -> name
    kinds: dict[str, str] = field(default_factory=dict)  # actor id -> actor kind
    declared: dict[str, str] = field(default_factory=dict)  # normalised ambiguous name -> its note
    sources: dict[str, str] = field(default_factory=dict)  # normalised cited_as ("dawn 2023") -> source id

    @classmethod
    def empty(cls) -> Lexicon:
        return cls()

    @classmethod
    def from_names(
        cls,
        actors: list[tuple[str, str, str]],
        names: list[tuple[str, str]],
        ambiguities: list[tuple[str, str, str | None]] = (),  # type: ignore[assignment]
        sources: list[tuple[str, str]] = (),  # type: ignore[assignment]
    ) -> Lexicon:
        """actors: (id, name, kind); names: (actor id, name or alias); ambiguities: (name, actor id, note);
        sources: (source id, cited_as)."""
        lexicon = cls()
        for actor_id, name, kind in actors:
            lexicon.canonical[actor_id] = name
            lexicon.kinds[actor_id] = kind
            lexicon._add(actor_id, name)
        for actor_id, name in names:
            lexicon._add(actor_id, name)
        for name, actor_id, note in ambiguities:
            lexicon._add(actor_id, name)
            lexicon.declared.setdefault(normalize(name), note or "")
        for source_id, cited_as in sources:
            if cited_as:
                lexicon.sources.setdefault(normalize(cited_as), source_id)
        return lexicon

    @classmethod
    def from_store(cls, con) -> Lexicon:
        """From the kb_actors, kb_names, kb_ambiguities and kb_sources tables of a store."""
        actors = con.execute("SELECT id, name, kind FROM kb_actors").fetchall()
        names = con.execute("SELECT actor_id, name FROM kb_names").fetchall()
        ambiguities = con.execute("SELECT name, actor_id, note FROM kb_ambiguities").fetchall()
        sources = con.execute("SELECT id, cited_as FROM kb_sources WHERE cited_as IS NOT NULL").fetchall()
        return cls.from_names(actors, names, ambiguities, sources).with_place_names().with_country_abbreviations()

    @classmethod
    def from_knowledge(cls, kb) -> Lexicon:
        """From a loaded knowledge base (torkham.kb.loader.KnowledgeBase), without a store."""
        from torkham.kb.validate import actor_names

        actors: list[tuple[str, str, str]] = []
        names: list[tuple[str, str]] = []
        ambiguities: list[tuple[str, str, str | None]] = []
        sources: list[tuple[str, str]] = []
        for record in kb.records:
            if record.kind == "actors":
                actors.append((record.id, str(record.get("name")), str(record.get("kind"))))
                names.extend((record.id, name) for name, _type in actor_names(record))
            elif record.kind == "ambiguities":
                for actor_id in record.get("actors") or []:
                    ambiguities.append((str(record.get("name")), actor_id, record.get("note")))
            elif record.kind == "sources" and record.get("cited_as"):
                sources.append((record.id, str(record.get("cited_as"))))
        return cls.from_names(actors, names, ambiguities, sources).with_place_names().with_country_abbreviations()

    def with_place_names(self) -> Lexicon:
        """A province known as an actor (kind region) is also named by the gazetteer's other names of it
        ("NWFP", "North-West Frontier Province" for Khyber Pakhtunkhwa), unless another actor holds the name;
        not its guarded abbreviations ("GB"), nor "… province" (the mention is the name before it)."""
        regions = [(i, n) for i, n in self.canonical.items() if self.kinds.get(i) == "region"]
        if not regions:
            return self
        from torkham.geo.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
        for actor_id, name in regions:
            codes = {p.code for p in gazetteer.resolve(name).at_level("province").places if p.code}
            if len(codes) != 1:
                continue
            for written in gazetteer.names_of(codes.pop()):
                key = normalize(written)
                guarded = getattr(gazetteer.abbreviations.get(key), "guarded", False)
                if guarded or key.endswith(" province") or set(self.forms.get(key, {actor_id: ""})) != {actor_id}:
                    continue
                self._add(actor_id, written)
        return self

    def with_country_abbreviations(self) -> Lexicon:
        """A known name that holds a country, written out or abbreviated, is also known with the country's
        other forms (country_abbreviations of wordlists.yaml): "United States Institute of Peace" is also "U.S.
        Institute of Peace" and "US Institute of Peace" — the same words, not a look-alike — unless another
        actor holds the form or would get it too. The country's own names are left to the knowledge base."""
        from torkham.ingest.extract.words import default_words

        forms_of: dict[str, list[str]] = {}
        for abbr, country in default_words().country_abbreviations.items():
            forms_of.setdefault(country, [country]).append(abbr)
        new: dict[str, dict[str, str]] = {}  # normalised form -> {actor id: form as written}
        for actor_id, written in [(i, w) for holders in self.forms.values() for i, w in holders.items()]:
            for forms in forms_of.values():
                for other in _swapped(written, forms):
                    new.setdefault(normalize(other), {}).setdefault(actor_id, other)
        for key, holders in new.items():
            if len(holders) == 1 and set(self.forms.get(key, holders)) == set(holders):
                actor_id, other = next(iter(holders.items()))
                self._add(actor_id, other)
        return self

    def _add(self, actor_id: str, name: str) -> None:
        key = normalize(name)
        if key:
            self.forms.setdefault(key, {}).setdefault(actor_id, name)

    def actors_named(self, name: str) -> list[str]:
        """The actor ids a name (any spelling of case, diacritics, punctuation) points at."""
        return sorted(self.forms.get(normalize(name), {}))

    def is_ambiguous(self, name: str) -> bool:
        key = normalize(name)
        return len(self.forms.get(key, {})) > 1 or key in self.declared

    def resolve(self, name: str) -> str | None:
        """The one actor a name points at, or None when it is unknown or ambiguous."""
        ids = self.actors_named(name)
        return ids[0] if len(ids) == 1 and not self.is_ambiguous(name) else None

    def written_forms(self) -> list[tuple[str, list[str]]]:
        """(a form as written, the actor ids of its normalised name) for every known form."""
        out: list[tuple[str, list[str]]] = []
        for holders in self.forms.values():
            ids = sorted(holders)
            out.extend((written, ids) for written in dict.fromkeys(holders.values()))
        return out


def _swapped(name: str, forms: list[str]) -> list[str]:
    """`name` with the one form of a country it holds as whole words replaced by each other form; none
    when the name is only the country."""
    for form in forms:
        found = re.search(rf"(?<![\w.]){re.escape(form)}(?![\w]|\.\w)", name)
        if found and name.strip() != form:
            return [name[: found.start()] + other + name[found.end() :] for other in forms if other != form]
    return []
