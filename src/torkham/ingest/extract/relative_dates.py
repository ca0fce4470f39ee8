"""Dates given relative to another: "two days later", "a week earlier", "the next day", "the same day",
"the same month" take the date written just before them; a weekday ("on Friday") takes the day-precise
date line of its report (the last one written at a line's start before it, else the document's date) and
means the last such day on or before it, unless a date follows it ("Friday, 20 August, 2021": that date
says the day); "yesterday", "tomorrow" and "two months ago" count from the day of the statement, as
"today" does. Each says what it was resolved against in a note; one that has nothing to resolve against is
not proposed."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from torkham.ingest.extract.date_offsets import APPOSITIVE, appositive_offset
from torkham.model.dates import PartialDate

RELATIVE_REACH = 600  # characters back to the date a relative date counts from, at most
DATELINE_CHARS = 300  # a day-precise date this close to the start of a document is its dateline
REPORT_REACH = 3000  # characters back to the date line of the report a weekday belongs to, at most
# After a weekday, a date that says its day: "Friday, 20 August, 2021", "Monday, Sept. 4".
_DATE_AFTER = (
    r"(?!,?\s+(?:the\s+)?[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]|,?\s+[A-Z][a-z]{2,8}\.?\s+[0-3]?\d\b)"
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


DATE_WORDS = Path(__file__).with_name("date_words.yaml")


def _nowadays() -> str:
    """'hosts|remains|…': verbs after which 'today' means nowadays (date_words.yaml)."""
    from torkham.model.yamlfile import load_yaml, word_list

    verbs = word_list(load_yaml(DATE_WORDS) or {}, "nowadays_verbs", DATE_WORDS)
    return "|".join(r"\s+".join(map(re.escape, v.split())) for v in sorted(verbs, key=len, reverse=True))


@lru_cache(maxsize=1)
def relative_patterns() -> list[tuple[str, re.Pattern]]:
    count = r"(?P<n>\d{1,2}|" + "|".join(_SMALL) + ")"
    weekday = "|".join(w.capitalize() for w in WEEKDAYS)
    return [
        ("appositive", APPOSITIVE),  # "…, a day after Islamabad launched air strikes": a day before the date
        ("offset", re.compile(rf"(?i:{count})\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier)\b")),
        # "two days after the attack", "a week before the vote": counted from the date before it
        (
            "offset",
            re.compile(
                rf"(?i:{count})\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before)(?=\s+(?i:the|his|her|its|their)\b)"
            ),
        ),
        ("next", re.compile(r"(?i:the)\s+(?P<which>next|following|previous)\s+(?P<unit>day|month|year)\b")),
        # "two years later", "a month earlier": counted from the date before it, to its month or year
        ("later", re.compile(rf"(?i:{count})\s+(?P<unit>(?i:months?|years?))\s+(?P<dir>(?i:later|earlier))\b")),
        (
            "day before",
            re.compile(r"(?i:the)\s+day\s+(?P<which>before|after)\b(?!\s+(?:the|a|an|his|her|its|their)\b)"),
        ),
        ("same", re.compile(r"(?i:the)\s+same\s+(?P<unit>day|month)\b")),
        ("weekday", re.compile(rf"(?i:on|by|since|until|last|late|early)\s+(?P<weekday>{weekday})\b{_DATE_AFTER}")),
        # a news report's bare weekday: "There are reports Monday of …", "closed the border Sunday"
        ("weekday", re.compile(rf"(?<=[a-z,] )(?P<weekday>{weekday})\b(?!['’]){_DATE_AFTER}")),
        # a weekday's happening named again: "Sunday’s clashes erupted …", "Thursday’s attack comes as …"
        ("weekday", re.compile(rf"\b(?P<weekday>{weekday})(?=['’]s\s+[a-z])")),
        # "today's brutal attack", "this morning" (not "today's Bajaur district": a place as named now)
        # not "Pakistan today hosts …" (today as nowadays: date_words.yaml, nowadays_verbs)
        (
            "today",
            re.compile(
                rf"(?i:today)(?!['’]s\s+[A-Z]|\s+(?:{_nowadays()})\b)(?:['’]s)?\b|(?i:this)\s+(?:morning|afternoon|evening)\b"
            ),
        ),
        ("yesterday", re.compile(r"(?i:yesterday|tomorrow)(?:['’]s)?\b")),
        ("ago", re.compile(rf"(?i:{count})\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b")),
        ("this year", re.compile(r"(?i:this)\s+year\b(?!['’]s)")),
        # "since the start of the year": the first month of the year of the text, or of the statement's year
        ("year edge", re.compile(r"(?i:the)\s+(?i:start|beginning)\s+of\s+(?P<which>(?i:the|this))\s+year\b")),
        ("last year", re.compile(r"(?i:last|next)\s+year\b(?!['’]s)")),  # "since late last year"
        # "Last month, the government ordered …": the month before the present's (not "over the last month")
        ("this month", re.compile(r"(?<![Tt]he )(?i:last|this)\s+month\b")),
        # "the fall of Kabul last August": the last such month before the present (not "last August 12")
        ("last month", re.compile(rf"(?i:last)\s+(?P<month>{'|'.join(_MONTHS)})\b(?!\.?\s*\d)")),
    ]


def relative_of(kind: str, m: re.Match) -> tuple[str, int] | None:
    """What the expression says: ('days', +2), ('months', -1), ('same day', 0), ('weekday', 4)."""
    groups = m.groupdict()
    if kind == "appositive":
        return appositive_offset(m)
    if kind == "offset":
        n = int(groups["n"]) if groups["n"].isdigit() else _SMALL[groups["n"].lower()]
        days = n * (7 if groups["unit"].lower().startswith("week") else 1)
        return "days", days if groups["dir"].lower() in ("later", "after") else -days
    if kind == "next":
        step = -1 if groups["which"].lower() == "previous" else 1
        return {"day": "days", "month": "months", "year": "years on"}[groups["unit"].lower()], step
    if kind == "later":
        n = int(groups["n"]) if groups["n"].isdigit() else _SMALL[groups["n"].lower()]
        unit = "years on" if groups["unit"].lower().startswith("year") else "months"
        return unit, n if groups["dir"].lower() == "later" else -n
    if kind == "day before":
        return "days", -1 if groups["which"].lower() == "before" else 1
    if kind == "same":
        return f"same {groups['unit'].lower()}", 0
    if kind == "weekday":
        return "weekday", WEEKDAYS.index(groups["weekday"].lower())
    if kind in ("today", "this year"):
        return kind, 0
    if kind == "year edge":  # the year of the text before it ("the"), or the statement's own ("this")
        return ("this year edge" if groups["which"].lower() == "this" else "year edge"), 1
    if kind == "yesterday":
        return "days from today", -1 if m.group().lower().startswith("yesterday") else 1
    if kind == "ago":
        n = int(groups["n"]) if groups["n"].isdigit() else _SMALL[groups["n"].lower()]
        unit = groups["unit"].lower().rstrip("s")
        return f"{unit}s ago", n * 7 if unit == "week" else n
    if kind == "last year":
        return "years", -1 if m.group().lower().startswith("last") else 1
    if kind == "last month":
        return "last month", _MONTHS.index(groups["month"].capitalize()) + 1
    if kind == "this month":
        return "months ago", 1 if m.group().lower().startswith("last") else 0
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
    if what == "days from today" or what.endswith(" ago"):
        return _from_present(what, amount, start, before, published, headings)
    if what.endswith("year edge"):
        previous = before[-1] if before else None
        if what == "year edge" and previous is not None and start - previous.end <= RELATIVE_REACH:
            return PartialDate(previous.date.year, amount), f"the start of the year of '{previous.text}'"
        present = _present("this year", start, before, published, headings)
        return None if present is None else (PartialDate(present[0].year, amount), f"the start of {present[1]}")
    if what == "years":
        present = _present("this year", start, before, published, headings)
        if present is None:
            return None
        which = "the year before" if amount < 0 else "the year after"
        return PartialDate(present[0].year + amount), f"{which} {present[1].removeprefix('the year of ')}"
    if what == "last month":
        return _last_month(amount, start, before, published, headings)
    if what == "weekday":
        anchor, source = _dateline(before, published, start)
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
    if what == "years on":  # "the following year", "two years later": the year counted from it
        return PartialDate(anchor.year + amount), f"counted from '{previous.text}'"
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


def _last_month(
    month: int, start: int, before: list, published: PartialDate | None, headings: Sequence[int]
) -> tuple[PartialDate, str] | None:
    """'last August': that month of the present's year when the present is later in the year, else of the
    year before (a present known only by its year: the year before)."""
    present = _present("today", start, before, published, headings)
    if present is None and published is not None:
        present = published, f"the document date {published}"
    if present is None:
        return None
    anchor, source = present
    year = anchor.year if anchor.month is not None and anchor.month > month else anchor.year - 1
    return PartialDate(year, month), f"the last {_MONTHS[month - 1]} before {source}"


def _from_present(
    what: str, amount: int, start: int, before: list, published: PartialDate | None, headings: Sequence[int]
) -> tuple[PartialDate, str] | None:
    """'yesterday', 'two months ago': counted back from the statement's day (else the document's month)."""
    present = _present("today", start, before, published, headings)
    if present is None and published is not None and what in ("months ago", "years ago"):
        present = published, f"the document date {published}"
    if present is None:
        return None
    anchor, source = present
    if what == "years ago":
        return PartialDate(anchor.year - amount), f"{amount} years before {source}"
    if what == "months ago":
        months = anchor.year * 12 + (anchor.month or 1) - 1 - amount
        return PartialDate(months // 12, months % 12 + 1), f"{amount} months before {source}"
    days = -amount if what != "days from today" else amount
    day = anchor.first_day + timedelta(days=days)
    count = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
    return PartialDate(day.year, day.month, day.day), f"{count} {'before' if days < 0 else 'after'} {source}"


def _dateline(before: list, published: PartialDate | None, start: int) -> tuple[date | None, str]:
    """The day a weekday counts back from: its report's date line (the last day-precise date written at
    a line's start before it, not too far back), else the document's date, else a date at its start."""
    line = next((m for m in reversed(before) if _report_date(m) and start - m.end <= REPORT_REACH), None)
    if line is not None:
        return line.date.first_day, f"the date line '{line.text}'"
    if published is not None and published.precision == "day":
        return published.first_day, f"the document date {published}"
    for mention in before:
        if mention.start <= DATELINE_CHARS and mention.explicit_year and mention.date.precision == "day":
            return mention.date.first_day, f"the dateline '{mention.text}'"
    return None, ""


def _report_date(mention) -> bool:
    return bool(getattr(mention, "at_line_start", False) and mention.explicit_year and mention.date.precision == "day")


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
