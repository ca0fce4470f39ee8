"""A small report written for the review tests, and stand-ins for the extractors: a plain-text reader
and a proposer that finds fixed phrases. The store and the knowledge files are always real."""

from __future__ import annotations

import hashlib
from pathlib import Path

from torkham.ingest.document import Document, Page
from torkham.ingest.pipeline import Steps
from torkham.ingest.proposal import Proposal

REPORT = """Border Monitor 2025

A report by Test Analyst.

On June 5, 2025, the TTP attacked a police post in Bannu, killing 3 policemen.
Mullah Example, a new TTP commander, led a raid in Lakki Marwat in July 2025.
The report recalls that on March 30, 2022, militants attacked a fort in Tank, killing and wounding 24 soldiers.
Noor Wali Mehsud again said that TTP attacks originate inside Pakistan (Dawn, 2023).
Officials counted 7 furlongs of fence. Dostom stayed away.
"""

# (proposal kind, phrase found in the text, record in the knowledge schema)
RULES = [
    ("mention", "TTP attacked", {"actor": "ttp", "name": "TTP"}),
    ("actor", "Mullah Example", {"name": "Mullah Example", "kind": "person"}),
    ("actor", "Noor Wali Mehsud", {"name": "Noor Wali Mehsud", "kind": "person"}),
    ("actor", "Dostom", {"name": "Dostom", "kind": "person"}),
    ("mention", "Dostom", {"actor": None, "name": "Dostom"}),  # a name of two actors: the reviewer decides
    ("date", "June 5, 2025", {"date": "2025-06-05", "date_text": "June 5, 2025"}),
    (
        "event",
        "attacked a police post in Bannu",
        {"date": "2025-06-05", "type": "attack", "title": "TTP attack on a police post in Bannu", "actors": ["ttp"]},
    ),
    ("figure", "3 policemen", {"value": 3, "value_text": "3", "unit": "person", "counts": "policemen killed in Bannu"}),
    (
        "event",
        "led a raid in Lakki Marwat",
        {"date": "2025-07", "type": "attack", "title": "Raid in Lakki Marwat", "actors": ["Mullah Example"]},
    ),
    (
        "event",
        "attacked a fort in Tank",
        {"date": "2022-03-30", "type": "attack", "title": "Attack on the fort in Tank", "actors": ["ttp"]},
    ),
    (
        "figure",
        "24 soldiers",
        {"value": 24, "value_text": "24", "unit": "person", "counts": "soldiers killed and wounded in Tank"},
    ),
    (
        "claim",
        "TTP attacks originate inside Pakistan",
        {
            "asserted_by": ["noor-wali-mehsud"],
            "topic": "ttp-origin",
            "statement": "TTP attacks originate inside Pakistan.",
        },
    ),
    ("citation", "(Dawn, 2023)", {"cited_as": "Dawn, 2023", "cites": ["dawn-2023"]}),
    ("figure", "7 furlongs", {"value": 7, "value_text": "7", "unit": "furlong", "counts": "fence"}),
]


def read_text(path: Path, *, max_bytes: int, budget: object = None) -> Document:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    return Document(path, text, "text", hashlib.sha256(raw).hexdigest(), pages=[Page(1, 0, len(text))])


def propose(doc: Document, lexicon: object) -> list[Proposal]:
    out = []
    for kind, phrase, record in RULES:
        start = doc.text.find(phrase)
        if start < 0:
            continue
        end = start + len(phrase)
        _, _, sentence = doc.sentence_at(start, end)
        out.append(Proposal(kind, dict(record), start, end, sentence, page=doc.page_at(start)))
    return out


def fake_steps(store_document=None) -> Steps:
    return Steps(
        extract=read_text,
        propose=propose,
        lexicon=lambda con: None,
        store_document=store_document or (lambda con, doc, source_id: None),
    )


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its content, to compare before and after a refused command."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
