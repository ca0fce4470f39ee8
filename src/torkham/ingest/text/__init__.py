"""Text extraction: any supported file → a `Document` (clean text, pages, marks, title/author/date guesses).

    from torkham.ingest.text import extract_document
    doc = extract_document(Path("paper.pdf"))

Bad input raises `TorkhamError` with a message naming the file and what to do: missing, a folder, too large,
empty, unsupported format, damaged / encrypted / scanned PDF, unknown text encoding, not English. Nothing is
written anywhere: extraction only reads."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from torkham.config import IngestBudget
from torkham.errors import TorkhamError
from torkham.ingest.budget import check_characters, check_pages
from torkham.ingest.document import Document
from torkham.ingest.text.blocks import Block, assemble

DEFAULT_MAX_BYTES = 50 * 2**20  # 50 MB

_PAGE_MARKER = re.compile(
    r"^[ \t]*(?:[-=_*]{2,}|\[|<{1,2})?[ \t]*page[ \t]+(\d{1,4})[ \t]*(?:[-=_*]{2,}|\]|>{1,2})?[ \t]*$", re.I | re.M
)


def extract_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, budget: IngestBudget | None = None) -> Document:
    """Read `path` (PDF, plain text, Markdown or HTML) into a Document, or raise a TorkhamError; a document
    over the pages or characters of `budget` is refused as soon as they are known."""
    from torkham.ingest.text.language import non_english
    from torkham.ingest.text.marks import find_marks
    from torkham.ingest.text.metadata import guess
    from torkham.ingest.text.sniff import sniff_format

    path = Path(path)
    data = _read(path, max_bytes)
    fmt = sniff_format(path, data[:4096])
    pages, numbers, meta, notes, meta_date_trusted = _read_format(path, data, fmt, budget)
    check_pages(path, len(pages), budget)
    text, page_spans, paras = assemble(pages, numbers)
    check_characters(path, len(text), budget)
    if not text.strip():
        what = "only white space and markup" if fmt in ("html", "markdown") else "only white space"
        raise TorkhamError(f"{path}: no text to ingest (the file has {what})")
    language = non_english(text)
    if language:
        raise TorkhamError(
            f"{path}: the text looks like {language}, not English; torkham's extractors read English only"
        )
    found = guess(paras, meta, meta_date_trusted)
    return Document(
        path=path,
        text=text,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        pages=page_spans,
        marks=find_marks(paras),
        title=found.title,
        author=found.author,
        date=found.date,
        notes=notes,
    )


def _read(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise TorkhamError(f"{path}: no such file")
    if path.is_dir():
        raise TorkhamError(f"{path} is a folder; name a document file to ingest")
    size = path.stat().st_size
    if size > max_bytes:
        raise TorkhamError(
            f"{path}: the file is {format_size(size)}, over the size limit of {format_size(max_bytes)}; "
            "split the document, or raise the size limit if the file is meant to be this large"
        )
    if size == 0:
        raise TorkhamError(f"{path}: the file is empty (0 bytes); nothing to ingest")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TorkhamError(f"{path}: cannot read the file ({exc.strerror})") from None


def _read_format(path: Path, data: bytes, fmt: str, budget: IngestBudget | None = None):
    """Pages of blocks, their numbers, the file's own metadata, notes, and whether its date can be trusted."""
    from torkham.ingest.text.decode import decode_text
    from torkham.ingest.text.layout import pages_to_blocks

    if fmt == "pdf":
        from torkham.ingest.text.pdf import read_pdf

        pdf = read_pdf(path, data, budget)
        # A PDF's creation date is when the file was made, not necessarily when the text was published.
        return pages_to_blocks(pdf.pages, collapse_spaces=True), None, pdf.meta, pdf.notes, False
    declared = None
    if fmt == "html":
        from torkham.ingest.text.html import declared_charset

        declared = declared_charset(data)
    text, note = decode_text(data, str(path), declared)
    check_characters(path, len(text), budget)  # markup and spaces only shrink it
    notes = [note] if note else []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "markdown":
        from torkham.ingest.text.markdown import markdown_blocks

        blocks, meta = markdown_blocks(text)
        return [blocks], None, meta, notes, True
    if fmt == "html":
        from torkham.ingest.text.html import html_blocks

        blocks, meta = html_blocks(text)
        return [blocks], None, meta, notes, True
    pages, numbers = split_pages(text)
    return pages_to_blocks(pages, collapse_spaces=False), numbers, {}, notes, False


def split_pages(text: str) -> tuple[list[str], list[int]]:
    """Pages of a text file: form feeds (as pdftotext writes them) or marker lines ("--- Page 3 ---")."""
    markers = list(_PAGE_MARKER.finditer(text))
    if markers:
        pages, numbers = [], []
        head = text[: markers[0].start()]
        first = int(markers[0].group(1))
        for i, marker in enumerate(markers):
            end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
            pages.append(text[marker.end() : end])
            numbers.append(int(marker.group(1)))
        if head.strip():
            if first > 1:
                pages.insert(0, head)
                numbers.insert(0, first - 1)
            else:
                pages[0] = head + "\n\n" + pages[0]
        return pages, numbers
    pages = text.split("\f")
    if len(pages) > 1 and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page, the last one too, with a form feed
    return pages, list(range(1, len(pages) + 1))


def format_size(size: int) -> str:
    """Sizes in binary units, as file managers show them: 52428800 → "50 MB"."""
    for unit, factor in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if size >= factor:
            value = size / factor
            return f"{value:.0f} {unit}" if value == int(value) or value >= 100 else f"{value:.1f} {unit}"
    return f"{size} bytes"


__all__ = ["DEFAULT_MAX_BYTES", "Block", "extract_document", "format_size", "split_pages"]
