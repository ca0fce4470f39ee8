"""Resolve a name a user typed to one actor — or say it is ambiguous, or suggest close names.
Names are never merged because they look alike: a partial or fuzzy match is only accepted when it
points at exactly one actor, and a fuzzy match is only ever a suggestion."""

from __future__ import annotations

from dataclasses import dataclass, field

from torkham.kb.names import match, normalize


@dataclass
class Resolution:
    query: str
    actor_id: str | None = None
    matched: str | None = None  # the name or alias that matched
    how: str = "none"  # exact | partial | none
    candidates: list[str] = field(default_factory=list)  # actor ids, when ambiguous
    suggestions: list[str] = field(default_factory=list)  # actor ids, when nothing matched

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


class NameIndex:
    def __init__(self, names: list[tuple[str, str]], ambiguities: list[tuple[str, str]], canonical: dict[str, str]):
        """names: (actor id, name); ambiguities: (name, actor id); canonical: actor id -> name."""
        self.canonical = canonical
        self.by_norm: dict[str, dict[str, str]] = {}
        for actor_id, name in [
            *names,
            *((aid, canonical[aid]) for aid in canonical),
            *((aid, aid) for aid in canonical),
        ]:
            self.by_norm.setdefault(normalize(name), {}).setdefault(actor_id, name)
        for name, actor_id in ambiguities:
            self.by_norm.setdefault(normalize(name), {}).setdefault(actor_id, name)

    @classmethod
    def from_store(cls, con) -> NameIndex:
        names = con.execute("SELECT actor_id, name FROM kb_names").fetchall()
        ambiguities = con.execute("SELECT name, actor_id FROM kb_ambiguities").fetchall()
        canonical = dict(con.execute("SELECT id, name FROM kb_actors").fetchall())
        return cls(names, ambiguities, canonical)

    def resolve(self, query: str) -> Resolution:
        result = Resolution(query)
        key = normalize(query)
        if not key:
            return result
        how, holders = match(self.by_norm, key)
        if holders:
            return self._settle(result, holders, how)
        result.suggestions = self.suggest(key)
        return result

    def _settle(self, result: Resolution, holders: dict[str, str], how: str) -> Resolution:
        result.how = how
        if len(holders) == 1:
            result.actor_id, result.matched = next(iter(holders.items()))
        else:
            result.candidates = sorted(holders, key=lambda a: self.canonical.get(a, a))
        return result

    def suggest(self, key: str, limit: int = 5) -> list[str]:
        from rapidfuzz import fuzz, process

        # Whole names and their longer words both count, so "Mehsood" finds "Noor Wali Mehsud".
        choices: dict[str, set[str]] = {}
        for norm, holders in self.by_norm.items():
            for choice in {norm, *(t for t in norm.split() if len(t) >= 4)}:
                choices.setdefault(choice, set()).update(holders)
        scored = process.extract(key, list(choices), scorer=fuzz.WRatio, limit=40, score_cutoff=75)
        suggestions: list[str] = []
        for choice, _score, _ in scored:
            for actor_id in sorted(choices[choice]):
                if actor_id not in suggestions:
                    suggestions.append(actor_id)
        return suggestions[:limit]
