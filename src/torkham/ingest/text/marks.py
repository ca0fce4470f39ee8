"""Marks on the assembled text: headings, figure captions, tweets and other quoted posts, quotations, and the
table of contents, list of abbreviations and bibliography sections. Extractors keep what is marked but know
it is not the author's running text."""

from __future__ import annotations

import re
import unicodedata

from torkham.ingest.document import Mark
from torkham.ingest.text.blocks import Para

_SECTION_NAMES = (
    r"abstract|introduction|(?:executive )?summary|background|conclusions?|recommendations|methodology|foreword|"
    r"preface|imprint|keywords|glossary|index|notes|endnotes|acknowledge?ments|about the authors?|"
    r"(?:table of )?contents|(?:list of )?(?:abbreviations|acronyms)(?: and acronyms)?|bibliography|references|"
    r"works cited|sources|literature|further reading|(?:appendix|annex(?:ure)?)(?: [a-z0-9]{1,4})?"
)
_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)"
_NAMED = re.compile(rf"^(?:{_NUMBER}\s+)?(?:{_SECTION_NAMES})\s*:?$", re.I)
_NUMBERED = re.compile(rf"^{_NUMBER}\s+[A-Z][^\n]*$")
_NUMBER_AFTER = re.compile(r"^[A-Z][^\n.!?]{0,80}\s\d{1,2}(?:\.\d{1,2})+$")
_ABBREVIATIONS = re.compile(r"(?:list of )?(?:abbreviations|acronyms)", re.I)
_CONTENTS = re.compile(r"(?:table of )?contents", re.I)
_BIBLIOGRAPHY = re.compile(r"bibliography|references|works cited|sources|literature|further reading", re.I)
_AFTER_BIBLIOGRAPHY = re.compile(r"about the authors?|appendix|annex|acknowledge?ments|index|endnotes", re.I)
_TOC_ENTRY = re.compile(r"(?:\.{3,}|…)\s*\d{1,4}$|\s\d{1,4}$")

_CAPTION = re.compile(
    r"^(?:(?:figure|fig\.|table|chart|graph|map|image|photo|exhibit|box|infographic)\s*\d+|"
    r"(?:source|sources|credit|photo credit)\s*:)",
    re.I,
)
_INLINE_CAPTION = re.compile(r"(?<=\s)(?:Figure|Fig\.|Table|Chart)\s*\d+\s*:")
_HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_]{2,15}\b")
_HANDLE_AND_DATE = re.compile(r"^[^\n@]{1,40}\s@[A-Za-z0-9_]{2,15}\s*·")
_TIMESTAMP = re.compile(r"^\s*\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\b")
_SOCIAL = re.compile(
    r"twitter\.com|//x\.com|instagram\.com|facebook\.com|\bt\.co/|bsky\.app|tiktok\.com|threads\.net|"
    r"\btweet\b|\btwitter\b|\binstagram\b",
    re.I,
)
_QUOTES_OPEN = ('"', "“", "‘", "'")
_QUOTES_CLOSE = ('"', "”", "’", "'")
_MAX_POST_PARAS = 8  # paragraphs a post can span, furniture included
_MAX_POST_TEXT_PARAS = 3  # of which text (a long post split into paragraphs)
_MAX_POST_CHARS = 1200


def find_marks(paras: list[Para]) -> list[Mark]:
    marks: list[Mark] = []
    contents = _sections(paras, marks)
    headings = [i for i, p in enumerate(paras) if is_heading(p) and i not in contents]
    marks += [Mark("heading", paras[i].start, paras[i].end) for i in headings]
    captions = _captions(paras, marks)
    _posts(paras, set(headings), captions, marks)
    _quotes(paras, set(headings), captions, marks)
    return sorted(set(marks), key=lambda m: (m.start, m.end, m.kind))


def is_heading(para: Para) -> bool:
    if para.kind == "heading":
        return True
    text = para.text.strip()
    if "\n" in text or len(text) > 100 or para.kind:
        return False
    if _NAMED.match(text) or _NUMBER_AFTER.match(text):
        return True
    if _NUMBERED.match(text) and not text.endswith((".", ",", ";", ":")) and len(text.split()) <= 14:
        return True
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) >= 3
        and all(c.isupper() for c in letters)
        and len(text) <= 60
        and not any(c.isdigit() for c in text)
        and not text.endswith((".", ","))
    )


def _sections(paras: list[Para], marks: list[Mark]) -> set[int]:
    """Mark the contents, abbreviations and bibliography sections; return the indexes inside the contents."""
    in_contents: set[int] = set()
    for i, para in enumerate(paras):
        if not is_heading(para):
            continue
        name = re.sub(rf"^{_NUMBER}\s+", "", para.text.strip()).rstrip(":").strip()
        if _CONTENTS.fullmatch(name):
            last = i
            while last + 1 < len(paras) and _toc_like(paras[last + 1]):
                last += 1
                in_contents.add(last)
            marks.append(Mark("contents", para.start, paras[last].end))
        elif _ABBREVIATIONS.fullmatch(name) or re.fullmatch(r"(?:list of )?abbreviations and acronyms", name, re.I):
            last = i
            while last + 1 < len(paras) and not is_heading(paras[last + 1]):
                last += 1
            marks.append(Mark("abbreviations", para.start, paras[last].end))
        elif _BIBLIOGRAPHY.fullmatch(name):
            last = i
            while last + 1 < len(paras) and not _ends_bibliography(paras[last + 1]):
                last += 1
            marks.append(Mark("bibliography", para.start, paras[last].end))
    return in_contents


def _toc_like(para: Para) -> bool:
    lines = [line.strip() for line in para.text.split("\n") if line.strip()]
    if len(lines) > 1:
        return all(len(line) <= 120 for line in lines)
    line = lines[0] if lines else ""
    return len(line) <= 120 and bool(_TOC_ENTRY.search(line)) and not line.endswith(".")


def _ends_bibliography(para: Para) -> bool:
    if not is_heading(para):
        return False
    name = re.sub(rf"^{_NUMBER}\s+", "", para.text.strip())
    return bool(_AFTER_BIBLIOGRAPHY.match(name) or re.match(rf"^{_NUMBER}\s", para.text.strip()))


def _captions(paras: list[Para], marks: list[Mark]) -> dict[int, bool]:
    """Caption paragraphs (or the caption at the end of one), each with whether it credits a social post."""
    found: dict[int, bool] = {}
    for i, para in enumerate(paras):
        start = None
        if para.kind == "caption" or _CAPTION.match(para.text):
            start = para.start
        elif para.kind is None:
            inline = _INLINE_CAPTION.search(para.text)
            if inline:
                start = para.start + inline.start()
        if start is not None:
            marks.append(Mark("caption", start, para.end))
            found[i] = bool(_SOCIAL.search(para.text))
    return found


def _posts(paras: list[Para], headings: set[int], captions: dict[int, bool], marks: list[Mark]) -> None:
    """Tweets and other posts: their furniture (author line, time stamp, counters, hashtags) marks them, and
    so does a caption crediting a social network; the post runs back from there to a gap or its author line."""
    furniture = {i for i, p in enumerate(paras) if p.kind == "tweet" or _furniture(p)}
    signals = furniture | {i for i, p in enumerate(paras) if _author_line(p) and i not in headings}
    posts = set(signals)
    for end in sorted(furniture | _social_caption_starts(captions)):
        posts.update(_walk_back(paras, end, headings, captions, signals))
    for i in sorted(posts):
        para = paras[i]
        end = _caption_start(para, marks) if i in captions else para.end
        if end > para.start:
            marks.append(Mark("tweet", para.start, end))


def _social_caption_starts(captions: dict[int, bool]) -> set[int]:
    """The first paragraph of each run of caption paragraphs ("Figure 4: …" then "Source: twitter.com/…")
    when one of the run credits a social network."""
    starts: set[int] = set()
    first = previous = None
    social = False
    for i in sorted(captions):
        if previous is None or i != previous + 1:
            if social and first is not None:
                starts.add(first)
            first, social = i, False
        social = social or captions[i]
        previous = i
    if social and first is not None:
        starts.add(first)
    return starts


def _caption_start(para: Para, marks: list[Mark]) -> int:
    return next((m.start for m in marks if m.kind == "caption" and para.start <= m.start < para.end), para.end)


def _walk_back(paras: list[Para], end: int, headings: set[int], captions: dict[int, bool], signals: set[int]):
    """The paragraphs of the post that ends before paragraph `end`: back to its author line, or to the gap it
    sits in; none when a heading, another caption or too much text comes first (that is running text)."""
    marked: list[int] = []
    content = 0
    k = end
    while True:
        if content > _MAX_POST_TEXT_PARAS:
            return []
        if paras[k].gap_before and content:
            return marked
        if k == 0 or len(marked) >= _MAX_POST_PARAS:
            return []
        k -= 1
        para = paras[k]
        if k in headings or k in captions or len(para.text) > _MAX_POST_CHARS:
            return []
        marked.append(k)
        if _author_line(para):
            return marked
        if k not in signals:
            content += 1


def _furniture(para: Para) -> bool:
    """A post's time stamp, its counters (replies, reposts, likes) or a line of hashtags."""
    text = para.text.strip()
    if len(text) > 120:
        return False
    if _TIMESTAMP.match(text):
        return True
    numbers = re.findall(r"\d+(?:[.,]\d+)?[KkMm]?", text)
    letters = re.sub(r"\d+(?:[.,]\d+)?[KkMm]?", "", text)
    if len(numbers) >= 3 and sum(c.isalpha() for c in letters) <= 6 and len(text) <= 80 and _icons(text):
        return True
    words = text.split()
    tags = [w for w in words if w.startswith("#") and len(w) > 2]
    return bool(tags) and len(tags) * 2 >= len(words) and len(text) <= 80


def _icons(text: str) -> bool:
    """The reply/repost/like icons of a post's counters, as PDF text gives them: symbols, or the letters
    their outlines become ("Q 13", "t] 46")."""
    return bool(
        re.search(r"(?:^|\s)(?:Q|t\]|tl|1\])\s*\d", text)
        or any(unicodedata.category(c) == "So" or ord(c) >= 0x2190 or c in "±£" for c in text)
    )


def _author_line(para: Para) -> bool:
    """A post's author: a short line with a @handle, an emoji, another script or a '·' separator."""
    text = para.text.strip()
    if _HANDLE_AND_DATE.match(text):
        return True
    if "\n" in text or len(text) > 80 or text.endswith((".", "!", "?", ",", ";", ":")):
        return False
    return bool(
        _HANDLE.search(text)
        or any(ord(c) >= 0x2600 for c in text)
        or "·" in text
        or (any(c.isalpha() and ord(c) >= 0x0590 for c in text) and any(c.isascii() and c.isalpha() for c in text))
    )


def _quotes(paras: list[Para], headings: set[int], captions: dict[int, bool], marks: list[Mark]) -> None:
    """Quotations set apart: block quotes, paragraphs that are one quotation, and pull quotes (a paragraph
    repeated from earlier), with the short attribution line that follows them."""
    first_seen: dict[str, int] = {}
    repeated: set[int] = set()
    for i, para in enumerate(paras):
        key = " ".join(para.text.split())[:100]
        if len(para.text) >= 80 and key in first_seen:
            repeated.update(j for j in (first_seen[key], i) if _out_of_flow(paras, j))
        first_seen.setdefault(key, i)
    for i, para in enumerate(paras):
        if not (para.kind == "quote" or i in repeated or _is_quotation(para.text)):
            continue
        end = para.end
        following = paras[i + 1] if i + 1 < len(paras) else None
        if following and i + 1 not in headings and i + 1 not in captions and _attribution(following.text):
            end = following.end
        marks.append(Mark("quote", para.start, end))


def _out_of_flow(paras: list[Para], i: int) -> bool:
    """A pull quote: set in a gap, or dropped into the middle of a sentence of the running text."""
    if paras[i].gap_before:
        return True
    before, after = paras[i - 1] if i else None, paras[i + 1] if i + 1 < len(paras) else None
    return bool(before and after and not before.text.rstrip().endswith(tuple('.!?:;"”)')) and after.text[:1].islower())


def _is_quotation(text: str) -> bool:
    text = text.strip()
    if not text.startswith(_QUOTES_OPEN) or len(text) < 20:
        return False
    closing = max(text.rfind(q) for q in _QUOTES_CLOSE)
    return closing >= len(text) - 40


def _attribution(text: str) -> bool:
    text = text.strip()
    return "\n" not in text and 3 <= len(text) <= 80 and not text.endswith((".", ":", ";", ",")) and text[:1].isupper()
