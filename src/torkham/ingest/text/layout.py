"""From page text (lines, as a PDF reader or a text file gives them) to paragraph blocks.

- running headers and footers: lines at the top or bottom of most pages, digits ignored, are dropped;
- bare page numbers ("12", "- 12 -", "Page 12 of 30") at the top or bottom of a page are dropped;
- a word hyphenated at a line break is joined ("Paki-" + "stan" → "Pakistan"), keeping the hyphen when the
  document writes the word with one elsewhere ("cross-border");
- hard-wrapped lines are joined into paragraphs when the break was forced by the line width."""

from __future__ import annotations

import re
from collections import Counter

from torkham.ingest.text.blocks import Block

_ZONE = 2  # how many non-empty lines at the top and at the bottom of a page can be a running header/footer
_PAGE_NUMBER = re.compile(r"^(?i:page\s+)?[-–—(\[]?\s*(?:\d{1,4}|[ivx]{1,5})\s*[-–—)\]]?(?:\s*(?i:of|/)\s*\d{1,4})?$")
_BULLET = re.compile(r"^(?:[-•*–▪◦●]\s|\(?[0-9a-z]{1,3}[.)]\s)")
_HYPHEN_END = re.compile(r"[^\W\d_][-\u2010\u2011]$")  # hyphen-minus, hyphen, non-breaking hyphen
_SPACES = re.compile(r"[ \u00a0]{2,}")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def normalize_line(line: str, collapse_spaces: bool) -> str:
    line = line.replace("\u00ad", "").translate(_LIGATURES).rstrip()
    if not collapse_spaces:
        return line
    return _SPACES.sub(" ", _unspace_letters(line).strip())


def _unspace_letters(line: str) -> str:
    """Undo letter spacing ("T h e   n e a r" → "The near"): some PDF fonts make the reader put a space
    after every glyph, and a wider gap between words."""
    tokens = line.split()
    if len(tokens) < 6 or sum(len(t) == 1 for t in tokens) < 0.8 * len(tokens) or "  " not in line.strip():
        return line
    return " ".join(word.replace(" ", "") for word in re.split(r" {2,}", line.strip()))


def running_lines(pages: list[list[str]]) -> set[str]:
    """Normalised lines that sit at the top or bottom of most pages (at least two)."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line.strip()]
        seen.update({_shape(line) for line in filled[:_ZONE] + filled[-_ZONE:]})
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, count in seen.items() if count >= needed and shape}


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def strip_furniture(lines: list[str], running: set[str], numbered: bool) -> list[str]:
    """The page's lines without running headers/footers and (`numbered`) page numbers at its top or bottom."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    zone = set(filled[:_ZONE] + filled[-_ZONE:])
    kept = []
    for i, line in enumerate(lines):
        if i in zone and (_shape(line) in running or (numbered and _PAGE_NUMBER.match(line.strip()))):
            continue
        kept.append(line)
    return kept


def page_blocks(lines: list[str], width: int, hyphenated: set[str]) -> list[Block]:
    """Blocks of one page: split at blank lines (2+ blank lines mark a gap), unwrapped within."""
    blocks: list[Block] = []
    current: list[str] = []
    blanks = 0
    gap = False
    for line in [*lines, ""]:
        if line.strip():
            if not current:
                gap = blanks >= 2
            current.append(line)
            blanks = 0
            continue
        if current:
            blocks.append(Block(unwrap(current, width, hyphenated), gap_before=gap))
            current = []
        blanks += 1
    return blocks


def line_width(pages: list[list[str]]) -> int:
    """The typical full line length: the 90th percentile of lines of 20+ characters."""
    lengths = sorted(len(line) for lines in pages for line in lines if len(line.strip()) >= 20)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def unwrap(lines: list[str], width: int, hyphenated: set[str]) -> str:
    """Join lines broken by the line width; keep breaks before bullets and after short lines."""
    out = lines[0]
    for previous, line in zip(lines, lines[1:], strict=False):
        stripped = line.lstrip()
        if _BULLET.match(stripped):
            out += "\n" + line
        elif _HYPHEN_END.search(previous) and len(previous) >= 0.5 * width:
            out = out[:-1] + _hyphen_join(out, stripped, hyphenated)
        elif not _was_wrapped(previous, stripped, width):
            out += "\n" + line
        else:
            out += " " + stripped
    return out


def _was_wrapped(previous: str, following: str, width: int) -> bool:
    if not width or not following:
        return False
    next_word = following.split()[0]
    # The line was broken by the width when the next word would not have fitted on it.
    return len(previous) + 1 + len(next_word) >= 0.85 * width and len(previous) >= 0.6 * width


def _hyphen_join(done: str, following: str, hyphenated: set[str]) -> str:
    """The next line joined to a line ending in a hyphen: a hyphenation hyphen goes (U+2010 as typesetters
    insert it, or before a lower-case letter unless the document writes the word with a hyphen), a word's own
    hyphen stays ("Pak-" + "Afghan")."""
    if done.endswith("\u2010"):
        return following
    left = re.search(r"([^\W\d_]+)[-\u2011]$", done)
    right = re.match(r"[^\W\d_]+", following)
    if not following[:1].islower() or (left and right and f"{left.group(1)}-{right.group(0)}".casefold() in hyphenated):
        return "-" + following
    return following


# A match starts only where a run of letters starts: without the look-behind every letter of a long run without
# a hyphen started a match that ran to the run's end and failed (a 200,000-letter line took minutes).
_HYPHENATED = re.compile(r"(?<![^\W\d_])[^\W\d_]+-[^\W\d_]+")


def hyphenated_words(pages: list[list[str]]) -> set[str]:
    """Words the document writes with a hyphen inside a line (so a break after their hyphen keeps it)."""
    found: set[str] = set()
    for lines in pages:
        for line in lines:
            found.update(m.group(0).casefold() for m in _HYPHENATED.finditer(line))
    return found


def pages_to_blocks(pages: list[str], collapse_spaces: bool) -> list[list[Block]]:
    """The cleaning pipeline shared by PDF and plain text."""
    lines = [[normalize_line(line, collapse_spaces) for line in page.split("\n")] for page in pages]
    running = running_lines(lines)
    lines = [strip_furniture(page, running, numbered=len(lines) > 1) for page in lines]
    width = line_width(lines)
    hyphenated = hyphenated_words(lines)
    return [page_blocks(page, width, hyphenated) for page in lines]
