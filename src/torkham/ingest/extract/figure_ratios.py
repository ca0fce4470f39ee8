"""Figures of three more shapes: the ends of a range whose scale word only the high end carries ("between
864,000 and 1.2 million people": the low end is already written in full), a proportion said as "one in
five" ("1 child in 4 across the district", "one in three households": 0.25, 0.33…), and an amount whose
currency a bracket after its label gives ("420 million requested (US$)", the funding lines of appeals and
bulletins). And the part of a whole ("14 of 24 recent suicide bombings"): the part counts what the whole
counts."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.figure_counters import number
from torkham.ingest.extract.figure_shares import out_of_share
from torkham.ingest.extract.figure_vocab import NUMERIC, extra_units, figure_record
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

# After the second number of "one in five": the end of a clause, or a word that does not begin a noun
# phrase ("1 person in 5 across the region", "one in four is a returnee").
_RATIO_AFTER = r"(?=\s*(?:[.,;:)]|$)|\s+(?:across|among|of|in|is|are|was|were|has|have|had|said|says|lives|live)\b)"


def range_ends(low: float, high: float, times: int, years: bool = False) -> tuple[float, float] | None:
    """The ends of a range written 'low … high <scale>': the scale multiplies both ends ('200-300 thousand'),
    but only the high one when the low one, written in full, already exceeds the unscaled high ('between
    864,000 and 1.2 million'); None when the numbers do not rise (two numbers, not a range), but for a span of
    years written short ('2023-24')."""
    if low <= high or years:
        return low * times, high * times
    if times > 1 and low < high * times:
        return low, high * times
    return None


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    words = default_words()
    small = "|".join(sorted((w for w, v in words.number_words.items() if 1 <= v <= 20), key=len, reverse=True))
    scale = "|".join(sorted(words.scales, key=len, reverse=True))
    part = rf"(?:\d{{1,3}}|(?i:{small}))"
    return {
        # "one in five", "1 person in 5", "one child in every four", "one in three Afghans", "two out of three"
        "ratio": re.compile(
            rf"(?<![\w.,])(?P<a>{part})\s+(?:(?P<noun>[a-z]+)\s+)?(?:in\s+(?:every\s+)?|(?P<out>out)\s+of\s+(?:every\s+)?)(?P<b>{part})\b"
            rf"(?P<tail>{_RATIO_AFTER}|\s+(?P<after>[A-Za-z][\w-]*))"
        ),
        # "420 million requested (US$)", "85 million received (USD)"
        "funding": re.compile(
            rf"(?<![\w.,$])(?P<num>{NUMERIC})(?:\s*(?P<scale>(?i:{scale}))\b)?\s+(?P<label>[A-Za-z]+(?:\s+[A-Za-z]+)?)"
            rf"\s*\((?:US\s?\$|USD|US\s+dollars)\)"
        ),
    }


def ratios_spans(proposals: list[Proposal]) -> list[tuple[int, int]]:
    return [(p.start, p.end) for p in proposals]


def _part(written: str) -> int:
    return int(written) if written.isdigit() else default_words().number_words[written.lower()]


def ratio_figures(doc: Document, regions: Regions) -> list[Proposal]:
    """'1 person in 5', 'one in three Afghans': a proportion, the first number over the second."""
    out = []
    units = default_words().unit_of_noun
    for m in _patterns()["ratio"].finditer(doc.text):
        a, b = _part(m.group("a")), _part(m.group("b"))
        after = m.group("after")
        if not 0 < a < b:
            continue
        if m.group("noun") and after:
            continue  # "3 people in 5 districts": a count and where, not a share
        if after and (after.lower() in default_words().number_words or after.lower() in default_words().scales):
            continue
        if m.group("noun") and m.group("noun") not in units and m.group("noun") not in extra_units():
            continue  # "2 killed in 3": what the first number counts is not said
        if after and after.lower() not in units and not re.fullmatch(r"[A-Za-z]+s", after):
            continue  # "one in three Afghans", "one in four households"; not "one in two minds"
        noun = m.group("noun") or after or "the whole"
        end = m.end("after") if after else m.end("b")
        written = doc.text[m.start() : m.end("b")]
        if m.group("out"):  # "two out of three people": a share in per cent (figure_shares)
            record = figure_record(
                out_of_share(a, b), written, "percent", f"{noun}, {a} out of {b}", regions, m.start()
            )
            out.append(propose(doc, "figure", record, m.start(), end, ["a share: the first number over the second"]))
            continue
        record = figure_record(a / b, written, "proportion", f"{noun}, {a} in {b}", regions, m.start())
        record["value"] = round(a / b, 4)
        out.append(propose(doc, "figure", record, m.start(), end, ["a proportion: the first number over the second"]))
    return out


def funding_figures(doc: Document, regions: Regions) -> list[Proposal]:
    """'420 million requested (US$)': the bracket after the label names the currency."""
    out = []
    scales = default_words().scales
    for m in _patterns()["funding"].finditer(doc.text):
        value = number(m.group("num")) * (scales[m.group("scale").lower()] if m.group("scale") else 1)
        record = figure_record(
            value, doc.text[m.start() : m.end("label")], "us_dollar", "US dollars", regions, m.start()
        )
        label = " ".join(m.group("label").lower().split())
        out.append(propose(doc, "figure", record, m.start(), m.end(), [f"US dollars {label}: read the line"]))
    return out


_PART = re.compile(r"(?<![\w.,])(?P<num>\d[\d,]*)\s+of\s+(?:the\s+)?$")  # "14 of 24 …", "3 of the 12 …"


def parts_of_wholes(doc: Document, regions: Regions, proposals: list[Proposal]) -> list[Proposal]:
    """'14 of 24 recent suicide bombings': the number before 'of' and a counted whole, smaller than it and not
    proposed yet, counts the whole's unit."""
    out = []
    for whole in proposals:
        value, unit = whole.record.get("value"), whole.record.get("unit")
        part = _PART.search(doc.text, max(0, whole.start - 20), whole.start)
        if part is None or value is None or not unit:
            continue
        amount = number(part.group("num"))
        if re.fullmatch(r"(?:19|20)\d\d", part.group("num")):
            continue  # "in 2019 of 5,000 people surveyed": a year
        if not 0 < amount < value or any(p.start < part.end("num") and part.start() < p.end for p in proposals):
            continue
        record = figure_record(amount, part.group("num"), unit, whole.record.get("counts", unit), regions, part.start())
        note = f"a part of the whole '{doc.text[whole.start : whole.end]}': it counts the same"
        out.append(propose(doc, "figure", record, part.start(), part.end("num"), [note]))
    return out
