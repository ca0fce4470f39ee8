"""From extractor proposals to knowledge records marked `status: proposed`: ids, provenance (page,
character offsets, the verbatim sentence), corroboration, and references made to fit."""

from __future__ import annotations

from collections.abc import Iterable

from torkham.ingest.corroborate import Corroborator
from torkham.ingest.proposal import PROPOSAL_KINDS, Proposal
from torkham.kb.names import normalize
from torkham.kb.schema import KINDS, PROPOSED

ID_PREFIX = {
    "mention": "mn",
    "actor": "ac",
    "event": "ev",
    "figure": "fig",
    "claim": "cl",
    "citation": "cit",
    "date": "dt",
}
CORROBORATING = ("event", "figure", "actor", "claim")  # kinds whose proposal may say again what a record says
PROVENANCE = ("id", "status", "corroborates", "source", "locator", "quote")


def slug(text: str, limit: int = 48) -> str:
    return normalize(text).replace(" ", "-")[:limit].strip("-")


def proposal_records(
    proposals: Iterable[Proposal], source_id: str, corroborator: Corroborator, curated: set[str], taken: set[str]
) -> list[tuple[str, dict]]:
    """(knowledge kind, record) for every proposal, in document order. `curated` are the ids of the
    knowledge base, `taken` every id in use (proposals of other sources too). Ids are stable for a given
    document and extractor, so proposals already decided are recognised when it is ingested again."""
    out: list[tuple[str, dict]] = []
    used: set[str] = set(taken)
    candidates: dict[str, str] = {}  # normalised name of an actor candidate -> its id
    ordered = sorted(proposals, key=lambda p: (p.start, p.end, p.kind))
    for proposal in ordered:
        if proposal.kind not in PROPOSAL_KINDS:
            continue  # an extractor bug; the kinds are fixed by ingest.proposal
        numbers = {k for k, t in KINDS[PROPOSAL_KINDS[proposal.kind]]["fields"].items() if t == "number"}
        record = {k: v for k, v in proposal.record.items() if k not in PROVENANCE and (v is not None or k in numbers)}
        base = slug(str(record.get("name") or "")) if proposal.kind == "actor" else ""
        rid = _unique(
            base if base and base not in used else f"{ID_PREFIX[proposal.kind]}-{source_id}-{proposal.start}", used
        )
        match = corroborator.match(proposal.kind, record)
        given = [m for m in proposal.matches if m in curated] if proposal.kind in CORROBORATING else []
        corroborates = given[0] if given else match.record_id
        notes = [*(record.pop("notes", None) or []), *proposal.notes, *([match.note] if match.note else [])]
        locator = {"page": proposal.page, "start": proposal.start, "end": proposal.end}
        full: dict[str, object] = {"id": rid, "status": PROPOSED}
        if corroborates:
            full["corroborates"] = corroborates
        full.update(record)
        full["locator"] = {k: v for k, v in locator.items() if v is not None}
        full["quote"] = proposal.sentence
        if notes:
            full["notes"] = [str(n) for n in notes]
        if proposal.kind == "actor" and not corroborates:
            for name in _names_of(record):
                candidates.setdefault(normalize(name), rid)
        out.append((PROPOSAL_KINDS[proposal.kind], full))
    ids = curated | {r["id"] for _, r in out}  # once: per record it made ingesting quadratic
    for kind, record in out:
        _fit_references(kind, record, ids, candidates)
    return out


def _unique(rid: str, used: set[str]) -> str:
    candidate, n = rid, 2
    while candidate in used:
        candidate, n = f"{rid}-{n}", n + 1
    used.add(candidate)
    return candidate


def _names_of(record: dict) -> list[str]:
    names = [record.get("name")] + [a.get("name") if isinstance(a, dict) else a for a in record.get("aliases") or []]
    return [n for n in names if isinstance(n, str) and n.strip()]


def _fit_references(kind: str, record: dict, ids: set[str], candidates: dict[str, str]) -> None:
    """A reference the extractor gave by name becomes the id of the actor candidate of that name;
    one that is neither a known id nor a candidate is dropped, with a note saying so."""
    for key, field_type in {**KINDS[kind]["fields"], "cites": "refs:sources"}.items():
        if not field_type.startswith("refs:") or not isinstance(record.get(key), list):
            continue
        kept = []
        for value in record[key]:
            target = value if value in ids else candidates.get(normalize(str(value)))
            if target and target not in kept:
                kept.append(target)
            elif not target:
                record.setdefault("notes", []).append(f"{key}: dropped '{value}', which is not a known id or candidate")
        record[key] = kept
