"""Actors in a search: the names and aliases that are exactly the words typed, then the names that hold every word
typed; and, apart from the results, the close spellings offered as "Did you mean …?".

A close spelling must be close word by word: every word typed (of three letters or more) must reach
SUGGEST_AT against a word of the name (or two neighbouring words written as one), as rapidfuzz's `ratio`
(0–100) measures it. So "Mehsood" offers "Noor Wali Mehsud" (mehsood/mehsud: 77), while "Torkham" does not
offer "Tore Hamming" (its best, torkham/torehamming: 67) and "Tehreek-e-Labbaik" does not offer
"Tehreek-e-Taliban" (labbaik has no close word in it: 43), although the whole strings look alike (76)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from torkham.store.memo import remembered
from torkham.store.search_kinds import Hit, cut, make_hit

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.kb.resolve import NameIndex

SUGGEST_AT = 75.0  # the least rapidfuzz ratio every typed word must reach for a name to be offered
MIN_WORD = 3  # shorter words ("e" of Tehreek-e-Taliban) are not compared
SUGGESTIONS = 5


def actor_hits(
    con: DuckDBPyConnection, index: NameIndex, words: list[str], limit: int
) -> tuple[list[Hit], int, list[str]]:
    """Actor hits (exact names first, then names holding every word), how many in all, and the ids of the
    actors the words name exactly (an ambiguous name names several)."""
    phrase = " ".join(words)
    exact = index.by_norm.get(phrase, {})
    ranked: list[tuple[str, str, str]] = [(a, "exact", name) for a, name in sorted(exact.items())]
    for norm, holders in sorted(index.by_norm.items()):
        tokens = norm.split()
        if norm != phrase and all(w in tokens for w in words):
            for actor_id, name in sorted(holders.items()):
                if actor_id not in {a for a, _, _ in ranked}:
                    ranked.append((actor_id, "words", name))
    rows, notes = remembered(con, ("actor names and notes",), lambda: _names_and_notes(con))
    hits = []
    for actor_id, how, matched in ranked[:limit]:
        name, kind, description = rows.get(actor_id, (actor_id, "", None))
        named = f"named '{matched}'." if matched not in (name, actor_id) else ""
        text = " ".join(
            s for s in (named, notes.get((actor_id, matched)), cut(description or kind.replace("_", " "))) if s
        )
        hits.append(
            make_hit(
                "actors",
                actor_id,
                name,
                text,
                f"/actors/{quote(actor_id)}",
                match=how,
                matched_name=matched,
                ambiguous=how == "exact" and len(exact) > 1,
            )  # fmt: skip
        )
    return hits, len(ranked), sorted(exact)


def _names_and_notes(
    con: DuckDBPyConnection,
) -> tuple[dict[str, tuple[str, str, str | None]], dict[tuple[str, str], str | None]]:
    """Actor id -> (name, kind, description), and (actor id, name) -> the name's note: fixed per opening of
    the store (store.memo)."""
    rows = {r[0]: r[1:] for r in con.execute("SELECT id, name, kind, description FROM kb_actors").fetchall()}
    notes = {(a, n): note for a, n, note in con.execute("SELECT actor_id, name, note FROM kb_names").fetchall()}
    return rows, notes


def suggestions(index: NameIndex, words: list[str], skip: set[str]) -> list[dict[str, Any]]:
    """Up to SUGGESTIONS actors (not in `skip`) with a name close to `words`, closest first:
    id, label, name (the spelling that came close), score, url."""
    from rapidfuzz import fuzz

    typed = [w for w in words if len(w) >= MIN_WORD and not w.isdigit()]
    if not typed:
        return []
    best: dict[str, tuple[float, str]] = {}
    for norm, holders in index.by_norm.items():
        parts = _parts(norm)
        if not parts:
            continue
        score = min(max(fuzz.ratio(w, p) for p in parts) for w in typed)
        if score < SUGGEST_AT:
            continue
        for actor_id, name in holders.items():
            if actor_id not in skip and score > best.get(actor_id, (0.0, ""))[0]:
                best[actor_id] = (score, name)
    ordered = sorted(best.items(), key=lambda item: (-item[1][0], index.canonical.get(item[0], item[0])))
    return [
        {"id": a, "label": index.canonical.get(a, a), "name": name, "score": round(score, 1), "url": f"/actors/{quote(a)}"}
        for a, (score, name) in ordered[:SUGGESTIONS]
    ]  # fmt: skip


def _parts(norm: str) -> set[str]:
    """The words of a name worth comparing, and each two neighbours written as one ("noorwali")."""
    tokens = norm.split()
    joined = {a + b for a, b in zip(tokens, tokens[1:], strict=False)}
    return {t for t in tokens if len(t) >= MIN_WORD} | joined
