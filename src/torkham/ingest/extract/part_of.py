"""A name the text calls the whole that another name of the same actor is part of is a different actor in that
text: "The TTP … It is a subset of the Pakistani Taliban", "groups which are part of the Pakistani Taliban, but
not the TTP". The word lists may hold both as one actor's names (same_actor: the TTP is often called the
Pakistani Taliban), and the knowledge base may too; in such a text the two stay apart: their candidates are not
merged, and the whole's name is no mention of the part's actor. "A faction of the TTP" alone says nothing of
the sort (the faction is another name, not one of the actor's)."""

from __future__ import annotations

import re

from torkham.kb.names import normalize

_PART = r"(?:an?\s+|one\s+)?(?:subset|part|faction|wing|branch|offshoot|component)s?\s+of\s+(?:the\s+)?"
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}"
# "It is a subset of the Pakistani Taliban", "The TTP is part of …": the subject and the whole
_IS_PART = re.compile(
    rf"\b(?P<part>It|The group|The organi[sz]ation|(?:the\s+)?{_NAME})\s+(?:is|was|remains)\s+{_PART}"
    rf"(?P<whole>{_NAME})"
)
# "which are part of the Pakistani Taliban, but not the TTP": the whole and a name it does not hold
_NOT_IN = re.compile(rf"\b{_PART}(?P<whole>{_NAME}),?\s+but\s+not\s+(?:the\s+)?(?P<part>{_NAME})")


def apart_forms(text: str, forms: set[str]) -> set[str]:
    """Of `forms` (normalised names of one actor), those the text calls the whole another of them, or the
    actor it speaks of ("It", "The group"), is part of."""
    apart = set()
    for pattern in (_IS_PART, _NOT_IN):
        for m in pattern.finditer(text):
            whole, part = normalize(m.group("whole")), normalize(m.group("part")).removeprefix("the ")
            if whole in forms and (
                part in forms - {whole} or _pronoun_for(text, m.start(), part, forms - {whole}, whole)
            ):
                apart.add(whole)
    return apart


def _pronoun_for(text: str, at: int, part: str, others: set[str], whole: str) -> bool:
    """'It', 'The group' standing for the actor: another of its names comes shortly before, the whole's not."""
    if part not in ("it", "group", "organisation", "organization"):
        return False
    before = normalize(text[max(0, at - _NEAR) : at])
    return _holds(before, others) and not _holds(before, {whole})


def _holds(text: str, forms: set[str]) -> bool:
    return any(re.search(rf"\b{re.escape(f)}\b", text) for f in forms)


_NEAR = 300  # characters before "It is a subset of …" where the actor it stands for is named


def without_wholes(text: str, found: list[tuple[str, str]], forms: dict[str, dict[str, str]]) -> set[str]:
    """Of the mentions `found` ((name as written, actor id)), the normalised names that are the whole in this
    text, not the actor the knowledge base gives them (`forms`: normalised name -> {actor id: name})."""
    if not (_IS_PART.search(text) or _NOT_IN.search(text)):
        return set()
    out: set[str] = set()
    for actor in {a for _, a in found}:
        out |= apart_forms(text, {key for key, holders in forms.items() if actor in holders})
    return out
