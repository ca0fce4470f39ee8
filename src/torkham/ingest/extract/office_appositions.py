"""A person set off by commas right after an office that is a person's only there: "the UN High Commissioner
for Refugees, Sadako Ogata, to Pakistan" (set_off_offices of actor_words.yaml). The same words elsewhere name
a body ("United Nations High Commissioner for Refugees (UNHCR)"), so the office is no title of its own."""

from __future__ import annotations

import re

from torkham.ingest.extract.actor_words import actor_words

# the office's last capitalised word, maybe before "for"/"of" and capitalised words, then a comma
_OFFICE = re.compile(r"\b([A-Z][a-z]+)(?:\s+(?:for|of)(?:\s+the)?(?:\s+[A-Z][\w'’-]*){1,4})?\s*,\s*$")
_SET_OFF_AFTER = re.compile(r"\s*,")


def set_off_office(before: str, after: str) -> str | None:
    """Why the name between `before` and `after` is a person: an office of set_off_offices right before it,
    and a comma after it; None otherwise."""
    office = _OFFICE.search(before)
    if office is None or office.group(1).lower() not in actor_words().set_off_offices:
        return None
    if not _SET_OFF_AFTER.match(after):
        return None
    return f"set off after an office: '{before[office.start(1) :].strip(' ,')}'"
