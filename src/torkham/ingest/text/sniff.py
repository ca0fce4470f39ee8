"""Which reader a file needs: its first bytes first (a PDF is a PDF whatever its name), then its extension."""

from __future__ import annotations

import re
from pathlib import Path

from torkham.errors import TorkhamError

SUPPORTED = "PDF (.pdf), plain text (.txt), Markdown (.md) and HTML (.html)"

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc/.xls/.ppt)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"AT&TFORM", "a DjVu document"),
)
_ZIP_KINDS = {
    ".docx": "a Word document (.docx)",
    ".xlsx": "an Excel workbook (.xlsx)",
    ".pptx": "a PowerPoint file (.pptx)",
    ".odt": "an OpenDocument text (.odt)",
    ".epub": "an EPUB book (.epub)",
}
_REFUSED_EXTENSIONS = {
    ".docx": "a Word document (.docx)",
    ".doc": "a Word document (.doc)",
    ".odt": "an OpenDocument text (.odt)",
    ".rtf": "an RTF document",
    ".epub": "an EPUB book",
    ".csv": "a CSV table (datasets go through 'torkham import')",
    ".xlsx": "an Excel workbook",
    ".json": "a JSON file",
}
_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def sniff_format(path: Path, head: bytes) -> str:
    """pdf | text | markdown | html, or a TorkhamError naming what the file is and what torkham reads."""
    suffix = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise _unsupported(path, what)
    if head.startswith(b"PK\x03\x04"):
        raise _unsupported(path, _ZIP_KINDS.get(suffix, "a ZIP archive"))
    if suffix == ".pdf":
        raise TorkhamError(
            f"{path}: not a readable PDF: it does not start with a %PDF- header (the file is damaged or is "
            "not a PDF); get a fresh copy of the file"
        )
    if suffix in _REFUSED_EXTENSIONS:
        raise _unsupported(path, _REFUSED_EXTENSIONS[suffix])
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _unsupported(path, "a binary file")
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    text_head = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    return "html" if _HTML_START.match(text_head[:2048]) else "text"


def _unsupported(path: Path, what: str) -> TorkhamError:
    return TorkhamError(
        f"{path}: unsupported format: this is {what}; torkham ingests {SUPPORTED} files; convert it to one of these first"
    )
