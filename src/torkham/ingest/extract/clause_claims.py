"""Claims a clause carries: a participle after a comma speaks for the subject of the clause before it
('The Taliban continued to host …, claiming these individuals are not …'); a gerund for the name just
before it ('reports of the Taliban stating they thwarted …'); 'prompting UNHCR and IOM to warn of …';
'the United Nations renewed its warning that …'."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_record import ClaimPass, statement_between
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speakers import Speaker, first_name_in, speaker_of_verb
from torkham.ingest.proposal import Proposal

MIN_WORDS = 3
VERB_TRIES = 4  # finite verbs tried, from the last before the participle back, for the clause's subject
# a preposition, an article or a determiner before an -ed word: "with armed groups", "all unregistered migrants"
_NOT_A_VERB = re.compile(
    r"\b(?:with|to|from|against|on|at|by|about|of|in|for|and|or|but|the|a|an|all|some|many|most|several|these|those"
    r"|its|their|his|her|our|any|each|every|no)$"
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    words = claim_words()
    participles = "|".join(words.participles)
    bases = "|".join(f for f, (_, kind) in words.forms.items() if kind == "base")
    return {
        "finite": re.compile(rf"\b(?:[a-z]+ed|{'|'.join((*words.irregular_pasts, *words.reporting_verbs))})\b"),
        "after_comma": re.compile(rf",\s+(?:also\s+|then\s+|while\s+)?(?P<p>{participles})\b"),
        "gerund": re.compile(rf"(?<=[\w)])\s+(?P<p>{participles})\b"),
        "caused": re.compile(
            rf"\b(?:{'|'.join(words.causing_verbs)})\s+(?P<np>[^;.]{{3,200}}?)\s+to\s+(?P<v>{bases})\b"
        ),
        "noun": re.compile(
            rf"\b(?P<verb>[a-z]+)\s+(?:its|their|his|her)\s+(?:[a-z]+\s+)?(?:{'|'.join(words.speech_nouns)})\s+that\b"
        ),
    }


def clause_claims(cp: ClaimPass) -> list[Proposal]:
    return _participles(cp) + _gerunds(cp) + _caused(cp) + _speech_nouns(cp)


def _add(
    cp: ClaimPass, speaker: Speaker | None, start: int, statement_start: int, again: bool = False
) -> Proposal | None:
    """The claim of `speaker` from `start` to the end of its sentence, unless held (or `again`) or too short."""
    sentence_start, sentence_end = cp.sentences.around(start)
    if speaker is None or (cp.held(sentence_start, speaker) and not again):
        return None
    statement = statement_between(cp.doc.text, statement_start, sentence_end)
    if len(statement.split()) < MIN_WORDS:
        return None
    return cp.claim(speaker, statement, start if again else min(speaker.start, start), sentence_end)


def _participles(cp: ClaimPass) -> list[Proposal]:
    text, out = cp.doc.text, []
    for m in _patterns()["after_comma"].finditer(text):
        if cp.skipped(m.start()) or claim_words().not_claim_pattern.match(text, m.start("p")):
            continue  # "…, emphasizing the need to …": a call, not a claim
        sentence_start = cp.sentences.around(m.start())[0]
        quoted = cp.speaker_ending_at(m.start())  # '"…", said spokesperson X, adding …': what X adds
        speaker = quoted or _clause_subject(text, m.start(), sentence_start)
        proposal = _add(cp, speaker, m.start("p"), m.end(), again=quoted is not None)
        if proposal is not None:
            out.append(proposal)
    return out


def _clause_subject(text: str, comma: int, sentence_start: int) -> Speaker | None:
    """The subject of the last clause before `comma` with a finite verb: 'the TTP unilaterally revoked it'."""
    verbs = list(_patterns()["finite"].finditer(text, sentence_start, comma))
    for verb in reversed(verbs[-VERB_TRIES:]):
        if _NOT_A_VERB.search(text, sentence_start, verb.start() - 1):
            continue  # "with armed groups": not a verb
        speaker = speaker_of_verb(text, verb.start(), sentence_start)
        if speaker is not None:
            return speaker
    return None


def _gerunds(cp: ClaimPass) -> list[Proposal]:
    text, out = cp.doc.text, []
    for m in _patterns()["gerund"].finditer(text):
        if cp.skipped(m.start()) or claim_words().not_claim_pattern.match(text, m.start("p")):
            continue  # "militants claiming to be Taliban": a naming, not a claim
        sentence_start = cp.sentences.around(m.start())[0]
        speaker = speaker_of_verb(text, m.start("p"), sentence_start)
        if speaker is None or text[speaker.end : m.start("p")].strip(" ’'s"):
            continue  # the name must stand just before the gerund
        proposal = _add(cp, speaker, m.start("p"), m.end())
        if proposal is not None:
            out.append(proposal)
    return out


def _caused(cp: ClaimPass) -> list[Proposal]:
    """'prompting the Office of the UN High Commissioner for Refugees (UNHCR) and … (IOM) to warn of …'."""
    text, out = cp.doc.text, []
    for m in _patterns()["caused"].finditer(text):
        if cp.skipped(m.start()):
            continue
        names = [_name_or_acronym(part.group(), m.start("np") + part.start()) for part in _parts(m.group("np"))]
        named = [n for n in names if n is not None]
        if not named:
            continue
        speaker = Speaker(named[0].text, named[0].start, named[-1].end, also=tuple(n.text for n in named[1:]))
        proposal = _add(cp, speaker, m.start("np"), m.end("v"))
        if proposal is not None:
            out.append(proposal)
    return out


def _parts(phrase: str) -> list[re.Match[str]]:
    return list(re.finditer(r"(?:(?!\band\b).)+", phrase))


def _name_or_acronym(part: str, offset: int) -> Speaker | None:
    """A name, or the acronym in brackets after it ('… for Refugees (UNHCR)' → UNHCR)."""
    acronym = re.search(r"\((?P<a>[A-Z][A-Za-z-]{1,10})\)", part)
    if acronym is not None:
        return Speaker(acronym.group("a"), offset + acronym.start("a"), offset + acronym.end("a"))
    return first_name_in(part, offset)


def _speech_nouns(cp: ClaimPass) -> list[Proposal]:
    text, out = cp.doc.text, []
    for m in _patterns()["noun"].finditer(text):
        if cp.skipped(m.start()) or _NOT_A_VERB.search(m.group("verb")):
            continue
        sentence_start = cp.sentences.around(m.start())[0]
        proposal = _add(cp, speaker_of_verb(text, m.start("verb"), sentence_start), m.start(), m.end())
        if proposal is not None:
            out.append(proposal)
    return out
