"""Search across the store: actors by any spelling, the paper's events, claims, sources, dataset events and
(when documents have been ingested) their passages. Each hit has kind, id, label, snippet and the url of
the web page that shows it. Text reaches SQL only as bound parameters.

    search_all(con, "Haggani") -> {"query", "kinds", "counts": {kind: matches}, "hits": [{kind, id, …}]}"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from torkham.config import LIMITS
from torkham.errors import TorkhamError
from torkham.kb.names import normalize
from torkham.params import InvalidParameter, check_text, literal

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.store.queries import Record

Hit = dict[str, Any]  # one search hit: kind, id, label, snippet, url and what the kind adds

KINDS = ("actors", "events", "claims", "sources", "data_events", "passages")
SNIPPET = 160  # characters of context shown around a hit


def search_all(
    con: DuckDBPyConnection, text: str, *, kinds: list[str] | None = None, limit: int = 20
) -> dict[str, Any]:
    """Hits of every kind asked for (all by default), at most `limit` per kind; `counts` gives how many
    matched in all. Errors name the API parameters: q, kinds, limit."""
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
    searches = {
        "actors": _actors,
        "events": _kb_events,
        "claims": _claims,
        "sources": _sources,
        "data_events": _data_events,
        "passages": _passages,
    }
    counts, hits = {}, []
    for kind in KINDS:
        if kind in chosen:
            found, count = searches[kind](con, text, limit)
            counts[kind] = count
            hits += found
    return {"query": text, "kinds": [k for k in KINDS if k in chosen], "counts": counts, "hits": hits}


def _actors(con: DuckDBPyConnection, text: str, limit: int) -> tuple[list[Hit], int]:
    from torkham.store.refs import name_index

    index = name_index(con)
    found = index.resolve(text)
    ranked: list[tuple[str, dict[str, Any]]] = []
    if found.actor_id:
        ranked.append((found.actor_id, {"match": found.how, "matched_name": found.matched, "ambiguous": False}))
    for actor_id in found.candidates:
        ranked.append((actor_id, {"match": found.how, "matched_name": index.by_norm.get(normalize(text), {}).get(
            actor_id), "ambiguous": True}))  # fmt: skip
    for actor_id in found.suggestions:
        ranked.append((actor_id, {"match": "suggestion", "matched_name": None, "ambiguous": False}))
    key = normalize(text)
    if key:  # other actors with the words in one of their names ("Taliban" also finds Tehrik-e-Taliban Pakistan)
        for norm, holders in sorted(index.by_norm.items()):
            if f" {key} " in f" {norm} ":
                for actor_id, name in sorted(holders.items()):
                    if actor_id not in {a for a, _ in ranked}:
                        ranked.append((actor_id, {"match": "contains", "matched_name": name, "ambiguous": False}))
    rows = dict(
        ((actor_id, (name, kind, description)) for actor_id, name, kind, description in
         con.execute("SELECT id, name, kind, description FROM kb_actors").fetchall())
    )  # fmt: skip
    notes = {(a, n): note for a, n, note in con.execute("SELECT actor_id, name, note FROM kb_names").fetchall()}
    hits = []
    for actor_id, how in ranked[:limit]:
        name, kind, description = rows.get(actor_id, (actor_id, "", None))
        note = notes.get((actor_id, how["matched_name"]))
        matched = how["matched_name"]
        named = f"named '{matched}'." if matched and matched not in (name, actor_id) else ""
        snippet = " ".join(s for s in (named, note, _cut(description or kind.replace("_", " "))) if s)
        hits.append(_hit("actors", actor_id, name, snippet, f"/actors/{quote(actor_id)}", **how))
    return hits, len(ranked)


def _kb_events(con: DuckDBPyConnection, text: str, limit: int) -> tuple[list[Hit], int]:
    where, params = _words("concat_ws(' ', e.title, e.place, r.quote)", text)
    base = f"FROM kb_events e JOIN kb_records r USING (id) WHERE {where}"
    rows, count = _matching(con, "e.id, e.date, e.title, e.type, r.quote", base, "e.first_day, r.seq", params, limit)
    hits = [
        _hit(
            "events",
            event_id,
            f"{day} {title}",
            _snippet(quoted or title, text),
            "/timeline?" + urlencode({"layer": "kb", "from": day, "to": day}) + f"#event-{event_id}",
            date=day,
            type=kind,
        )  # fmt: skip
        for event_id, day, title, kind, quoted in rows
    ]
    return hits, count


def _matching(
    con: DuckDBPyConnection, columns: str, base: str, order: str, params: list[str], limit: int
) -> tuple[list[tuple[Any, ...]], int]:
    """The first `limit` rows `base` (FROM … WHERE …, fixed text) selects, and how many it selects in all."""
    ((count,),) = con.execute(f"SELECT count(*) {base}", params).fetchall()
    rows = con.execute(f"SELECT {columns} {base} ORDER BY {order} LIMIT ?", [*params, limit]).fetchall()
    return rows, count


def _claims(con: DuckDBPyConnection, text: str, limit: int) -> tuple[list[Hit], int]:
    where, params = _words("concat_ws(' ', c.statement, r.quote)", text)
    base = f"FROM kb_claims c JOIN kb_records r USING (id) WHERE {where}"
    rows, count = _matching(con, "c.id, c.topic, c.statement, r.quote", base, "c.topic, r.seq", params, limit)
    hits = [
        _hit(
            "claims",
            claim_id,
            statement,
            _snippet(quoted or statement, text),
            f"/perspectives#claim-{claim_id}",
            topic=topic,
        )  # fmt: skip
        for claim_id, topic, statement, quoted in rows
    ]
    return hits, count


def _sources(con: DuckDBPyConnection, text: str, limit: int) -> tuple[list[Hit], int]:
    where, params = _words("concat_ws(' ', s.title, s.authors, s.cited_as, s.publisher)", text)
    base = f"FROM kb_sources s JOIN kb_records r USING (id) WHERE {where}"
    rows, count = _matching(con, "s.id, s.title, s.cited_as, s.publisher, s.date", base, "r.seq", params, limit)
    hits = [
        _hit(
            "sources",
            source_id,
            title,
            cited_as or ", ".join(str(p) for p in (publisher, day) if p),
            f"/sources/{quote(source_id)}",
        )  # fmt: skip
        for source_id, title, cited_as, publisher, day in rows
    ]
    return hits, count


def _data_events(con: DuckDBPyConnection, text: str, limit: int) -> tuple[list[Hit], int]:
    where, params = _words("concat_ws(' ', e.place, e.actor1, e.actor2, e.admin1, e.admin2)", text)
    base = f"FROM events e WHERE {where}"
    rows, count = _matching(
        con,
        "e.dataset, e.event_id, e.date_start, e.actor1, e.actor2, e.place, e.admin1, e.fatalities_best",
        base,
        "e.date_start DESC, e.dataset, e.event_id",
        params,
        limit,
    )
    hits = []
    for dataset, event_id, day, actor1, actor2, place, admin1, deaths in rows:
        event = f"{dataset}:{event_id}"
        where_shown = ", ".join(p for p in (place, admin1) if p)
        snippet = f"{where_shown}; {deaths} killed (best estimate)" if deaths is not None else where_shown
        url = "/timeline?" + urlencode({"layer": "data", "from": day.isoformat(), "to": day.isoformat()})
        label = f"{day.isoformat()} " + " – ".join(n for n in (actor1, actor2) if n)
        hits.append(_hit("data_events", event, label, snippet, f"{url}#event-{event}", date=day.isoformat()))
    return hits, count


def _passages(con: DuckDBPyConnection, text: str, limit: int) -> tuple[list[Hit], int]:
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "passages" not in tables:
        return [], 0
    try:
        from torkham.ingest.search import has_documents, search_passages
    except ImportError:
        return [], 0
    if not has_documents(con):
        return [], 0
    try:
        found = search_passages(con, text, limit=limit)
    except TorkhamError:  # only common words: nothing to look for in passages
        return [], 0
    hits = [
        _hit(
            "passages",
            f"{p['source_id']}#{p['passage_no']}",
            p.get("title") or p["source_id"],
            _cut(p.get("highlighted") or p["text"]),
            f"/sources/{quote(p['source_id'])}#passage-{p['passage_no']}",
            page=p.get("page"),
            score=p.get("score"),
        )  # fmt: skip
        for p in found
    ]
    return hits, len(hits)


def _words(column_sql: str, text: str) -> tuple[str, list[str]]:
    """Every word of `text` must occur in the (fixed) column expression, without case."""
    words = text.lower().split()[:20]
    return " AND ".join(f"strpos(lower({column_sql}), ?) > 0" for _ in words), words


def _snippet(text: str, query: str) -> str:
    """The part of `text` around the first word of `query`, at most SNIPPET characters."""
    words = query.lower().split()
    at = max(text.lower().find(words[0]), 0) if words else 0
    start = max(at - SNIPPET // 3, 0)
    piece = text[start : start + SNIPPET]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(text) else "")


def _cut(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _hit(kind: str, hit_id: str, label: str, snippet: str, url: str, **extra: Any) -> Hit:
    return {"kind": kind, "id": hit_id, "label": label, "snippet": snippet, "url": url, **extra}


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
