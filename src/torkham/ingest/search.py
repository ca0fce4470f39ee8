"""Passage search over ingested documents: BM25 computed in SQL over the `passage_terms` table, with case and
diacritic folding and a light English stemmer (plurals, possessives); the exact phrase counts extra. No
DuckDB extension is needed, so it works offline on any store.

    search_passages(con, "air strikes", source_id=None, limit=20) -> [{source_id, page, score, text, …}]"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from torkham.errors import TorkhamError

K1 = 1.2
B = 0.75
PHRASE_BONUS = 1.5  # multiplies the score of a passage that has the query's words in the query's order
CONTENTS_FACTOR = 0.5  # a table of contents repeats the headings: found, but after the sections themselves

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STOP_TEXT = (
    "a an the and or of to in on at by for with from as is are was were be been being it its this that "
    "these those which who whom whose not no but if then than so such into over under about after before "
    "during between has have had do does did will would can could should may might must also there their "
    "they them he she his her we our you your i me my"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())


def fold(word: str) -> str:
    """Lower case without diacritics, with typographic apostrophes made plain."""
    decomposed = unicodedata.normalize("NFKD", word.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def stem(word: str) -> str:
    """Plural and possessive endings off: "Taliban's" → "taliban", "strikes" → "strike", "militias" →
    "militia", "countries" → "country"; short words and -ss/-us/-is words are left alone."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.rstrip("'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms_with_spans(text: str) -> list[tuple[str, int, int]]:
    """Each indexable word of `text` as (term, start, end); stop words are skipped."""
    found = []
    for match in _TOKEN.finditer(text):
        term = _term(match.group(0))
        if term:
            found.append((term, match.start(), match.end()))
    return found


@lru_cache(maxsize=1 << 16)
def _term(word: str) -> str:
    """The indexed term of a word, "" for a stop word; kept, since a text uses few words many times."""
    term = stem(fold(word))
    return "" if term in STOP_WORDS else term


def term_counts(text: str) -> Counter[str]:
    return Counter(term for term, _, _ in terms_with_spans(text))


def has_documents(con) -> bool:
    """Whether any document has been ingested into the store `con` reads; once per store generation on the web
    (store.memo), from the catalog (duckdb_tables) rather than information_schema, which is slower."""
    from torkham.store.memo import remembered

    return remembered(con, ("has documents",), lambda: _has_documents(con))


def _has_documents(con) -> bool:
    held = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'documents'"
        " AND database_name = current_database() AND schema_name = current_schema()"
    ).fetchone()[0]
    return held > 0 and con.execute("SELECT count(*) FROM documents").fetchone()[0] > 0


def search_passages(con, text: str, source_id: str | None = None, limit: int = 20) -> list[dict]:
    """The passages that best match `text`, best first: source_id, passage_no, page, start, end, score, text,
    highlighted (hits in «»), marks, title."""
    if not has_documents(con):
        raise TorkhamError("no documents have been ingested yet; run 'torkham ingest FILE' first")
    if limit < 1:
        raise TorkhamError(f"--limit must be 1 or more (got {limit})")
    if source_id is not None:
        _check_source(con, source_id)
    terms = sorted({term for term, _, _ in terms_with_spans(text)})
    if not terms:
        raise TorkhamError(
            f"'{text}' has no words to search for (only common words such as 'the' or 'of'); "
            "search for a name or a term"
        )
    rows = con.execute(_BM25, [source_id, source_id, terms, max(limit * 5, 50)]).fetchall()
    phrase = " ".join(term for term, _, _ in terms_with_spans(text))
    results = []
    for sid, passage_no, page, start, end, passage, marks, title, score in rows:
        if len(terms) > 1 and f" {phrase} " in f" {' '.join(t for t, _, _ in terms_with_spans(passage))} ":
            score *= PHRASE_BONUS
        if "contents" in marks:
            score *= CONTENTS_FACTOR
        results.append(
            {
                "source_id": sid,
                "passage_no": passage_no,
                "page": page,
                "start": start,
                "end": end,
                "score": round(score, 3),
                "text": passage,
                "highlighted": highlight(passage, set(terms)),
                "marks": list(marks),
                "title": title,
            }
        )
    results.sort(key=lambda r: (-r["score"], r["source_id"], r["passage_no"]))
    return results[:limit]


def _check_source(con, source_id: str) -> None:
    known = [r[0] for r in con.execute("SELECT source_id FROM documents ORDER BY source_id").fetchall()]
    if source_id not in known:
        raise TorkhamError(f"--source: no ingested document with source id '{source_id}'; ingested: {', '.join(known)}")


def highlight(text: str, terms: set[str], left: str = "«", right: str = "»") -> str:
    """`text` with every word whose term is in `terms` wrapped in «…»; hits next to each other (across a space
    or a hyphen) share one pair."""
    spans: list[list[int]] = []
    for term, start, end in terms_with_spans(text):
        if term not in terms:
            continue
        if spans and not text[spans[-1][1] : start].strip(" \t\n-\u2010"):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    out, last = [], 0
    for start, end in spans:
        out += [text[last:start], left, text[start:end], right]
        last = end
    out.append(text[last:])
    return "".join(out)


_BM25 = f"""
WITH scope AS (
  SELECT source_id, passage_no, tokens FROM passages WHERE ?::VARCHAR IS NULL OR source_id = ?::VARCHAR
), stats AS (
  SELECT count(*)::DOUBLE AS n, greatest(avg(tokens), 1) AS avgdl FROM scope
), query AS (
  SELECT DISTINCT unnest(?::VARCHAR[]) AS term
), hits AS (
  SELECT t.source_id, t.passage_no, t.term, t.tf, s.tokens
  FROM passage_terms t JOIN query q ON t.term = q.term
  JOIN scope s ON s.source_id = t.source_id AND s.passage_no = t.passage_no
), df AS (
  SELECT term, count(*) AS df FROM hits GROUP BY term
), scored AS (
  SELECT h.source_id, h.passage_no,
         sum(ln(1 + (stats.n - df.df + 0.5) / (df.df + 0.5))
             * h.tf * {K1 + 1} / (h.tf + {K1} * (1 - {B} + {B} * h.tokens / stats.avgdl))) AS score
  FROM hits h JOIN df ON df.term = h.term CROSS JOIN stats
  GROUP BY h.source_id, h.passage_no
)
SELECT p.source_id, p.passage_no, p.page, p."start", p."end", p.text, p.marks, d.title, s.score
FROM scored s
JOIN passages p ON p.source_id = s.source_id AND p.passage_no = s.passage_no
JOIN documents d ON d.source_id = s.source_id
ORDER BY s.score DESC, p.source_id, p.passage_no
LIMIT ?
"""
