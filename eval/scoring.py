"""Precision and recall of proposals against annotated items, kind by kind.

A proposal matches an item when it lies on the item's place in the text (spans overlap) and says the
same thing: the same date (dates, events), the same value (figures; a vague amount has none), a
speaker the item names (claims; an author's own claim, `author: true`, also matches a proposal that
names no speaker or the author), the same citation (citations), the same admin code or the same name
and level (places; proposals of kind "place"). Actors are matched over the whole document
by any shared form (name or alias, normalised); mentions by count per form and actor.
Each item is matched by one proposal at most; every proposal left over is a false positive."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotation import Item

from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize

PROPOSAL_KIND = {
    "dates": "date",
    "figures": "figure",
    "events": "event",
    "claims": "claim",
    "citations": "citation",
    "actors": "actor",
    "mentions": "mention",
    "places": "place",
}


@dataclass
class Score:
    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < max(end, start + 1) and start < e for s, e in spans)


def _same_value(item: dict, record: dict) -> bool:
    if "low" in item:
        return record.get("low") == item["low"] and record.get("high") == item["high"]
    if item.get("value") is None:
        return record.get("value") is None and record.get("low") is None
    if record.get("value") is None:
        return False
    value = float(record["value"])
    if record.get("unit") == "decade" and item.get("unit") == "year":
        value *= 10  # the same amount: "two decades" proposed as 2 decade, annotated (gul-2024) as 20 year
    return abs(value - float(item["value"])) < 1e-9


def _speaker_agrees(item: dict, proposal: Proposal) -> bool:
    wanted = item.get("by")
    if not wanted:
        return True
    asserted = proposal.record.get("asserted_by", [])
    if isinstance(asserted, str):
        asserted = [asserted]
    if item.get("author") and (not asserted or "author" in normalize(" ".join(asserted)).split()):
        return True  # the author's own assertion: proposed without a speaker, or as the author's
    said = normalize(" ".join([*asserted, *proposal.notes]))
    return set(normalize(wanted).split()) <= set(said.split())


def _place_code(record: dict) -> str | None:
    code = record.get("code") or record.get("admin_code") or record.get("iso_3166_2") or record.get("iso")
    return str(code).upper() if code else None


def _same_place(item: dict, proposal: Proposal) -> bool:
    """The same admin code, or the same name (as written or as named) at the same level."""
    record = proposal.record
    wanted = item.get("code")
    if wanted and _place_code(record) == str(wanted).upper():
        return True
    if record.get("level") != item.get("level"):
        return False
    names = {normalize(n) for n in (record.get("name"), record.get("text")) if n}
    return bool(names & {normalize(item["text"]), normalize(item.get("name") or item["text"])})


def agrees(kind: str, item: Item, proposal: Proposal) -> bool:
    record = proposal.record
    if not overlaps(item.spans, proposal.start, proposal.end):
        return False
    if kind in ("dates", "events"):
        return record.get("date") == item.data["date"]
    if kind == "figures":
        return _same_value(item.data, record)
    if kind == "claims":
        return _speaker_agrees(item.data, proposal)
    if kind == "citations":
        same = normalize(record.get("cited_as", "")) == normalize(item.data.get("cited_as", record.get("cited_as", "")))
        return same and (not item.data.get("linked") or "entry" in record)
    if kind == "places":
        return _same_place(item.data, proposal)
    return True


def score_spans(kind: str, items: list[Item], proposals: list[Proposal]) -> Score:
    score = Score(kind)
    left = [p for p in proposals if p.kind == PROPOSAL_KIND[kind]]
    types = Counter()
    for item in items:
        match = next((p for p in left if agrees(kind, item, p)), None)
        if match is None:
            score.fn += 1
            score.missed.append(item.data.get("text") or item.data.get("near"))
            continue
        left.remove(match)
        score.tp += 1
        if kind == "events":
            types["same type" if match.record.get("type") == item.data.get("type") else "other type"] += 1
    score.fp = len(left)
    score.wrong = [_label(p) for p in left]
    if kind == "events":
        score.extra = dict(types)
    return score


def _label(p: Proposal) -> str:
    r = p.record
    shown = (
        r.get("date")
        or r.get("value_text")
        or r.get("cited_as")
        or r.get("name")
        or r.get("text")
        or r.get("statement", "")[:40]
    )
    return f"{p.start}: {shown}"


def forms_of(data: dict) -> set[str]:
    names = [data.get("name"), *(a if isinstance(a, str) else a.get("name") for a in data.get("aliases") or [])]
    return {normalize(n) for n in names if n}


def score_actors(items: list[Item], proposals: list[Proposal]) -> Score:
    score = Score("actors")
    candidates = [p for p in proposals if p.kind == "actor"]
    matched_items: set[int] = set()
    for proposal in candidates:
        forms = forms_of(proposal.record)
        hit = next((i for i, item in enumerate(items) if forms & forms_of(item.data)), None)
        if hit is None or hit in matched_items:
            score.fp += 1
            score.wrong.append(_label(proposal) + (" (again)" if hit is not None else ""))
        else:
            matched_items.add(hit)
            score.tp += 1
    score.fn = len(items) - len(matched_items)
    score.missed = [item.data["name"] for i, item in enumerate(items) if i not in matched_items]
    return score


def score_mentions(items: list[Item], proposals: list[Proposal]) -> Score:
    score = Score("mentions")
    expected = Counter()
    for item in items:
        expected[(normalize(item.data["form"]), item.data.get("actor"))] += int(item.data["count"])
    found = Counter((normalize(p.record["name"]), p.record.get("actor")) for p in proposals if p.kind == "mention")
    for key, count in expected.items():
        hit = min(count, found.get(key, 0))
        score.tp += hit
        if count > hit:
            score.fn += count - hit
            score.missed.append(f"{key[0]} -> {key[1]} x{count - hit}")
    for key, count in found.items():
        extra = count - min(count, expected.get(key, 0))
        if extra:
            score.fp += extra
            score.wrong.append(f"{key[0]} -> {key[1]} x{extra}")
    return score
