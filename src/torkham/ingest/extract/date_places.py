"""Where a date sits decides whether it dates an event: a heading, a caption or a line of the table of
contents does not; nor does the dateline of a news report ("PESHAWAR, Sept 16, 2023 —"), which dates the
report. The "Date" field of an infobox ("Date 6 September 2023", and the lines of the same field under
it) dates the event the page is about, named by the heading above it ("2023 Chitral cross-border attack")."""

from __future__ import annotations

import re
from bisect import bisect_left

HEADING_CHARS = 100  # a line shorter than this without a full stop is a heading (or a caption, a contents line)
TITLE_REACH = 2000  # characters back from an infobox date to the heading that names its event
FIELD_LINES = 3  # lines of one infobox field under its label

_PLACE = re.compile(r"[ \t]*[A-Z][\w .'’-]{1,40},[ \t]*")
_AFTER_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]")
_DATE_LABEL = re.compile(r"[ \t]*Dates?(?=[\s:]|[A-Z0-9])")
_OTHER_LABEL = re.compile(r"[ \t]*(?:Location|Result|Status|Belligerents|Casualties|Commanders|Strength|Units)\b")
_STANDALONE = re.compile(r"(?:^|\n\n)([^\n]{3,120})(?=\n\n)")


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, end if end >= 0 else len(text)


def on_heading(text: str, offset: int) -> bool:
    """A short line without a full stop: a heading, a caption or a line of the table of contents."""
    start, end = _line(text, offset)
    line = text[start:end].strip()
    return len(line) < HEADING_CHARS and not re.search(r"[.!?\"”)]$", line)


def is_dateline(text: str, start: int, end: int) -> bool:
    """'PESHAWAR, Sept 16, 2023 —': a place, a comma, the date and a dash open the report."""
    line_start = _line(text, start)[0]
    return bool(_PLACE.fullmatch(text, line_start, start)) and bool(_AFTER_DATELINE.match(text, end))


def in_date_field(text: str, offset: int, date_starts: list[int]) -> bool:
    """Whether the date at `offset` is in an infobox's Date field: its line starts with the label, or it
    continues such a line (each line between holds a date and no other label)."""
    start, _end = _line(text, offset)
    for _ in range(FIELD_LINES):
        if _DATE_LABEL.match(text, start):
            return True
        if start == 0 or _OTHER_LABEL.match(text, start) or not _holds(date_starts, start, _line(text, start)[1]):
            return False
        start = _line(text, start - 1)[0]
    return False


def _holds(date_starts: list[int], start: int, end: int) -> bool:
    i = bisect_left(date_starts, start)
    return i < len(date_starts) and date_starts[i] < end


def first_of_line(text: str, offset: int, date_starts: list[int]) -> bool:
    """Whether no other date starts before `offset` on its line ("16 March – 19 March 2024" is one field)."""
    start = _line(text, offset)[0]
    i = bisect_left(date_starts, start)
    return i < len(date_starts) and date_starts[i] == offset


def heading_event(text: str, offset: int, words: re.Pattern) -> re.Match | None:
    """The event word of the nearest heading above `offset` that has one ("Part of …" lines name the
    wider conflict, not the event)."""
    window_start = max(0, offset - TITLE_REACH)
    headings = [m for m in _STANDALONE.finditer(text, window_start, offset) if not m.group(1).startswith("Part of")]
    for heading in reversed(headings):
        word = words.search(text, heading.start(1), heading.end(1))
        if word is not None:
            return word
    return None
