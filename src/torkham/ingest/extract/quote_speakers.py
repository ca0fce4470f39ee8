"""Who says a quotation: the speaker named after it ('…," Lieven said', '…", concluded the paper', a name
line under it) or before it ('Mujahid said: "…"', 'According to the State Department, "…"')."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.attributions import attributed_to
from torkham.ingest.extract.speakers import (
    Speaker,
    body_before,
    first_name_in,
    last_name_in,
)
from torkham.ingest.extract.speech_words import speech_verb_forms
from torkham.ingest.extract.verb_use import reports

_ADVERBS = re.compile(r"(?:\s+(?:has|have|had|also|then|later|[a-z]+ly))*\s*")


_ROLE = r"(?:a|an|the)\s+[a-z][^,.;\n\"“”]{1,60},"  # an apposition after a name: "a spokesman for X,"


@lru_cache(maxsize=1)
def _verbs() -> str:
    return "|".join(re.escape(v) for v in speech_verb_forms())


def speaker_after(text: str, end: int) -> Speaker | None:
    """'…", said spokesperson Sohail Shaheen' / '…," Lieven said' / '…," the statement said' / a name line
    under a quotation."""
    verbs = _verbs()
    window = text[end : end + 160]
    if "\n" in window[: len(window) - len(window.lstrip(" \t\n,.*"))]:  # a new paragraph: '”\n\nX, a …, told'
        return _after_paragraph(text, end, window)
    m = re.match(rf"[\s,.*]*(?:\([^)]*\)\s*)?,?\s*(?P<verb>{verbs})\s+(?P<who>[^,.;\n\"“”]{{2,70}})", window)
    if m:
        at = end + m.start("who")
        who = last_name_in(m.group("who"), at) or body_before(text, at, at + len(m.group("who").rstrip()))
        if who:
            return who
    m = re.match(rf"[\s,.*]*(?P<who>(?i:he|she|they|we|i))\s+(?:{verbs})\b", window)
    if m:  # '"…," she said.'
        return Speaker(m.group("who"), end + m.start("who"), end + m.end("who"), generic=True)
    for m in _named_before_verb(window):  # '"…," Lieven said', '"…," Pakistan state TV said'
        who = _described_body(m.group("who"), end + m.start("who")) or last_name_in(
            m.group("who"), end + m.start("who")
        )
        verb_at = end + m.start("verb")
        tail = text[who.end : end + m.end("who")] if who else ""
        if who and _ADVERBS.fullmatch(tail) and reports(text, verb_at, end + m.end("verb"), end, end + len(window)):
            return who
    m = re.match(rf"[\s,.*]*(?P<who>[A-Z][^,.;\n\"“”]{{1,40}}?),\s+{_ROLE}\s+(?:{verbs})\b", window)
    if m:  # '…," Naveed Akhtar, a spokesman for the provincial government, said.'
        who = last_name_in(m.group("who"), end + m.start("who"))
        if who:
            return who
    m = re.match(rf"[\s,.*]*(?P<who>(?:the|a|an)\s+[a-z][^,.;\n\"“”]{{1,50}}?)\s+(?:{verbs})\b", window)
    if m:  # '…," the statement said.'
        return body_before(text, end + m.start("who"), end + m.end("who"))
    return _after_paragraph(text, end, window)


@lru_cache(maxsize=1)
def _subject_verb() -> re.Pattern[str]:
    return re.compile(rf"[\s,.*]*(?P<who>[A-Z][^,.;\n\"“”]{{1,60}}?)\s+(?P<verb>{_verbs()})")


def _named_before_verb(window: str) -> list[re.Match[str]]:
    """Each way of reading the window as a capitalised subject and a speech verb, the nearest verb first: in
    '"…," Pakistan state TV said' "state" is no verb, "said" is."""
    matches = []
    for verb in re.finditer(rf"\s+(?:{_verbs()})\b", window):
        m = _subject_verb().fullmatch(window, 0, verb.end())
        if m:
            matches.append(m)
    return matches


# a body described by a name and lowercase words before a capitalised noun: "Pakistan state TV"
_DESCRIBED = re.compile(r"[A-Z][\w'’-]*(?:\s+[a-z]+){1,2}\s+[A-Z][\w'’-]*")


def _described_body(who: str, offset: int) -> Speaker | None:
    m = _DESCRIBED.fullmatch(who.strip())
    if m is None:
        return None
    start = offset + len(who) - len(who.lstrip())
    return Speaker(m.group(), start, start + len(m.group()))


def _after_paragraph(text: str, end: int, window: str) -> Speaker | None:
    """A speaker below the quotation: 'With these words X …', a name line ('Iftikhar Firdous, Khorasan Diary')."""
    m = re.match(r"[\s\"”*]*(?:With|In) (?:these|those|his|her) words,?\s+(?P<who>[^,.;\n]{2,80})", window)
    if m:  # '"…"\n\nWith these words German Foreign Minister Heiko Maas summed up …'
        return first_name_in(m.group("who"), end + m.start("who"))
    m = re.match(r"\s*\n\s*(?P<who>[A-Z][^\n:]{2,60})\n", window)  # "Iftikhar Firdous, Khorasan Diary"
    if m and len(m.group("who").split()) <= 8 and not re.search(r"[.!?]$", m.group("who")):
        return last_name_in(m.group("who").split(",")[0], end + m.start("who"))
    return None


def speaker_before(text: str, start: int, sentence_start: int) -> Speaker | None:
    """'Leiven told me in a virtual interview, "…"' / 'Mujahid said: "…"' / 'According to X (…), "…"'."""
    before = text[sentence_start:start]
    m = re.search(rf"(?P<who>[^.;\"]{{0,120}}?)\b(?P<verb>{_verbs()})\b[^\"“”]{{0,60}}[,:]?\s*[\"“*]*$", before)
    if m and re.search(r"\bwhat\s+\w+\s+$", m.group("who")):
        return None  # "condemned what it called “…”": a naming inside another claim
    verb_at = sentence_start + m.start("verb") if m else 0
    if m and not reports(text, verb_at, verb_at + len(m.group("verb")), sentence_start, start + 1):
        m = None  # "to convey its “deep concern”": not a statement
    if m:
        pronoun = re.search(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+$", m.group("who"))
        if pronoun:  # '…, deploring what she called "…"': she, not the name before her
            at = sentence_start + m.start("who") + pronoun.start("p")
            return Speaker(pronoun.group("p"), at, at + len(pronoun.group("p")), generic=True)
        return last_name_in(m.group("who"), sentence_start + m.start("who"))
    attributed = attributed_to(text, sentence_start, start)
    if attributed and re.fullmatch(r"[^\"“”]{0,80}?,\s*[\"“*]*", text[attributed[-1][0].end : start]):
        return attributed[-1][0]  # "According to the U.S. State Department's Country Reports …, “In 2022 …”"
    m = re.search(r"\bby\s+(?P<who>[^,;\"]{3,80})(?:,[^\"]{0,120})?[\"“*]*$", before)  # "as spelled out by Dr. X, …"
    if m:
        return first_name_in(m.group("who"), sentence_start + m.start("who"))
    m = re.search(r"\b(?P<p>[Hh]e|[Ss]he|[Ii]t|[Tt]hey)\s+[\"“*]*$", before)  # 'However, it “has yet to …”'
    return (
        Speaker(m.group("p"), sentence_start + m.start("p"), sentence_start + m.end("p"), generic=True) if m else None
    )
