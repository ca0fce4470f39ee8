"""Reported speech: 'Zabihullah Mujahid condemned …', '…, officials said.', 'The BLA claimed the killings.',
'UNHCR and IOM estimate that …', a headline 'Pakistan Says 450,000 … Returned Home'."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_record import ClaimPass, statement_between
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.modified_speakers import modified_subject
from torkham.ingest.extract.speakers import Speaker, apposed, inverted_speaker, speaker_of_verb
from torkham.ingest.extract.speech_words import speech_verb_forms
from torkham.ingest.extract.verb_use import clause_follows, demands, form_of, reports
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

MIN_WORDS = 4
MIN_CLAIMED_WORDS = 2  # "The BLA claimed the killings": what is claimed or denied may be short
_SHORT_OBJECT_LEMMAS = {"claim", "deny", "reject", "confirm"}
_BE = ("is", "are", "was", "were")
_DAY_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday"}
_ADDRESSEE = re.compile(r"[^,.;:\"“]{0,50}?\bthat\s+")  # "reporters in Kabul that", "on Tuesday that"


@lru_cache(maxsize=1)
def _verbs() -> re.Pattern[str]:
    words = claim_words()
    finite = "|".join(re.escape(v) for v in speech_verb_forms())
    progressive = {*words.progressive_verbs, *(f for f, (_, kind) in words.forms.items() if kind == "ing")}
    ing = "|".join(sorted(progressive, key=len, reverse=True))
    passive = "|".join(r"\s+".join(p.split()) for p in words.passive_speech)
    be = "|".join(_BE)
    return re.compile(rf"\b(?:{be}|has\s+been|have\s+been)\s+(?:{passive})\b|\b(?:{finite})\b|\b(?:{be})\s+(?:{ing})\b")


@lru_cache(maxsize=1)
def _headline_verbs() -> re.Pattern[str]:
    words = claim_words()
    forms = [f for f, (lemma, kind) in words.forms.items() if kind in ("s", "ed") and lemma in words.headline_lemmas]
    return re.compile(r"\b(?:" + "|".join(f.capitalize() for f in sorted(forms, key=len, reverse=True)) + r")\b")


_INTENT = re.compile(r"\s+to\s+(?!have\b)[a-z]")
_NUMBER = r"(?:\d+|[a-z]+(?:-[a-z]+)?)"


@lru_cache(maxsize=1)
def _decree() -> re.Pattern[str]:
    """An order after a decree verb: 'announced that all foreigners must leave', '… had 28 days to leave'
    (claim_words.yaml: decree_modals, '#' a number)."""
    modals = (
        r"\s+".join(_NUMBER if w == "#" else re.escape(w) for w in m.split()) for m in claim_words().decree_modals
    )
    alternatives = "|".join(modals)
    return re.compile(rf"\s+(?:that\s+)?(?:[^.;]|\.(?=\d)){{0,100}}?\b(?:{alternatives})\s+(?!have\b)\w")


def reported_speech(cp: ClaimPass) -> list[Proposal]:
    text = cp.doc.text
    proposals = _headlines(cp)
    for m in _verbs().finditer(text):
        if cp.skipped(m.start()):
            continue
        sentence_start, sentence_end = cp.sentences.around(m.start())
        progressive = m.group().split()[0] in (*_BE, "has", "have")  # "is urging", "was quoted as saying"
        lemma = form_of(m.group().split()[-1])[0]
        if progressive and not _progressive_reports(lemma, text[m.end() : sentence_end]):
            continue
        if lemma in claim_words().intention_lemmas and _INTENT.match(text, m.end()):
            continue  # "hoped to pressure the Taliban": an aim, not an assertion
        if lemma in claim_words().decree_lemmas and _decree().match(text, m.end(), sentence_end):
            continue  # "announced that all foreigners must leave by November 1": an order (an event)
        if not progressive and not reports(text, m.start(), m.end(), sentence_start, sentence_end):
            continue
        if cp.inside(m.start()):
            continue  # "… said that his government announced …": what the first speaker says
        proposal = _claim_at(cp, m, sentence_start, sentence_end)
        if proposal is not None:
            proposals.append(proposal)
    return proposals


def _progressive_reports(lemma: str, after: str) -> bool:
    """'is urging Pakistan to abandon …' (a clause asked for), 'is assessing that …' (a clause verb before its
    clause); not 'is urging calm', 'is assessing the challenges along its border' (an act)."""
    words = claim_words()
    if lemma in words.directive_lemmas:
        return demands(lemma, after)
    return lemma not in words.clause_verbs or clause_follows(lemma, after)


def _claim_at(cp: ClaimPass, m: re.Match[str], sentence_start: int, sentence_end: int) -> Proposal | None:
    text = cp.doc.text
    speaker = speaker_of_verb(text, m.start(), sentence_start)
    modified = modified_subject(text, m.start(), sentence_start)  # "An official performing duty at X told"
    if modified is not None and (speaker is None or (speaker.generic and speaker.end > modified.end)):
        speaker = modified
    statement_start, statement_end = m.end(), sentence_end
    if speaker is not None and _inverted(text, speaker, m.start(), sentence_start):
        speaker = None  # "…, said Naveed Akhtar, the provincial spokesman."
    if speaker is None and m.group() in _INVERTING:
        speaker = inverted_speaker(text, m.end(), sentence_end)
        statement_start, statement_end = sentence_start, m.start()
    if speaker is None or cp.held(sentence_start, speaker) or _aside(text, speaker, sentence_start):
        return None
    rest = statement_between(text, statement_start, statement_end)
    trail = _trails(text, sentence_start, speaker, rest)
    told = _addressee(m.group().split()[-1], rest)  # "told reporters in Kabul that the talks had failed"
    if trail is not None:  # "Pakistan reopened the crossing, officials said."
        statement_start, statement_end = sentence_start, trail
        rest = statement_between(text, statement_start, statement_end)
    elif told is not None and len(rest[told.end() :].split()) >= MIN_WORDS:
        statement_start = text.index(rest, statement_start) + told.end()
        rest = rest[told.end() :]
    lemma = form_of(m.group().split()[-1])[0]
    if len(rest.split()) < (MIN_CLAIMED_WORDS if lemma in _SHORT_OBJECT_LEMMAS else MIN_WORDS):
        return None
    return cp.claim(speaker, rest, min(speaker.start, statement_start), max(speaker.end, statement_end))


def _inverted(text: str, speaker: Speaker, verb_start: int, sentence_start: int) -> bool:
    """A verb of _INVERTING right after a clause and its comma has its speaker after it: not the name
    just before the comma ('Naveed Akhtar, said'), nor one with an apposition ('X, the spokesman, told'); a
    name after a preposition is a place or an object, not the speaker ('…, mostly in Paktika, said X')."""
    before = text[sentence_start:verb_start]
    if text[verb_start : verb_start + 6].split()[0] not in _INVERTING or not re.search(r",\s+$", before):
        return False
    if _AFTER_PREPOSITION.search(text, sentence_start, speaker.start):
        return True
    apposition = _APPOSED.search(before) or apposed(before)
    return not re.fullmatch(r"\s*,\s*", text[speaker.end : verb_start]) and not apposition


def _aside(text: str, speaker: Speaker, sentence_start: int) -> bool:
    """'some of whom she says have been airlifted' (a parenthesis), 'We condemn …' outside a quotation
    (the author's voice: author_claims reads it)."""
    pronoun = speaker.generic and speaker.text.lower() in ("he", "she", "they", "it", "we", "i")
    if pronoun and re.search(r"\b(?:whom|who|which)\s+$", text[sentence_start : speaker.start]):
        return True
    return speaker.generic and speaker.text.lower() in ("we", "i")


def _addressee(verb: str, rest: str) -> re.Match[str] | None:
    """'reporters in Kabul that ' before what was told; not when it holds a date ('AFP on Friday that ')."""
    told = _ADDRESSEE.match(rest) if form_of(verb)[0] in claim_words().addressee_lemmas else None
    if told is None or re.search(r"\d", told.group()):
        return None
    words = default_words()
    dated = {w.lower() for w in re.findall(r"[A-Za-z]+", told.group())} & {*words.months, *_DAY_WORDS}
    return None if dated else told


_AFTER_PREPOSITION = re.compile(r"\b(?:in|of|at|from|near|to|into|across|inside|outside)\s+(?:the\s+)?$")
_INVERTING = ("said", "says", "added", "stated", "wrote")  # verbs whose speaker may follow them
# "X, the provincial spokesman, told", "The council of X, which borders Y, says"
_APPOSED = re.compile(r",\s+(?:a|an|the|its|his|her|which|who|whose|[a-z]+ly\s+[a-z]+ed)\s+[^,;:()]{1,60},\s*$")
_ROLE_AFTER_COMMA = re.compile(r",\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'’-]*\s*){1,5}$")  # a role before a name
_LAST_CAPITAL = re.compile(r"\s*\b([A-Z][\w.]*)$")
_ROLE_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[a-z][^,;:()\"“”]{0,60},$")
# "Speaking to reporters in Kabul, X said …", "In an interview with the BBC, X claimed …": how or where,
# one phrase before the speaker, not what was said
_FRONTED = re.compile(r"\s*(?:[A-Z][a-z]+ing|In|At|During|After|Before|On|Asked|Addressing)\b[^,;:.]*,")
_TRAILING = re.compile(r"^(?:in\s+a\s+statement|on\s+\w+day|to\s+reporters|in\s+\w+)?[\s\w,]{0,40}\.?$")


def _trails(text: str, sentence_start: int, speaker: Speaker, rest: str) -> int | None:
    """Where what was said ends when the speaker and verb follow it ('…, the agency said in a statement.'),
    else None."""
    before = re.sub(r"\s*\b(?:which|who|as)?\s*(?:the|a|an)?\s*$", "", text[sentence_start : speaker.start]).rstrip()
    before = _without_titles(before)  # "…, the spokesman for the Frontier Corps, Colonel Imran Baig, said."
    before = _ROLE_AFTER_COMMA.sub(",", before)  # "…, local police official Abbas Khan said."
    before = _ROLE_APPOSITION.sub(",", before)  # "…, a senior customs officer, Naveed Akhtar, said."
    if not before.endswith(",") or len(before.split()) < MIN_WORDS or _FRONTED.fullmatch(before):
        return None
    if len(rest.split()) < MIN_WORDS or (_TRAILING.match(rest) and "that" not in rest.split()):
        return sentence_start + len(before) - 1
    return None


def _without_titles(before: str) -> str:
    """The text before a speaker without the titles the speaker's name left out ('Colonel', 'Deputy')."""
    titles = default_words().person_titles
    last = _LAST_CAPITAL.search(before)
    while last is not None and last.group(1).lower().strip(".") in titles:
        before = before[: last.start()]
        last = _LAST_CAPITAL.search(before)
    return before


def _headlines(cp: ClaimPass) -> list[Proposal]:
    """A title-case line whose verb is capitalised: 'Pakistan Says 450,000 Undocumented Afghans Returned Home'."""
    text = cp.doc.text
    proposals = []
    for line in re.finditer(r"^[^\n]{10,160}$", text, re.M):
        words = line.group().split()
        capitals = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
        if len(words) < 4 or capitals < 0.7 * len(words) or line.group().rstrip().endswith("."):
            continue
        verb = _headline_verbs().search(text, line.start(), line.end())
        if verb is None or verb.start() == line.start() or cp.skipped(verb.start()):
            continue
        speaker = speaker_of_verb(text, verb.start(), line.start())
        rest = statement_between(text, verb.end(), line.end())
        if speaker is None or speaker.generic or len(rest.split()) < MIN_WORDS:
            continue
        proposals.append(cp.claim(speaker, rest, speaker.start, line.end()))
    return proposals
