"""Figures beyond "number + count noun" (figures.py): shares in per cent ("90% of returnees", "a 29%
increase"), amounts of money in pounds, rupees and afghanis ("£2.5 million", "Rs 500", "Afs 1,000"), a
zero said in words ("not a single confirmed attack"), one said as "a single" (figure_plurals), and numbers without a count noun after them that
take the noun their sentence gives (figure_bare). Word lists: figure_words.yaml (figure_vocab)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.figure_bare import bare_figures
from torkham.ingest.extract.figure_counters import number
from torkham.ingest.extract.figure_plurals import fraction_figures, single_figures
from torkham.ingest.extract.figure_ratios import funding_figures
from torkham.ingest.extract.figure_shares import share_figures
from torkham.ingest.extract.figure_vocab import NUMERIC, alternation, extra_units, figure_record, figure_words
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

__all__ = ["extra_units", "figure_words", "more_figures"]

Taken = Callable[[int, int], bool]


def overlap_test(spans: list[tuple[int, int]]) -> Taken:
    """Whether (start, end) overlaps one of `spans`, in logarithmic time: of the spans that begin before `end`,
    the one reaching furthest must end after `start`."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max, initial=-1))

    def taken(start: int, end: int) -> bool:
        return reach[bisect_left(starts, end)] > start

    return taken


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words, more = default_words(), figure_words()
    scale = "|".join(sorted(words.scales, key=len, reverse=True))
    qualifier = alternation(list(words.qualifiers))
    amount = rf"(?P<num>{NUMERIC})(?:\s*(?P<scale>(?i:{scale}))\b)?"
    before = alternation([f for unit, (b, _a) in more.currencies.items() if unit != "us_dollar" for f in b])
    after = alternation([f for unit, (_b, a) in more.currencies.items() if unit != "us_dollar" for f in a])
    nouns = alternation(list({**words.unit_of_noun, **extra_units()}))
    return {
        "percent": re.compile(
            rf"(?:(?P<q>\b(?i:{qualifier}))\s+)?(?<![\w.,])(?P<num>{NUMERIC})\s?(?:%|(?i:per\s?cent)\b)"
        ),
        "money_before": re.compile(rf"(?<![\w.,])(?P<cur>{before})\s?{amount}(?![\w/]|[.,]\d)"),
        "money_after": re.compile(
            rf"(?<![\w.,])(?P<num>{NUMERIC})(?:\s*(?P<scale>(?i:{scale})))?\s+(?P<cur>{after})\b"
        ),
        "zero": re.compile(
            rf"\b(?P<zero>(?i:{alternation(more.zero_phrases)}))\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>(?i:{nouns}))\b"
        ),
    }


def more_figures(doc: Document, regions: Regions, taken: Taken) -> list[Proposal]:
    """Percentages, money, zeros in words and bare numbers, where no other figure or date lies."""
    found: list[Proposal] = []

    def free(start: int, end: int) -> bool:
        return not taken(start, end) and not any(p.start < end and start < p.end for p in found)

    for make in (
        _percents,
        _money,
        funding_figures,
        _zeros,
        single_figures,
        share_figures,
        fraction_figures,
        bare_figures,
    ):
        for proposal in make(doc, regions):
            if free(proposal.start, proposal.end):
                found.append(proposal)
    return found


def _percents(doc: Document, regions: Regions) -> list[Proposal]:
    out = []
    text, qualifiers = doc.text, default_words().qualifiers
    for m in _patterns()["percent"].finditer(text):
        of = re.match(
            r"\s+(of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+|increase|decrease|rise|drop|fall)\b", text[m.end() :]
        )
        end = m.end() + (of.end() if of else 0)
        counts = of.group(1) if of else "share (what of: read the sentence)"
        record = figure_record(number(m.group("num")), text[m.start() : m.end()], "percent", counts, regions, m.start())
        if m.group("q"):
            record["qualifier"] = qualifiers.get(" ".join(m.group("q").lower().split()), "exact")
        out.append(propose(doc, "figure", record, m.start(), end))
    return out


def _money(doc: Document, regions: Regions) -> list[Proposal]:
    out = []
    words, more = default_words(), figure_words()
    unit_of = {f.lower(): u for u, (before, after) in more.currencies.items() for f in [*before, *after]}
    for key in ("money_before", "money_after"):
        for m in _patterns()[key].finditer(doc.text):
            scale = m.group("scale")
            value = number(m.group("num")) * (words.scales[scale.lower()] if scale else 1)
            unit = unit_of[m.group("cur").lower()]
            counts = more.currencies[unit][1][0]
            record = figure_record(value, m.group(), unit, counts, regions, m.start())
            out.append(
                propose(doc, "figure", record, m.start(), m.end(), ["what the amount pays for: read the sentence"])
            )
    return out


def _zeros(doc: Document, regions: Regions) -> list[Proposal]:
    out = []
    nouns = {**default_words().unit_of_noun, **extra_units()}
    for m in _patterns()["zero"].finditer(doc.text):
        unit = nouns.get(m.group("noun").lower(), "person")
        counts = " ".join(doc.text[m.end("zero") : m.end()].split())
        record = figure_record(0, m.group(), unit, counts, regions, m.start())
        out.append(propose(doc, "figure", record, m.start(), m.end(), ["a zero said in words"]))
    return out
