"""Bounded ingest (issue 17): a document over its page or character cap, or over its time or memory
budget, is refused with one line naming the limit and how to raise it, and nothing is written; sentences
a document repeats word for word are read once. Speed itself is measured in bench/ingest_scaling.py."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
from review_support import propose, tree

from torkham.config import IngestBudget, Settings
from torkham.ingest import budget, pipeline
from torkham.ingest.extract import propose as real_propose
from torkham.ingest.extract.common import text_document
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.repeats import Shift, repeated_spans

PARAGRAPH = (
    "On 12 March 2021 militants attacked a checkpoint in Khyber district, killing 14 soldiers. "
    "The spokesman told Reuters on 5 May 2022 that the ministry had counted 45 deaths.\n\n"
)


def _pdf(path: Path, pages: int) -> None:
    """`pages` pages with one line of text each (one page object added again and again: cheap)."""
    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = {"/Type": "/Font", "/Subtype": "/Type1", "/BaseFont": "/Helvetica"}
    fonts = DictionaryObject(
        {NameObject("/F1"): DictionaryObject({NameObject(k): NameObject(v) for k, v in font.items()})}
    )
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 72 720 Td (On 5 June 2025 the border was closed.) Tj ET")
    page[NameObject("/Contents")] = writer._add_object(stream)
    for _ in range(pages - 1):
        writer.add_page(page)
    writer.write(path)


@pytest.fixture
def unchanged(mini, mini_kb, db_path):
    """Asserts after the test that the knowledge folder and the store are byte for byte as before."""
    assert mini("timeline").code == 0  # the store is current before the attempt
    files, store = tree(mini_kb), db_path.read_bytes()
    yield
    assert tree(mini_kb) == files
    assert db_path.read_bytes() == store


def _refused(mini, *args: str) -> str:
    result = mini("ingest", *args)
    assert (result.code, result.out) == (1, "")
    return result.err


def test_a_20000_page_pdf_is_refused_by_the_page_cap(mini, tmp_path, unchanged):
    _pdf(tmp_path / "huge.pdf", 20_000)
    started = time.perf_counter()
    err = _refused(mini, "huge.pdf")
    assert err == (
        "Error: huge.pdf: the document has 20,000 pages, over the limit of 5,000 pages; nothing was written; "
        "split the document, or raise the limit with --max-pages or TORKHAM_INGEST_MAX_PAGES\n"
    )
    assert time.perf_counter() - started < 60  # refused from the page count, before a page is read


def test_a_20000_page_pdf_read_with_a_raised_page_cap_stops_at_the_time_budget(mini, tmp_path, unchanged):
    _pdf(tmp_path / "huge.pdf", 20_000)
    err = _refused(mini, "huge.pdf", "--max-pages", "30000", "--max-seconds", "1.5")
    assert err == (
        "Error: huge.pdf: ingesting took longer than the limit of 1.5 seconds (stopped while reading); nothing was "
        "written; split the document, or raise the limit with --max-seconds or TORKHAM_INGEST_SECONDS\n"
    )


def test_the_page_cap_of_a_text_file_counts_its_pages(mini, tmp_path, unchanged):
    (tmp_path / "paged.txt").write_text("\f".join(PARAGRAPH for _ in range(4)), encoding="utf-8")
    err = _refused(mini, "paged.txt", "--max-pages", "3")
    assert err == (
        "Error: paged.txt: the document has 4 pages, over the limit of 3 pages; nothing was written; "
        "split the document, or raise the limit with --max-pages or TORKHAM_INGEST_MAX_PAGES\n"
    )


def test_the_character_cap(mini, tmp_path, unchanged):
    (tmp_path / "long.txt").write_text(PARAGRAPH * 10, encoding="utf-8")
    err = _refused(mini, "long.txt", "--max-chars", "1000")
    assert err == (
        f"Error: long.txt: the text has {len(PARAGRAPH) * 10:,} characters, over the limit of 1,000 characters; "
        "nothing was written; split the document, or raise the limit with --max-chars or TORKHAM_INGEST_MAX_CHARS\n"
    )


def test_the_time_budget_stops_the_proposers(mini, tmp_path, monkeypatch, unchanged):
    def slow(doc, lexicon):
        time.sleep(20)
        return propose(doc, lexicon)

    monkeypatch.setattr(pipeline, "default_steps", lambda: pipeline.Steps(propose=slow))
    (tmp_path / "report.txt").write_text(PARAGRAPH, encoding="utf-8")
    started = time.perf_counter()
    err = _refused(mini, "report.txt", "--max-seconds", "2")
    assert err == (
        "Error: report.txt: ingesting took longer than the limit of 2 seconds (stopped while proposing); nothing "
        "was written; split the document, or raise the limit with --max-seconds or TORKHAM_INGEST_SECONDS\n"
    )
    assert time.perf_counter() - started < 15  # the sleep was cut short


def test_the_memory_budget(mini, tmp_path, monkeypatch, unchanged):
    monkeypatch.setattr(budget, "memory_mb", lambda: 5000)
    (tmp_path / "report.txt").write_text(PARAGRAPH, encoding="utf-8")
    err = _refused(mini, "report.txt", "--max-memory-mb", "4096")
    assert err == (
        "Error: report.txt: ingesting used 5,000 MB of memory, over the limit of 4,096 MB (stopped while reading); "
        "nothing was written; split the document, or raise the limit with --max-memory-mb or "
        "TORKHAM_INGEST_MEMORY_MB\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--max-pages", "0"), "--max-pages: must be a positive number (got 0)"),
        (("--max-seconds", "-1"), "--max-seconds: must be a positive number (got -1)"),
        (("--max-memory-mb", "0"), "--max-memory-mb: must be a positive number (got 0)"),
        (("--max-chars", "0"), "--max-chars: must be a positive number (got 0)"),
    ],
)
def test_a_limit_must_be_positive(mini, tmp_path, unchanged, args, message):
    (tmp_path / "report.txt").write_text(PARAGRAPH, encoding="utf-8")
    assert _refused(mini, "report.txt", *args) == f"Error: {message}\n"


def test_the_budget_from_the_environment():
    env = {"TORKHAM_INGEST_SECONDS": "12.5", "TORKHAM_INGEST_MAX_PAGES": "40"}
    assert Settings.load(environ=env).ingest == IngestBudget(seconds=12.5, memory_mb=2048, max_pages=40)
    assert Settings.load(environ={}).ingest == IngestBudget(300.0, 2048, 5000, 5_000_000)
    with pytest.raises(Exception, match=r"^TORKHAM_INGEST_MAX_CHARS must be a positive whole number \(got 'lots'\)$"):
        Settings.load(environ={"TORKHAM_INGEST_MAX_CHARS": "lots"})


def test_a_limit_from_the_environment_is_named_when_bad(mini, tmp_path, monkeypatch, unchanged):
    monkeypatch.setenv("TORKHAM_INGEST_MAX_PAGES", "many")
    (tmp_path / "report.txt").write_text(PARAGRAPH, encoding="utf-8")
    assert _refused(mini, "report.txt") == (
        "Error: TORKHAM_INGEST_MAX_PAGES must be a positive whole number (got 'many')\n"
    )


def test_repeated_sentences_are_read_once_and_located_at_their_first_occurrence():
    once = real_propose(text_document(PARAGRAPH), Lexicon.empty())
    doc = text_document("Preface.\n\n" + PARAGRAPH * 50)
    many = real_propose(doc, Lexicon.empty())
    shift = len("Preface.\n\n")
    assert [(p.kind, p.start - shift, p.end - shift, p.sentence, p.record) for p in many] == [
        (p.kind, p.start, p.end, p.sentence, p.record) for p in once
    ]
    assert doc.notes == [
        f"98 sentence(s) ({49 * (len(PARAGRAPH) - 3):,} characters) repeat an earlier "  # two sentences, 3 spaces
        "sentence word for word; "
        "they were read once, where they first occur"
    ]


def test_short_repeated_sentences_are_read_every_time():
    doc = text_document("Photo: Reuters. A man.\n\n" * 3)
    assert repeated_spans(doc) == []


def test_the_shift_maps_offsets_both_ways():
    shift = Shift([(10, 20), (30, 35)])
    assert [shift.to_view(o) for o in (0, 9, 10, 15, 20, 29, 30, 36)] == [0, 9, 10, 10, 10, 19, 20, 21]
    assert [shift.to_doc(v) for v in (0, 9, 10, 19, 20, 21)] == [0, 9, 20, 29, 35, 36]
    assert shift.to_doc(10, end=True) == 10 and shift.to_doc(20, end=True) == 30


def test_a_repetitive_text_is_ingested_with_its_proposals_once(mini, tmp_path):
    (tmp_path / "feed.txt").write_text(PARAGRAPH * 200, encoding="utf-8")
    result = mini("ingest", "feed.txt", "--source-id", "feed", "--json")
    assert result.code == 0, result.err
    proposals = json.loads(mini("review", "--json").out)
    assert proposals and all(p["quote"] in PARAGRAPH for p in proposals)
    assert max(p["locator"]["end"] if "locator" in p else 0 for p in proposals) <= len(PARAGRAPH)


def test_sentence_lookups_agree_with_a_scan_of_the_whole_text():
    text = ("An aside without a stop and " * 200) + "a stop. Then the end.\n\nA paragraph. " + "Word " * 50
    doc = text_document(text)
    for offset in range(0, len(text), 97):
        paragraph = text.rfind("\n\n", 0, offset)
        left, _, _ = doc.sentence_at(offset)
        assert left >= paragraph
        assert doc.page_at(offset) == 1


def test_a_swallowed_stop_is_raised_again_but_clean_up_is_never_interrupted():
    swallowed, cleaned = 0, False
    stopped = pytest.raises(budget.OverBudget, match=r"^x: ingesting took longer than the limit of 0\.3 seconds")
    with stopped, budget.Guard(IngestBudget(seconds=0.3), Path("x")):
        try:
            for _ in range(400):
                try:
                    time.sleep(0.02)
                except budget.OverBudget:
                    if swallowed == 2:
                        raise
                    swallowed += 1  # a library that catches every exception, twice
        finally:
            time.sleep(0.6)  # longer than a tick
            cleaned = True
    assert cleaned and swallowed == 2
