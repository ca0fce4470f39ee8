"""Quotations with their speaker: '"TTP attacks originate from within Pakistan" (Express Tribune, 2023),
said spokesperson Sohail Shaheen'. A quotation that follows one with a speaker in the same paragraph
continues it ('"…," Durrani stressed. "So, almost 450,000 have left."'), as does one right after a named
speaker's reported speech ('Hameed said that … six terrorists. "A huge cache … was recovered."'). A
quotation of several sentences, on one paragraph or over several (each opening with a quotation mark), is one
claim per sentence, each the speaker's (quote_sentences). A quotation whose speaker cannot be named is not
proposed, nor a one-sentence pledge ('“We will bring them to justice,”')."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_record import ClaimPass
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.quote_intros import speaker_above
from torkham.ingest.extract.quote_sentences import MIN_QUOTE_WORDS, quotation_claims
from torkham.ingest.extract.quote_speakers import speaker_after, speaker_before
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

_QUOTE = re.compile(r"\"([^\"\n]{3,1500}?)\"|“([^”]{3,1500}?)”|\*\"([^\"\n]{3,600}?)\"\*")
# between the end of the last claim and the next quotation: '…,” Durrani stressed. “So, …'
_CONTINUES = re.compile(r"[\s.,;:*\"”]{0,6}(?:[\w-]+[\s,]+){0,2}?(?:[\w-]+)?[\s.,;:*\"”]{0,6}")
# A quotation of one sentence in which the speaker binds themselves: a pledge, not a claim.
_PLEDGE = re.compile(
    r"\s*(?:We|I|Our\s+[a-z]+(?:\s+\[[a-z]+\])?)\s+(?:will|shall|are\s+going\s+to)\s[^.!?]*[.!?,]?\s*$"
)
_APPOSITION = re.compile(r",\s+(?:a|an|the)\s[^.!?“”\"\n]{1,80}(?=[.!?])")


@lru_cache(maxsize=1)
def _role_apposition() -> re.Pattern[str]:
    """A role without an article after the speaker, to the end of the sentence: ', associate Asia director at
    Human Rights Watch.' (wordlists.yaml: person_titles; claim_words.yaml: person_nouns)."""
    roles = {*default_words().person_titles, *claim_words().person_nouns}
    alternatives = "|".join(sorted((re.escape(r) for r in roles if " " not in r), key=len, reverse=True))
    return re.compile(rf",\s+(?:[\w'’-]+\s+){{0,3}}?(?:{alternatives})\b[^.!?“”\"\n]{{0,80}}(?=[.!?])", re.I)


_PARAGRAPH_OPENS = re.compile(r"\n\s*(?=“)")  # a quotation that runs on: each paragraph opens with “


def quote_claims(cp: ClaimPass) -> list[Proposal]:
    """The claims, with the spans they hold registered on `cp` (reported speech does not look inside)."""
    text = cp.doc.text
    proposals: list[Proposal] = []
    spans: list[tuple[int, int]] = []
    last: tuple[int, Speaker] | None = None  # where the last quotation's claim ends, and its speaker
    for m in _QUOTE.finditer(text):
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        body_start, body_end = m.start(group), m.end(group)
        if len(m.group(group).split()) < MIN_QUOTE_WORDS or cp.regions.within("bibliography", m.start()):
            continue
        sentence_start = cp.sentences.around(m.start())[0]
        speaker = (
            speaker_after(text, m.end())
            or speaker_before(text, m.start(), sentence_start)
            or speaker_above(text, m.start())
        )
        start, end = m.start(), m.end()
        if speaker is not None:
            start, end = min(start, _attribution_start(text, speaker, start)), max(end, speaker.end)
        elif last is not None and _CONTINUES.fullmatch(text, last[0], m.start()):
            speaker = last[1]
        if speaker is None:
            continue
        if _PLEDGE.match(m.group(group)):
            spans.append((start, end))  # '“Our security [agencies] will conduct an investigation …”': a pledge
            last = (end, speaker)
            continue
        proposals += quotation_claims(cp, speaker, _paragraphs(text, body_start, body_end), start, end)
        spans.append((start, end))
        # '…,” said Aliya, a 32-year-old mother of two. “We …', '…,” said X, associate Asia director at Y. “With …'
        apposition = _APPOSITION.match(text, end) or _role_apposition().match(text, end)
        last = (apposition.end() if apposition else end, speaker)
    cp.cover(spans)
    return proposals


def _attribution_start(text: str, speaker: Speaker, quote_start: int) -> int:
    """'According to the U.S. State Department …, "…"': the claim starts at 'According'."""
    if speaker.start >= quote_start:
        return speaker.start
    according = text.rfind("ccording to", max(0, speaker.start - 30), speaker.start)
    return according - 1 if according > 0 else speaker.start


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraphs of a quotation that runs on ('“It is vital …\n“That's why …'), each without its mark."""
    parts, position = [], start
    for m in _PARAGRAPH_OPENS.finditer(text, start, end):
        parts.append((position, m.start()))
        position = m.end() + 1  # after the opening mark
    parts.append((position, end))
    return parts


_RIGHT_AFTER = re.compile(r"[ \t]*")  # the quotation opens the next sentence of the paragraph


def continued_quotes(cp: ClaimPass) -> list[Proposal]:
    """Quotations left without a speaker that open the sentence right after a named speaker's reported
    speech, in the same paragraph: that speaker's. Run after reported speech."""
    text = cp.doc.text
    ends = {proposal.end: speaker for proposal, speaker in cp.made if speaker is not None and not speaker.generic}
    proposals = []
    for m in _QUOTE.finditer(text):
        group = next(i for i, g in enumerate(m.groups(), 1) if g is not None)
        if len(m.group(group).split()) < MIN_QUOTE_WORDS or cp.skipped(m.start()):
            continue
        before = text[: m.start()].rstrip(" \t")
        speaker = ends.get(len(before)) or ends.get(len(before) - 1)
        if speaker is None or not before.endswith((".", "!", "?")) or cp.held(m.start(), speaker):
            continue
        proposals += quotation_claims(cp, speaker, [(m.start(group), m.end(group))], m.start(), m.end())
    return proposals
