"""`torkham ingest` on bad input: a clear message naming the file, exit 1, and the knowledge folder
and the store exactly as they were. The text extraction is the real one; proposals come from the
stand-in proposer (the end-to-end test at the bottom uses the real extractors)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter
from review_support import propose, tree

from torkham.ingest import pipeline


def _blank_pdf(path: Path, password: str | None = None) -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    if password:
        writer.encrypt(password)
    writer.write(path)


GERMAN = "Die Regierung in Kabul hat am Montag erklärt, dass die Grenze zu Pakistan geschlossen bleibt. " * 20
BAD_INPUTS = {
    "missing.txt": (None, "missing.txt: no such file"),
    "folder": ("folder", "folder is a folder; name a document file to ingest"),
    "empty.txt": (b"", "empty.txt: the file is empty (0 bytes); nothing to ingest"),
    "blank.txt": (b"  \n\n \t\n", "blank.txt: no text to ingest (the file has only white space)"),
    "latin.txt": (
        bytes(range(128, 256)) * 4,
        "latin.txt: unknown text encoding: byte 0x80 at offset 0 is not UTF-8, and the file does not read as "
        "Windows-1252 either; convert it to UTF-8 first, e.g. iconv -f ENCODING -t UTF-8 latin.txt > converted.txt",
    ),
    "garbage.bin": (
        bytes(range(256)) * 8,
        "garbage.bin: unsupported format: this is a binary file; torkham ingests PDF (.pdf), plain text (.txt), "
        "Markdown (.md) and HTML (.html) files; convert it to one of these first",
    ),
    "big.txt": (
        b"word " * 300_000,
        "big.txt: the file is 1.4 MB, over the size limit of 1 MB; split the document, or raise the size limit "
        "if the file is meant to be this large",
    ),
    "german.txt": (GERMAN.encode(), "german.txt: the text looks like German, not English; torkham's extractors read English only"),
    "corrupt.pdf": (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not a pdf\n",
        "corrupt.pdf: the PDF is damaged and cannot be read (Stream has ended unexpectedly); get a fresh copy or "
        "repair it, e.g. qpdf corrupt.pdf repaired.pdf",
    ),
    "scanned.pdf": (
        "blank",
        "scanned.pdf: no text layer in its page — it looks like a scanned PDF; run OCR on it first "
        "(e.g. ocrmypdf --language eng scanned.pdf ocr.pdf) and ingest the result",
    ),
    "encrypted.pdf": (
        "password",
        "encrypted.pdf: the PDF is encrypted with a password; torkham cannot read it. Remove the password first, "
        "e.g. qpdf --decrypt --password=PASSWORD encrypted.pdf decrypted.pdf",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_is_refused_with_nothing_written(mini, mini_kb, db_path, tmp_path, monkeypatch, name):
    monkeypatch.setattr(pipeline, "default_steps", lambda: pipeline.Steps(propose=propose))
    content, message = BAD_INPUTS[name]
    path = tmp_path / name
    if content == "folder":
        path.mkdir()
    elif content in ("blank", "password"):
        _blank_pdf(path, "secret" if content == "password" else None)
    elif content is not None:
        path.write_bytes(content)
    assert mini("timeline").code == 0  # the store is current before the attempt
    files, store = tree(mini_kb), db_path.read_bytes()
    result = mini("ingest", name, "--max-mb", "1")
    assert (result.code, result.out, result.err) == (1, "", f"Error: {message}\n")
    assert tree(mini_kb) == files
    assert db_path.read_bytes() == store


def test_the_real_extractors_propose_from_a_short_report(mini, mini_kb, db_path, tmp_path):
    # No stand-in here: the ingest below runs the real proposer (torkham.ingest.extract.propose).
    assert pipeline.default_steps().propose is pipeline._propose
    text = (
        "Border Monitor, June 2025\n\nBy Test Analyst\n\n"
        "On June 5, 2025, the TTP attacked a police post in Tank, killing 3 policemen. "
        "Noor Wali Mehsud said that TTP attacks originate from within Pakistan (Dawn, 2023).\n"
    )
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = mini("ingest", "report.txt", "--source-id", "monitor", "--json")
    assert result.code == 0, result.err
    assert time.perf_counter() - started < 30
    assert json.loads(result.out)["source"] == "monitor"
    proposals = json.loads(mini("review", "--json").out)
    assert all(p["page"] == 1 and p["source"] == "monitor" for p in proposals)
    listed = {(p["kind"], text.index(p["quote"])): p for p in proposals if p["kind"] != "mention"}
    first, second = text.index("On June 5"), text.index("Noor Wali")
    event = listed[("event", first)]
    assert event["summary"].startswith("2025-06-05  attack  ") and event["summary"].endswith(
        "[Tehrik-e-Taliban Pakistan]"
    )
    assert listed[("figure", first)]["summary"].startswith("3 person")
    claim = listed[("claim", second)]
    assert (claim["corroborates"], claim["summary"].split(":")[0]) == ("cl-ttp-from-within", "Noor Wali Mehsud")
    mentioned = {p["summary"] for p in proposals if p["kind"] == "mention"}
    assert {"Noor Wali Mehsud named as 'Noor Wali Mehsud'", "Tehrik-e-Taliban Pakistan named as 'TTP'"} <= mentioned

    accepted = mini("accept", event["id"], claim["id"], "--source", "monitor")
    assert accepted.code == 0, accepted.err
    assert accepted.out.splitlines()[1:] == [
        f"  {event['id']} -> monitor/events.yaml",
        f"  {claim['id']} -> corroborates cl-ttp-from-within",
    ]
    timeline = json.loads(mini("timeline", "--from", "2025", "--json").out)
    assert [(e["id"], e["date"], e["actors"]) for e in timeline] == [(event["id"], "2025-06-05", ["ttp"])]
    assert "also monitor p.1 l.5" in mini("show", "Noor Wali Mehsud").out

    # The web reads the same store: the accepted event is on the timeline page, and a passage found by
    # search links to the ingested text on the source page.
    from fastapi.testclient import TestClient

    from torkham.config import Settings
    from torkham.web.app import create_app

    with TestClient(create_app(Settings.load(db=str(db_path), kb=str(mini_kb)), warm_up=False)) as web:
        page = web.get("/timeline", params={"from": "2025", "layer": "kb"})
        assert page.status_code == 200 and f'id="event-{event["id"]}"' in page.text
        hits = web.get("/api/v1/search", params={"q": "police post", "kinds": "passages"}).json()["items"]
        assert [h["url"] for h in hits] == ["/sources/monitor#passage-1"]
        source = web.get("/sources/monitor")
        assert 'id="passage-1"' in source.text and "killing 3 policemen" in source.text
