"""A person set off after a role whose office runs on in capitalised words: "Pakistan's new minister for
States and Frontier Regions (SAFRON), Abdul Qadir Baloch, announced …", "the secretary of the Kalat Home
Department, Ali Khan, said". The title may lie more than a few words before the comma; the words between
are the office's (capitalised words, link words, an abbreviation in brackets). Read by namewords'
person_evidence."""

from __future__ import annotations

import re
from collections.abc import Callable

_OFFICE_WORD = r"(?:[A-Z][\w'’.-]*|and|of|for|the|on|&)"
_OFFICE_ROLE = re.compile(
    rf"\b([A-Za-z-]+)\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+{_OFFICE_WORD})*"
    r"(?:\s+\([A-Z][A-Za-z]{1,9}\))?\s*(?:,|\s[—–-])\s*$"
)


def office_role_before(before: str, is_title: Callable[[str], bool]) -> str | None:
    """The role, when `before` (the text of the sentence before a name) ends in a title, 'for' or 'of', an
    office and a comma or a dash; else None."""
    role = _OFFICE_ROLE.search(before)
    if role is None or not is_title(role.group(1)):
        return None
    return f"a role before it: '{role.group().strip(' ,—–-')}'"


def office_follows(near: list[str]) -> bool:
    """'minister for Kalat Affairs': a name right after a title and 'for' or 'of' is the office's, no
    person's ('Ambassador to Pakistan' is read apart)."""
    return bool(near) and near[-1].lower() in ("for", "of")


_SET_OFF_ROLE = re.compile(r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he)\s+(?:[\w'’-]+\s+){0,3}([a-z][a-z-]+)\s*,\s*$")


def set_off_role_before(before: str, after: str, is_title: Callable[[str], bool]) -> str | None:
    """'A Frontier Corps soldier, Maqsood, sustained …': one word set off by commas after a role noun in
    lowercase (a title or an ordinary person's occupation) is a person's name."""
    role = _SET_OFF_ROLE.search(before)
    if role is None or not re.match(r"\s*,", after) or not is_title(role.group(1)):
        return None
    return f"a role before it: '{role.group().strip(' ,')}'"
