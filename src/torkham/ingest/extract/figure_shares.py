"""Shares and counts written in a shape the amount-then-noun reading misses (figure_words.yaml):

- "two out of three people" is a share in per cent (66.7), as the annotations give it ("one in five" stays a
  proportion, 0.2, as they give that);
- a qualified half of a whole, "Approximately half of all Pakistani Taliban factions", is 50 per cent with its
  qualifier (a bare "half of the displaced families" stays a proportion, figure_plurals.py);
- a count noun before its amount, "an earlier toll of eight", counts what the noun counts (8 people)."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.figure_vocab import FIGURE_WORDS_FILE, figure_record
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.model.yamlfile import load_yaml, word_list


def _alternation(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, str], list[str]]:
    data = load_yaml(FIGURE_WORDS_FILE) or {}
    return dict(data.get("nouns_before_amount") or {}), word_list(data, "share_qualifiers", FIGURE_WORDS_FILE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    nouns, qualifiers = _lists()
    small = _alternation([w for w, v in default_words().number_words.items() if v >= 1])
    half = re.compile(
        rf"\b(?P<q>(?i:{_alternation(qualifiers)}))\s+half\s+of\s+(?:the|all|its|their|these|those)\s+"
        r"(?P<tail>(?:[\w’'-]+\s+){0,3}?[a-z][a-z-]*s)\b"
    )
    toll = re.compile(
        rf"\b(?P<noun>(?i:{_alternation(list(nouns))}))\s+of\s+(?P<n>(?i:{small})|\d{{1,3}}(?:,\d{{3}})*)\b"
        r"(?!\s+(?:[a-z-]+\s+){0,2}?(?:people|persons|dead|killed|civilians|soldiers|deaths))(?![\w,.]\d)"
    )
    return half, toll


def out_of_share(a: int, b: int) -> float:
    """'two out of three': the share in per cent, to a tenth."""
    return round(100 * a / b, 1)


def share_figures(doc: Document, regions: Regions) -> list[Proposal]:
    """A qualified half of a whole (50 per cent) and a count after its noun ('an earlier toll of eight')."""
    half, toll = _patterns()
    qualifiers, nouns = default_words().qualifiers, _lists()[0]
    out = []
    for m in half.finditer(doc.text):
        record = figure_record(50, doc.text[m.start() : m.end("q") + 5], "percent", m.group("tail"), regions, m.start())
        record["qualifier"] = qualifiers.get(" ".join(m.group("q").lower().split()), "approximately")
        out.append(propose(doc, "figure", record, m.start(), m.end(), ["a share said as a qualified half"]))
    for m in toll.finditer(doc.text):
        written = m.group("n").lower()
        value = int(written.replace(",", "")) if written[0].isdigit() else default_words().number_words[written]
        noun = " ".join(m.group("noun").lower().split())
        record = figure_record(value, m.group(), nouns[noun], noun, regions, m.start())
        out.append(propose(doc, "figure", record, m.start(), m.end(), [f"the count noun '{noun}' before its amount"]))
    return out
