"""Claims: a quotation or reported speech with its speaker.

'"TTP attacks originate from within Pakistan" (Express Tribune, 2023), said spokesperson Sohail Shaheen'
→ asserted_by Sohail Shaheen, statement the quotation. 'Zabihullah Mujahid condemned US drone
surveillance …' → asserted_by Zabihullah Mujahid, statement the rest of the sentence. A known speaker
becomes its actor id; another stays a name (the review turns it into a candidate's id); a pronoun or an
unnamed group ("Critics believe …") leaves asserted_by empty, with a note. The topic is guessed from
keywords (wordlists.yaml) and says so."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.author_claims import author_claims
from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.common import Regions, Sentences, propose
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.speakers import (
    Speaker,
    attributed_to,
    inverted_speaker,
    speaker_after,
    speaker_before,
    speaker_of_verb,
)
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize

STATEMENT_CHARS = 400
MIN_QUOTE_WORDS = 4
MIN_UNATTRIBUTED_WORDS = 8  # a shorter quotation without a speaker is a title or a slogan
MIN_CLAIMED_WORDS = 2  # "The BLA claimed the killings": what is claimed or denied may be short
_SHORT_OBJECT_VERBS = {"claimed", "denied", "rejected", "confirmed"}
# "was said to have led" (no speaker), "an estimated 6,000" (an adjective), "No group claimed" (no claim)
_NOT_SPEECH = re.compile(r"\b(?:(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?|(?:a|an|the)\s+|[Nn]o\s+\w+\s+)$")
_ACT_VERBS = frozenset({"announced", "announces", "announce", "declared", "declares"})


def _not_speech_after(text: str, verb: str, end: int) -> bool:
    """'the attack claimed by the group' (a participle), 'announced a reward' (an act, not a statement)."""
    if verb in ("said", "says"):
        return False
    return bool(
        re.match(r"\s+by\b", text[end : end + 4]) or (verb in _ACT_VERBS and re.match(r"\s+an?\s", text[end : end + 5]))
    )


_QUOTE = re.compile(r"\"([^\"\n]{3,1500}?)\"|“([^”]{3,1500}?)”|\*\"([^\"\n]{3,600}?)\"\*")


class Covered:
    """Spans merged once, so whether an offset lies inside one is a binary search, not a scan of all."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def covers(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]


@lru_cache(maxsize=1)
def _topic_patterns() -> dict[str, re.Pattern[str]]:
    topics = default_words().claim_topics
    return {t: re.compile(r"\b(?:" + "|".join(re.escape(k) for k in ks) + r")\b") for t, ks in topics.items()}


def claim_topic(statement: str) -> tuple[str, str | None]:
    """The topic whose keywords the statement uses most (wordlists.yaml: claim_topics), and a note."""
    words = default_words()
    low = statement.lower()
    scores = {t: len(p.findall(low)) for t, p in _topic_patterns().items()}
    best = max(scores, key=lambda t: scores[t])
    if scores[best] == 0:
        return words.fallback_topic, f"no topic word found; topic '{words.fallback_topic}' is a placeholder"
    return best, f"topic guessed from keywords: {best}"


def _record(lexicon: Lexicon, speaker: Speaker | None, statement: str) -> tuple[dict, list[str]]:
    notes: list[str] = []
    asserted: list[str] = []
    if speaker is None:
        notes.append("speaker not found")
    elif speaker.generic:
        notes.append(f"speaker is '{speaker.text}': name who it refers to")
    else:
        actor = lexicon.resolve(speaker.text)
        asserted.append(actor or speaker.text)
        if lexicon.is_ambiguous(speaker.text):
            notes.append(f"ambiguous speaker '{speaker.text}': names {', '.join(lexicon.actors_named(speaker.text))}")
        elif actor is None:
            notes.append(f"speaker '{speaker.text}' is not a known actor")
    topic, topic_note = claim_topic(statement)
    if topic_note:
        notes.append(topic_note)
    statement = " ".join(statement.split())
    if len(statement) > STATEMENT_CHARS:
        statement = statement[:STATEMENT_CHARS].rsplit(" ", 1)[0] + " …"
    return {"asserted_by": asserted, "topic": topic, "statement": statement}, notes


def find_claims(doc: Document, lexicon: Lexicon, regions: Regions, sentences: Sentences) -> list[Proposal]:
    text = doc.text
    proposals: list[Proposal] = []
    quoted: list[tuple[int, int]] = []
    for m in _QUOTE.finditer(text):
        body = next(g for g in m.groups() if g is not None)
        if len(body.split()) < MIN_QUOTE_WORDS or regions.within("bibliography", m.start()):
            continue
        sentence_start = sentences.around(m.start())[0]
        speaker = speaker_after(text, m.end()) or speaker_before(text, m.start(), sentence_start)
        if speaker is None and len(body.split()) < MIN_UNATTRIBUTED_WORDS:
            continue
        record, notes = _record(lexicon, speaker, body)
        start = min(m.start(), speaker.start) if speaker else m.start()
        end = max(m.end(), speaker.end) if speaker else m.end()
        quoted.append((start, end))
        proposals.append(propose(doc, "claim", record, start, end, notes))
    claimed: set[tuple[int, str]] = set()  # (sentence, speaker): one claim each
    covered = Covered(quoted)
    proposals += _reported_speech(doc, lexicon, regions, sentences, covered, claimed)
    proposals += _attributions(doc, lexicon, regions, sentences, covered, claimed)
    held = {sentences.around(p.start)[0] for p in proposals} | {sentences.around(s)[0] for s, _ in quoted}
    proposals += author_claims(doc, regions, sentences, held)
    return _unique(proposals)


def _reported_speech(
    doc: Document,
    lexicon: Lexicon,
    regions: Regions,
    sentences: Sentences,
    quoted: Covered,
    claimed: set[tuple[int, str]],
) -> list[Proposal]:
    """'Zabihullah Mujahid condemned …', '…, officials said.', 'The BLA claimed the killings.'"""
    text = doc.text
    verbs_listed = [*default_words().speech_verbs, *claim_words().reporting_verbs]
    finite = [v for v in dict.fromkeys(verbs_listed) if not v.endswith("ing")]  # "…, labelling it" follows a verb
    progressive = "|".join(claim_words().progressive_verbs)  # "Clinton is condemning the attack …"
    verbs = re.compile(rf"\b(?:{'|'.join(finite)})\b|\b(?:is|are|was|were)\s+(?:{progressive})\b")
    proposals = []
    for m in verbs.finditer(text):
        if quoted.covers(m.start()) or regions.within("bibliography", m.start()):
            continue
        sentence_start, sentence_end = sentences.around(m.start())
        if " " not in m.group() and _NOT_SPEECH.search(text, sentence_start, m.start()):
            continue  # "was reported by X" is an attribution (_attributions)
        if _not_speech_after(text, m.group(), m.end()):
            continue  # "the attack claimed by the group", "announced a reward": no one's statement
        speaker = speaker_of_verb(text, m.start(), sentence_start)
        statement_start, statement_end = m.end(), sentence_end
        if speaker is None and m.group() in ("said", "says"):
            speaker = inverted_speaker(text, m.end(), sentence_end)
            statement_start, statement_end = sentence_start, m.start()
        if speaker is None or (sentence_start, normalize(speaker.text)) in claimed:
            continue
        rest = _statement(text, statement_start, statement_end)
        trail = _trails(text, sentence_start, speaker, rest)
        if trail is not None:  # "Pakistan reopened the crossing, officials said."
            statement_start, statement_end = sentence_start, trail
            rest = _statement(text, statement_start, statement_end)
        shortest = MIN_CLAIMED_WORDS if m.group() in _SHORT_OBJECT_VERBS else MIN_QUOTE_WORDS
        if len(rest.split()) < shortest:
            continue
        record, notes = _record(lexicon, speaker, rest)
        claimed.add((sentence_start, normalize(speaker.text)))
        span = (min(speaker.start, statement_start), max(speaker.end, statement_end))
        proposals.append(propose(doc, "claim", record, span[0], span[1], notes))
    return proposals


def _statement(text: str, start: int, end: int) -> str:
    return re.sub(r"^\s*(?:that\s+)?|,?\s*(?:as\s+(?:once\s+)?)?$", "", text[start:end]).strip()


_TRAILING = re.compile(r"^(?:in\s+a\s+statement|on\s+\w+day|to\s+reporters|in\s+\w+)?[\s\w,]{0,40}\.?$")


def _trails(text: str, sentence_start: int, speaker: Speaker, rest: str) -> int | None:
    """Where what was said ends when the speaker and verb follow it ('…, the agency said in a statement.'),
    else None."""
    before = re.sub(r"\s*\b(?:which|who|as)?\s*(?:the|a|an)?\s*$", "", text[sentence_start : speaker.start]).rstrip()
    if not before.endswith(",") or len(before.split()) < MIN_QUOTE_WORDS:
        return None
    if len(rest.split()) < MIN_QUOTE_WORDS or (_TRAILING.match(rest) and "that" not in rest.split()):
        return sentence_start + len(before) - 1
    return None


def _attributions(
    doc: Document,
    lexicon: Lexicon,
    regions: Regions,
    sentences: Sentences,
    quoted: Covered,
    claimed: set[tuple[int, str]],
) -> list[Proposal]:
    """'…, according to a statement from the Pakistani military.' / '… was reported by one Member State to …':
    the sentence without the attribution is the statement."""
    text = doc.text
    proposals = []
    for sentence_start, sentence_end in _sentences_with(text, sentences, ("ccording to", " by ")):
        for speaker, start, end in attributed_to(text, sentence_start, sentence_end):
            if quoted.covers(start) or regions.within("bibliography", start):
                continue
            if (sentence_start, normalize(speaker.text)) in claimed:
                continue
            statement = _statement(text, sentence_start, start) + " " + _statement(text, end, sentence_end)
            statement = re.sub(r"\s+([.,;:!?])", r"\1", statement).strip(" ,")
            if len(statement.split()) < MIN_QUOTE_WORDS:
                continue
            record, notes = _record(lexicon, speaker, statement)
            claimed.add((sentence_start, normalize(speaker.text)))
            proposals.append(propose(doc, "claim", record, start, end, notes))
    return proposals


def _sentences_with(text: str, sentences: Sentences, needles: tuple[str, ...]) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for needle in needles:
        position = text.find(needle)
        while position >= 0:
            span = sentences.around(position + 1)
            spans.add(span)
            position = text.find(needle, max(span[1], position + 1))
    return sorted(spans)


def _unique(proposals: list[Proposal]) -> list[Proposal]:
    """One claim per speaker and statement (a quotation can be reached from both sides)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for proposal in sorted(proposals, key=lambda p: p.start):
        key = (normalize(" ".join(proposal.record["asserted_by"])), normalize(proposal.record["statement"])[:80])
        if key not in seen:
            seen.add(key)
            out.append(proposal)
    return out
