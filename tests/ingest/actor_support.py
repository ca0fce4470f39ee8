"""What the actor-candidate tests read of propose(): the candidates of a text by name, and their aliases."""

from __future__ import annotations

from torkham.ingest.extract import propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.proposal import Proposal


def candidates(text: str, lexicon: Lexicon | None = None, date: str | None = None) -> dict[str, Proposal]:
    """The actor candidates proposed for `text` (on an empty lexicon unless given), by name."""
    found = [p for p in propose(text_document(text, date=date), lexicon or Lexicon.empty()) if p.kind == "actor"]
    return {p.record["name"]: p for p in found}


def aliases(proposal: Proposal) -> list[str]:
    return [a["name"] for a in proposal.record.get("aliases", [])]
