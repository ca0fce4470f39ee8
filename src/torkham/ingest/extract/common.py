"""What the extractors share: word tokens with offsets, the proposal constructor (page and verbatim
sentence), and the regions of a document that change how a finding reads (bibliography, captions,
tweets, quotations) — from the document's marks when it has them, else found in the text."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from torkham.ingest.document import Document, Page
from torkham.ingest.proposal import Proposal

# A word; an apostrophe inside a transliteration ("Qa’ida", "Jama'at") joins, a possessive ("Pakistan's") does not.
_WORD = re.compile(r"[^\W_]+(?:['’](?!(?:s|t|re|ve|ll|d|m)\b)[^\W_]{2,})*")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str  # as written
    norm: str  # lowercase, without diacritics (one word of torkham.kb.names.normalize)


def fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), fold_word(m.group()).replace("'", "").replace("’", ""))
        for m in _WORD.finditer(text)
    ]


def text_document(
    text: str, *, date: str | None = None, page_starts: list[int] | None = None, path: str = "text.txt"
) -> Document:
    """A Document over a plain text (tests, evaluation): pages start at `page_starts` (default: one page)."""
    starts = sorted(page_starts or [0])
    ends = [*starts[1:], len(text)]
    pages = [Page(i + 1, start, end) for i, (start, end) in enumerate(zip(starts, ends, strict=True))]
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(path=Path(path), text=text, format="text", sha256=sha, pages=pages, date=date)


def propose(doc: Document, kind: str, record: dict, start: int, end: int, notes: list[str] | None = None) -> Proposal:
    """A proposal with its page and the verbatim sentence around [start, end) (Document.sentence_at)."""
    sentence = sentences_of(doc).sentence(start, end)
    return Proposal(kind, record, start, end, sentence, doc.page_at(start), list(notes or []))


def sentences_of(doc: Document) -> Sentences:
    """The document's sentence spans, computed once per document (kept on the document object)."""
    cached = doc.__dict__.get("_extract_sentences")
    if cached is None or cached.text is not doc.text:
        cached = doc.__dict__["_extract_sentences"] = Sentences(doc)
    return cached


_BIBLIOGRAPHY_HEADING = re.compile(
    r"^[ \t]*(?:\d+[ \t]+)?(?:bibliography|references|works cited|sources|literature)[ \t]*$", re.I | re.M
)
_AFTER_BIBLIOGRAPHY = re.compile(r"^[ \t]*(?:about the authors?|annex|appendix|acknowledg\w*)\b.*$", re.I | re.M)
_CAPTION_LINE = re.compile(r"^[ \t]*(?:figure|fig\.|table|source|photo)[ \t]*\d*[ \t]*[:.].*$", re.I | re.M)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,}")
_TIMESTAMP = re.compile(r"\b\d{1,2}:\d{2}\s*[AP]M\b")
_COUNTER_LINE = re.compile(r"^[^\n]*$", re.M)
_QUOTED = re.compile(r"\"[^\"\n]{3,1500}?\"|“[^”]{3,1500}?”")
TWEET_REACH = 1500  # characters after a handle line that still belong to the embedded post


class Regions:
    """Character spans of a document by kind: bibliography, caption, tweet, quotation."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.spans: dict[str, list[tuple[int, int]]] = {
            "bibliography": [],
            "caption": [],
            "tweet": [],
            "quotation": [],
            "heading": [],
            "contents": [],
        }
        marked = {m.kind for m in doc.marks}
        for mark in doc.marks:
            kind = {"quote": "quotation"}.get(mark.kind, mark.kind)
            if kind in self.spans:
                self.spans[kind].append((mark.start, mark.end))
        text = doc.text
        if "bibliography" not in marked:
            self.spans["bibliography"].extend(_bibliography_spans(text))
        if "caption" not in marked:
            self.spans["caption"].extend((m.start(), m.end()) for m in _CAPTION_LINE.finditer(text))
        if "tweet" not in marked:
            self.spans["tweet"].extend(_tweet_spans(text, self.spans["caption"]))
        self.spans["quotation"].extend((m.start(), m.end()) for m in _QUOTED.finditer(text))
        self._sorted = {k: sorted(v) for k, v in self.spans.items()}

    def of(self, kind: str, offset: int) -> tuple[int, int] | None:
        spans = self._sorted[kind]
        i = bisect_right(spans, (offset, len(self.doc.text) + 1)) - 1
        for j in range(i, max(i - 4, -1), -1):  # spans of one kind rarely nest more than this
            start, end = spans[j]
            if start <= offset < end:
                return start, end
        return None

    def within(self, kind: str, offset: int) -> bool:
        return self.of(kind, offset) is not None

    def context(self, offset: int) -> str:
        """The figure_contexts term for a finding at `offset`."""
        for kind in ("bibliography", "caption", "tweet", "quotation"):
            if self.within(kind, offset):
                return kind
        return "text"


def _bibliography_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for heading in _BIBLIOGRAPHY_HEADING.finditer(text):
        after = _AFTER_BIBLIOGRAPHY.search(text, heading.end())
        spans.append((heading.start(), after.start() if after else len(text)))
    return spans[-1:]  # the last heading of that name: a table of contents lists it too


def _tweet_spans(text: str, captions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An embedded post runs from a line with a handle or a timestamp to the next figure caption (when
    that is near); lines of bare counters ("Q 53 t] 88 ♥ 322") are posts too."""
    spans = []
    caption_starts = sorted(start for start, _ in captions)
    for line in _COUNTER_LINE.finditer(text):
        content = line.group()
        if (
            _HANDLE.search(content)
            or _TIMESTAMP.search(content)
            or is_counter_line(content)
            or _is_post_header(content)
        ):
            i = bisect_right(caption_starts, line.start())
            nearby = i < len(caption_starts) and caption_starts[i] - line.start() <= TWEET_REACH
            spans.append((line.start(), caption_starts[i] if nearby else line.end()))
    return spans


def _is_post_header(line: str) -> bool:
    """A short line with a pictograph (a verified badge as extracted): the name above an embedded post."""
    stripped = line.strip()
    symbols = any(unicodedata.category(c) == "So" for c in stripped)
    return symbols and len(stripped) <= 60 and not re.search(r"[.!?]$", stripped) and not is_counter_line(stripped)


def is_counter_line(line: str) -> bool:
    """A line of social-media counters: three or more numbers and almost no letters."""
    numbers = re.findall(r"\d+(?:[.,]\d+)?[KkMm]?", line)
    letters = re.sub(r"[^A-Za-z]", "", re.sub(r"\d+(?:[.,]\d+)?[KkMm]?", "", line))
    return len(numbers) >= 3 and len(letters) <= 4


_SENTENCE_GAP = re.compile(r"[ \n\t.!?]*")


class Sentences:
    """The sentence spans of a document, computed once (Document.sentence_at per sentence start)."""

    SAFE_REACH = 1800  # Document.sentence_at looks 2000 characters back for a sentence's start

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text

    @cached_property
    def spans(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        text, position = self.doc.text, 0
        while position < len(text):
            position = _SENTENCE_GAP.match(text, position).end()  # type: ignore[union-attr]
            if position >= len(text):
                break
            end = max(self.doc.sentence_end(position), position + 1)
            out.append((position, end))
            position = end
        return out

    def sentence(self, start: int, end: int) -> str:
        """Document.sentence_at(start, end)'s text, from the spans when [start, end) lies strictly
        inside one sentence (the same answer, without scanning back for every proposal)."""
        left, right = self.around(start)
        if left <= start and end < right and start - left < self.SAFE_REACH:
            return self.text[left:right]
        return self.doc.sentence_at(start, end)[2]

    def around(self, offset: int) -> tuple[int, int]:
        spans = self.spans
        i = bisect_right(spans, (offset, len(self.doc.text) + 1)) - 1
        return spans[i] if i >= 0 and spans[i][0] <= offset < spans[i][1] else (offset, offset)
