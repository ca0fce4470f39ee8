"""People named by one given name where a quotation is attributed: "Jawid*, 17, said:", "said Kamal, 14,",
"Gul, a shopkeeper, told …". One capitalised word is a person only here, set off by an age or an ordinary
occupation (occupation_nouns) and beside a verb of speech; an asterisk marking a changed name is no part of it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.namewords import lookups
from torkham.ingest.extract.words import default_words

_VERB = r"(?:said|says|told|added|explained|recalled|recounted)"
_WORD = r"(?P<name>[A-Z][a-z]{2,})\*?"
_SET_OFF = r",\s*(?P<what>\d{1,2}|aged\s+\d{1,2}|an?\s+(?:\d{1,2}-year-old\s+)?[a-z]+(?:\s+[a-z]+)?),"
# "Jawid*, 17, said": the name opens its sentence or line
_BEFORE = re.compile(rf"(?:^|(?<=[.!?:\n\"”]\s)|(?<=\n)){_WORD}{_SET_OFF}\s*{_VERB}\b", re.M)
# "…," said Kamal, 14, "…": the name after the verb
_AFTER = re.compile(rf"\b{_VERB}\s+{_WORD}{_SET_OFF[:-1]}(?=[,.;:\s])")


def aged_speakers(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(name, start, end, note) of each person named so."""
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            name, what = m.group("name"), " ".join(m.group("what").split())
            if _no_person(name) or not _age_or_occupation(what):
                continue
            yield name, m.start("name"), m.end("name"), f"one name set off by '{what}' before or after a verb of speech"


def _age_or_occupation(what: str) -> bool:
    if what[0].isdigit() or what.startswith("aged"):
        return True
    return what.split()[-1] in actor_words().occupation_nouns


def _no_person(name: str) -> bool:
    words = default_words()
    low = name.lower()
    return (
        low in lookups()[2]
        or bool(lookups()[3].fullmatch(name))
        or low in words.demonyms
        or low in words.months
        or low in words.non_name_words
    )
