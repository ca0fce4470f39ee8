"""The document store: ingested documents and their passages (paragraphs cut to about 1,000 characters,
each with its page and offsets), with the terms `torkham search` ranks by. Writing a document replaces an
earlier version of the same source id, in one transaction."""

from __future__ import annotations

import re
from datetime import datetime
from importlib import resources

from torkham.errors import TorkhamError
from torkham.ingest.document import Document
from torkham.ingest.search import term_counts
from torkham.store.db import transaction

MAX_PASSAGE_CHARS = 1000
_SHORT = 200  # a piece shorter than this (a heading, a caption) is packed with what follows on its page
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]?\s+")


def ensure_ingest_schema(con) -> None:
    con.execute(resources.files("torkham.ingest").joinpath("schema.sql").read_text(encoding="utf-8"))


def store_document(con, doc: Document, source_id: str) -> int:
    """Write `doc` under `source_id` (replacing an earlier version of it); return the number of passages."""
    if not source_id or not source_id.strip():
        raise TorkhamError("a document needs a source id to be stored")
    spans = passage_spans(doc)
    passages = [
        (source_id, n, doc.page_at(start), start, end, doc.text[start:end], _marks(doc, start, end))
        for n, (start, end) in enumerate(spans, start=1)
    ]
    counts = [term_counts(row[5]) for row in passages]
    ensure_ingest_schema(con)
    with transaction(con):
        delete_document(con, source_id, within_transaction=True)
        con.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                source_id,
                str(doc.path),
                doc.sha256,
                doc.format,
                doc.title,
                doc.author,
                doc.date,
                len(doc.pages),
                len(doc.text),
                datetime.now().replace(microsecond=0),
                doc.language,
                list(doc.notes),
                doc.text,
            ],
        )
        # One statement per table with list parameters: executemany inserts row by row, far slower.
        columns = list(
            zip(*[(*row[1:], sum(c.values())) for row, c in zip(passages, counts, strict=True)], strict=True)
        )
        if passages:
            con.execute(
                "INSERT INTO passages SELECT ?, unnest(?::INTEGER[]), unnest(?::INTEGER[]), unnest(?::BIGINT[]),"
                " unnest(?::BIGINT[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[][]), unnest(?::INTEGER[])",
                [source_id, *[list(column) for column in columns]],
            )
        terms = [(n, term, tf) for n, count in enumerate(counts, start=1) for term, tf in count.items()]
        if terms:
            numbers, words, frequencies = (list(column) for column in zip(*terms, strict=True))
            con.execute(
                "INSERT INTO passage_terms SELECT ?, unnest(?::INTEGER[]), unnest(?::VARCHAR[]), unnest(?::INTEGER[])",
                [source_id, numbers, words, frequencies],
            )
    return len(passages)


def delete_document(con, source_id: str, within_transaction: bool = False) -> bool:
    """Remove a stored document and its passages; False when there was none."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "documents" not in tables:
        return False

    def delete() -> bool:
        found = con.execute("SELECT count(*) FROM documents WHERE source_id = ?", [source_id]).fetchone()[0]
        for table in ("passage_terms", "passages", "documents"):
            con.execute(f"DELETE FROM {table} WHERE source_id = ?", [source_id])
        return found > 0

    if within_transaction:
        return delete()
    with transaction(con):
        return delete()


def list_documents(con) -> list[dict]:
    """Stored documents without their text, in source id order."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "documents" not in tables:
        return []
    rows = con.execute(
        "SELECT source_id, path, sha256, format, title, author, date, pages, chars, ingested_at, language, notes,"
        " (SELECT count(*) FROM passages p WHERE p.source_id = d.source_id) AS passages"
        " FROM documents d ORDER BY source_id"
    )
    names = [c[0] for c in rows.description]
    return [dict(zip(names, row, strict=True)) for row in rows.fetchall()]


def document_passages(con, source_id: str) -> list[dict]:
    """The passages of one ingested document in reading order (empty when nothing was ingested)."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "passages" not in tables:
        return []
    rows = con.execute(
        'SELECT passage_no, page, start, "end", text FROM passages WHERE source_id = ? ORDER BY passage_no',
        [source_id],
    ).fetchall()
    return [{"passage_no": n, "page": page, "start": s, "end": e, "text": text} for n, page, s, e, text in rows]


def passage_spans(doc: Document, max_chars: int = MAX_PASSAGE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of each passage: paragraphs, long ones cut at sentence ends (or spaces) to at most
    `max_chars`, short ones packed with the next paragraph on the same page."""
    pieces: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\n](?:.|\n(?!\n))*", doc.text):
        pieces += _cut(doc.text, match.start(), match.end(), max_chars)
    passages: list[tuple[int, int]] = []
    for start, end in pieces:
        if passages:
            first, last = passages[-1]
            if last - first < _SHORT and end - first <= max_chars and doc.page_at(first) == doc.page_at(start):
                passages[-1] = (first, end)
                continue
        passages.append((start, end))
    return passages


def _cut(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    while end > start and text[end - 1].isspace():
        end -= 1
    pieces = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        stops = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() > max_chars // 3]
        cut = stops[-1] if stops else (window.rfind(" ") + 1 or max_chars)
        if cut <= max_chars // 3 and not stops:
            cut = max_chars
        piece_end = start + cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


def _marks(doc: Document, start: int, end: int) -> list[str]:
    return sorted({m.kind for m in doc.marks if m.start < end and m.end > start})
