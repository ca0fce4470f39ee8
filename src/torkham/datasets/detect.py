"""Recognise a dataset file from its first line, or explain what was expected."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from torkham.datasets.archive import first_member, members
from torkham.datasets.formats import AGGREGATES, FORMATS
from torkham.datasets.formats.base import TableFormat
from torkham.datasets.formats.country_month import AggregateFormat
from torkham.errors import TorkhamError


def first_line(path: Path) -> str:
    """The first line of a file (of the first member of a zip file), decoded leniently."""
    text = file_head(path)
    return text.splitlines()[0] if text.splitlines() else ""


def file_head(path: Path) -> str:
    """The first 64 KB of a file (of the first member of a zip file), decoded leniently."""
    if members(path) is not None:
        with zipfile.ZipFile(path) as archive, archive.open(first_member(path)) as member:
            head = member.read(65536)
    else:
        with path.open("rb") as handle:
            head = handle.read(65536)
    if not head.strip():
        raise TorkhamError(f"{path}: the file is empty")
    return head.decode("utf-8-sig", errors="replace")


def split_header(line: str, delimiter: str) -> list[str]:
    return next(csv.reader(io.StringIO(line), delimiter=delimiter), [])


def file_names(path: Path) -> tuple[str, ...]:
    """The names a file goes by: its own, and its first member's when it is a zip file."""
    if members(path) is not None:
        return (path.name, Path(first_member(path)).name)
    return (path.name,)


def detect_format(path: Path, name: str | None = None) -> TableFormat | AggregateFormat:
    """The format of an events file (a TableFormat) or of a file of totals (an AggregateFormat)."""
    head = file_head(path)
    line = head.splitlines()[0] if head.splitlines() else ""
    known: dict[str, TableFormat | AggregateFormat] = {**FORMATS, **AGGREGATES}
    if name:
        if name not in known:
            raise TorkhamError(f"--format: unknown format '{name}'; choose one of: {', '.join(known)}")
        fmt = known[name]
        header = split_header(line, fmt.delimiter)
        if not fmt.recognises(head, header):
            raise TorkhamError(_mismatch(path, fmt, header))
        return fmt
    names = file_names(path)
    for fmt in known.values():
        if fmt.named(names) and fmt.recognises(head, split_header(line, fmt.delimiter)):
            return fmt
    raise TorkhamError(_unknown(path, line))


def _mismatch(path: Path, fmt: TableFormat | AggregateFormat, header: list[str]) -> str:
    if fmt.reader == "json":
        return f"{path}: does not look like {fmt.label}: expected {fmt.expected()}"
    if not fmt.header:
        return f"{path}: line 1 has {len(header)} fields separated by {fmt.delimiter!r}; {fmt.label} has {len(fmt.columns)}"
    missing = fmt.missing(header)
    return f"{path}: does not look like {fmt.label}: the header lacks {', '.join(missing[:8])}{' …' if len(missing) > 8 else ''}"


def _unknown(path: Path, line: str) -> str:
    for delimiter in (";", "\t", "|", ","):
        header = split_header(line, delimiter)
        for fmt in FORMATS.values():
            if fmt.header and fmt.delimiter != delimiter and fmt.matches(header):
                return f"{path}: looks like {fmt.label} but separated by {delimiter!r}; save it with {fmt.delimiter!r} as the delimiter"
    shown = ", ".join(split_header(line, ",")[:6]) or line[:60]
    every: list[TableFormat | AggregateFormat] = [*FORMATS.values(), *AGGREGATES.values()]
    shapes = [f for f in every if f.file_name is None]
    expected = "; ".join(f"{f.label}: {f.expected()}" for f in shapes)
    return f"{path}: not a dataset torkham knows: its header starts with {shown}. Expected one of: {expected}. Name the format with --format if the file is one of these."
