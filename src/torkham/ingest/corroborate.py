"""Does a proposal say what a curated record already says? Then it corroborates that record (a second
source for it) instead of duplicating it.

- event: same type, overlapping dates (a partial date covers its whole month or year), a shared actor;
- figure: same value and unit, and what is counted alike;
- actor candidate: its name is already a name or alias of exactly one actor;
- claim: a shared speaker and a near-identical statement (or quote)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from torkham.kb.names import normalize
from torkham.model.dates import DateError, parse_partial_date

COUNTS_SIMILARITY = 85  # rapidfuzz token_set_ratio of what two figures count
STATEMENT_SIMILARITY = 90  # rapidfuzz ratio of two claims' statements


@dataclass
class Match:
    record_id: str | None = None
    note: str | None = None  # why there is no match although one looked likely (e.g. an ambiguous name)


@dataclass
class Corroborator:
    events: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    names: dict[str, set[str]] = field(default_factory=dict)  # normalised name -> actor ids

    @classmethod
    def from_store(cls, con) -> Corroborator:
        from torkham.store import queries

        names: dict[str, set[str]] = {}
        for actor_id, normalized in con.execute("SELECT actor_id, normalized FROM kb_names").fetchall():
            names.setdefault(normalized, set()).add(actor_id)
        return cls(
            events=queries.records_of(con, "events"),
            figures=queries.records_of(con, "figures"),
            claims=queries.records_of(con, "claims"),
            names=names,
        )

    def match(self, kind: str, record: dict) -> Match:
        """The curated record a proposal of `kind` (a proposal kind: event, figure, …) corroborates."""
        finder = {"event": self._event, "figure": self._figure, "actor": self._actor, "claim": self._claim}.get(kind)
        return finder(record) if finder else Match()

    def _event(self, record: dict) -> Match:
        span = _span(record.get("date"), record.get("end_date"))
        actors = set(record.get("actors") or [])
        if span is None or not actors:
            return Match()
        for event in self.events:
            other = _span(event.get("date"), event.get("end_date"))
            if (
                event.get("type") == record.get("type")
                and other is not None
                and other[0] <= span[1]
                and span[0] <= other[1]
                and actors & set(event.get("actors") or [])
            ):
                return Match(event["id"])
        return Match()

    def _figure(self, record: dict) -> Match:
        from rapidfuzz import fuzz

        value, counts = record.get("value"), normalize(str(record.get("counts") or ""))
        if value is None or not counts:
            return Match()
        for figure in self.figures:
            if (
                figure.get("value") is not None
                and float(figure["value"]) == float(value)
                and figure.get("unit") == record.get("unit")
                and fuzz.token_set_ratio(counts, normalize(str(figure.get("counts") or ""))) >= COUNTS_SIMILARITY
            ):
                return Match(figure["id"])
        return Match()

    def _actor(self, record: dict) -> Match:
        forms = [record.get("name")] + [
            a.get("name") if isinstance(a, dict) else a for a in record.get("aliases") or []
        ]
        for form in forms:
            if not isinstance(form, str):
                continue
            owners = self.names.get(normalize(form), set())
            if len(owners) == 1:
                return Match(next(iter(owners)))
            if len(owners) > 1:
                return Match(note=f"ambiguous: '{form}' names {' and '.join(sorted(owners))}")
        return Match()

    def _claim(self, record: dict) -> Match:
        from rapidfuzz import fuzz

        speakers = set(record.get("asserted_by") or [])
        statement = _said(record.get("statement"))
        if not speakers or not statement:
            return Match()
        for claim in self.claims:
            if not speakers & set(claim.get("asserted_by") or []):
                continue
            said = [_said(claim.get(key)) for key in ("statement", "quote")]
            if any(text and fuzz.ratio(statement, text) >= STATEMENT_SIMILARITY for text in said):
                return Match(claim["id"])
        return Match()


def _said(text: object) -> str:
    """A statement without its parenthesised citations ("(Dawn, 2023)"), normalised for comparison."""
    return normalize(_PARENTHESES.sub(" ", str(text or "")))


_PARENTHESES = re.compile(r"\([^()]*\)")


def _span(start: object, end: object = None) -> tuple[date, date] | None:
    try:
        first = parse_partial_date(start)
        last = parse_partial_date(end) if end else first
    except (DateError, TypeError):
        return None
    return first.first_day, last.last_day
