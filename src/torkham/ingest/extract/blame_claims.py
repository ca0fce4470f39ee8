"""Blame put as an act: 'Islamabad holds the Afghan Taliban responsible for the attacks', 'Kabul pointed the
finger at Pakistan's intelligence service', 'Kakar has linked the rise in attacks to the takeover' (a cause ascribed). The subject asserts that the one blamed did it; the statement
runs from the one blamed to the sentence's end. One holds someone, not 'a meeting', responsible. (Blame put as speech, 'accused X of …', 'blamed X for …', is
reported speech.)"""

from __future__ import annotations

import re

from torkham.ingest.extract.claim_record import ClaimPass, statement_between
from torkham.ingest.extract.speakers import speaker_of_verb
from torkham.ingest.proposal import Proposal

MIN_WORDS = 4
_BLAME = re.compile(
    r"\b(?P<verb>holds|hold|held|holding)\s+(?!an?\s)(?P<blamed>[^.;:,]{2,60}?)\s+(?:responsible|accountable|culpable)\s+for\b"
    r"|\b(?P<verb2>pointed|points|point|pointing)\s+(?:the|a)\s+finger\s+(?:of\s+blame\s+)?at\s+(?P<blamed2>)"
    # a cause a named speaker ascribes: "Kakar has linked the rise in attacks to the Taliban takeover" (an
    # object with its article, so not "groups linked to al-Qaeda")
    r"|\b(?P<verb3>(?:has|have|had)\s+(?:also\s+)?linked|links)\s+(?P<blamed3>(?:the|a|an|this|these|its|their)\s[^.;:,]{2,80}?)\s+to\s"
)


def blame_claims(cp: ClaimPass) -> list[Proposal]:
    text, out = cp.doc.text, []
    for m in _BLAME.finditer(text):
        verb = next(g for g in ("verb", "verb2", "verb3") if m.group(g))
        blamed = {"verb": "blamed", "verb2": "blamed2", "verb3": "blamed3"}[verb]
        if cp.skipped(m.start()):
            continue
        sentence_start, sentence_end = cp.sentences.around(m.start())
        speaker = speaker_of_verb(text, m.start(verb), sentence_start)
        if speaker is None or cp.held(sentence_start, speaker):
            continue
        statement = statement_between(text, m.start(blamed), sentence_end)
        if len(statement.split()) >= MIN_WORDS:
            out.append(cp.claim(speaker, statement, min(speaker.start, m.start()), sentence_end))
    return out
