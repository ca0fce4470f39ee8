"""What the review tests share: a small report, a stand-in proposer that finds fixed phrases in it (the text
reader, the store, the knowledge files and the review library are real), and `torkham serve --write` run as
the command runs it (create_app with a WriteAccess, under uvicorn) over a copy of the mini knowledge base."""

from __future__ import annotations

import html
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

from torkham.config import Settings
from torkham.ingest import pipeline
from torkham.ingest.document import Document
from torkham.ingest.proposal import Proposal

MINI_KB = Path(__file__).resolve().parents[1] / "data" / "mini" / "kb"
TOKEN = "test-token-0123456789"
SOURCE = "monitor-2025"
REVIEWER = "analyst-web"
REPORT = """Border Monitor 2025

A report by Test Analyst.

On June 5, 2025, the TTP attacked a police post in Bannu, killing 3 policemen.

Mullah Example, a new TTP commander, led a raid in Lakki Marwat in July 2025.

Noor Wali Mehsud said that talks with Pakistan failed over the merger demand.
"""

# (proposal kind, phrase found in the text, record in the knowledge schema)
RULES: list[tuple[str, str, dict]] = [
    ("mention", "TTP attacked", {"actor": "ttp", "name": "TTP"}),
    ("actor", "Mullah Example", {"name": "Mullah Example", "kind": "person"}),
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
        "claim",
        "talks with Pakistan failed",
        {
            "asserted_by": ["noor-wali-mehsud"],
            "topic": "pakistan-ttp-talks",
            "statement": "Talks with Pakistan failed over the merger demand.",
        },
    ),
]


def propose(doc: Document, lexicon: object) -> list[Proposal]:
    out = []
    for kind, phrase, record in RULES:
        start = doc.text.find(phrase)
        if start >= 0:
            _, _, sentence = doc.sentence_at(start, start + len(phrase))
            out.append(Proposal(kind, dict(record), start, start + len(phrase), sentence, page=doc.page_at(start)))
    return out


def steps() -> pipeline.Steps:
    """The real reader and document store, the stand-in proposer."""
    return pipeline.Steps(propose=propose, lexicon=lambda con: None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def mini_copy(folder: Path, template: Path) -> Settings:
    """A writable copy of the mini knowledge base and of its store, as the settings of a server."""
    kb, db = folder / "kb", folder / "torkham.duckdb"
    shutil.copytree(MINI_KB, kb)
    shutil.copyfile(template, db)
    return Settings.load(db=str(db), kb=str(kb))


@contextmanager
def write_server(folder: Path, template: Path, max_upload_bytes: int = 1 << 20) -> Iterator[SimpleNamespace]:
    """`torkham serve --write` on a copy of the mini knowledge base, with the stand-in proposer."""
    import uvicorn

    from torkham.web.app import create_app
    from torkham.web.writeaccess import WriteAccess

    settings = mini_copy(folder, template)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "default_steps", steps)
        patch.setenv("TORKHAM_REVIEWER", REVIEWER)
        port = free_port()
        app = create_app(settings, write=WriteAccess(TOKEN, max_upload_bytes))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 60
        while not server.started:
            assert time.monotonic() < deadline, "the test server did not start in 60 s"
            time.sleep(0.05)
        try:
            yield SimpleNamespace(url=f"http://127.0.0.1:{port}", kb=settings.kb_root, db=settings.db_path)
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def proposal_ids(page_html: str) -> dict[str, str]:
    """Proposal id -> the line the queue shows for it (kind tag, summary, id)."""
    found = re.finditer(r'<li class="proposal" id="p-([^"]+)">.*?<label [^>]*>(.*?)</label>', page_html, re.S)
    return {m.group(1): " ".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(2))).split()) for m in found}


def proposal_id(page_html: str, words: str) -> str:
    """The id of the one proposal whose line holds `words`."""
    ids = [pid for pid, line in proposal_ids(page_html).items() if words in line]
    assert len(ids) == 1, (words, proposal_ids(page_html))
    return ids[0]


def csrf_of(page_html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page_html)
    assert found, "no CSRF field on the page"
    return found.group(1)
