"""Text for a pipe or a file, laid out exactly as Rich lays it out there, without loading Rich.

When standard output is not a terminal, Rich prints no styles: it only wraps each printed text at the
console's width (COLUMNS, else the width of the first of stdin, stdout and stderr that is a terminal, else
80). `plain_width` says whether Rich would print plainly and at which width; `wrapped` lays out one printed
text as Rich does. Whenever Rich would style its output, or the environment asks for something this module
does not mirror, `plain_width` answers None and the caller prints with Rich. tests/test_cli_plain.py holds
the two to the same bytes, with the Rich installed, on every actor page and on generated text."""

from __future__ import annotations

import builtins
import os
import re
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`show` answers without it)
if TYPE_CHECKING:
    from collections.abc import Callable

# Rich removes these from every text it is given: bell, backspace, vertical tab, form feed, carriage return.
_STRIPPED = dict.fromkeys((7, 8, 11, 12, 13))
_WORD = re.compile(r"\s*\S+\s*")  # a word with the spaces before and after it, as Rich breaks lines
_TRAILING_SPACE = re.compile(r"\s+$")
_TAB_SIZE = 8
# Characters one cell wide in every Unicode version Rich measures with (tests/test_cli_plain.py checks each
# against rich.cells). Text of these alone is measured here; any other character and Rich measures it.
NARROW_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xAC),  # Latin-1 (not the soft hyphen)
    (0xAE, 0x2FF),  # Latin-1, Latin Extended, IPA, spacing modifiers
    (0x370, 0x377),  # Greek and Cyrillic: their letters
    (0x37A, 0x37F),
    (0x384, 0x38A),
    (0x38C, 0x38C),
    (0x38E, 0x3A1),
    (0x3A3, 0x482),
    (0x621, 0x64A),  # Arabic letters (not the marks above and below them)
    (0x660, 0x66F),
    (0x671, 0x6D5),
    (0x6E5, 0x6E6),
    (0x6EE, 0x6FF),
    (0x2010, 0x2027),  # dashes, quotation marks, bullets, ellipsis
    (0x2030, 0x205E),
    (0x20A0, 0x20C0),  # currency signs
    (0x2190, 0x21FF),  # arrows
    (0x2500, 0x25FC),  # box drawing, geometric shapes
    (0x2660, 0x2667),  # card suits
)
# Any other character; tabs and newlines are dealt with before anything is measured.
_OTHER = re.compile("[^\t\n" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in NARROW_RANGES) + "]")


def plain_width() -> int | None:
    """The width Rich would wrap at while printing without styles, or None when Rich would style its output
    (stdout a terminal, FORCE_COLOR or TTY_COMPATIBLE set, inside Jupyter) or the width is not one Rich
    reads as a number: then Rich must print."""
    stdout = sys.stdout
    environ = os.environ
    if stdout is None or hasattr(stdout, "rich_proxied_file") or hasattr(builtins, "get_ipython"):
        return None
    if "FORCE_COLOR" in environ or "TTY_COMPATIBLE" in environ:
        return None
    try:
        if stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    columns = environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns) if columns.isascii() and int(columns) > 0 else None
    return _terminal_width() or 80


def _terminal_width() -> int:
    for descriptor in (0, 1, 2):  # stdin, stdout, stderr: the first that is a terminal
        try:
            return os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
    return 0


def wrapped(text: str, width: int) -> str:
    """`text` as Rich prints it at `width` without styles, its final newline included."""
    measure = _NARROW
    if _OTHER.search(text) is not None:  # what Rich removes is among the other characters
        text = text.translate(_STRIPPED)
        measure = _NARROW if _OTHER.search(text) is None else _rich_measure()
    lines: list[str] = []
    for line in text.split("\n"):
        if measure is _NARROW and len(line) <= width and "\t" not in line:
            lines.append(line)  # it fits: Rich leaves it as it is
            continue
        if "\t" in line:
            line = _expand_tabs(line, measure)
        lines.extend(_fit(part, width, measure) for part in _divide(line, width, measure))
    return "\n".join(lines) + "\n"


class _Measure:
    """How many cells a text takes, the text cut into pieces of at most so many cells, and cut to so many."""

    __slots__ = ("cells", "chop", "crop")

    def __init__(
        self, cells: Callable[[str], int], chop: Callable[[str, int], list[str]], crop: Callable[[str, int], str]
    ) -> None:
        self.cells, self.chop, self.crop = cells, chop, crop


# Text of one-cell characters: a cell is a character.
_NARROW = _Measure(
    len, lambda text, width: [text[i : i + width] for i in range(0, len(text), width)], lambda text, width: text[:width]
)


def _rich_measure() -> _Measure:
    """Rich's own measures, for text with wide, combining or joining characters."""
    from rich.cells import cell_len, chop_cells, set_cell_size

    return _Measure(cell_len, chop_cells, set_cell_size)


def _expand_tabs(line: str, measure: _Measure) -> str:
    """Each tab becomes a space and then the spaces up to the next multiple of eight cells."""
    out: list[str] = []
    position = 0
    *tabbed, last = line.split("\t")
    for part in tabbed:
        part += " "  # measured with its space: a joiner before the tab joins the space
        position += measure.cells(part)
        pad = -position % _TAB_SIZE
        out.append(part + " " * pad)
        position += pad
    return "".join(out) + last


def _divide(line: str, width: int, measure: _Measure) -> list[str]:
    """The line cut where Rich breaks it: before a word that no longer fits on the line, and inside a word
    longer than the width (its pieces then fill whole lines)."""
    cells = measure.cells
    cuts = [0]
    used = 0  # cells taken on the line being filled
    start = 0  # where the word begins: the words follow one another from the line's start
    for text in _WORD.findall(line):
        needed = cells(text.rstrip())
        if needed <= width - used:
            used += cells(text)
        elif needed > width:
            at = start
            for piece in measure.chop(text, width):
                cuts += [at] if at else []
                at += len(piece)
                used = cells(piece)
        elif used and start:
            cuts.append(start)
            used = cells(text)
        start += len(text)
    cuts.append(len(line))
    return [line[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]


def _fit(line: str, width: int, measure: _Measure) -> str:
    """Spaces past the width dropped (counted in characters, as Rich counts them), then cropped to it."""
    excess = len(line) - width
    if excess > 0:
        spaces = _TRAILING_SPACE.search(line)
        if spaces is not None:
            line = line[: -min(len(spaces.group()), excess)]
    return measure.crop(line, width) if measure.cells(line) > width else line
