"""Bytes to text for text, Markdown and HTML files: UTF-8 (with or without a BOM), UTF-16 with a BOM, and
Windows-1252 only when the bytes decode cleanly as such and read like Latin-alphabet text. Anything else is
refused with the offset of the first byte that is not UTF-8."""

from __future__ import annotations

import codecs
import re

from torkham.errors import TorkhamError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes, label: str, declared: str | None = None) -> tuple[str, str | None]:
    """The text and a note when the encoding was not UTF-8 (None otherwise)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", label), None
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[2:], codec, label), f"read as {codec.upper()} (byte order mark)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad_offset, bad_byte = exc.start, data[exc.start]
    if declared and declared.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            text = data.decode(declared)
            if not _CONTROL.search(text):
                return text, f"read as {declared} (declared in the file)"
        except (LookupError, UnicodeDecodeError):
            pass
    western = _as_cp1252(data)
    if western is not None:
        return western, "read as Windows-1252 (the file is not UTF-8)"
    raise TorkhamError(
        f"{label}: unknown text encoding: byte 0x{bad_byte:02X} at offset {bad_offset} is not UTF-8, and the file "
        "does not read as Windows-1252 either; convert it to UTF-8 first, "
        f"e.g. iconv -f ENCODING -t UTF-8 {label} > converted.txt"
    )


def _strict(data: bytes, codec: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise TorkhamError(
            f"{label}: the file starts with a {codec.upper()} byte order mark, but byte offset {exc.start} is not "
            f"valid {codec.upper()}; the file is damaged or mislabelled; convert it to UTF-8 first, "
            f"e.g. iconv -f ENCODING -t UTF-8 {label} > converted.txt"
        ) from None


def _as_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text):
        return None
    letters = [c for c in text if c.isalpha()]
    foreign = sum(1 for c in letters if ord(c) > 0x7F)
    # Western text in Windows-1252 has a few accented letters; a file in another 8-bit encoding read as
    # Windows-1252 is full of them.
    return text if letters and foreign <= 0.1 * len(letters) else None
