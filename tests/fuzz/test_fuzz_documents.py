"""Fuzz the document readers through `torkham ingest`: text, Markdown, HTML and PDF files made from a real
paragraph and damaged (cut off, bytes flipped, invalid UTF-8, NULs, unclosed tags and comments, a huge
line, emptied). Whatever the damage: exit 0, or exit 1 with one `Error: …` line that wrote nothing; never a
traceback; the store opens afterwards."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest
from fuzz_settings import COUNTS
from hypothesis import given, settings
from hypothesis import strategies as st

from torkham.cli.app import run

PARAGRAPH = (
    "On 12 March 2023 the Tehreek-e-Taliban Pakistan (TTP) claimed an attack in Khyber Pakhtunkhwa that "
    "killed 14 soldiers, officials said. The Afghan Taliban denied that the group operates from Afghanistan; "
    "Islamabad rejected the denial. By November 2023 some 500,000 Afghans had returned, according to IOM.\n\n"
)


LONG_LINE = 200_000


def _html(text: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n") if p)
    return f"<!doctype html><html><head><title>Border report</title></head><body><h1>Report</h1>{body}</body></html>"


@pytest.fixture(scope="module")
def pdf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    from weasyprint import HTML

    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    HTML(string=_html(PARAGRAPH * 3)).write_pdf(path)
    return path.read_bytes()


def _damage(raw: bytes, kind: str, at: float, junk: bytes) -> bytes:
    cut = int(at * len(raw))
    if kind == "cut":
        return raw[:cut]
    if kind == "flip":
        return raw[:cut] + bytes(b ^ 0x5A for b in raw[cut : cut + 64]) + raw[cut + 64 :]
    if kind == "insert":
        return raw[:cut] + junk + raw[cut:]
    if kind == "bad-utf8":
        return raw[:cut] + b"\xff\xfe\xc3\x28" + raw[cut:]
    if kind == "nul":
        return raw[:cut] + b"\x00" * 16 + raw[cut:]
    if kind == "unclosed":
        return raw[:cut] + b"<div><!-- <script>" + raw[cut:]
    if kind == "long-line":  # one line of 200,000 characters: reading it must stay linear (issue 17)
        return raw[:cut] + b"x" * LONG_LINE + raw[cut:]
    return b""


def _ingest(store: Path, kb: Path, doc: Path) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = run(["--db", str(store), "--kb", str(kb), "ingest", str(doc), "--source-id", "fuzzed-doc"])
    return code, err.getvalue()


def _documents(store: Path) -> int:
    con = duckdb.connect(str(store), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        return con.execute("SELECT count(*) FROM documents").fetchall()[0][0] if "documents" in tables else 0
    finally:
        con.close()


@settings(max_examples=20)  # each example ingests a document: seconds apiece
@given(
    suffix=st.sampled_from([".txt", ".md", ".html", ".pdf"]),
    kind=st.sampled_from(["cut", "flip", "insert", "bad-utf8", "nul", "unclosed", "long-line", "empty"]),
    at=st.floats(0, 1),
    junk=st.binary(max_size=40),
)
def test_a_damaged_document_is_read_or_refused_in_one_line(fuzz_store, pdf_bytes, suffix, kind, at, junk):
    template, kb = fuzz_store
    raw = pdf_bytes if suffix == ".pdf" else (_html(PARAGRAPH * 3) if suffix == ".html" else PARAGRAPH * 3).encode()
    COUNTS["documents:files"] += 1
    with tempfile.TemporaryDirectory(prefix="torkham-fuzz-doc-") as tmp:
        store = Path(tmp) / "torkham.duckdb"
        shutil.copyfile(template, store)
        # a knowledge folder of its own: with the source an earlier example registered, this one would be
        # refused ("the id 'fuzzed-doc' is already used") before anything is proposed from its document
        own_kb = Path(tmp) / "kb"
        shutil.copytree(kb, own_kb)
        doc = Path(tmp) / f"report{suffix}"
        doc.write_bytes(_damage(raw, kind, at, junk))
        code, err = _ingest(store, own_kb, doc)
        COUNTS[f"documents:exit-{code}"] += 1
        assert "Traceback" not in err, err
        assert code in (0, 1), (code, err)
        documents = _documents(store)  # the store opens after, whatever happened
        if code == 1:
            assert [line for line in err.splitlines() if line.startswith("Error: ")], err
            assert len(err.strip().splitlines()) == 1, err
            assert documents == 0, "a refused document wrote nothing"
        else:
            assert documents == 1
