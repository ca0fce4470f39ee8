"""Figures that are not "number + unit noun": the counters of embedded social-media posts ("Q 169 170
♥ 315 33", "19.2K Views") and spans of time given in words only ("for decades", "for years")."""

from __future__ import annotations

import re

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, is_counter_line, propose
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal


def number(text: str) -> float:
    return float(text.replace(",", ""))  # "6,00,000" (South-Asian grouping) and "600,000" alike


def clean(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


_COUNTER = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)([KkMm])?(?![\w\]])")  # "1]" is a repost icon


def counter_figures(doc: Document) -> list[Proposal]:
    """Every number of a line of social-media counters ("Q 169 170 ♥ 315 33") and "19.2K Views"."""
    proposals: list[Proposal] = []
    for line in re.finditer(r"[^\n]+(?:\n[^\n]+)*", doc.text):  # a paragraph: counters may be one a line
        if _PHONE.search(line.group()):
            continue  # "Tel: +92 51 111 222": a telephone number, not counters
        counters_from = line.start() if is_counter_line(line.group()) else _counters_after_stamp(line)
        for m in _COUNTER.finditer(doc.text, line.start(), line.end()):
            counters = counters_from is not None and m.start() >= counters_from
            views = re.match(r"\**\s*(views|likes|reposts|retweets)\b", doc.text[m.end() : m.end() + 12], re.I)
            if not counters and not views:
                continue
            value = number(m.group(1)) * ({"k": 1000, "m": 1000000}.get((m.group(2) or "").lower(), 1))
            end = m.end() + (views.end() if views else 0)
            record = {
                "value": clean(value),
                "value_text": doc.text[m.start() : end].replace("*", ""),
                "qualifier": "approximately" if m.group(2) else "exact",
                "unit": "interaction",
                "counts": "views of the post"
                if views
                else "social-media counter of the post (replies, reposts, likes)",
                "context": "tweet",
            }
            proposals.append(propose(doc, "figure", record, m.start(), end))
    return proposals


_PHONE = re.compile(r"\b(?i:tel|telephone|phone|fax|mobile|cell|whatsapp)\b\.?\s*:|(?<![\w+])\+\d{1,3}[\s-]?\(?\d")
_STAMP = re.compile(r"\d{1,2}:\d{2}\s*[AP]M\b.*?(?:19|20)\d{2}")


def _counters_after_stamp(line: re.Match) -> int | None:
    """'12:40 PM · Jan 11, 2022 Q 3 1] 4 ♥ 19 2': the counters after a post's time stamp, on its line."""
    stamp = _STAMP.search(line.group())
    if stamp and is_counter_line(line.group()[stamp.end() :]):
        return line.start() + stamp.end()
    return None


_BARE = re.compile(r"\b(?:(?i:for)\s+(?:decades|years)|decades)\b")


def bare_time_spans(doc: Document, regions: Regions, taken: set[tuple[int, int]]) -> list[Proposal]:
    """'for decades', 'following decades of war', 'for years': a span of time given in words only."""
    proposals = []
    for m in _BARE.finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in taken) or _previous_word_is_amount(doc.text, m.start()):
            continue
        record = {
            "value": None,
            "value_text": m.group(),
            "qualifier": "vague",
            "unit": "decade" if m.group().lower().endswith("decades") else "year",
            "counts": m.group().split()[-1],
            "context": regions.context(m.start()),
        }
        proposals.append(propose(doc, "figure", record, m.start(), m.end()))
    return proposals


def _previous_word_is_amount(text: str, position: int) -> bool:
    words = default_words()
    previous = re.search(r"([\w,.-]+)\s*$", text[max(0, position - 30) : position])
    if not previous:
        return False
    word = previous.group(1).lower().strip("-")
    known = set(words.number_words) | set(words.scales) | {"several", "multiple", "numerous", "few", "many"}
    return bool(re.fullmatch(r"[\d,.]+", word)) or word in known
