"""A document as the ingest pipeline sees it: one text with page and mark spans, by character offset.

Every proposal points into `Document.text` with (start, end) offsets, so the page and the verbatim
sentence of any finding can be recovered from the document alone."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

MARK_KINDS = ("tweet", "caption", "heading", "abbreviations", "bibliography", "header", "quote", "contents")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based, as printed by a PDF reader; a text file is page 1
    start: int
    end: int


@dataclass(frozen=True)
class Mark:
    kind: str  # one of MARK_KINDS
    start: int
    end: int


@dataclass
class Document:
    path: Path
    text: str
    format: str  # pdf | text | markdown | html
    sha256: str
    pages: list[Page] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    title: str | None = None
    author: str | None = None
    date: str | None = None  # partial ISO date of publication, when known
    language: str = "en"
    notes: list[str] = field(default_factory=list)  # what the reader wants the user to know (encoding, missing pages)

    def page_at(self, offset: int) -> int | None:
        i = bisect.bisect_right(self._page_starts(), offset) - 1
        return self.pages[i].number if i >= 0 and offset <= self.pages[i].end else None

    def marks_at(self, offset: int) -> list[str]:
        return [m.kind for m in self.marks if m.start <= offset < m.end]

    def sentence_at(self, start: int, end: int | None = None) -> tuple[int, int, str]:
        """The sentence (or line-bounded fragment) around [start, end): offsets and verbatim text."""
        end = start if end is None else end
        left = max(self._paragraph_break_before(start), _last_stop(self.text, start))
        if left < start - SENTENCE_REACH:  # no stop within reach: a run-on line, cut at a space
            left = _space_after(self.text, start - SENTENCE_REACH, start)
        left = _SKIP.match(self.text, 0 if left < 0 else left).end()  # type: ignore[union-attr]
        right = _next_stop(self.text, end)
        return left, right, self.text[left:right]

    def sentence_end(self, offset: int) -> int:
        """Where the sentence holding `offset` ends (the right edge of sentence_at)."""
        return _next_stop(self.text, offset)

    def _page_starts(self) -> list[int]:
        """The pages' starts, computed once per list of pages (a lookup per proposal stays logarithmic)."""
        cached = self.__dict__.get("_starts")
        if cached is None or cached[0] is not self.pages or len(cached[1]) != len(self.pages):
            cached = self.__dict__["_starts"] = (self.pages, [p.start for p in self.pages])
        return cached[1]

    def _paragraph_break_before(self, offset: int) -> int:
        """text.rfind("\n\n", 0, offset), from the breaks found once: without a blank line in a long
        text every call would scan back to its start."""
        cached = self.__dict__.get("_breaks")
        if cached is None or cached[0] is not self.text:
            breaks = [m.start() for m in re.finditer(r"(?=\n\n)", self.text)]
            cached = self.__dict__["_breaks"] = (self.text, breaks)
        breaks = cached[1]
        i = bisect.bisect_right(breaks, offset - 2) - 1
        return breaks[i] if i >= 0 else -1


# A sentence ends at . ! ? before space, a closing quote/bracket, the end, or reference marks such as
# "Pashtun.[12][13]" (the marks stay with the sentence they support).
_SKIP = re.compile(r"[ \n\t.!?]*")  # what a sentence does not start with
_STOP = re.compile(r"[.!?](?:\[\w{1,4}\])*(?=[\s\"”’)\]]|$)|\n\n")
# A sentence is looked for this far back and forward of its words at most: a line of 200,000 characters
# without a full stop is cut into pieces of about this length (each quote stays verbatim), else every
# proposal on it scanned, and quoted, the whole line.
SENTENCE_REACH = 2000
_STOP_TAIL = 8  # characters after a stop that _STOP reads to decide it is one ("Pashtun.[12]" + a space)


def _last_stop(text: str, offset: int) -> int:
    last = -1
    for m in _STOP.finditer(text, max(0, offset - SENTENCE_REACH), offset):
        if not _abbreviation_before(text, m.start()):
            last = m.end()
    return last


def _next_stop(text: str, offset: int) -> int:
    limit = offset + SENTENCE_REACH
    for m in _STOP.finditer(text, offset, min(len(text), limit + _STOP_TAIL)):
        if m.start() >= limit:
            break
        if m.group() == "\n\n":
            return m.start()
        if not _abbreviation_before(text, m.start()):
            return m.end()
    if limit >= len(text):
        return len(text)
    cut = text.rfind(" ", offset + 1, limit)
    return cut if cut > offset else limit


def _space_after(text: str, floor: int, offset: int) -> int:
    """Where a cut sentence starts: after the first space past `floor`, else at `floor`."""
    space = text.find(" ", floor, offset)
    return space + 1 if space >= 0 else floor


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "no", "vs", "st", "jr", "sr", "e.g", "i.e", "u.s", "u.n"}


def _abbreviation_before(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[max(0, dot - 12) : dot])
    if not word:
        return False
    token = word.group(1).lower()
    return (
        token in _ABBREVIATIONS
        or (len(token) == 1 and token.isalpha())
        or (dot + 1 < len(text) and text[dot + 1 : dot + 2].isdigit())
    )
