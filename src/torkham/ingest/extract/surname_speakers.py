"""A speaker named by surname alone ('Mr Mujahid said …', '"…," Mr Zardari said') after the text named the person
in full ('Zabiullah Mujahid, the spokesman of the Taliban administration, said', 'Pakistan President Asif Ali
Zardari') is that person: the claim is the full name's, as the text gave it without the title, with the note
"speaker 'Mr Mujahid' resolved to 'Zabiullah Mujahid', named in full before". Only when exactly one person named
before (by a role, in an apposition, or among the actor candidates of kind person: antecedent_finders) has that
surname; a surname the knowledge base knows, two people of one surname, or none leave the speaker as written."""

from __future__ import annotations

import re

from torkham.ingest.extract.antecedent_finders import persons_named
from torkham.ingest.extract.claim_record import ClaimPass, claim_record
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

_SURNAME = re.compile(r"[A-Z][a-z][\w'’-]*")
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]*)\.?\s+$")


def resolve_surnames(cp: ClaimPass, actors: list[Proposal]) -> None:
    """Rewrites, in place, the claims of `cp` whose speaker is the surname of one person named before in full."""
    roster = {p.record["name"]: p.record.get("kind", "") for p in actors if p.kind == "actor"}
    for index, (proposal, speaker) in enumerate(cp.made):
        if speaker is None or speaker.generic or speaker.also or not _SURNAME.fullmatch(speaker.text):
            continue
        if cp.lexicon.resolve(speaker.text) is not None:
            continue  # the knowledge base knows the surname: the lexicon names it
        full = full_name_before(cp, roster, speaker)
        if full is not None:
            cp.made[index] = (proposal, _resolve(cp, proposal, speaker, full))


def full_name_before(cp: ClaimPass, roster: dict[str, str], speaker: Speaker) -> str | None:
    """The one full name of a person named before the speaker whose last word is the speaker's surname."""
    surname = speaker.text.lower()
    people = persons_named(cp.doc.text, 0, speaker.start, roster, cp.made)
    names = {r.name for r in people if r.named and len(r.name.split()) > 1 and r.name.split()[-1].lower() == surname}
    shortest = min(names, key=len, default=None)
    if shortest is None or not all(_ends_with(name, shortest) for name in names):
        return None  # none, or two people of one surname ('Abbas Khan', 'Shafqat Ali Khan')
    return shortest


def _ends_with(name: str, tail: str) -> bool:
    """'President Asif Ali Zardari' ends with 'Asif Ali Zardari': one person."""
    return name.split()[-len(tail.split()) :] == tail.split()


def as_written(cp: ClaimPass, speaker: Speaker) -> str:
    """The surname with the title before it, as the text gives it: 'Mr Mujahid', 'Ambassador Durrani'."""
    title = _TITLE_BEFORE.search(cp.doc.text, max(0, speaker.start - 30), speaker.start)
    if title is not None and title.group(1).lower() in default_words().person_titles:
        return f"{cp.doc.text[title.start() : speaker.start].strip()} {speaker.text}"
    return speaker.text


def _resolve(cp: ClaimPass, proposal: Proposal, speaker: Speaker, full: str) -> Speaker:
    resolved = Speaker(full, speaker.start, speaker.end)
    record, notes = claim_record(cp.lexicon, resolved, proposal.record["statement"])
    notes = [f"speaker '{as_written(cp, speaker)}' resolved to '{full}', named in full before", *notes]
    proposal.record = record
    proposal.notes = notes
    return resolved
