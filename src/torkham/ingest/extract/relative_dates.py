"""Dates given relative to another: "two days later", "a week earlier", "the next day", "the same day",
"the same month" take the date written just before them; a weekday ("on Friday") takes the day-precise
date of the document (a news report's dateline) and means the last such day on or before it. Each says
what it was resolved against in a note; one that has nothing to resolve against is not proposed."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache

from torkham.model.dates import PartialDate

RELATIVE_REACH = 600  # characters back to the date a relative date counts from, at most
DATELINE_CHARS = 300  # a day-precise date this close to the start of a document is its dateline
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@lru_cache(maxsize=1)
def relative_patterns() -> list[tuple[str, re.Pattern]]:
    count = r"(?P<n>\d{1,2}|" + "|".join(_SMALL) + ")"
    weekday = "|".join(w.capitalize() for w in WEEKDAYS)
    return [
        ("offset", re.compile(rf"(?i:{count})\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier)\b")),
        # "two days after the attack", "a week before the vote": counted from the date before it
        (
            "offset",
            re.compile(
                rf"(?i:{count})\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)(?=\s+(?i:the|his|her|its|their)\b)"
            ),
        ),
        ("next", re.compile(r"(?i:the)\s+(?P<which>next|following|previous)\s+(?P<unit>day|month)\b")),
        (
            "day before",
            re.compile(r"(?i:the)\s+day\s+(?P<which>before|after)\b(?!\s+(?:the|a|an|his|her|its|their)\b)"),
        ),
        ("same", re.compile(r"(?i:the)\s+same\s+(?P<unit>day|month)\b")),
        ("weekday", re.compile(rf"(?i:on|by|since|until|last|late|early)\s+(?P<weekday>{weekday})\b")),
        # a news report's bare weekday: "There are reports Monday of …", "closed the border Sunday"
        ("weekday", re.compile(rf"(?<=[a-z,] )(?P<weekday>{weekday})\b(?!['’])")),
        # "today's brutal attack", "this morning" (not "today's Bajaur district": a place as named now)
        ("today", re.compile(r"(?i:today)(?!['’]s\s+[A-Z])(?:['’]s)?\b|(?i:this)\s+(?:morning|afternoon|evening)\b")),
        ("this year", re.compile(r"(?i:this)\s+year\b(?!['’]s)")),
        ("last year", re.compile(r"(?i:last|next)\s+year\b(?!['’]s)")),  # "since late last year"
    ]


def relative_of(kind: str, m: re.Match) -> tuple[str, int] | None:
    """What the expression says: ('days', +2), ('months', -1), ('same day', 0), ('weekday', 4)."""
    groups = m.groupdict()
    if kind == "offset":
        n = int(groups["n"]) if groups["n"].isdigit() else _SMALL[groups["n"].lower()]
        days = n * (7 if groups["unit"].lower().startswith("week") else 1)
        return "days", days if groups["dir"].lower() in ("later", "after") else -days
    if kind == "next":
        step = -1 if groups["which"].lower() == "previous" else 1
        return ("days" if groups["unit"].lower() == "day" else "months"), step
    if kind == "day before":
        return "days", -1 if groups["which"].lower() == "before" else 1
    if kind == "same":
        return f"same {groups['unit'].lower()}", 0
    if kind == "weekday":
        return "weekday", WEEKDAYS.index(groups["weekday"].lower())
    if kind in ("today", "this year"):
        return kind, 0
    if kind == "last year":
        return "years", -1 if m.group().lower().startswith("last") else 1
    return None


def resolve_relative(
    relative: tuple[str, int],
    start: int,
    before: list,
    published: PartialDate | None,
    headings: Sequence[int] = (),
) -> tuple[PartialDate, str] | None:
    """(the date, a note) for a relative date at `start`; `before`: the resolved DateMentions before it;
    `headings`: where the text's heading lines start (heading_starts), sorted."""
    what, amount = relative
    if what in ("today", "this year"):
        return _present(what, start, before, published, headings)
    if what == "years":
        present = _present("this year", start, before, published, headings)
        if present is None:
            return None
        which = "the year before" if amount < 0 else "the year after"
        return PartialDate(present[0].year + amount), f"{which} {present[1].removeprefix('the year of ')}"
    if what == "weekday":
        anchor, source = _dateline(before, published)
        if anchor is None:
            return None
        day = anchor - timedelta(days=(anchor.weekday() - amount) % 7)
        return PartialDate(
            day.year, day.month, day.day
        ), f"the last {WEEKDAYS[amount].capitalize()} on or before {source}"
    previous = before[-1] if before else None
    if previous is None or start - previous.end > RELATIVE_REACH or previous.last is not None:
        return None
    anchor = previous.date
    if what in ("days", "same day"):
        if anchor.precision != "day":
            return None
        day = anchor.first_day + timedelta(days=amount)
        return PartialDate(day.year, day.month, day.day), f"counted from '{previous.text}'"
    if anchor.precision == "year":
        return None
    months = anchor.year * 12 + (anchor.month or 1) - 1 + (amount if what == "months" else 0)
    return PartialDate(months // 12, months % 12 + 1), f"counted from '{previous.text}'"


def _present(
    what: str, start: int, before: list, published: PartialDate | None, headings: Sequence[int]
) -> tuple[PartialDate, str] | None:
    """'today', 'this morning': the day of the statement's dateline (the last day-precise date written
    at the start of a line, as statements under one another have each their own) when no heading opens
    another statement between them, else the document's date; 'this year': the year of either."""
    dateline = next(
        (
            m
            for m in reversed(before)
            if m.explicit_year and m.date.precision == "day" and getattr(m, "at_line_start", False)
        ),
        None,
    )
    if dateline is not None and bisect_left(headings, start) > bisect_right(headings, dateline.end):
        dateline = None  # a heading between them ("Terrorist Designation of …"): a later statement, undated
    if dateline is not None:
        anchor, source = dateline.date, f"the dateline '{dateline.text}'"
    elif published is None or (what == "today" and published.precision != "day"):
        return None
    else:
        anchor, source = published, f"the document date {published}"
    if what == "this year":
        return PartialDate(anchor.year), f"the year of {source}"
    return anchor, f"the day of {source}"


def _dateline(before: list, published: PartialDate | None) -> tuple[date | None, str]:
    if published is not None and published.precision == "day":
        return published.first_day, f"the document date {published}"
    for mention in before:
        if mention.start <= DATELINE_CHARS and mention.explicit_year and mention.date.precision == "day":
            return mention.date.first_day, f"the dateline '{mention.text}'"
    return None, ""


_DATELINE_PREFIX = re.compile(r"[^.!?\n]{0,60}")
_DATELINE_REST = re.compile(r"[ \t]*(?:[-–—:]|\(\w+\)|\n|$)")


_HEADING_LINE = re.compile(r"(?m)^[ \t]*[A-Z][^\n.!?:;,\"”)]{2,120}[^\n.!?:;,\"”)\s][ \t]*\n[ \t]*\n")
HEADING_MAX_WORDS = 15


def heading_starts(text: str) -> list[int]:
    """Where the lines that look like headings start: short, capitalised, no closing punctuation, a blank
    line after ("Terrorist Designation of the Majeed Brigade")."""
    return [
        m.start()
        for m in _HEADING_LINE.finditer(text)
        if 2 <= len(m.group().split()) <= HEADING_MAX_WORDS and not re.search(r"\d", m.group())
    ]


def dateline_like(text: str, start: int, end: int) -> bool:
    """A day-precise date alone at the start of a line, or after a short place ("Islamabad, Pakistan
    October 28, 2009", "WASHINGTON, Oct 28, 2009 —"): the date of what follows it."""
    line_start = text.rfind("\n", 0, start) + 1
    prefix = _DATELINE_PREFIX.fullmatch(text, line_start, start)
    return prefix is not None and _DATELINE_REST.match(text, end) is not None
