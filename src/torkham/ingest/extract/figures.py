"""Figures: a number (or an amount in words) with the unit it counts.

"nearly 2.2 million registered Afghans" → 2200000 person, nearly · "45 attacks in December 2021" → 45
attack, period 2021-12 · "6,00,000" (South-Asian grouping) and "6 lakh" → 600000 · "two hundred" → 200 ·
"200-300 members" → a range · "several hundred militants" → kept as text, value null, vague ·
"1.4 Afghans" → flagged: a count of people that is not a whole number looks like a lost "million".
A number is only proposed when a unit noun follows it closely; dates, citations and addresses are not figures."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.casualties import Casualty
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.figure_compelled import people_counted
from torkham.ingest.extract.figure_counters import bare_time_spans, clean, counter_figures, number
from torkham.ingest.extract.figure_filters import an_age, modifies_compound, names_not_counts, range_end_days
from torkham.ingest.extract.figure_more import more_figures, overlap_test
from torkham.ingest.extract.figure_ratios import parts_of_wholes, range_ends, ratio_figures, ratios_spans
from torkham.ingest.extract.figure_vocab import extra_units
from torkham.ingest.extract.unit_nouns import SPANS_OF_TIME, counted_unit
from torkham.ingest.extract.words import Words, default_words
from torkham.ingest.proposal import Proposal

WHOLE_UNITS = {"person", "attack", "group", "faction", "country", "province", "district", "conflict", "report", "round"}
_RELATIVE_AFTER = re.compile(r"\s+(?:later|earlier|ago)\b", re.I)
_NUMERIC = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DECIMAL_COMMA = r"\d{1,3},\d(?=\s*(?i:million|billion)\b)"  # "1,3 million registered refugees": 1.3 million
# Not inside a word or a number; but glued to an infobox label ("Size4,000–6,000") or after "c." ("c.3.1 million").
_BEFORE_AMOUNT = r"(?:(?<![\w.,/])|(?<=Size)|(?<=Strength)|(?<=\bc\.)|(?<=\bca\.))"
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*[-–]\s*\d\d")
_CIRCA = re.compile(r"\b(?:c|ca|circa)\.?\s*$", re.I)


@dataclass
class Amount:
    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    vague: bool = False
    scaled: bool = False  # carried a scale word (million, lakh, K)
    unit: str | None = None  # said by the amount itself ("$1.5 million")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = default_words()
    scale = "|".join(sorted(words.scales, key=len, reverse=True))
    number_word = "|".join(sorted(words.number_words, key=len, reverse=True))
    vague = "|".join(re.escape(v) for v in sorted(words.vague_amounts, key=len, reverse=True))
    qualifiers = "|".join(re.escape(q) for q in sorted(words.qualifiers, key=len, reverse=True))
    return {
        "vague": re.compile(rf"\b(?i:{vague})\b"),
        # "200-300 members", "between one and 1.5 million returnees" (the scale of the high end is the low's too)
        "range": re.compile(
            rf"{_BEFORE_AMOUNT}(?:(?i:between)\s+(?P<low2>{_NUMERIC}|(?i:{number_word}))\s+and\s+(?P<high2>{_NUMERIC})|"
            rf"(?P<low>{_NUMERIC})\s*(?:-|–|to)\s*(?P<high>{_NUMERIC}))(?:\s*(?P<scale>(?i:{scale}))\b)?(?![\w,/]|\.\d)"
        ),
        "dollars": re.compile(
            rf"(?<![\w.,/])(?:US\s?\$|\$|USD\s?)\s?(?P<num>{_NUMERIC})(?:\s*(?P<scale>(?i:{scale}))\b)?(?![\w/]|[.,]\d)"
        ),
        "numeric": re.compile(
            rf"{_BEFORE_AMOUNT.replace('/]', '/$]')}(?P<num>{_DECIMAL_COMMA}|{_NUMERIC})"
            rf"(?:\s*(?P<scale>(?i:{scale}))\b|(?P<k>[Kk])\b)?(?![\w/]|[.,]\d)"
        ),
        "words": re.compile(  # "twenty-seven million", "two hundred and fifty", "thirty-thousand"
            rf"\b(?P<head>(?i:half\s+a|a|an|(?:{number_word})(?:[\s-]+(?:{number_word}|(?:{scale})\b"
            rf"(?:\s+and(?=\s+(?:{number_word})\b))?))*))"
            rf"(?:[\s-]+(?P<scale>(?i:{scale})))?\b"
        ),
        "qualifier": re.compile(rf"\b(?i:{qualifiers})\s*$"),
    }


def _words_value(head: str, scale: str | None, words: Words) -> float | None:
    head = head.lower()
    if head.startswith("half"):
        return 0.5 * words.scales[scale.lower()] if scale else None
    if head in ("a", "an"):
        return float(words.scales[scale.lower()]) if scale else None
    return float(compound_value([*re.split(r"[\s-]+|\s+and\s+", head), *([scale.lower()] if scale else [])], words))


def compound_value(parts: list[str], words: Words) -> int:
    """'two hundred and fifty thousand' -> 250000: a hundred multiplies what precedes it, a larger scale
    closes a group."""
    total = current = 0
    for part in parts:
        if part in words.number_words:
            current += words.number_words[part]
        elif part in words.scales and words.scales[part] < 1000:
            current = (current or 1) * words.scales[part]
        elif part in words.scales:
            total += (current or 1) * words.scales[part]
            current = 0
    return total + current


def _amounts(text: str, words: Words) -> list[Amount]:
    """Every amount in the text, longest first where two overlap."""
    patterns = _patterns()
    found: list[Amount] = []
    for m in patterns["vague"].finditer(text):
        found.append(Amount(m.start(), m.end(), None, vague=True))
    for m in patterns["range"].finditer(text):
        low, high = m.group("low") or m.group("low2"), m.group("high") or m.group("high2")
        times = words.scales[m.group("scale").lower()] if m.group("scale") else 1
        low_value = number(low) if low[0].isdigit() else float(words.number_words[low.lower()])
        ends = range_ends(low_value, number(high), times, bool(_YEAR_SPAN.fullmatch(m.group())))
        if ends is None:
            continue  # "Section 302 to 10 years": two numbers, not a range ("2023-24" is a span of years)
        found.append(Amount(m.start(), m.end(), None, *ends, scaled=times != 1))
    for m in patterns["dollars"].finditer(text):
        value = number(m.group("num")) * (words.scales[m.group("scale").lower()] if m.group("scale") else 1)
        found.append(Amount(m.start(), m.end(), value, scaled=bool(m.group("scale")), unit="us_dollar"))
    for m in patterns["numeric"].finditer(text):
        scale = m.group("scale") or m.group("k")
        raw = m.group("num").replace(",", ".") if re.fullmatch(r"\d{1,3},\d", m.group("num")) else m.group("num")
        value = number(raw) * (words.scales[scale.lower()] if scale else 1)
        found.append(Amount(m.start(), m.end(), value, scaled=bool(scale)))
    for m in patterns["words"].finditer(text):
        said = _words_value(m.group("head"), m.group("scale"), words)
        if said is not None:
            scaled = bool(m.group("scale")) or any(
                w in words.scales for w in re.split(r"[\s-]+", m.group("head").lower())
            )
            found.append(Amount(m.start(), m.end(), said, scaled=scaled))
        elif m.group("head").lower() in ("a", "an"):
            found.append(Amount(m.start(), m.end(), 1.0))  # "a decade": only kept after a qualifier
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[Amount] = []
    for amount in found:
        if kept and amount.start < kept[-1].end:
            continue
        kept.append(amount)
    return kept


def find_figures(
    doc: Document, regions: Regions, dates: list[DateMention], skip: list[tuple[int, int]]
) -> list[Proposal]:
    words = default_words()
    text = doc.text
    amounts = _amounts(text, words)
    named = [(a.start, a.end) for a in amounts if names_not_counts(text, a.start, a.end)] + range_end_days(text, dates)
    ratios = ratio_figures(doc, regions)
    blocked = sorted(
        [(d.start, d.end) for d in dates if "month" not in d.text] + list(skip) + named + ratios_spans(ratios)
    )
    starts = [s for s, _ in blocked]
    proposals: list[Proposal] = []
    for amount in amounts:
        i = bisect_left(starts, amount.end)
        if any(s < amount.end and amount.start < e for s, e in blocked[max(0, i - 3) : i]):
            continue
        proposal = _figure(doc, regions, dates, amount, words)
        if proposal:
            proposals.append(proposal)
    proposals.extend([*ratios, *counter_figures(doc)])
    proposals.extend(bare_time_spans(doc, regions, {(p.start, p.end) for p in proposals}))
    taken = overlap_test([*blocked, *((p.start, p.end) for p in proposals)])
    proposals.extend(more_figures(doc, regions, taken))
    proposals.extend(parts_of_wholes(doc, regions, proposals))
    return sorted(proposals, key=lambda p: p.start)


def _figure(doc: Document, regions: Regions, dates: list[DateMention], amount: Amount, words: Words) -> Proposal | None:
    text = doc.text
    plus = amount.value is not None and text.startswith("+", amount.end)  # "5,000+ fighters": at least 5,000
    amount = replace(amount, end=amount.end + 1) if plus else amount
    qualifier_match = _patterns()["qualifier"].search(text, max(0, amount.start - 20), amount.start) or _CIRCA.search(
        text, max(0, amount.start - 8), amount.start
    )
    unit = (amount.unit, amount.start, amount.end) if amount.unit else None
    unit = unit or counted_unit(text, amount.start, amount.end, None if amount.vague else amount.value, words)
    if not amount.vague and _names_before(text, amount) and unit is None:
        return None  # "the two were …": a count noun names the set ("the two countries" is a figure of 2)
    casualty: Casualty | None = None
    if unit is None:
        before = qualifier_match.start() if qualifier_match else amount.start
        casualty = people_counted(text, before, amount.end) or _size_field(text, before)
        if casualty is None or _is_article(text, amount):
            return None
        unit = (
            ("person", casualty.start, casualty.end)
            if casualty.start > amount.start
            else ("person", amount.end, amount.end)
        )
    unit_term, noun_start, noun_end = unit
    if (not amount.unit and modifies_compound(text, amount.end, noun_start)) or an_age(text, noun_end):
        return None  # "the twin-tower attacks": the number counts the towers; "60 years old": an age
    if unit_term in SPANS_OF_TIME and _RELATIVE_AFTER.match(text, noun_end) and not qualifier_match:
        return None  # 'two days later' only dates something ('more than a decade later' says how long)
    if unit_term == "interaction":
        return None  # counters are read by _counter_figures
    if _is_article(text, amount) and (not qualifier_match or unit_term not in SPANS_OF_TIME):
        return None
    start = qualifier_match.start() if qualifier_match else amount.start
    record: dict = {"value": None, "value_text": " ".join(text[start : amount.end].split()), "qualifier": "exact"}
    if qualifier_match:
        said = " ".join(qualifier_match.group().lower().split())
        record["qualifier"] = words.qualifiers.get(said, "approximately")  # "c.": circa
    elif plus:
        record["qualifier"] = "at_least"
    notes: list[str] = []
    if amount.vague:
        record["value_text"] = " ".join(text[start:noun_end].split())
        record["qualifier"] = "vague"
    elif amount.low is not None and amount.high is not None:  # a range has both ends
        if record["qualifier"] != "exact":
            notes.append(f"'{qualifier_match.group().strip()}' qualifies the range")  # type: ignore[union-attr]
        record.update(qualifier="range", low=clean(amount.low), high=clean(amount.high))
    else:
        record["value"] = clean(amount.value)  # type: ignore[arg-type]
        if unit_term in WHOLE_UNITS and amount.value != int(amount.value) and not amount.scaled:  # type: ignore[arg-type]
            notes.append(_scale_missing(text, amount, record, noun_start, noun_end))
    record["unit"] = unit_term
    counts_end, period = _counted_period(text, noun_end, dates)
    record["counts"] = " ".join(text[noun_start if amount.vague else amount.end : counts_end].split()).strip(" -*")
    if casualty is not None:
        joined = ", " if casualty.counts.startswith("counted by") else " "
        record["counts"] = f"people{joined}{casualty.counts}"
    elif amount.unit:
        record["counts"] = "US dollars"
        notes.append("what the amount counts is not said next to it; read the sentence")
    if period:
        record["period"] = period
    record["context"] = regions.context(amount.start)
    return propose(doc, "figure", record, start, noun_end, notes)


_SIZE_LABEL = re.compile(
    r"(?:^|\n)[ \t]*(?P<label>Size|Strength|Membership|Members|Personnel|(?:Total\s+)?[Pp]opulation)[ \t]*:?[ \t]*\n?[ \t]*$"
)
_REFERENCE = re.compile(r"\b(?:the|these|those|both)\s+$", re.I)
_REFERENCE_WORD = re.compile(r"(?!(?i:twin)\b)[A-Za-z]")  # "the twin bombings" are two, not named before
_SCALED_BEFORE = re.compile(r"\d[\d,.]*\s*(?P<scale>million|billion|lakh|crore)\b[^.;!?\n]{0,150}$", re.I)


def _names_before(text: str, amount: Amount) -> bool:
    return bool(
        _REFERENCE.search(text, max(0, amount.start - 8), amount.start) and _REFERENCE_WORD.match(text, amount.start)
    )


def _scale_missing(text: str, amount: Amount, record: dict, noun_start: int, noun_end: int) -> str:
    """'nearly 2.3 million documented Afghan nationals, including 1.4 legal refugees': a count of people that
    is not whole takes the scale of the figure before it in its sentence; with none, a note says so."""
    before = _SCALED_BEFORE.search(text, max(0, amount.start - 200), amount.start)
    written = text[amount.start : amount.end]
    if before is None:
        return (
            f"unit looks missing: '{text[amount.start : noun_end]}' is not a whole number of {text[noun_start:noun_end]}; "
            f"perhaps '{written} million'"
        )
    scale = before.group("scale").lower()
    record["value"] = clean(float(record["value"]) * default_words().scales[scale])
    return f"'{written}' is not a whole number: read as '{written} {scale}', the scale of the figure before it"


def _size_field(text: str, start: int) -> Casualty | None:
    """'Size 25,000 in 2014': the size field of an infobox counts people (its members); so does a field
    labelled with a count noun of people ('Fighters: 4,000', 'Refugees: 1.3 million')."""
    m = _SIZE_LABEL.search(text, max(0, start - 30), start) or _PEOPLE_LABEL.search(text, max(0, start - 30), start)
    if m is None or (m.re is _PEOPLE_LABEL and _people_nouns().get(m.group("label").lower()) != "person"):
        return None
    return Casualty(f"counted by the field '{m.group('label')}'", m.start("label"), m.end("label"))


_PEOPLE_LABEL = re.compile(r"(?:^|\n)[ \t]*(?P<label>[A-Z][a-z]+)[ \t]*:[ \t]*$")


@lru_cache(maxsize=1)
def _people_nouns() -> dict[str, str]:
    return {**extra_units(), **default_words().unit_of_noun}


def _is_article(text: str, amount: Amount) -> bool:
    return amount.value == 1.0 and text[amount.start : amount.end].lower() in ("a", "an")


def _counted_period(text: str, position: int, dates: list[DateMention]) -> tuple[int, dict | None]:
    """'45 attacks in December 2021': the date right after the unit noun dates what is counted."""
    m = re.match(r"\s+(?:in|during|since|through|over)\s+", text[position : position + 20])
    if not m:
        return position, None
    for d in dates:
        if d.start == position + m.end():
            first, last = d.first, d.last or d.first
            period = {"from": first.iso(), "to": last.iso()} if d.last or not d.approximate else {"as_of": first.iso()}
            return d.end, period
    return position, None
