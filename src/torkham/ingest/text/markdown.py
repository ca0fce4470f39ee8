"""Markdown to paragraph blocks: markup stripped (emphasis, links, images, code, tables, HTML tags), headings
and block quotes kept as hints, YAML front matter read for title/author/date. Offsets then refer to the
stripped text, which is what extractors and reviewers read."""

from __future__ import annotations

import re

from torkham.ingest.text.blocks import Block
from torkham.ingest.text.layout import hyphenated_words

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_ATX = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:\s*\1){2,}\s*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LIST = re.compile(r"^(\s*)(?:[-*+]|(\d{1,3})[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+")
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image → its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolink
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])"), r"\1"),
)


def inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return text


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """Title/author/date from a leading YAML block, and the text after it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        value = value.strip().strip("\"'")
        if sep and key.strip().lower() in ("title", "author", "date") and value:
            meta[key.strip().lower()] = value
    return meta, text[match.end() :]


def markdown_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    meta, text = front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
    hyphenated = hyphenated_words([text.split("\n")])
    blocks: list[Block] = []
    paragraph: list[str] = []
    kind: str | None = None
    fence: str | None = None

    def flush() -> None:
        nonlocal paragraph, kind
        if paragraph:
            blocks.append(Block(_join(paragraph, hyphenated), kind=kind))
        paragraph, kind = [], None

    def add(line: str) -> None:
        paragraph.append(line)

    lines = text.split("\n")
    for i, line in enumerate(lines):
        if fence:
            if line.strip().startswith(fence):
                fence = None
                flush()
            elif line.strip():
                add(line.rstrip())
            continue
        opening = _FENCE.match(line)
        if opening:
            flush()
            fence = opening.group(1)
            continue
        if not line.strip():
            flush()
            continue
        if _RULE.match(line) or _REFERENCE.match(line) or _TABLE_RULE.match(line):
            flush()
            continue
        heading = _ATX.match(line)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if heading or (paragraph == [] and following and _SETEXT.match(following) and not _LIST.match(line)):
            flush()
            title = heading.group(2) if heading else line.strip()
            blocks.append(Block(inline(title), kind="heading"))
            continue
        if _SETEXT.match(line) and blocks and blocks[-1].kind == "heading" and not paragraph:
            continue
        quoted = re.match(r"^ {0,3}>\s?", line)
        if quoted:
            if paragraph and kind != "quote":
                flush()
            kind = "quote"
            line = line[quoted.end() :]
        elif kind == "quote":
            flush()
        item = _LIST.match(line)
        if item:
            marker = f"{item.group(2)}." if item.group(2) else "-"
            line = f"{item.group(1)}{marker} {line[item.end() :]}"
        if "|" in line and line.strip().startswith("|"):
            line = " | ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        add(inline(line.rstrip()))
    flush()
    return [b for b in blocks if b.text.strip()], meta


def _join(lines: list[str], hyphenated: set[str]) -> str:
    """Markdown soft-wraps: lines of a paragraph are one line, list items stay one per line."""
    out = lines[0].strip()
    for line in lines[1:]:
        stripped = line.strip()
        if _LIST.match(line) or not stripped:
            out += "\n" + stripped
        elif re.search(r"[^\W\d_]-$", out) and stripped[:1].islower():
            word = re.search(r"([^\W\d_]+)-$", out).group(1)  # type: ignore[union-attr]
            following = re.match(r"[^\W\d_]+", stripped)
            keep = following and f"{word}-{following.group(0)}".casefold() in hyphenated
            out = out[:-1] + ("-" if keep else "") + stripped
        else:
            out += " " + stripped
    return out
