"""Read what the store holds about one source: its bibliography record, the records drawn from it (each
with its locator and verbatim quote), the records and passages that cite it, the records it corroborates.
The web's source pages and the API read these; nothing else queries the citation tables."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from torkham.store.queries import Record, records_by_id

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def source_record(con: DuckDBPyConnection, source_id: str) -> Record | None:
    rows = con.execute("SELECT record FROM kb_records WHERE id = ? AND kind = 'sources'", [source_id]).fetchall()
    return json.loads(rows[0][0]) if rows else None


def record_counts(con: DuckDBPyConnection) -> dict[str, int]:
    """Source id → number of records drawn from it (records with a quote: the facts it backs)."""
    rows = con.execute("SELECT source, count(*) FROM kb_records WHERE quote IS NOT NULL GROUP BY source").fetchall()
    return dict(rows)


def citation_counts(con: DuckDBPyConnection) -> dict[str, int]:
    """Source id → number of places the knowledge base cites it (in-text citations and records' `cites`)."""
    return dict(con.execute("SELECT source_id, count(*) FROM kb_citations GROUP BY source_id").fetchall())


def source_detail(con: DuckDBPyConnection, source_id: str) -> dict[str, Any] | None:
    """None when no source has this id. Records come in text order (line, then file order); each is
    `{"kind": …, "record": export form}`."""
    source = source_record(con, source_id)
    if source is None:
        return None
    drawn = [
        {"kind": kind, "record": json.loads(record)}
        for kind, record in con.execute(
            """SELECT kind, record FROM kb_records WHERE source = ? AND quote IS NOT NULL
               ORDER BY line NULLS LAST, page NULLS LAST, seq""",
            [source_id],
        ).fetchall()
    ]
    citing_rows = con.execute(
        """SELECT c.record_id, r.kind FROM kb_citations c JOIN kb_records r ON r.id = c.record_id
           WHERE c.source_id = ? ORDER BY c.line NULLS LAST, r.seq""",
        [source_id],
    ).fetchall()
    citing_records = records_by_id(con, [rid for rid, _ in citing_rows])
    citing = [{"kind": kind, "record": citing_records[rid]} for rid, kind in citing_rows if rid in citing_records]
    in_text = [
        {"n": n, "section": section, "line": line, "quote": quote}
        for n, (section, line, quote) in enumerate(
            con.execute(
                """SELECT section, line, quote FROM kb_citations WHERE source_id = ? AND record_id IS NULL
                   ORDER BY line NULLS LAST, section""",
                [source_id],
            ).fetchall(),
            start=1,
        )
    ]
    corroborated_ids = [
        rid
        for (rid,) in con.execute(
            "SELECT record_id FROM kb_corroborations WHERE source_id = ? ORDER BY record_id", [source_id]
        ).fetchall()
    ]
    corroborated = list(records_by_id(con, corroborated_ids).values())
    return {
        "source": source,
        "records": drawn,
        "citing": citing,
        "citations": in_text,
        "corroborates": corroborated,
    }
