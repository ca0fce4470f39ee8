"""Recall against the hand-encoded knowledge base of a document (src/torkham/knowledge/<source>/).

Every event, figure and claim record carries a verbatim quote of the paper; a proposal matches it when
it lies on the quote and agrees: an event's date falls in the record's dates, a figure has the same
value (a vague amount none), a claim is there. A citation matches when it names the same source on the
citation's quote; an actor when a candidate shares a name or alias with it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from annotation import locate
from scoring import _same_value, forms_of, overlaps

from torkham.ingest.proposal import Proposal
from torkham.kb.loader import BUNDLED_KNOWLEDGE, load_knowledge
from torkham.kb.names import normalize
from torkham.model.dates import DateError, parse_partial_date
from torkham.model.vocabulary import default_vocabulary


@dataclass
class Recall:
    kind: str
    records: int
    located: int  # records whose quote (or name) is found in the text
    matched: int

    @property
    def recall(self) -> float | None:
        return self.matched / self.located if self.located else None


def _days(record: dict) -> tuple[date, date] | None:
    try:
        first = parse_partial_date(record["date"])
        last = parse_partial_date(record.get("end_date") or record["date"])
    except (DateError, KeyError):
        return None
    return first.first_day, last.last_day


def _event_agrees(record: dict, proposal: Proposal) -> bool:
    a, b = _days(record), _days(proposal.record)
    return bool(a and b and a[0] <= b[1] and b[0] <= a[1])


def kb_recall(source: str, text: str, proposals: list[Proposal]) -> list[Recall]:
    kb = load_knowledge(BUNDLED_KNOWLEDGE / source, default_vocabulary())
    by_kind = {k: [p for p in proposals if p.kind == k] for k in ("event", "figure", "claim", "citation", "actor")}
    out = []
    for kind, proposal_kind, agrees in (
        ("events", "event", _event_agrees),
        ("figures", "figure", lambda r, p: _same_value(r, p.record)),
        ("claims", "claim", lambda r, p: True),
    ):
        records = kb.of(kind)
        located = matched = 0
        for record in records:
            spans = locate(text, str(record.get("quote") or ""))
            if not spans:
                continue
            located += 1
            data = dict(record.data)
            if any(overlaps(spans, p.start, p.end) and agrees(data, p) for p in by_kind[proposal_kind]):
                matched += 1
        out.append(Recall(kind, len(records), located, matched))
    out.append(_citations(kb.of("sources"), text, by_kind["citation"]))
    out.append(_actors(kb.of("actors"), text, by_kind["actor"]))
    return out


def _citations(sources, text: str, proposals: list[Proposal]) -> Recall:
    total = located = matched = 0
    for source in sources:
        for citation in source.get("citations") or []:
            total += 1
            spans = locate(text, str(citation.get("quote") or ""))
            if not spans:
                continue
            located += 1
            wanted = normalize(str(source.get("cited_as") or ""))
            if any(overlaps(spans, p.start, p.end) and normalize(p.record["cited_as"]) == wanted for p in proposals):
                matched += 1
    return Recall("citations", total, located, matched)


def _actors(actors, text: str, proposals: list[Proposal]) -> Recall:
    folded = normalize(text)
    candidate_forms = [forms_of(p.record) for p in proposals]
    located = matched = 0
    for actor in actors:
        forms = forms_of(dict(actor.data))
        if not any(f" {f} " in f" {folded} " for f in forms):
            continue
        located += 1
        if any(forms & c for c in candidate_forms):
            matched += 1
    return Recall("actors", len(actors), located, matched)


def knowledge_folder(source: str) -> Path:
    return BUNDLED_KNOWLEDGE / source
