"""Sentences a document repeats word for word are read once.

A PDF's running header on each of its pages, a boilerplate paragraph under every post of a feed, a
generated text: every repetition would propose the same records again (same fields, same quote), and
reading them again is most of the time a repetitive document costs. The extractors read a view of the
document without the sentences already seen (pages and marks moved to match); each proposal's offsets
are then moved back onto the document. The document itself, its stored text and passage search keep
every sentence.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from collections.abc import Callable

from torkham.ingest.document import Document, Mark, Page
from torkham.ingest.extract.common import sentences_of
from torkham.ingest.proposal import Proposal

MIN_REPEATED_CHARS = 40  # a shorter sentence ("Photo: Reuters.", a date line) is read every time


def repeated_spans(doc: Document) -> list[tuple[int, int]]:
    """The sentences (start, end) whose exact text came earlier in the document, in order."""
    seen: set[str] = set()
    spans: list[tuple[int, int]] = []
    text = doc.text
    for start, end in sentences_of(doc).spans:
        if end - start < MIN_REPEATED_CHARS or not _whole(text, end):
            continue
        sentence = text[start:end]
        if sentence in seen:
            spans.append((start, end))
        else:
            seen.add(sentence)
    return spans


_STOPPED = re.compile(r"[.!?](?:\[\w{1,4}\])*[\"”’)\]]*$")


def _whole(text: str, end: int) -> bool:
    """Whether a sentence span ends a sentence: not a piece of a line too long to hold a full stop
    (Document.sentence_at cuts those), whose pieces may look alike but are not sentences said again."""
    return end >= len(text) or text.startswith("\n\n", end) or bool(_STOPPED.search(text, max(0, end - 24), end))


class Shift:
    """Offsets between a document and its view without the spans cut out of it."""

    def __init__(self, cuts: list[tuple[int, int]]):
        self.cuts = cuts
        self.view_starts = [0]  # each kept piece: where it starts in the view and in the document
        self.doc_starts = [0]
        removed = 0
        for start, end in cuts:
            removed += end - start
            self.view_starts.append(end - removed)
            self.doc_starts.append(end)
        self._cut_starts = [s for s, _ in cuts]
        self._removed_before = [0]
        for start, end in cuts:
            self._removed_before.append(self._removed_before[-1] + end - start)

    def to_view(self, offset: int) -> int:
        i = bisect_right(self._cut_starts, offset)  # cuts starting at or before the offset
        if i and offset < self.cuts[i - 1][1]:
            return self.cuts[i - 1][0] - self._removed_before[i - 1]  # inside a cut: where the cut was
        return offset - self._removed_before[i]

    def to_doc(self, offset: int, *, end: bool = False) -> int:
        """A view offset in the document; an end offset stays with the piece it closes."""
        probe = offset - 1 if end and offset > 0 else offset
        i = bisect_right(self.view_starts, probe) - 1
        return self.doc_starts[i] + offset - self.view_starts[i]


def reading_view(doc: Document) -> tuple[Document, Callable[[Proposal], Proposal], str | None]:
    """The document the extractors read, how to move a proposal back onto `doc`, and a note saying what
    was left out (None, and `doc` itself, when nothing repeats)."""
    cuts = repeated_spans(doc)
    if not cuts:
        return doc, lambda proposal: proposal, None
    shift = Shift(cuts)
    pieces, position = [], 0
    for start, end in cuts:
        pieces.append(doc.text[position:start])
        position = end
    pieces.append(doc.text[position:])
    view = dataclasses.replace(
        doc,
        text="".join(pieces),
        pages=[Page(p.number, shift.to_view(p.start), shift.to_view(p.end)) for p in doc.pages],
        marks=[Mark(m.kind, shift.to_view(m.start), shift.to_view(m.end)) for m in doc.marks],
        notes=list(doc.notes),
    )

    def back(proposal: Proposal) -> Proposal:
        start, end = shift.to_doc(proposal.start), shift.to_doc(proposal.end, end=True)
        return dataclasses.replace(proposal, start=start, end=end, page=doc.page_at(start))

    skipped = sum(end - start for start, end in cuts)
    note = (
        f"{len(cuts):,} sentence(s) ({skipped:,} characters) repeat an earlier sentence word for word; "
        "they were read once, where they first occur"
    )
    return view, back, note
