"""THE search, used by `torkham search` and the web (/search, /api/v1/search): the knowledge base (actors by any
name or alias, the paper's events, claims, figures, sources, relations), dataset events and, when documents
have been ingested, their passages. Each hit has kind, id, label, snippet, match and the url of the web page
that shows it. Text reaches SQL only as bound parameters.

Ranking: names and aliases that are exactly the words typed come first (and bring the records tied to that
actor), then records holding the whole phrase, then records holding every word (a whole word each). A close
spelling is never a result: it is offered apart, in `suggestions` ("Did you mean …?"), see `search_names`.
A year typed beside other words ("ISKP 2023") keeps only the records dated in that year.

    search_all(con, "ISKP 2023") -> {"query", "words", "years", "kinds", "counts", "hits", "suggestions", "notes"}"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from torkham.config import LIMITS
from torkham.errors import TorkhamError
from torkham.kb.names import normalize
from torkham.params import InvalidParameter, check_text, literal
from torkham.store.search_kinds import KB_KINDS, Hit, cut, make_hit
from torkham.store.search_match import find_all
from torkham.store.search_names import actor_hits, suggestions

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.store.queries import Record

KINDS = ("actors", "events", "claims", "figures", "sources", "relations", "data_events", "passages")
LABELS = {
    "actors": "Actors",
    "events": "Events of the paper",
    "claims": "Claims",
    "figures": "Figures",
    "sources": "Sources",
    "relations": "Relations",
    "data_events": "Dataset events",
    "passages": "Passages of ingested documents",
}
_YEAR = re.compile(r"(1[89]|20)\d\d")


def search_all(
    con: DuckDBPyConnection,
    text: str,
    *,
    kinds: list[str] | None = None,
    limit: int = 20,
    source: str | None = None,
) -> dict[str, Any]:
    """Hits of every kind asked for (all by default), at most `limit` per kind; `counts` gives how many
    matched in all, `total` their sum. `source` keeps the passages of one ingested document. Errors name the
    API parameters: q, kinds, limit."""
    text = (text or "").strip()
    if not text:
        raise InvalidParameter("q", "empty; type a name, a place or some words")
    check_text(text, "q", LIMITS.max_text)
    chosen = list(kinds) if kinds else list(KINDS)
    for kind in chosen:
        if kind not in KINDS:
            raise InvalidParameter("kinds", f"unknown kind '{literal(kind)}'; choose from: {', '.join(KINDS)}")
    if limit < 1:
        raise InvalidParameter("limit", f"{limit} is too small; use 1 or more")
    words, years = split_query(text)
    from torkham.store.refs import name_index

    index = name_index(con)
    actors, actor_count, named = actor_hits(con, index, words, limit)
    params: dict[str, Any] = {"text": text, "words": words, "phrase": f" {' '.join(words)} "}
    params |= {"actors": named, "years": years, "limit": limit}
    counts: dict[str, int] = {}
    hits: list[Hit] = []
    records = find_all(con, [KB_KINDS[k] for k in KINDS if k in chosen and k in KB_KINDS], params)  # one statement
    for kind in (k for k in KINDS if k in chosen):
        if kind == "actors":
            found, count = actors, actor_count
        elif kind == "passages":
            found, count = _passages(con, words, years, limit, source)
        else:
            found, count = records[kind]
        counts[kind] = count
        hits += found
    offered = [] if actor_count else suggestions(index, words, set())
    return {
        "query": text, "words": words, "years": years, "kinds": [k for k in KINDS if k in chosen],
        "counts": counts, "total": sum(counts.values()), "hits": hits, "suggestions": offered,
        "notes": _notes(years),
    }  # fmt: skip


def prepare(con: DuckDBPyConnection) -> None:
    """Fold the dataset events' texts for the search of this store generation (store.search_match.prepare_kinds),
    so that its first visitor does not wait for it."""
    from torkham.store.search_match import prepare_kinds

    prepare_kinds(con, list(KB_KINDS.values()))


def split_query(text: str) -> tuple[list[str], list[int]]:
    """The words to look for (case, accents and punctuation folded) and the years to keep. A year is a filter
    only beside other words: "ISKP 2023" → (["iskp"], [2023]); "2023" alone is a word to look for."""
    tokens = normalize(text).split()[:20]
    if not tokens:
        raise InvalidParameter("q", f"'{literal(text)}' has no letters or digits to search for")
    years = sorted({int(t) for t in tokens if _YEAR.fullmatch(t)})
    words = [t for t in tokens if not _YEAR.fullmatch(t)]
    return (words, years) if words else (tokens, [])


def _notes(years: list[int]) -> list[str]:
    if not years:
        return []
    shown = ", ".join(str(y) for y in years)
    return [
        f"{shown} is read as a year: only records dated in it are listed; claims and other records "
        "without a date are left out, actors are matched by name alone."
    ]


def _passages(
    con: DuckDBPyConnection, words: list[str], years: list[int], limit: int, source: str | None
) -> tuple[list[Hit], int]:
    """Passages of ingested documents holding every word (ranked by the ingest passage search, BM25)."""
    from torkham.ingest.search import has_documents, search_passages, terms_with_spans

    if not has_documents(con):  # remembered per store generation
        if source is not None:  # asked for one document's passages: say why there are none
            search_passages(con, " ".join(words), source_id=source)
        return [], 0
    wanted = [t for t, _, _ in terms_with_spans(" ".join(words))]
    try:
        found = search_passages(con, " ".join(words), source_id=source, limit=max(limit * 5, 50))
    except TorkhamError:
        if source is not None:
            raise
        return [], 0  # only common words: nothing to look for in passages
    hits = []
    for p in found:
        held = [t for t, _, _ in terms_with_spans(p["text"])]
        if not set(wanted) <= set(held) or any(str(y) not in normalize(p["text"]).split() for y in years):
            continue
        phrase = f" {' '.join(wanted)} " in f" {' '.join(held)} "
        hits.append(
            make_hit(
                "passages",
                f"{p['source_id']}#{p['passage_no']}",
                p.get("title") or p["source_id"],
                cut(p.get("highlighted") or p["text"]),
                f"/sources/{quote(p['source_id'])}#passage-{p['passage_no']}",
                match="phrase" if phrase else "words",
                source_id=p["source_id"],
                page=p.get("page"),
                score=p.get("score"),
                highlighted=p.get("highlighted"),
                marks=p.get("marks"),
            )  # fmt: skip
        )
    return hits[:limit], len(hits)


def actors_matching(actors: list[Record], text: str) -> list[Record]:
    """The actor records (as `queries.list_actors` gives them) with `text` in their id, name or an alias,
    ignoring case, diacritics and punctuation."""
    key = normalize(text)
    if not key:
        return actors
    return [
        a for a in actors
        if any(key in normalize(n) for n in (a["id"], a["name"], *(alias["name"] for alias in a.get("aliases") or [])))
    ]  # fmt: skip
