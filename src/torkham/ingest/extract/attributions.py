"""Attributions inside a sentence: '…, according to a statement from the Pakistani military', 'according
to the Ministry of Interior', 'According to the Independent Assessment of Afghanistan by the UN', '… was
reported by one Member State to …' — the speaker and the span of the attribution."""

from __future__ import annotations

import re

from torkham.ingest.extract.speakers import Speaker, body_before, first_name_in
from torkham.ingest.extract.speech_words import speaker_nouns, speech_verb_forms

# "according to a statement from …": the speaker follows the document; "the Ministry of …" is the speaker
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?:(?:a|an|the)\s+(?:[a-z]\w*\s+){0,2}?(?:from|by|of)\s+)?")
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+\s+)?by\s+")
# A phrase up to a comma, a stop or a bracket; a full stop inside an abbreviation ("U.S.") does not end it.
_PHRASE = re.compile(r"(?:(?:one|a|an|the|another)\s+)?(?P<who>(?:[^,.;:()\n]|\.(?=\S)|(?<=\b[A-Z])\.)+)")
_WHERE = re.compile(r"\s+(?:in|at|from|of|on)\s+[^,.;:()\n\"“]{1,40}(?=[,.;]|$)")
_WHAT = re.compile(r"\bwhat\s+$", re.I)
_BY_NAME = re.compile(r"\bby\s+(?:the\s+)?(?=[A-Z])")
NOUN_REACH = 4  # a speaking noun counts among the first words of the phrase only


def attributed_to(text: str, start: int, end: int) -> list[tuple[Speaker, int, int]]:
    """(the speaker, and the span of the attribution) for each attribution in text[start:end]."""
    found = []
    for m in _ACCORDING.finditer(text, start, end):
        found.append((m, named_after(text, m.end(), end)))
    for m in _PASSIVE_BY.finditer(text, start, end):
        verb = m.group().split()[-2]
        if _WHAT.search(text, max(start, m.start() - 8), m.start()):
            continue  # "a summary of what was said by X": names the speech, asserts nothing
        if verb.lower() in speech_verb_forms():
            found.append((m, named_after(text, m.end(), end)))
    return [(who, m.start(), _phrase_end(text, who.end)) for m, who in found if who is not None]


def _phrase_end(text: str, end: int) -> int:
    """'according to local officials in Kurram, …': where the speaker is belongs to the attribution."""
    where = _WHERE.match(text, end)
    return where.end() if where else end


def named_after(text: str, position: int, end: int) -> Speaker | None:
    """The name or speaking noun phrase at `position`: 'one Member State', 'the UN refugee agency', 'the
    Ministry of Interior', 'the U.S. State Department', a document 'by the UN'."""
    m = _PHRASE.match(text[position:end][:100])
    if m is None:
        return None
    phrase, phrase_start = m.group("who"), position + m.start("who")
    by = _BY_NAME.search(phrase)
    if by is not None:  # "the Independent Assessment of Afghanistan by the UN": the UN's
        author = first_name_in(phrase[by.end() :], phrase_start + by.end())
        if author is not None:
            return author
    for i, word in enumerate(re.finditer(r"[A-Za-z]+", phrase)):
        if i >= NOUN_REACH:
            break
        if word.group().lower() in speaker_nouns():
            if word.group()[:1].isupper():  # "the Ministry of Interior", "the Government of Pakistan"
                named = first_name_in(phrase, phrase_start)
                if named is not None and named.end >= phrase_start + word.end():
                    return named
            return body_before(text, phrase_start, phrase_start + word.end())
    return first_name_in(phrase, phrase_start)
