"""Perspectives: the knowledge base's claims grouped by question (claim topic), one side per list of
asserting actors exactly as the claims give it, with who disputes each claim and which claims dispute
which. Nothing is merged: two claims stand on one side only when the same actors assert them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from torkham.store import queries

if TYPE_CHECKING:
    import duckdb

    from torkham.analysis._typing import Record

UNATTRIBUTED = "unattributed (as the text says)"


def perspectives(con: duckdb.DuckDBPyConnection, topic: str | None = None, actor_id: str | None = None) -> Record:
    """`{"topics": [...]}`: disputed questions first, then the others, each in vocabulary order.

    `topic` keeps one question (shown even when no claim is on it); `actor_id` keeps the questions on
    which that actor asserts or disputes a claim, with every side of them."""
    from torkham.model.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    names = queries.actor_names(con)
    every = queries.claims(con)
    by_topic: dict[str, list[Record]] = {}
    for claim in every:
        by_topic.setdefault(claim["topic"], []).append(claim)
    order = list(vocabulary["claim_topics"]) + sorted(set(by_topic) - set(vocabulary["claim_topics"]))
    out: list[Record] = []
    for name in order:
        if topic and name != topic:
            continue
        claims = by_topic.get(name, [])
        if actor_id and not any(_takes_part(claim, actor_id) for claim in claims):
            continue
        if not claims and not topic:
            continue
        question = vocabulary.describe("claim_topics", name) if name in vocabulary["claim_topics"] else name
        out.append(_topic(name, question, claims, every, names))
    out.sort(key=lambda t: not t["disputed"])  # stable: vocabulary order within each group
    return {"topics": out}


def _takes_part(claim: Record, actor_id: str) -> bool:
    return actor_id in claim["asserted_by"] or actor_id in (claim.get("disputed_by") or [])


def _topic(name: str, question: str, claims: list[Record], every: list[Record], names: dict[str, str]) -> Record:
    sides: dict[tuple[str, ...], list[Record]] = {}
    for claim in claims:
        sides.setdefault(tuple(claim["asserted_by"]), []).append(claim)
    keys = [k for k in sides if k] + [k for k in sides if not k]  # unattributed claims last
    pairs = dispute_pairs(claims, every)
    in_topic = {c["id"] for c in claims}
    by_id = {c["id"]: c for c in every}
    seq = {c["id"]: i for i, c in enumerate(every)}
    outside = {b for _, b in pairs if b not in in_topic and b in by_id}
    return {
        "topic": name,
        "question": question,
        "disputed": bool(pairs) or any(c.get("disputed_by") for c in claims),
        "sides": [
            {
                "actors": _actors(key, names),
                "label": side_label(key, names),
                "claims": [_claim(c, names) for c in sides[key]],
            }
            for key in keys
        ],
        "disputes": [list(pair) for pair in pairs],
        "related_claims": [
            {
                "id": cid,
                "topic": by_id[cid]["topic"],
                "statement": by_id[cid]["statement"],
                "actors": _actors(by_id[cid]["asserted_by"], names),
                "label": side_label(by_id[cid]["asserted_by"], names),
            }
            for cid in sorted(outside, key=seq.__getitem__)
        ],
    }


def dispute_pairs(claims: list[Record], every: list[Record]) -> list[tuple[str, str]]:
    """Each pair of disputing claims once, a claim of `claims` first (the earlier one when both are);
    links are read in both directions, so a one-sided `disputes` entry still shows."""
    rank = {c["id"]: len(claims) + i for i, c in enumerate(every)}
    rank.update({c["id"]: i for i, c in enumerate(claims)})
    last = len(rank)
    found: set[frozenset[str]] = set()
    for claim in every:
        for other in claim.get("disputes") or []:
            if rank.get(claim["id"], last) < len(claims) or rank.get(other, last) < len(claims):
                found.add(frozenset((claim["id"], other)))
    pairs: list[tuple[str, str]] = []
    for pair in found:
        first, second = sorted(pair, key=lambda cid: (rank.get(cid, last), cid))
        pairs.append((first, second))
    return sorted(pairs, key=lambda p: (rank.get(p[0], last), rank.get(p[1], last), p))


def side_label(actor_ids: list[str] | tuple[str, ...], names: dict[str, str]) -> str:
    return " / ".join(names.get(a, a) for a in actor_ids) if actor_ids else UNATTRIBUTED


def _actors(actor_ids: Iterable[str], names: dict[str, str]) -> list[dict[str, str]]:
    return [{"id": a, "name": names.get(a, a)} for a in actor_ids]


def _claim(claim: Record, names: dict[str, str]) -> Record:
    return {
        "id": claim["id"],
        "statement": claim["statement"],
        "quote": claim.get("quote"),
        "source": claim.get("source"),
        "locator": claim.get("locator") or {},
        "disputed_by": _actors(claim.get("disputed_by") or [], names),
        "disputes": list(claim.get("disputes") or []),
        "notes": list(claim.get("notes") or []),
    }
