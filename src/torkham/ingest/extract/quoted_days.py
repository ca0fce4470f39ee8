"""'"… will be heading to Doha today for talks," Pakistan state TV said': a "today" inside a quotation is the
speaker's day, which the report has named already (its date line, "Saturday"); it is not proposed again as a
date, nor does it date what the quotation tells (the report's own sentence does). A "today" the report says in
its own voice ("Today, the Department of State is designating …") stays a date."""

from __future__ import annotations

from torkham.ingest.extract.date_forms import DateMention
from torkham.model.dates import PartialDate


def in_quotation(text: str, offset: int) -> bool:
    """Whether `offset` lies inside a quotation opened earlier in its paragraph."""
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def without_quoted_today(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """The mentions but each quoted 'today' whose day an earlier mention gives already."""
    out: list[DateMention] = []
    told: set[PartialDate] = set()  # the days the mentions kept so far give
    for mention in mentions:
        if (
            mention.relative is not None
            and mention.relative[0] == "today"
            and mention.date in told
            and in_quotation(text, mention.start)
        ):
            continue
        out.append(mention)
        told.add(mention.date)
    return out
