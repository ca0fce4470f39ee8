"""Line endings DuckDB's CSV reader can follow: it takes the first line's ending for the whole file, so a
file that mixes CRLF and LF (a CRLF header over LF rows, rows appended by another tool) or holds a lone
CR stops it with an internal error naming no row. Such a file is copied first with every line ending
made LF: CRLF outside and inside quotes, a lone CR outside quotes (inside quotes it is the value's own).
A UTF-8 byte-order mark at the start is dropped too. Files without CR or BOM are read as they are."""

from __future__ import annotations

from pathlib import Path

BLOCK = 1 << 20
BOM = b"\xef\xbb\xbf"


def needs_normalising(path: Path) -> bool:
    with path.open("rb") as handle:
        if handle.read(3) == BOM:
            return True
        handle.seek(0)
        return any(b"\r" in block for block in iter(lambda: handle.read(BLOCK), b""))


def normalise(source: Path, target: Path, quote: str) -> None:
    """Copy `source` to `target` with LF line endings (see the module); `quote` is '' for unquoted files."""
    inside = False
    carry = b""
    with source.open("rb") as src, target.open("wb") as out:
        first = True
        for block in iter(lambda: src.read(BLOCK), b""):
            if first:
                block, first = block.removeprefix(BOM), False
            block = carry + block
            carry = b""
            if block.endswith(b"\r"):  # its LF may open the next block
                block, carry = block[:-1], b"\r"
            text, inside = _lf(block, quote.encode(), inside)
            out.write(text)
        if carry:
            out.write(b"\r" if inside else b"\n")


def _lf(block: bytes, quote: bytes, inside: bool) -> tuple[bytes, bool]:
    """`block` with CRLF made LF everywhere and a lone CR made LF outside quotes; whether a quote is still
    open at its end. `inside`: a quote was open at its start."""
    block = block.replace(b"\r\n", b"\n")
    if b"\r" not in block:
        return block, (inside if not quote else inside ^ (block.count(quote) % 2 == 1))
    if not quote:
        return block.replace(b"\r", b"\n"), False
    parts = block.split(quote)
    for i, part in enumerate(parts):
        if (i % 2 == 0) != inside:  # outside quotes
            parts[i] = part.replace(b"\r", b"\n")
    return quote.join(parts), inside ^ (len(parts) % 2 == 0)
