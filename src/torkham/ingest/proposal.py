"""What an extractor proposes: a record in the knowledge schema plus where in the document it came from."""

from __future__ import annotations

from dataclasses import dataclass, field

# Proposal kinds and the knowledge kind each becomes when accepted.
PROPOSAL_KINDS = {
    "mention": "mentions",  # a known actor named in the document
    "actor": "actors",  # a new actor candidate
    "event": "events",
    "figure": "figures",
    "claim": "claims",
    "citation": "citations",  # an in-text citation linked to a bibliography entry
    "date": "dates",  # a resolved date expression (feeds events; reviewed with them)
    "relation": "relations",  # a relationship of an imported STIX bundle (torkham ingest BUNDLE.json)
}


@dataclass
class Proposal:
    kind: str  # a key of PROPOSAL_KINDS
    record: dict  # fields of the target knowledge kind, without id/source/locator/quote
    start: int  # character offsets of the evidence in Document.text
    end: int
    sentence: str  # the verbatim sentence that contains the evidence
    page: int | None = None
    notes: list[str] = field(default_factory=list)  # e.g. "ambiguous: names X and Y", "unit looks missing"
    matches: list[str] = field(default_factory=list)  # ids of existing records this corroborates

    @property
    def evidence(self) -> str:
        return self.sentence
