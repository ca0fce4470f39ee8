"""A stance or a knowledge a named body states of itself: its concern ("UNHCR, IOM and UNICEF are deeply
concerned for the safety of children … and alarmed at …"), the reports it says have reached it ("IOM has
received reports of persons being targeted in their homes"), what it has established or is establishing
("UNAMA also documented at least 16 civilian casualties", "UNAMA is still assessing …") and what it calls for, in the present ("UNHCR,
IOM and UNICEF call for protection of children …"; not "with calls for caution", a noun). The subject is
the speaker (a list of bodies speaks jointly); the statement runs from the stance to the sentence's end. The words are data
(claim_words.yaml: concern_states, received_nouns, finding_verbs); a pronoun or a common noun as subject ("we are
concerned", "residents were worried about") is left to the other finders."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_record import ClaimPass, statement_between
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speakers import speaker_of_verb
from torkham.ingest.proposal import Proposal

MIN_WORDS = 4
_RIGHT_AFTER = re.compile(r"[ \t]+(?:(?:also|again|now|jointly|once\s+again|[a-z]+ly)[ \t]+)?")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = claim_words()
    states = "|".join(re.escape(w) for w in sorted(words.concern_states, key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in sorted(words.received_nouns, key=len, reverse=True))
    found = _findings(words.finding_verbs, words.assessed_measures)
    concern = (
        rf"(?P<be>is|are|was|were|remains?|remained)\s+(?:[a-z]+ly\s+)?(?P<state>{states})"
        r"\s+(?:about|at|by|for|over|that)\b"  # not "concerned with" (dealing with)
    )
    received = rf"(?P<has>has|have|had)\s+(?:also\s+)?received\s+(?P<noun>{nouns})\s+(?:of|that|about)\b"
    call = r"(?P<call>calls?|are\s+calling|is\s+calling)\s+(?P<for>for)\s+(?!(?:a|an|the)?\s*(?:meeting|vote|tender|bids?)\b)"
    finding = rf"(?:also\s+)?(?P<found>{found})\s+(?!by\b)"
    return re.compile(rf"\b(?:{concern}|{received}|{call}|{finding})")


def _findings(verbs: tuple[str, ...], measures: tuple[str, ...]) -> str:
    """The finding verbs as alternatives; one of assessment in progress ('is still assessing') only before a
    toll or an extent ('the exact number of killed', not 'the challenges along its border')."""

    def alternatives(forms: list[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True))

    done = alternatives([v for v in verbs if not v.endswith("assessing")])
    ongoing = alternatives([v for v in verbs if v.endswith("assessing")])
    measure = rf"(?=\s+(?:the\s+)?(?:[a-z]+\s+)?(?:{alternatives(list(measures))})\b)"
    return f"{done}|(?:{ongoing}){measure}" if ongoing else done


def stance_claims(cp: ClaimPass) -> list[Proposal]:
    text, out = cp.doc.text, []
    for m in _pattern().finditer(text):
        if cp.skipped(m.start()):
            continue
        sentence_start, sentence_end = cp.sentences.around(m.start())
        speaker = speaker_of_verb(text, m.start(), sentence_start)
        if speaker is None or speaker.generic or cp.held(sentence_start, speaker):
            continue
        if (m.group("call") or m.group("found")) and not _RIGHT_AFTER.fullmatch(text, speaker.end, m.start()):
            continue  # "with calls for caution", "The UN's calls for …": a noun; "both documented and …"
        begin = next(m.start(g) for g in ("state", "noun", "for", "found") if m.group(g))
        statement = statement_between(text, begin, sentence_end)
        if len(statement.split()) >= MIN_WORDS:
            out.append(cp.claim(speaker, statement, min(speaker.start, m.start()), sentence_end))
    return out
