"""The date expressions reports write, each matched by one pattern and built into a DateMention with its
precision, period and modifiers; a date without its year, or a relative one, is completed by dates.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from torkham.ingest.extract.relative_dates import relative_of, relative_patterns
from torkham.ingest.extract.words import Words, default_words
from torkham.model.dates import DateError, PartialDate, parse_partial_date


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    date: PartialDate
    approximate: bool = False
    period: tuple[PartialDate, PartialDate] | None = None  # first and last month or year it covers
    explicit_year: bool = True
    months: tuple[int, int] | None = None  # "the first ten months" before its year is known
    relative: tuple[str, int] | None = None  # "two days later": ("days", 2), "on Friday": ("weekday", 4)
    at_line_start: bool = False  # a dateline: "Islamabad, Pakistan October 28, 2009" on a line of its own
    notes: list[str] = field(default_factory=list)

    @property
    def first(self) -> PartialDate:
        return self.period[0] if self.period else self.date

    @property
    def last(self) -> PartialDate | None:
        return self.period[1] if self.period else None


_GLUED = r"(?<=[a-z])"  # a day glued to the word before it, as an extraction joins an infobox's cells


@lru_cache(maxsize=1)
def date_patterns() -> list[tuple[str, re.Pattern]]:
    words = default_words()
    names = sorted(words.months, key=len, reverse=True)
    month = "(?P<month>(?:" + "|".join([n.capitalize() for n in names] + [n.upper() for n in names]) + r")\b\.?)"
    mod = r"(?P<mod>(?i:" + "|".join(words.date_modifiers) + r")(?:[\s-]+of)?)[\s-]+"
    prep = r"(?:\b(?i:" + "|".join(words.month_prepositions) + r")\s+)"
    year = r"(?P<year>(?:1[89]|20)\d{2})(?![\d,]\d|\w)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    no_year_after = r"(?!,?\s*(?:1[89]|20)\d{2})"
    count = r"(?P<count>\d{1,2}|" + "|".join(words.number_words) + ")"
    month2 = month.replace("?P<month>", "?P<month2>")
    day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
    dash = r"\s*[-–—]\s*"
    patterns = [
        *relative_patterns(),
        # "between July and November 2020", "From January to June 2016", "July–November 2020": one period
        (
            "mrange",
            re.compile(
                rf"(?:(?i:between|from)\s+)?{month}(?:{dash}|\s+(?:and|to|until|through)\s+){month2},?\s+{year}"
            ),
        ),
        # "04-10 March 2018", "the week of 18-24 September", "March 4-10, 2018": a period of days
        ("drange", re.compile(rf"\b{day}{dash}{day2}\s+{month}(?:,?\s+{year})?")),
        ("drange", re.compile(rf"{month}\s+{day}{dash}{day2}(?:,?\s+{year})?(?![\d:])")),
        ("period", re.compile(rf"(?:the\s+)?(?P<which>(?i:first|last))\s+{count}\s+months\s+of\s+{year}")),
        ("months", re.compile(rf"(?:the\s+)?(?P<which>(?i:first|last))\s+{count}\s+months\b(?!\s+of\s+\d)")),
        ("range", re.compile(rf"(?<![\d,.]){year}\s*[-–]\s*(?P<year2>(?:1[89]|20)\d{{2}})\b")),
        ("mdy", re.compile(rf"(?:{mod})?{month}\s+{day},?\s+{year}")),
        ("dmy", re.compile(rf"(?:{mod})?\b{day}\s+(?:of\s+)?{month},?\s+{year}")),
        # a numeric date, day.month.year as European pages write it: "25.11.2021" (never "8.1%", "5.4")
        ("dmy", re.compile(rf"(?<![\d.])\b{day}\.(?P<mnum>0?[1-9]|1[0-2])\.{year}(?!\.\d)")),
        # an infobox's label glued to its date: "Dates of operation26 January 2015", "Founded3 May 2010"
        ("dmy", re.compile(rf"{_GLUED}{day}\s+{month},?\s+{year}")),
        # a capitalised label glued to a full date: "FormedDecember 14, 2007", "UpdatedAugust 6, 2017"
        ("mdy", re.compile(rf"\b(?P<label>[A-Z][a-z]+){month}\s+{day},?\s+{year}")),
        ("my", re.compile(rf"(?:{mod})?{month},?\s+(?:of\s+)?{year}")),  # "in November of 2013"
        ("md", re.compile(rf"(?:{mod})?{month}\s+{day}\b(?!:|\.\d){no_year_after}")),
        ("dm", re.compile(rf"\b{day}\s+(?:of\s+)?{month}{no_year_after}")),
        ("m", re.compile(rf"(?:{mod}|{prep}){month}{no_year_after}(?!\s+\d)")),
        ("decade", re.compile(rf"(?:the\s+)?(?:{mod})?(?P<decade>(?:1[89]|20)\d0)['’]?s\b")),
        ("post", re.compile(rf"(?P<rel>(?i:post|pre))[\s-]+(?:{month}\s+)?{year}")),
        ("modyear", re.compile(rf"{mod}{year}")),
        ("year", re.compile(rf"(?<![\d,.$£€-]){year}")),
    ]
    # Every other pattern starts a word: checking that first lets the engine skip most positions quickly.
    return [
        (
            k,
            p
            if k in ("range", "year") or p.pattern.startswith(_GLUED)
            else re.compile(r"(?=[A-Za-z0-9])\b" + p.pattern),
        )
        for k, p in patterns
    ]


def _month_number(text: str, words: Words) -> int:
    return words.months[text.rstrip(".").lower()]


def _count(text: str, words: Words) -> int:
    return int(text) if text.isdigit() else words.number_words[text.lower()]


def build_mention(kind: str, m: re.Match, words: Words) -> DateMention | None:
    """A DateMention from one pattern match (year still missing for md/dm/m), or None."""
    groups = m.groupdict()
    approximate = bool(groups.get("mod")) and groups["mod"].lower() not in ("beginning of", "start of")
    try:
        relative = relative_of(kind, m)
        if relative is not None:
            at = m.start("weekday") if kind == "weekday" else m.start()
            return DateMention(
                at, m.end(), m.string[at : m.end()], PartialDate(2000), explicit_year=False, relative=relative
            )
        if kind in ("period", "months"):
            n = _count(groups["count"], words)
            if not 1 <= n <= 12:
                return None
            months = (1, n) if groups["which"].lower() == "first" else (13 - n, 12)
            if kind == "months":  # the year comes from the text before it (_resolve_year)
                return DateMention(m.start(), m.end(), m.group(), PartialDate(2000), explicit_year=False, months=months)
            return period_of(DateMention(m.start(), m.end(), m.group(), PartialDate(int(groups["year"]))), months)
        if kind == "range":
            a, b = int(groups["year"]), int(groups["year2"])
            if b <= a:
                return None
            return DateMention(m.start(), m.end(), m.group(), PartialDate(a), period=(PartialDate(a), PartialDate(b)))
        if kind in ("mrange", "drange"):
            return _range(kind, m, words)
        if kind == "decade":
            d = int(groups["decade"])
            note = f"the {d}s: {d} to {d + 9}"
            span = (PartialDate(d), PartialDate(d + 9))
            return DateMention(m.start(), m.end(), m.group(), PartialDate(d), True, span, notes=[note])
        if kind == "post":
            month = _month_number(groups["month"], words) if groups.get("month") else None
            anchor = PartialDate(int(groups["year"]), month)
            note = f"'{m.group()}': {'after' if groups['rel'].lower() == 'post' else 'before'} {anchor}"
            return DateMention(m.start(), m.end(), m.group(), anchor, True, notes=[note])
        year = int(groups["year"]) if groups.get("year") else 0
        month = _month_number(groups["month"], words) if groups.get("month") else None
        month = int(groups["mnum"]) if groups.get("mnum") else month  # "25.11.2021"
        day = int(groups["day"]) if groups.get("day") else None
        text_start = (
            m.start("mod")
            if groups.get("mod")
            else m.start("month")
            if kind == "m" or groups.get("label")
            else m.start()
        )
        date = parse_partial_date(iso(year or 2000, month, day))  # a leap year checks 29 February
        mention = DateMention(text_start, m.end(), m.string[text_start : m.end()], date, approximate)
        mention.explicit_year = bool(year)
        return mention
    except (DateError, KeyError, ValueError):
        return None


def _range(kind: str, m: re.Match, words: Words) -> DateMention | None:
    """A period between two months or two days: dated by its first, covering both."""
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else 2000
    month = _month_number(groups["month"], words)
    if kind == "mrange":
        last = _month_number(groups["month2"], words)
        if last <= month:
            return None
        first, end = PartialDate(year, month), PartialDate(year, last)
    else:
        day, day2 = int(groups["day"]), int(groups["day2"])
        if not 1 <= day < day2 <= 31:
            return None
        first, end = parse_partial_date(iso(year, month, day)), parse_partial_date(iso(year, month, day2))
    mention = DateMention(m.start(), m.end(), m.group(), first, period=(first, end))
    mention.explicit_year = bool(groups.get("year"))
    if mention.explicit_year:
        mention.notes.append(f"a period: {first} to {end}")
    return mention


def period_of(mention: DateMention, months: tuple[int, int]) -> DateMention:
    year = mention.date.year
    mention.period = (PartialDate(year, months[0]), PartialDate(year, months[1]))
    mention.notes.append(f"covers {mention.period[0]} to {mention.period[1]}")
    return mention


def iso(year: int, month: int | None, day: int | None) -> str:
    return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
