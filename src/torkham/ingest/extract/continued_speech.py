"""Reported speech that runs on past its sentence: a paragraph that opens with a named speaker's 'X expressed
that …' / 'X said that …' and goes on with sentences of no speaker of their own is the speaker's account, one
claim per sentence ('Wang Yi expressed that A and B are friendly neighbours. The three countries are connected by
mountains and rivers. …': each sentence Wang Yi's). The run stops at the paragraph's end and at the first
sentence that another claim holds, quotes (more than a name in scare quotes), reports (a speech verb, 'according to'), or dates a happening (a year:
the author's narrative). The speaker must be named (not a pronoun nor a common noun) and open the paragraph, the
verb (claim_words.yaml: continued_speech_verbs) be followed by 'that'."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_record import ClaimPass
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.extract.speech_words import speech_verb_pattern
from torkham.ingest.proposal import Proposal

MIN_WORDS = 6
_SCARE_QUOTES = re.compile(r"[\"“](?:[^\"“”\s]+\s?){1,3}[\"”]")  # 'the "Belt and Road"': a name, not speech
_OWN_SPEECH = re.compile(r"[\"“”]|\baccording to\b|\b(?:1[89]|20)\d\d\b", re.I)


def continues_note(speaker: str) -> str:
    return f"continues the reported speech of '{speaker}' begun in the paragraph's first sentence"


@lru_cache(maxsize=1)
def _opening_verb() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in sorted(claim_words().continued_speech_verbs, key=len, reverse=True))
    return re.compile(rf"\s+(?:[a-z]+ly\s+)?(?:{verbs})\s+that\b")


def continued_speech(cp: ClaimPass) -> list[Proposal]:
    """The claims of the sentences that continue a paragraph-opening named speaker's reported speech."""
    proposals: list[Proposal] = []
    for proposal, speaker in list(cp.made):
        if speaker is not None and _opens_account(cp, proposal, speaker):
            proposals += _run_on(cp, proposal, speaker)
    return proposals


def _opens_account(cp: ClaimPass, proposal: Proposal, speaker: Speaker) -> bool:
    """The speaker, named, opens the paragraph and the claim's sentence: 'Wang Yi expressed that …'."""
    text = cp.doc.text
    start, end = cp.sentences.around(proposal.start)
    if speaker.generic or speaker.start != start or proposal.end < end - 1:
        return False
    if text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False  # not the paragraph's first sentence
    return _opening_verb().match(text, speaker.end) is not None


def _run_on(cp: ClaimPass, first: Proposal, speaker: Speaker) -> list[Proposal]:
    text = cp.doc.text
    held = {cp.sentences.around(p.start)[0] for p, _ in cp.made}
    proposals: list[Proposal] = []
    position = cp.sentences.around(first.start)[1]
    while True:
        start, end = cp.sentences.around(_next_char(text, position))
        if start < position or "\n" in text[position:start] or start in held or not _plain(text[start:end]):
            return proposals
        proposal = cp.claim(speaker, text[start:end], start, end)
        proposal.notes.insert(0, continues_note(speaker.text))
        proposals.append(proposal)
        position = end


def _next_char(text: str, position: int) -> int:
    while position < len(text) - 1 and text[position] in " \t":
        position += 1
    return position


def _plain(sentence: str) -> bool:
    """No speech of its own, no date, not a fragment."""
    words = sentence.split()
    sentence = _SCARE_QUOTES.sub("", sentence)
    return len(words) >= MIN_WORDS and not _OWN_SPEECH.search(sentence) and not speech_verb_pattern().search(sentence)
