"""Title, author and date of a document when the user did not give them: from the file's own metadata when it
is plausible, else from the first paragraphs (a labelled "Author"/"Date", a name under the title, the first
month and year)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from torkham.ingest.text.blocks import Para

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|" + (
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?!\d)")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s*,?\s+((?:19|20)\d\d)\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+((?:19|20)\d\d)\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s*,?\s+((?:19|20)\d\d)\b", re.I)
_YEAR = re.compile(r"^((?:19|20)\d\d)$")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.|de|van|von|bin|ul|al|ud|der|la|le)$")
_JUNK_TITLE = re.compile(r"^(?:untitled|microsoft word\b|document\d*$)|\.(?:docx?|pdf|indd|odt|rtf|txt)$", re.I)


@dataclass
class Guess:
    title: str | None = None
    author: str | None = None
    date: str | None = None


def partial_date(text: str) -> str | None:
    """The first date in `text` as partial ISO (YYYY, YYYY-MM or YYYY-MM-DD)."""
    text = text.strip()
    found = _ISO.search(text)
    if found:
        return "-".join(part for part in found.groups() if part)
    found = _DAY_MONTH_YEAR.search(text)
    if found:
        return f"{found.group(3)}-{_month(found.group(2)):02d}-{int(found.group(1)):02d}"
    found = _MONTH_DAY_YEAR.search(text)
    if found:
        return f"{found.group(3)}-{_month(found.group(1)):02d}-{int(found.group(2)):02d}"
    found = _MONTH_YEAR.search(text)
    if found:
        return f"{found.group(2)}-{_month(found.group(1)):02d}"
    found = _YEAR.match(text)
    return found.group(1) if found else None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def guess(paras: list[Para], meta: dict[str, str], meta_date_trusted: bool) -> Guess:
    front = [p for p in paras[:40] if p.text.strip()]
    result = Guess()
    title = meta.get("title")
    result.title = title if title and not _JUNK_TITLE.search(title) and 3 <= len(title) <= 200 else None
    if result.title is None:
        result.title = next((_line(p) for p in front[:10] if p.kind == "heading" and not _dated_line(p)), None)
        result.title = result.title or next((_line(p) for p in front[:5] if _title_like(p)), None)
    author = meta.get("author")
    result.author = author if author and 2 <= len(author) <= 120 else None
    result.author = (
        result.author or _labelled(front, r"authors?|by|written by") or _name_under_title(front, result.title)
    )
    explicit = partial_date(meta["date"]) if meta.get("date") and meta_date_trusted else None
    labelled = _labelled(front, r"date|published|publication date")
    from_text = partial_date(labelled) if labelled else _published(front[:10]) or _dateline(front[:10])
    if from_text is None:
        from_text = next(
            (partial_date(p.text) for p in front[:25] if len(p.text) <= 120 and partial_date(p.text)), None
        )
    fallback = partial_date(meta["date"]) if meta.get("date") else None
    result.date = explicit or from_text or fallback
    return result


# "PESHAWAR, Sept 16, 2023 — Pakistan reopened …": a place and the day the report was filed open its first
# paragraph; "By Ayaz Gul | February 20, 2023" a byline. The date of the document, not an event's.
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’ -]{1,40},\s+|(?i:by)\s+[^|\n]{2,60}\|\s*)(?P<date>[^—–\n]{6,30}?)\s*(?:[—–|-]|$)"
)


# "Published 12 March 2024", "Published on 12 March 2024 · 4 min read", "Posted: March 2024": the
# publication date, whatever follows it on the line.
_PUBLISHED = re.compile(r"^(?i:published|posted|first published)(?:\s+(?i:on))?\s*:?\s+(?P<date>[^|·•\n]{4,40})")


def _dateline(front: list[Para]) -> str | None:
    for para in front:
        m = _DATELINE.match(_line(para))
        found = partial_date(m.group("date")) if m else None
        if found and len(found) == 10:  # a dateline gives the day
            return found
    return None


def _published(front: list[Para]) -> str | None:
    for para in front:
        m = _PUBLISHED.match(_line(para))
        found = partial_date(m.group("date")) if m else None
        if found:
            return found
    return None


def _dated_line(para: Para) -> bool:
    """A dateline or a byline with a date ("ISLAMABAD, Nov 3 (Reuters) –", "By X | 3 Nov 2023", "Published
    12 March 2024"): it dates the document; it is not its title."""
    text = _line(para)
    if _PUBLISHED.match(text):
        return True
    m = _DATELINE.match(text)
    return bool(m and _DAY_AND_MONTH.search(m.group("date")))  # "Kabul, 20 years on" is a title


_DAY_AND_MONTH = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{_MONTH}(?:\s|,|$)", re.I)


def _line(para: Para) -> str:
    return " ".join(para.text.split())


def _title_like(para: Para) -> bool:
    text = para.text.strip()
    short = "\n" not in text and 3 <= len(text) <= 150
    return short and not text.endswith((".", ",", ";")) and text[:1].isalpha() and not _dated_line(para)


def _labelled(front: list[Para], label: str) -> str | None:
    """The value after a label: "Author: X" on one line, or a paragraph "Author" followed by "X"."""
    for i, para in enumerate(front):
        text = _line(para)
        inline = re.match(rf"^(?:{label})\s*:\s*(.{{2,120}})$", text, re.I)
        if inline:
            return inline.group(1).strip()
        if re.fullmatch(label, text, re.I) and i + 1 < len(front) and len(front[i + 1].text) <= 120:
            return _line(front[i + 1])
        by = re.match(r"^by\s+([A-Z].{1,80})$", text)
        if by and label.startswith("author"):
            return by.group(1).strip()
    return None


def _name_under_title(front: list[Para], title: str | None) -> str | None:
    """A personal name right under the title: 2–4 capitalised words, initials and particles allowed."""
    if not title:
        return None
    for i, para in enumerate(front[:6]):
        if _line(para) == title and i + 1 < len(front):
            words = _line(front[i + 1]).split()
            if 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words) and words[0][:1].isupper():
                return " ".join(words)
    return None
