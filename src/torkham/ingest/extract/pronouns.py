"""A claim whose speaker is "it" or "they" ('It said weapons were recovered') takes the speaker of the claim
just before it in the same paragraph ('…, the military said in a statement.'), or ending the paragraph before one
that opens with 'It also said …'; the note keeps the pronoun and
says the speaker was taken from the sentence before, for the reviewer to check. "He" and "she" are resolved
before this, to the person named before them (speaker_antecedents)."""

from __future__ import annotations

import re

from torkham.ingest.extract.claim_record import ClaimPass, claim_record
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speakers import RELATIVES, Speaker
from torkham.ingest.extract.speech_words import speaker_nouns
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

SENTENCES_BACK = 2  # the speaker before may stand this many sentences back, at most
_RESOLVED = {"it", "they"}  # "he"/"she": speaker_antecedents; "we" and "I" speak inside quotations
_SKIPPED = RELATIVES | {"he", "she"}


def resolve_pronouns(cp: ClaimPass) -> None:
    """Rewrites, in place, the claims of `cp` whose speaker is a pronoun and has a speaker before it."""
    before: tuple[Proposal, Speaker] | None = None
    for proposal, speaker in sorted(cp.made, key=lambda made: made[0].start):
        if speaker is None:
            continue
        if speaker.generic and speaker.text.lower() in _SKIPPED:
            continue  # 'an organization that claimed …', an unresolved 'he': no speaker to pass on
        if not (speaker.generic and speaker.text.lower() in _RESOLVED):
            before = (proposal, speaker)
        elif before is not None and _near(cp, before[0], proposal) and _agrees(speaker, before[1]):
            _take(cp, proposal, speaker, before[1])


def _near(cp: ClaimPass, earlier: Proposal, later: Proposal) -> bool:
    """The earlier claim ends at most SENTENCES_BACK sentences before, with no paragraph break between."""
    if earlier.start > later.start:
        return False
    if "\n\n" in cp.doc.text[earlier.end : later.start]:
        return _also_next_paragraph(cp, earlier, later)
    spans = cp.sentences.spans
    later_sentence = cp.sentences.around(later.start)
    if later_sentence not in spans:
        return False
    index = spans.index(later_sentence)
    first = spans[max(0, index - SENTENCES_BACK)][0]
    return earlier.end >= first


_ALSO = re.compile(r"\s*(?:It|They)\s+also\s")  # 'It also said it was withdrawing …': the speaker before goes on


def _also_next_paragraph(cp: ClaimPass, earlier: Proposal, later: Proposal) -> bool:
    """'The Afghanistan Cricket Board told AFP that …' ending its paragraph, then 'It also said …' opening the
    next: the earlier claim ends the paragraph right before, the pronoun opens its own with 'also'."""
    text = cp.doc.text
    start = cp.sentences.around(later.start)[0]
    between = text[earlier.end : start]
    if between.strip() or between.count("\n\n") != 1:
        return False
    return _ALSO.match(text, start) is not None


def _agrees(pronoun: Speaker, speaker: Speaker) -> bool:
    """'he'/'she' is one person ('Asif Durrani', 'Durrani', 'the police spokesman'), not 'officials', 'police'
    or 'the ministry'; 'it'/'they' is not a person's full name ('Zabihullah Mujahid … They asserted')."""
    person = is_person(speaker)
    return person is not False if pronoun.text.lower() in ("he", "she") else person is not True


def is_person(speaker: Speaker) -> bool | None:
    """True: a person's name or a noun for one person; False: a body or a group; None: cannot tell."""
    words = speaker.text.split()
    if speaker.generic:
        return words[-1].lower() in claim_words().person_nouns or words[-1].lower() in default_words().person_titles
    lowered = {w.lower() for w in words}
    if len(words) == 1:
        return False if words[0].isupper() else None  # "TTP"; "Durrani" or "Taliban"
    if words[-1].lower() in claim_words().institution_heads:
        return False  # "the Afghanistan Cricket Board": a body
    return not (lowered & (speaker_nouns() | set(default_words().demonyms)))


def _take(cp: ClaimPass, proposal: Proposal, pronoun: Speaker, speaker: Speaker) -> None:
    record, notes = claim_record(cp.lexicon, speaker, proposal.record["statement"])
    notes = [n for n in notes if not n.startswith("speaker is ")]
    proposal.record = record
    proposal.notes = [f"speaker '{pronoun.text}' taken to be '{speaker.text}', the speaker before it: check", *notes]
