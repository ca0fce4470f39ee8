"""Countries a sentence only places: on a route ("refugees returning to Afghanistan from Iran and Pakistan",
"migration from Afghanistan to Europe": where a movement starts and ends) or in a condition it undergoes
("Afghanistan also continues to face outbreaks"; country_undergo_verbs of actor_words.yaml) or among
countries ("Afghanistan is also one of the main countries of origin")."""

from __future__ import annotations

import re

from torkham.ingest.extract.actor_words import actor_words

_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
_TO_THEN_FROM = re.compile(rf"\bto\s+(?:the\s+)?{_NAME}\s+from\s+(?:the\s+)?$")  # "returning to Afghanistan from "
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$")
_TO_AFTER = re.compile(rf"\s+to\s+(?:the\s+)?{_NAME}")  # "… from Afghanistan to Europe"
_UNDERGOES = re.compile(
    r"\s+(?:(?:also|still|now|again|already)\s+)?(?:(?:continues|continued|continue)\s+to\s+)?([a-z]+)\b"
)
_ONE_OF_COUNTRIES = re.compile(
    r"\s+(?:is|was|remains|remained)\s+(?:(?:also|still|now)\s+)?(?:one\s+of\s+the\s+(?:[\w-]+\s+){0,3}countries"
    r"|among\s+the\s+(?:[\w-]+\s+){0,3}countries|an?\s+(?:[\w-]+\s+){0,2}country)\b"
)


def on_route(text: str, start: int, end: int) -> bool:
    """The country (or list of countries) at text[start:end] is where a movement starts, its end named too:
    'to Afghanistan from Iran and Pakistan', 'from Afghanistan to Europe'."""
    window = text[max(0, start - 60) : start]
    if _TO_THEN_FROM.search(window):
        return True
    return bool(_FROM.search(window) and _TO_AFTER.match(text, end))


def undergoes(text: str, end: int) -> bool:
    """'Afghanistan also continues to face outbreaks', 'Pakistan suffered floods': the country is where a
    condition is, no party."""
    verb = _UNDERGOES.match(text, end)
    return bool(verb and verb.group(1) in actor_words().country_undergo_verbs)


def among_countries(text: str, end: int) -> bool:
    """'Afghanistan is also one of the main countries of origin', 'Pakistan is a transit country': the
    sentence says which countries it counts among, a place."""
    return bool(_ONE_OF_COUNTRIES.match(text, end))
