"""Figures beyond "number + count noun" (figures.py): shares in per cent ("90% of returnees", "a 29%
increase"), amounts of money in pounds, rupees and afghanis ("£2.5 million", "Rs 500", "Afs 1,000"), a
zero said in words ("not a single confirmed attack"), and numbers without a count noun after them that
take the noun their sentence gives ("just over 1,100 were in Pakistan", "at 4,000 for the latter part of
2021", "(364)"). Word lists: figure_words.yaml."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.figure_counters import clean, number
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.model.yamlfile import load_yaml

FIGURE_WORDS_FILE = Path(__file__).with_name("figure_words.yaml")
NUMERIC = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SENTENCE_REACH = 300  # characters either side of a bare number searched for the noun it counts
Taken = Callable[[int, int], bool]


@dataclass(frozen=True)
class FigureWords:
    units: dict[str, str]  # noun -> unit term
    currencies: dict[str, tuple[list[str], list[str]]]  # unit -> (before, after)
    zero_phrases: list[str]
    bare_after: list[str]
    bare_before: list[str]


@lru_cache(maxsize=1)
def figure_words() -> FigureWords:
    data = load_yaml(FIGURE_WORDS_FILE)
    units = {str(noun): str(unit) for unit, nouns in data["units"].items() for noun in nouns}
    currencies = {str(u): (list(c.get("before", [])), list(c.get("after", []))) for u, c in data["currencies"].items()}
    return FigureWords(
        units, currencies, list(data["zero_phrases"]), list(data["bare_after"]), list(data["bare_before"])
    )


def extra_units() -> dict[str, str]:
    """Count nouns of figure_words.yaml (wordlists.yaml's units come first where both name a noun)."""
    return {noun: unit for noun, unit in figure_words().units.items() if noun != "%"}


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words, more = default_words(), figure_words()
    scale = "|".join(sorted(words.scales, key=len, reverse=True))
    qualifier = _alternation(list(words.qualifiers))
    amount = rf"(?P<num>{NUMERIC})(?:\s*(?P<scale>(?i:{scale}))\b)?"
    before = _alternation([f for unit, (b, _a) in more.currencies.items() if unit != "us_dollar" for f in b])
    after = _alternation([f for unit, (_b, a) in more.currencies.items() if unit != "us_dollar" for f in a])
    nouns = _alternation(list({**words.unit_of_noun, **extra_units()}))
    return {
        "percent": re.compile(
            rf"(?:(?P<q>\b(?i:{qualifier}))\s+)?(?<![\w.,])(?P<num>{NUMERIC})\s?(?:%|(?i:per\s?cent)\b)"
        ),
        "money_before": re.compile(rf"(?<![\w.,])(?P<cur>{before})\s?{amount}(?![\w/]|[.,]\d)"),
        "money_after": re.compile(
            rf"(?<![\w.,])(?P<num>{NUMERIC})(?:\s*(?P<scale>(?i:{scale})))?\s+(?P<cur>{after})\b"
        ),
        "zero": re.compile(
            rf"\b(?P<zero>(?i:{_alternation(more.zero_phrases)}))\s+(?:[a-z-]+\s+){{0,2}}?(?P<noun>(?i:{nouns}))\b"
        ),
        "bare": re.compile(rf"(?<![\w.,/$£%-]){amount}(?![\w/%]|[.,]\d|\s*[-–]\s*\d)"),
    }


def more_figures(doc: Document, regions: Regions, taken: Taken) -> list[Proposal]:
    """Percentages, money, zeros in words and bare numbers, where no other figure or date lies."""
    found: list[Proposal] = []

    def free(start: int, end: int) -> bool:
        return not taken(start, end) and not any(p.start < end and start < p.end for p in found)

    for make in (_percents, _money, _zeros, _bare):
        for proposal in make(doc, regions):
            if free(proposal.start, proposal.end):
                found.append(proposal)
    return found


def _record(value: float | None, text: str, unit: str, counts: str, regions: Regions, start: int) -> dict:
    return {"value": None if value is None else clean(value), "value_text": " ".join(text.split()),
            "qualifier": "exact", "unit": unit, "counts": counts, "context": regions.context(start)}  # fmt: skip


def _percents(doc: Document, regions: Regions) -> list[Proposal]:
    out = []
    text, qualifiers = doc.text, default_words().qualifiers
    for m in _patterns()["percent"].finditer(text):
        of = re.match(
            r"\s+(of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+|increase|decrease|rise|drop|fall)\b", text[m.end() :]
        )
        end = m.end() + (of.end() if of else 0)
        counts = of.group(1) if of else "share (what of: read the sentence)"
        record = _record(number(m.group("num")), text[m.start() : m.end()], "percent", counts, regions, m.start())
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
            record = _record(value, m.group(), unit, counts, regions, m.start())
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
        record = _record(0, m.group(), unit, counts, regions, m.start())
        out.append(propose(doc, "figure", record, m.start(), m.end(), ["a zero said in words"]))
    return out


def _bare(doc: Document, regions: Regions) -> list[Proposal]:
    """A number introduced as a count ("1,100 were in Pakistan", "at 4,000", "(364)") takes the count noun
    nearest to it in its sentence, the one before it first."""
    out = []
    text, more = doc.text, figure_words()
    after = re.compile(rf"\s+(?:{_alternation(more.bare_after)})\b", re.I)
    before = re.compile(
        rf"\b(?:{_alternation(more.bare_before)})\s+(?:(?:just\s+)?(?:over|under|about|some)\s+)?$", re.I
    )
    for m in _patterns()["bare"].finditer(text):
        scale = m.group("scale")
        value = number(m.group("num")) * (default_words().scales[scale.lower()] if scale else 1)
        if _year_like(m.group("num"), value):
            continue
        bracketed = text[m.start() - 1 : m.start()] == "(" and text[m.end() : m.end() + 1] == ")"
        if not (after.match(text, m.end()) or before.search(text, max(0, m.start() - 30), m.start()) or bracketed):
            continue
        noun = _noun_after_verb(text, m.end()) or _sentence_noun(doc, m.start(), m.end())
        if noun is None:
            continue
        unit, word = noun
        record = _record(value, m.group(), unit, word, regions, m.start())
        note = f"no count noun after the number: '{word}' is the noun its sentence gives"
        out.append(propose(doc, "figure", record, m.start(), m.end(), [note]))
    return out


def _noun_after_verb(text: str, end: int) -> tuple[str, str] | None:
    """'595 were spontaneous returnees': the count noun a few words after 'were' counts the number."""
    m = re.match(r"\s+(?:were|was|are|is)((?:\s+[A-Za-z-]+){1,3})", text[end : end + 80])
    nouns = {**default_words().unit_of_noun, **extra_units()}
    for word in m.group(1).split() if m else []:
        unit = nouns.get(word.lower())
        if unit and unit != "percent":
            return unit, word.lower()
    return None


def _year_like(raw: str, value: float) -> bool:
    return "," not in raw and "." not in raw and 1900 <= value <= 2100


def _sentence_noun(doc: Document, start: int, end: int) -> tuple[str, str] | None:
    nouns = {**default_words().unit_of_noun, **extra_units()}
    s_start, s_end = _sentence_bounds(doc.text, start, end)
    best: tuple[int, str, str] | None = None
    for m in re.finditer(r"[A-Za-z][A-Za-z-]*", doc.text[s_start:s_end]):
        unit = nouns.get(m.group().lower())
        if unit is None or unit in ("year", "month", "day", "percent", "interaction"):
            continue
        at = s_start + m.start()
        distance = (start - at) if at < start else (at - end) * 2  # the noun before it first
        if best is None or distance < best[0]:
            best = (distance, unit, m.group().lower())
    return (best[1], best[2]) if best else None


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    window_start = max(0, start - SENTENCE_REACH)
    stops = [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z(])|\n", text[window_start:start])]
    first = window_start + (stops[-1] if stops else 0)
    last = re.search(r"[.!?](?=\s+[A-Z(]|\s*$)|\n", text[end : end + SENTENCE_REACH])
    return first, end + (last.start() if last else min(SENTENCE_REACH, len(text) - end))
