"""Name normalisation: how a user's spelling is compared with the names of the knowledge base."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalize(name: str) -> str:
    """Case-, diacritic- and punctuation-insensitive form: 'Tehrik-e-Taliban' -> 'tehrik e taliban'."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.casefold()).strip()
