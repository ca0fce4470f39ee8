"""Dates as reports write them, resolved to partial ISO dates with their precision.

"September 11, 2001" → 2001-09-11 · "mid-August 2021" → 2021-08 (approximate) · "late 2021" → 2021
(approximate) · "the 1980s" → 1980 (approximate, 1980 to 1989) · "first ten months of 2023" → 2023
(2023-01 to 2023-10) · "post-2001" → 2001 (approximate, after it). A date without a year ("September 5",
"late November") takes the year of the last full date shortly before it, else the document's date,
and says which in a note (a year inside a name, "the 2020 U.S.-Taliban Agreement", gives none). Dates inside
citations, the bibliography and addresses are not dates of events. The forms are matched in date_forms.py."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, insort

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, propose
from torkham.ingest.extract.date_ahead import put_ahead
from torkham.ingest.extract.date_forms import DateMention, build_mention, date_patterns, iso, period_of
from torkham.ingest.extract.date_ranges import document_number, joined_ranges
from torkham.ingest.extract.quoted_days import without_quoted_today
from torkham.ingest.extract.relative_dates import dateline_like, heading_starts, resolve_relative
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.model.dates import DateError, PartialDate, parse_partial_date

__all__ = ["DateMention", "date_proposals", "date_record", "find_dates"]

CONTEXT_REACH = 1500  # characters back to look for the year of a yearless date
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|pk|pdf|html?)\b\S*")


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, non-overlapping spans."""
    i = bisect_left(spans, (start, start))
    return any(s < end and start < e for s, e in spans[max(0, i - 1) : i + 1])


def _excluded(doc: Document, regions: Regions, skip: list[tuple[int, int]], mention: DateMention) -> bool:
    start, end = mention.start, mention.end
    if regions.within("bibliography", start):
        return True
    i = bisect_left(skip, (start, start))
    near = [(s, e) for s, e in skip[max(0, i - 1) : i + 1] if s < end and start < e]
    # A line "October 28, 2009" (or "Updated December 1, 2023") reads like a citation without its author:
    # the date of the text, kept.
    return bool(near) and not (
        mention.date.precision != "year" and all(_date_line(doc.text, s, e, mention) for s, e in near)
    )


# "Updated " before the date of a date line, or glued to it by the copy ("UpdatedAugust 6, 2017")
_WORD_BEFORE = re.compile(r"[ \t]*(?:[A-Z][a-z]+[ \t]*)?")


def _date_line(text: str, start: int, end: int, mention: DateMention) -> bool:
    """Whether the span [start, end) lies in the date, or is its line with at most one word before it."""
    if mention.start <= start and end <= mention.end:
        return True
    at_line_start = start == 0 or text[start - 1] == "\n"
    return at_line_start and end <= mention.end and _WORD_BEFORE.fullmatch(text, start, mention.start) is not None


def find_dates(
    doc: Document, regions: Regions | None = None, skip: list[tuple[int, int]] | None = None
) -> list[DateMention]:
    """Every date expression of the document, earliest first; `skip`: spans that hold no event dates
    (citations such as "(Dawn, 2023)")."""
    words = default_words()
    regions = regions or Regions(doc)
    skip = _merged(list(skip or []) + [(m.start(), m.end()) for m in _URL.finditer(doc.text)])
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in date_patterns():  # most specific first; a later match may not overlap an earlier one
        for m in pattern.finditer(doc.text):
            mention = build_mention(kind, m, words)
            if mention is None or _overlaps(taken, mention.start, mention.end):
                continue
            if _excluded(doc, regions, skip, mention):
                continue
            insort(taken, (mention.start, mention.end))
            found.append(mention)
    found.sort(key=lambda d: d.start)
    resolved: list[DateMention] = []
    headings = heading_starts(doc.text)
    for mention in found:
        mention.at_line_start = dateline_like(doc.text, mention.start, mention.end)
        if _resolve_year(doc, mention, resolved, headings) is not None:
            if mention.period and mention.period[0].year != mention.date.year:  # a yearless range: its year now
                first, last = (dataclasses.replace(d, year=mention.date.year) for d in mention.period)
                mention.period = (first, last)
                mention.notes.append(f"a period: {first} to {last}")
            resolved.append(mention)
    resolved = [d for d in resolved if not document_number(doc.text, d)]
    return joined_ranges(doc.text, without_quoted_today(doc.text, _with_relative_year(doc.text, resolved)))


def _with_relative_year(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """'in July this year', 'in March last year': a month and the year right after it are one date, of
    that year."""
    out: list[DateMention] = []
    for mention in mentions:
        month = out[-1] if out else None
        if (
            month is not None
            and not month.explicit_year
            and month.relative is None
            and month.date.month is not None
            and mention.relative is not None
            and mention.relative[0] in ("this year", "years")
            and text[month.end : mention.start].isspace()
        ):
            year = dataclasses.replace(month.date, year=mention.date.year)
            out[-1] = dataclasses.replace(
                month, end=mention.end, text=text[month.start : mention.end], date=year, notes=mention.notes
            )
            continue
        out.append(mention)
    return out


def _resolve_year(
    doc: Document, mention: DateMention, found: list[DateMention], headings: list[int]
) -> DateMention | None:
    """The mention with its year (and, for a relative date, its day) filled in; `found`: the mentions
    before it that are resolved; `headings`: where heading lines start."""
    if mention.explicit_year:
        return mention
    if mention.relative is not None:
        resolved = resolve_relative(mention.relative, mention.start, found, _document_date(doc), headings)
        if resolved is None:
            return None
        mention.date = resolved[0]
        mention.notes.append(f"relative date: {resolved[1]}")
        return mention
    month, day = mention.date.month, mention.date.day
    context = next(
        (
            d
            for d in reversed(found)
            if d.explicit_year
            and d.end <= mention.start
            and mention.start - d.end <= CONTEXT_REACH
            and not _names_a_thing(doc.text, d)
        ),
        None,
    )
    published = _document_date(doc)
    if mention.months:
        year = context.date.year if context else published.year if published else None
        if year is None:
            return None
        mention.date = PartialDate(year)
        source = f"'{context.text}' earlier in the text" if context else f"the document date {published}"
        mention.notes.append(f"year taken from {source}")
        return period_of(mention, mention.months)
    if context is not None:
        candidate = _dated(context.date.year, month, day)
        if candidate and (published is None or candidate.first_day <= published.last_day):
            mention.date = candidate
            mention.notes.append(f"year taken from '{context.text}' earlier in the text")
            return mention
    if published is None:
        return None
    before = (month, day or 1) <= (published.month or 12, published.day or 31)
    ahead = None if before else put_ahead(doc.text, mention.start)
    candidate = _dated(published.year if before or ahead else published.year - 1, month, day)
    if candidate is None:
        return None
    mention.date = candidate
    mention.notes.append(f"year resolved against the document date {published}")
    if ahead:
        mention.notes.append(f"'{ahead}' puts it ahead of the text: the document's year")
    return mention


_NAMED_AFTER = re.compile(r"\s+[A-Z]")


def _names_a_thing(text: str, mention: DateMention) -> bool:
    """'the 2020 U.S.-Taliban Agreement': a year inside a name does not set the year of the text after it."""
    before = text[max(0, mention.start - 4) : mention.start].lower()
    return mention.date.precision == "year" and before == "the " and bool(_NAMED_AFTER.match(text, mention.end))


def _dated(year: int, month: int | None, day: int | None) -> PartialDate | None:
    try:
        return parse_partial_date(iso(year, month, day))
    except DateError:
        return None


def _document_date(doc: Document) -> PartialDate | None:
    try:
        return parse_partial_date(doc.date) if doc.date else None
    except DateError:
        return None


def date_record(mention: DateMention) -> dict:
    record: dict = {"date": mention.date.iso(), "date_text": mention.text}
    if mention.approximate:
        record["approximate"] = True
    return record


def date_proposals(doc: Document, mentions: list[DateMention]) -> list[Proposal]:
    return [propose(doc, "date", date_record(d), d.start, d.end, d.notes) for d in mentions]
