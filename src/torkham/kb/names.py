"""Name normalisation: how a user's spelling is compared with the names of the knowledge base."""

from __future__ import annotations

import re

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`show` answers without it)
if TYPE_CHECKING:
    from collections.abc import Mapping

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalize(name: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form: 'Tehrik-e-Taliban' -> 'tehrik e taliban'."""
    if not name.isascii():  # ASCII has nothing to decompose (and `show TTP` need not load unicodedata)
        import unicodedata

        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", name.casefold()).strip()


def match(names: Mapping[str, dict[str, str]], key: str) -> tuple[str, dict[str, str]]:
    """How the normalised `key` matches names kept by their normal form (each: actor id -> the name):
    ("exact", its holders), else ("partial", the holders of every name that begins with the key's words or
    holds each of them), else ("none", {})."""
    exact = names.get(key)
    if exact:
        return "exact", exact
    tokens = key.split()
    partial: dict[str, str] = {}
    for norm, holders in names.items():
        name_tokens = norm.split()
        if norm.startswith(key + " ") or all(t in name_tokens for t in tokens):
            for actor_id, name in holders.items():
                partial.setdefault(actor_id, name)
    return ("partial", partial) if partial else ("none", {})
