"""Speakers named before: a claim whose speaker is "he"/"she" or a description ("the spokesman", "the report",
"the statement", "the ministry", "the group") is the claim of the party the text named earlier — by rule, never
by names that look alike:

- "he"/"she": the one person named, or described ("An official performing duty …"), in the window; a person
  named twice ("Asif Durrani … Durrani") is one;
- "the spokesman", "the official": the one person named in the window;
- "the report", "the study", "the statement": the one body said to have written, published or issued it ("the US
  Institute of Peace report", "a statement from the Pakistani military", "an announcement by … (MOFA) said");
- "the ministry", "the office", "the group": the one body of that kind named in the window ("Ministry of Foreign
  Affairs", "Foreign Office"; a group: an armed group's name).

The window is the claim's paragraph and the three sentences before its own (and its own sentence up to the
speaker). Two candidates, or none, leave "he"/"she" to the salience of the last speaker (speaker_salience: the
person of the claim just before, or the subject of the last speech verb); otherwise they leave the speaker as
written, with a note that says why; a resolved speaker keeps the pronoun or description in its note for the
reviewer. The claims are taken in the order of the text, so a resolved 'He' passes its speaker on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from torkham.ingest.extract.antecedent_finders import Referent, bodies_named, persons_named, publishers_named
from torkham.ingest.extract.claim_record import ClaimPass, claim_record
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speaker_salience import continues_note, last_speaker, speech_subject
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.proposal import Proposal

SENTENCES_BACK = 3  # the antecedent may stand this many sentences before the claim's own, at most
PERSON_PRONOUNS = frozenset({"he", "she"})


@dataclass(frozen=True)
class Wanted:
    """What a speaker as written stands for: a person (named or described), a named person only, the
    publisher of a document, or a body whose name holds `noun` (a group: an armed group)."""

    kind: str  # "person", "named_person", "publisher", "body"
    noun: str = ""


def wanted(speaker: Speaker) -> Wanted | None:
    """'He' → a person; 'the spokesman' → a named person; 'The report' → its publisher; 'the ministry' → a
    ministry. A speaker without 'the' ('officials', 'a diplomat') or with more words is left alone."""
    words = speaker.text.lower().split()
    if len(words) == 1 and words[0] in PERSON_PRONOUNS:
        return Wanted("person")
    if len(words) != 1:
        return None
    noun = words[0]
    lists = claim_words()
    if noun in lists.antecedent_roles:
        return Wanted("named_person")
    if noun in lists.report_nouns or noun in lists.statement_nouns:
        return Wanted("publisher", noun)
    if noun in lists.body_nouns:
        return Wanted("body", noun)
    return None


def resolve_antecedents(cp: ClaimPass, actors: list[Proposal]) -> None:
    """Rewrites, in place, the claims of `cp` whose speaker is a pronoun for a person or a description that
    the text named before (`actors`: the actor candidates, whose kinds say who is a person)."""
    roster = {p.record["name"]: p.record.get("kind", "") for p in actors if p.kind == "actor"}
    resolved: set[int] = set()  # the claims resolved to a named person, whose speaker a later 'He' may continue
    for index in sorted(range(len(cp.made)), key=lambda i: cp.made[i][0].start):
        proposal, speaker = cp.made[index]
        if speaker is None or not speaker.generic or not _definite(cp, speaker):
            continue
        new = _resolve_one(cp, proposal, speaker, roster, resolved)
        if new is not None:
            cp.made[index] = (proposal, new)
            if not new.generic:
                resolved.add(id(proposal))


def _resolve_one(
    cp: ClaimPass, proposal: Proposal, speaker: Speaker, roster: dict[str, str], resolved: set[int]
) -> Speaker | None:
    """The speaker the claim is resolved to (its record re-made), or None with a note saying why not."""
    want = wanted(speaker)
    if want is None:
        return None
    found = _candidates(cp, roster, want, window_start(cp, speaker.start), speaker.start)
    if len(found) == 1:
        return _resolve(cp, proposal, speaker, found[0])
    salient = _salient(cp, proposal, speaker, roster, found, resolved) if want.kind == "person" else None
    if salient is None:
        _refuse(proposal, speaker, found)
    return salient


def _salient(
    cp: ClaimPass,
    proposal: Proposal,
    pronoun: Speaker,
    roster: dict[str, str],
    found: list[Referent],
    resolved: set[int],
) -> Speaker | None:
    """'He' after a person's claim continues that person; else, of two persons or more, the subject of the last
    speech verb before it (speaker_salience)."""
    speaker = last_speaker(cp, proposal, pronoun, roster, resolved)
    if speaker is not None:
        _restate(cp, proposal, speaker, continues_note(pronoun, speaker))
        return speaker
    subject = speech_subject(cp, found, window_start(cp, pronoun.start), pronoun.start) if len(found) > 1 else None
    if subject is None:
        return None
    referent, verb = subject
    where = _where(cp, referent.start, pronoun.start)
    note = f"speaker '{pronoun.text}' resolved to '{referent.name}', named {where} as the subject of '{verb}'"
    return _resolve(cp, proposal, pronoun, referent, note)


def _definite(cp: ClaimPass, speaker: Speaker) -> bool:
    """A pronoun, or a description with 'the' before it ('the ministry', not 'a ministry official')."""
    if speaker.text.lower() in PERSON_PRONOUNS:
        return True
    return re.search(r"\bthe\s+$", cp.doc.text[max(0, speaker.start - 5) : speaker.start], re.I) is not None


def window_start(cp: ClaimPass, at: int) -> int:
    """Where the window ends to the left: the paragraph's start or SENTENCES_BACK sentences back, whichever is
    earlier."""
    spans = cp.sentences.spans
    own = cp.sentences.around(at)
    index = spans.index(own) if own in spans else 0
    back = spans[max(0, index - SENTENCES_BACK)][0]
    paragraph = cp.doc.text.rfind("\n\n", 0, at)
    return min(back, paragraph + 2 if paragraph >= 0 else 0)


def _candidates(cp: ClaimPass, roster: dict[str, str], want: Wanted, start: int, end: int) -> list[Referent]:
    text = cp.doc.text
    if want.kind == "publisher":
        return publishers_named(text, start, end, want.noun, cp.made)
    if want.kind == "body":
        return bodies_named(text, start, end, want.noun, roster)
    people = persons_named(text, start, end, roster, cp.made)
    named = [p for p in people if p.named]
    return named if want.kind == "named_person" or named else people


def _resolve(cp: ClaimPass, proposal: Proposal, speaker: Speaker, referent: Referent, note: str = "") -> Speaker:
    """The claim re-made with the referent as its speaker; a described referent ('An official') stays unnamed."""
    resolved = Speaker(referent.name, referent.start, referent.start + len(referent.name), not referent.named)
    where = _where(cp, referent.start, speaker.start)
    if not note and referent.named:
        note = f"speaker '{speaker.text}' resolved to '{referent.name}', named {where}"
    elif not note:
        note = f"speaker '{speaker.text}' resolved to '{referent.name}', described {where}: name who it refers to"
    _restate(cp, proposal, resolved, note)
    return resolved if referent.named else speaker


def _restate(cp: ClaimPass, proposal: Proposal, speaker: Speaker, note: str) -> None:
    """The claim's record re-made for its new speaker, the note on how it was found first."""
    record, notes = claim_record(cp.lexicon, speaker, proposal.record["statement"])
    notes = [n for n in notes if not n.startswith("speaker is ")]
    proposal.record = record
    proposal.notes = [note, *notes]


def _where(cp: ClaimPass, antecedent: int, at: int) -> str:
    spans = cp.sentences.spans
    own, theirs = cp.sentences.around(at), cp.sentences.around(antecedent)
    if own == theirs or own not in spans or theirs not in spans:
        return "in the same sentence"
    back = spans.index(own) - spans.index(theirs)
    return "in the sentence before" if back == 1 else f"{back} sentences before"


def _refuse(proposal: Proposal, speaker: Speaker, found: list[Referent]) -> None:
    if found:
        names = ", ".join(f"'{r.name}'" for r in found[:3])
        reason = f"{len(found)} parties it could stand for are named before it ({names})"
    else:
        reason = "no party it could stand for is named shortly before it"
    proposal.notes.insert(1, f"speaker '{speaker.text}' left as written: {reason}")
