"""Datelines: "ISLAMABAD, Nov 3 (Reuters) –", "PESHAWAR, Sept 16, 2023 —", "JAKARTA, Indonesia —" open a
news report with the place it was filed from, and mostly the day. That day is the document's date when the
document has none to the day (a dateline without a year takes the year of the document's date), so that
"on Friday" and "November 1" resolve against it; a statement in the dateline's paragraph ("ISLAMABAD, Nov
3 (Reuters) – Pakistan's foreign office said …") is dated by it; and the dateline's place is where the
report was written, not where an event of the paragraph happened."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.model.dates import DateError, PartialDate, parse_partial_date

FIRST_DATELINE_CHARS = 1500  # a dateline this close to the start dates the whole document


@dataclass(frozen=True)
class Dateline:
    start: int  # the line's first character
    end: int  # after the dash (or colon) that ends the dateline
    place_end: int  # the place is text[start:place_end]
    text: str  # "ISLAMABAD, Nov 3 (Reuters) –"
    month: int | None  # None: a dateline naming only its place ("JAKARTA, Indonesia —")
    day: int | None
    year: int | None

    def day_of(self, published: PartialDate | None) -> PartialDate | None:
        """The dateline's day: its own year, else the document date's (the year before when the day would
        fall after the document date); None without either, or for a day that does not exist."""
        if self.month is None or self.day is None:
            return None
        year = self.year
        if year is None and published is not None:
            later = (self.month, self.day) > (published.month or 12, published.day or 31)
            year = published.year - 1 if later else published.year
        if year is None:
            return None
        try:
            return parse_partial_date(f"{year:04d}-{self.month:02d}-{self.day:02d}")
        except DateError:
            return None


# Not a sentence opening "On Friday, Nov 3 – …" or "In Kabul, May 3 - …"
_NOT_PLACE = r"(?!(?:In|On|At|By|From|Since|Until|Before|After|During|Between|Published|Updated|Posted)\b)"
_WEEKDAY = r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
_NAME = r"[A-Z][A-Za-z.'’-]{0,20}(?: [A-Z][A-Za-z.'’-]{0,20}){0,3}"  # capitalised words: "Dera Ismail Khan"
_PLACE = rf"(?P<place>{_NOT_PLACE}{_WEEKDAY}{_NAME}(?:,[ \t]*{_NAME})?)"
_AGENCY = r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"  # "(Reuters)"
# A dateline without a day names its place in capitals, then its country or the agency, and a dash:
# "JAKARTA, Indonesia — ", "WASHINGTON (Reuters) - " (not "FILE - " nor "US – Pakistan ties").
_CAPS = r"(?P<place>[A-Z][A-Z.'’ -]{2,40}?"
_PLACE_ONLY = re.compile(
    rf"^[ \t]*(?:{_CAPS},[ \t]*[A-Z][A-Za-z.'’ -]{{1,30}}?){_AGENCY}|{_CAPS.replace('place>', 'place2>')})"
    r"[ \t]*\([^()\n]{1,40}\)[ \t]*)(?:[—–]|-)[ \t]",
    re.M,
)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    months = sorted(default_words().months, key=len, reverse=True)
    month = (
        "(?P<month>" + "|".join(m.capitalize() for m in months) + "|" + "|".join(m.upper() for m in months) + r")\.?"
    )
    year = r"(?:,?[ \t]+(?P<year>(?:19|20)\d\d))?"
    day = r"(?P<day>[0-3]?\d)"
    day2, month2 = day.replace("day>", "day2>"), month.replace("month>", "month2>")
    # Every repetition is bounded and the match is anchored at a line's start: linear in the text.
    return re.compile(
        rf"^[ \t]*{_PLACE},[ \t]+(?:{month}[ \t]+{day}|{day2}[ \t]+{month2}){year}\b{_AGENCY}"
        r"(?:[—–]|--?(?=[ \t])|:(?=[ \t]))(?![ \t]*\d)",  # not a range of days: "May 3 - 5"
        re.M,
    )


def find_datelines(text: str) -> list[Dateline]:
    """Every dateline of the text, in order (a compilation of reports has one per report)."""
    months = default_words().months
    found: dict[int, Dateline] = {}
    for m in _pattern().finditer(text):
        day = int(m.group("day") or m.group("day2"))
        if 1 <= day <= 31:
            month = months[(m.group("month") or m.group("month2")).lower().rstrip(".")]
            year = int(m.group("year")) if m.group("year") else None
            found[m.start()] = Dateline(m.start("place"), m.end(), m.end("place"), m.group().strip(), month, day, year)
    for m in _PLACE_ONLY.finditer(text):
        place = "place" if m.group("place") else "place2"
        if m.start() not in found:
            found[m.start()] = Dateline(m.start(place), m.end(), m.end(place), m.group().strip(), None, None, None)
    return [found[k] for k in sorted(found)]


def dated_by_dateline(doc: Document, datelines: list[Dateline]) -> str | None:
    """The document's date to the day from its first dateline, when the document's own date does not give
    the day and does not contradict it (another year or month); None otherwise."""
    first = next((d for d in datelines if d.start <= FIRST_DATELINE_CHARS and d.day is not None), None)
    if first is None:
        return None
    published = _partial(doc.date)
    if published is not None and published.precision == "day":
        return None
    day = first.day_of(published)
    if day is None or (published is not None and not _within(day.first_day, published)):
        return None
    return day.iso()


def date_statements(doc: Document, claims: list[Proposal], datelines: list[Dateline]) -> None:
    """Date (in place) each claim made in a dateline's paragraph by the dateline's day."""
    published = _partial(doc.date)
    ordered = sorted(claims, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    for line in datelines:
        day = line.day_of(published)
        if day is None:
            continue
        paragraph_end = _paragraph_end(doc.text, line.end)
        if not doc.text[line.end : paragraph_end].strip():  # a dateline on a line of its own: the next paragraph
            paragraph_end = _paragraph_end(doc.text, paragraph_end + 2)
        for claim in ordered[bisect_left(starts, line.start) : bisect_left(starts, paragraph_end)]:
            if "date" not in claim.record:
                claim.record["date"] = day.iso()
                claim.notes.append(f"date: the day of the dateline '{line.text}'")


def place_spans(datelines: list[Dateline]) -> list[tuple[int, int]]:
    """Where the datelines name their place (not the place of the events they report)."""
    return [(d.start, d.place_end) for d in datelines]


def _paragraph_end(text: str, offset: int) -> int:
    """Where the paragraph at `offset` (blank lines before it skipped) ends."""
    start = _TEXT_AFTER.search(text, offset)
    end = text.find("\n\n", start.start()) if start else -1
    return len(text) if end < 0 else end


_TEXT_AFTER = re.compile(r"[^\n]")


def _partial(text: str | None) -> PartialDate | None:
    try:
        return parse_partial_date(text) if text else None
    except DateError:
        return None


def _within(day: date, published: PartialDate) -> bool:
    return published.first_day <= day <= published.last_day
