"""HTML to paragraph blocks with the standard library's parser: script, style, navigation and hidden parts
dropped; headings, block quotes (embedded posts), figure captions kept as hints; title/author/date read from
<title>, <meta> and the first <time datetime>."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from torkham.ingest.text.blocks import Block

_SKIPPED = {"script", "style", "nav", "noscript", "template", "svg", "iframe", "form", "button", "select"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "ul", "ol", "li", "dl", "dt", "dd",
    "blockquote", "figure", "figcaption", "pre", "table", "tr", "caption", "address", "hr", "body",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
_POSTS = ("twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed")
_META_KEYS = {
    "author": "author",
    "citation_author": "author",
    "article:author": "author",
    "dc.creator": "author",
    "citation_title": "title",
    "og:title": "title",
    "dc.title": "title",
    "citation_publication_date": "date",
    "citation_date": "date",
    "article:published_time": "date",
    "dc.date": "date",
    "date": "date",
}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.meta: dict[str, str] = {}
        self.buffer: list[str] = []
        self.kinds: list[tuple[str, str]] = []  # (tag, kind) of the open heading/quote/caption elements
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.pre = 0
        self.title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if self.skip_tag:
            self.skip_depth += tag == self.skip_tag
            return
        if tag == "meta":
            self._meta(values)
        if tag == "title":
            self.title = []
            return
        if tag in _SKIPPED or "hidden" in values or values.get("aria-hidden") == "true":
            if tag not in _VOID:
                self.skip_tag, self.skip_depth = tag, 1
            return
        if tag == "time" and "datetime" in values:
            self.meta.setdefault("time", values["datetime"])
        if tag == "br":
            self.buffer.append("\n")
        elif tag in _BLOCK:
            self.flush()
            kind = _kind(tag, values.get("class", ""))
            if kind:
                self.kinds.append((tag, kind))
            if tag == "li":
                self.buffer.append("- ")
            if tag == "pre":
                self.pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self.skip_tag:
            if tag == self.skip_tag:
                self.skip_depth -= 1
                if self.skip_depth == 0:
                    self.skip_tag = None
            return
        if tag == "title" and self.title is not None:
            self.meta.setdefault("html_title", " ".join("".join(self.title).split()))
            self.title = None
        elif tag in _BLOCK:
            self.flush()
            if self.kinds and self.kinds[-1][0] == tag:
                self.kinds.pop()
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        elif not self.skip_tag:
            self.buffer.append(data if self.pre else re.sub(r"\s+", " ", data))

    def flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer = []
        lines = [line.rstrip() if self.pre else " ".join(line.split()) for line in raw.split("\n")]
        text = "\n".join(line for line in lines if line.strip())
        if text and text != "-":
            kind = self.kinds[-1][1] if self.kinds else None
            self.blocks.append(Block(text, kind=kind))

    def _meta(self, values: dict[str, str]) -> None:
        key = (values.get("name") or values.get("property") or "").lower()
        if key in _META_KEYS and values.get("content", "").strip():
            self.meta.setdefault(_META_KEYS[key], " ".join(values["content"].split()))


def _kind(tag: str, classes: str) -> str | None:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return "heading"
    if tag == "blockquote":
        return "tweet" if any(name in classes for name in _POSTS) else "quote"
    if tag in ("figcaption", "caption"):
        return "caption"
    return None


def declared_charset(data: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
    return match.group(1).decode("ascii") if match else None


def html_blocks(text: str) -> tuple[list[Block], dict[str, str]]:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader.flush()
    meta = dict(reader.meta)
    if "title" not in meta and meta.get("html_title"):
        meta["title"] = meta["html_title"]
    if "date" not in meta and meta.get("time"):
        meta["date"] = meta["time"]
    return reader.blocks, {k: v for k, v in meta.items() if k in ("title", "author", "date")}
