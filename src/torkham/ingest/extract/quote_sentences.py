"""A quotation of several sentences is one claim per sentence (settled conventions, eval/README.md: one claim per
sentence and speaker), each the quotation's speaker's: '“When the teams reached the hideout, they opened fire.
The police retaliated as well,” he said' → two claims by 'he'. The first sentence's claim is what the quotation's
was (its span opens at the attribution before the quotation: 'Mujahid said: “…'); each following sentence's has
the note that it continues the quotation begun in the sentence before, and the last runs to the attribution
after the quotation ('…,” he said'). A sentence that opens in lowercase ('the lessons that ... military
interventions are …') or has fewer than MIN_QUOTE_WORDS words goes with the sentence before it. Run
`follow_quotations` after the speakers are resolved: each following sentence then names the speaker the first
sentence names."""

from __future__ import annotations

from itertools import pairwise

from torkham.ingest.extract.claim_record import ClaimPass, claim_topic
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.proposal import Proposal

MIN_QUOTE_WORDS = 4


def continues_note(speaker: str) -> str:
    return f"continues the quotation of '{speaker}' begun in the sentence before"


def quotation_claims(
    cp: ClaimPass, speaker: Speaker, parts: list[tuple[int, int]], start: int, end: int
) -> list[Proposal]:
    """The claims of a quotation whose paragraphs are `parts` (each without its marks), one per sentence; the
    first claim starts at `start` when it opens the first paragraph, the last ends at `end` when it closes the
    last one."""
    text = cp.doc.text
    pieces = [
        piece
        for part in parts
        if len(text[part[0] : part[1]].split()) >= MIN_QUOTE_WORDS
        for piece in sentence_pieces(cp, *part)
    ]
    proposals: list[Proposal] = []
    for i, (piece_start, piece_end) in enumerate(pieces):
        left = start if i == 0 and piece_start < parts[0][1] else piece_start
        right = end if i == len(pieces) - 1 and piece_end > parts[-1][0] else piece_end
        proposal = cp.claim(speaker, text[piece_start:piece_end], left, right)
        if proposals:
            proposal.notes.insert(0, continues_note(speaker.text))
            cp.continued.append((proposal, proposals[0], speaker.text))
        proposals.append(proposal)
    return proposals


def sentence_pieces(cp: ClaimPass, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of text[start:end], the first from `start`, the last to `end`; a piece that opens in
    lowercase or is shorter than MIN_QUOTE_WORDS words joins the one before it (the first, the one after)."""
    text = cp.doc.text
    cuts = [start, *_sentence_ends(cp, start, end), end]
    pieces: list[tuple[int, int]] = []
    for left, right in pairwise(cuts):
        left = _skip_space(text, left, right)
        if pieces and (_continues(text, left) or _short(text, *pieces[-1]) or _short(text, left, right)):
            pieces[-1] = (pieces[-1][0], right)
        elif left < right:
            pieces.append((left, right))
    return pieces


def _sentence_ends(cp: ClaimPass, start: int, end: int) -> list[int]:
    """Where the document's sentences end strictly inside [start, end)."""
    ends, position = [], start
    while position < end:
        left, right = cp.sentences.around(position)
        if right <= position or right >= end:
            break
        ends.append(right)
        position = _skip_space(cp.doc.text, right, end)
    return ends


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def _continues(text: str, position: int) -> bool:
    """The piece opens in lowercase: the sentence before was cut at an ellipsis ('lessons that ... military')."""
    return position < len(text) and text[position].islower()


def _short(text: str, start: int, end: int) -> bool:
    return len(text[start:end].split()) < MIN_QUOTE_WORDS


def follow_quotations(cp: ClaimPass) -> None:
    """Each following sentence of a quotation takes the speaker its first sentence has once resolved ('he' →
    'Shahid Hameed'), with that sentence's notes on the speaker; its own topic stays."""
    for proposal, first, said in cp.continued:
        first_topic_note = claim_topic(first.record["statement"])[1]
        topic_note = claim_topic(proposal.record["statement"])[1]
        proposal.record = {**proposal.record, "asserted_by": list(first.record["asserted_by"])}
        speaker_notes = [note for note in first.notes if note != first_topic_note]
        proposal.notes = [continues_note(said), *speaker_notes, *([topic_note] if topic_note else [])]
