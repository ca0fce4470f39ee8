"""Claims handed over as a thing: a verb of giving and a noun of what is estimated or assessed make the
subject assert what follows ("UNHCR and IOM have provided high level returnee estimates for 2017, with a
lower case scenario of …", "The ministry issued new projections that …"). The words are data
(claim_words.yaml: giving_verbs, given_nouns); the statement runs from the noun to the sentence's end."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_record import ClaimPass, statement_between
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speakers import speaker_of_verb
from torkham.ingest.proposal import Proposal

MIN_WORDS = 4
NOUN_REACH = 4  # words between the verb and the noun at most ("high level returnee estimates")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = claim_words()
    verbs, nouns = "|".join(words.giving_verbs), "|".join(words.given_nouns)
    return re.compile(
        rf"\b(?P<verb>{verbs})\s+(?:(?:its|their|his|her|the|an?|new|fresh)\s+)?(?:[\w-]+\s+){{0,{NOUN_REACH}}}?"
        rf"(?P<noun>{nouns})\b"
    )


def given_claims(cp: ClaimPass) -> list[Proposal]:
    text, out = cp.doc.text, []
    for m in _pattern().finditer(text):
        if cp.skipped(m.start()) or re.search(r"[.;:]", m.group()):
            continue
        sentence_start, sentence_end = cp.sentences.around(m.start())
        speaker = speaker_of_verb(text, m.start("verb"), sentence_start)
        if speaker is None or cp.held(sentence_start, speaker):
            continue
        statement = statement_between(text, m.start("noun"), sentence_end)
        if len(statement.split()) < MIN_WORDS:
            continue
        out.append(cp.claim(speaker, statement, min(speaker.start, m.start()), sentence_end))
    return out
