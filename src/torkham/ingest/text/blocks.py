"""Paragraph blocks, the common form every reader produces, and their assembly into one text with pages.

A reader gives, per page, a list of blocks (paragraphs after cleaning). `assemble` joins them with a blank
line, records where each page starts and ends in the joined text, and keeps each paragraph's offsets so
marks can be computed on the final text."""

from __future__ import annotations

from dataclasses import dataclass

from torkham.ingest.document import Page

_SENTENCE_END = tuple('.!?:;"”’)]…')


@dataclass
class Block:
    text: str
    gap_before: bool = False  # a larger vertical gap (2+ blank lines) came before it: figures and posts sit in gaps
    kind: str | None = None  # a structural hint from the format: heading, quote, caption, tweet


@dataclass
class Para:
    text: str
    start: int
    end: int
    page: int
    gap_before: bool = False
    kind: str | None = None


def assemble(
    pages: list[list[Block]], numbers: list[int] | None = None, join_across_pages: bool = True
) -> tuple[str, list[Page], list[Para]]:
    """One text from the pages' blocks (`numbers`: the printed page numbers, default 1, 2, …). A paragraph cut
    by a page break (no end punctuation, the next page starting in lower case) is joined back with a space."""
    parts: list[str] = []
    paras: list[Para] = []
    page_spans: list[Page] = []
    length = 0
    numbers = numbers or list(range(1, len(pages) + 1))
    for number, blocks in zip(numbers, pages, strict=True):
        page_start: int | None = None
        for block in blocks:
            if not block.text:
                continue
            if page_start is None and paras and join_across_pages and _continues(paras[-1], block):
                parts.append(" " + block.text)
                page_start = length + 1
                length += 1 + len(block.text)
                last = paras[-1]
                paras[-1] = Para(
                    last.text + " " + block.text, last.start, length, last.page, last.gap_before, last.kind
                )
                continue
            if parts:
                parts.append("\n\n")
                length += 2
            if page_start is None:
                page_start = length
            parts.append(block.text)
            paras.append(Para(block.text, length, length + len(block.text), number, block.gap_before, block.kind))
            length += len(block.text)
        page_spans.append(Page(number, length if page_start is None else page_start, length))
    return "".join(parts), page_spans, paras


def _continues(previous: Para, block: Block) -> bool:
    if previous.kind or block.kind:
        return False
    first = block.text[:1]
    return first.islower() and not previous.text.rstrip().endswith(_SENTENCE_END)
