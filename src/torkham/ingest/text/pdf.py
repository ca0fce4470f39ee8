"""PDF pages to text with pypdf, one string per page; encrypted, damaged and scanned PDFs are refused."""

from __future__ import annotations

import io
import logging
import re
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from torkham.config import IngestBudget
from torkham.errors import TorkhamError
from torkham.ingest.budget import OverBudget, check_pages

_MIN_PAGE_CHARS = 10  # fewer visible characters than this: the page has no text layer
_COLUMN_GAP = re.compile(r"\S {6,}\S")
# pypdf reads some two-byte font encodings one byte at a time: a NUL before every letter. Dropping the
# control characters gives the letters back (a few non-Latin-1 characters, like dashes, are lost).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class PdfText:
    pages: list[str]
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


@contextmanager
def _quiet():
    """pypdf logs and warns about every irregularity it repairs; the user gets our message instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


def read_pdf(path: Path, data: bytes, budget: IngestBudget | None = None) -> PdfText:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    label = str(path)
    with _quiet():
        try:
            reader = PdfReader(io.BytesIO(data))
            encrypted = reader.is_encrypted
        except Exception as exc:  # pypdf raises many kinds of errors on damaged files
            raise _damaged(label, exc) from None
        if encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise TorkhamError(
                    f"{label}: the PDF is encrypted (AES) and reading it needs the 'cryptography' package; "
                    "install it (pip install cryptography) or remove the encryption first, "
                    f"e.g. qpdf --decrypt {label} decrypted.pdf"
                ) from None
            except Exception as exc:
                raise _damaged(label, exc) from None
            if not opened:
                raise TorkhamError(
                    f"{label}: the PDF is encrypted with a password; torkham cannot read it. Remove the password "
                    f"first, e.g. qpdf --decrypt --password=PASSWORD {label} decrypted.pdf"
                )
        try:
            count = len(reader.pages)
        except Exception as exc:
            raise _damaged(label, exc) from None
        check_pages(path, count, budget)  # before a page is read: the count is in the page tree
        try:
            pages = [_page_text(page) for page in reader.pages]
        except Exception as exc:
            raise _damaged(label, exc) from None
        meta = _metadata(reader)
    if not pages:
        raise TorkhamError(f"{label}: the PDF has no pages; get a fresh copy of the file")
    empty = [i + 1 for i, text in enumerate(pages) if len("".join(text.split())) < _MIN_PAGE_CHARS]
    if len(empty) == len(pages):
        raise TorkhamError(
            f"{label}: no text layer in {'its page' if len(pages) == 1 else f'any of its {len(pages)} pages'} "
            "— it looks like a scanned PDF; run OCR on it first (e.g. ocrmypdf --language eng "
            f"{label} ocr.pdf) and ingest the result"
        )
    notes = []
    if empty:
        listed = ", ".join(str(n) for n in empty[:20]) + (" …" if len(empty) > 20 else "")
        notes.append(f"page(s) {listed} have no text layer (scanned images?); their text is missing — OCR them")
    return PdfText(pages, meta, notes)


def _page_text(page) -> str:
    try:
        text = _CONTROL.sub("", page.extract_text(extraction_mode="layout"))
    except OverBudget:
        raise
    except Exception:  # layout mode is the fragile one; the plain mode still gives the words
        return _CONTROL.sub("", page.extract_text() or "")
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and sum(1 for line in lines if _COLUMN_GAP.search(line.strip())) > 0.5 * len(lines):
        # Two columns side by side: layout mode would interleave them line by line.
        return _CONTROL.sub("", page.extract_text() or "")
    return text


def _damaged(label: str, exc: Exception) -> TorkhamError:
    if isinstance(exc, OverBudget):
        return exc  # the budget stopped the reading: not a damaged file
    reason = (str(exc).splitlines() or [type(exc).__name__])[0] or type(exc).__name__
    return TorkhamError(
        f"{label}: the PDF is damaged and cannot be read ({reason}); get a fresh copy or repair it, "
        f"e.g. qpdf {label} repaired.pdf"
    )


def _metadata(reader) -> dict[str, str]:
    try:
        info = reader.metadata
    except Exception:
        return {}
    if info is None:
        return {}
    meta = {}
    for key, attribute in (("title", "title"), ("author", "author")):
        try:
            value = getattr(info, attribute)
        except Exception:
            value = None
        if isinstance(value, str) and value.strip():
            meta[key] = " ".join(value.split())
    try:
        created = info.creation_date
    except Exception:
        created = None
    if created is not None:
        meta["date"] = created.strftime("%Y-%m")
    return meta
