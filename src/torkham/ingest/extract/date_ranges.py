"""Two dates that make one range ("between 1 January and 18 May 2017", "from 2020 to 2022", "between FY 2002
and FY 2005") are one date expression, dated by its first and covering both; a year that opens a
document number ("PRN: 2009/1078", "S/2023/95") is no date."""

from __future__ import annotations

import dataclasses
import re

from torkham.ingest.extract.date_forms import DateMention

_OPENS_RANGE = re.compile(r"\b(?i:between|from)\s+(?:FY\s*|(?i:fiscal\s+year)\s+)?$")
_JOINS_RANGE = re.compile(r"\s+(?:and|to|through|till|until)\s+(?:FY\s*|(?i:fiscal\s+year)\s+)?|\s*[-–—]\s*", re.I)
_NUMBER_AFTER = re.compile(r"/\d{3,}")  # "2009/1078": a serial number after the year
_NUMBER_BEFORE = re.compile(r"[A-Za-z0-9]/$")  # "S/2023/95", "A/RES/2019"


def document_number(text: str, mention: DateMention) -> bool:
    """'PRN: 2009/1078', 'S/2023/95': a year inside a document's number."""
    if mention.date.precision != "year" or mention.period is not None:
        return False
    return bool(
        _NUMBER_AFTER.match(text, mention.end) or _NUMBER_BEFORE.search(text, max(0, mention.start - 2), mention.start)
    )


def joined_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions with each range written as two dates ('between … and …', 'from … to …') made one."""
    out: list[DateMention] = []
    for mention in mentions:
        previous = _in_year_of(out[-1], mention) if out else None
        if previous is not None and _one_range(text, previous, mention):
            first, last = previous.first, mention.first
            out[-1] = dataclasses.replace(
                previous,
                date=first,
                end=mention.end,
                text=text[previous.start : mention.end],
                period=(first, last),
                notes=[*previous.notes, *mention.notes, f"a period: {first} to {last}"],
            )
            continue
        out.append(mention)
    return out


def _in_year_of(first: DateMention, second: DateMention) -> DateMention:
    """'between 3 February and 20 April 2019': a first date without its year takes the year of the second."""
    if first.explicit_year or not second.explicit_year or first.period is not None or first.relative is not None:
        return first
    note = f"year taken from the end of its range, {second.text!r}"
    return dataclasses.replace(first, date=dataclasses.replace(first.date, year=second.first.year), notes=[note])


def _one_range(text: str, first: DateMention, second: DateMention) -> bool:
    if first.period is not None or second.period is not None or second.relative is not None:
        return False
    if first.first.first_day >= second.first.first_day:
        return False
    opened = _OPENS_RANGE.search(text, max(0, first.start - 20), first.start)
    return opened is not None and _JOINS_RANGE.fullmatch(text, first.end, second.start) is not None
