"""Claims: a quotation or reported speech with its speaker.

'"TTP attacks originate from within Pakistan" (Express Tribune, 2023), said spokesperson Sohail Shaheen'
→ asserted_by Sohail Shaheen, statement the quotation. 'Zabihullah Mujahid condemned US drone
surveillance …' → asserted_by Zabihullah Mujahid, statement the rest of the sentence. A known speaker
becomes its actor id; another stays a name (the review turns it into a candidate's id); a pronoun takes
the speaker of the claim before it when there is one, else it or an unnamed group ("Critics believe …")
leaves asserted_by empty, with a note; 'he', 'she' and descriptions ('the report', 'the ministry')
take the party the text named shortly before (speaker_antecedents). A quotation whose speaker cannot be named is not proposed. The
topic is guessed from keywords (wordlists.yaml) and says so.

The finders, in order (each holds its sentence and speaker, so one claim per sentence and speaker):
quotations (quote_claims; one claim per sentence: quote_sentences), reported speech (reported_speech),
attributions ('according to X', below), clauses (clause_claims: participles, gerunds, 'prompting X to warn'), blame put as an act (blame_claims:
'holds X responsible for'), a body's concern or the reports it received (stance_claims), reported speech that runs on past a paragraph-opening
'X expressed that …' (continued_speech), then the author's own assertions
in the sentences left (author_claims)."""

from __future__ import annotations

import re

from torkham.ingest.document import Document
from torkham.ingest.extract.attributions import attributed_to
from torkham.ingest.extract.author_claims import author_claims
from torkham.ingest.extract.blame_claims import blame_claims
from torkham.ingest.extract.claim_record import ClaimPass, claim_topic, statement_between
from torkham.ingest.extract.clause_claims import clause_claims
from torkham.ingest.extract.common import Regions, Sentences
from torkham.ingest.extract.continued_speech import continued_speech
from torkham.ingest.extract.given_claims import given_claims
from torkham.ingest.extract.headline_claims import headline_sources, judging_headlines
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.pronouns import resolve_pronouns
from torkham.ingest.extract.quote_claims import continued_quotes, quote_claims
from torkham.ingest.extract.quote_sentences import follow_quotations
from torkham.ingest.extract.reported_speech import reported_speech
from torkham.ingest.extract.speaker_antecedents import resolve_antecedents
from torkham.ingest.extract.stance_claims import stance_claims
from torkham.ingest.extract.surname_speakers import resolve_surnames
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize

__all__ = ["claim_topic", "find_claims"]
MIN_WORDS = 4


def find_claims(
    doc: Document, lexicon: Lexicon, regions: Regions, sentences: Sentences, actors: list[Proposal] | None = None
) -> list[Proposal]:
    """The claims of the document; `actors` (the actor candidates) say who is a person, for 'He said'."""
    cp = ClaimPass(doc, lexicon, regions, sentences)
    proposals = quote_claims(cp)
    proposals += reported_speech(cp)
    proposals += continued_quotes(cp)
    proposals += _attributions(cp)
    proposals += headline_sources(cp)
    proposals += clause_claims(cp)
    proposals += blame_claims(cp)
    proposals += given_claims(cp)
    proposals += stance_claims(cp)
    proposals += judging_headlines(cp)
    proposals += continued_speech(cp)
    resolve_surnames(cp, actors or [])
    resolve_antecedents(cp, actors or [])
    resolve_pronouns(cp)
    follow_quotations(cp)
    held = {sentences.around(p.start)[0] for p in proposals} | {sentences.around(s)[0] for s in cp.quoted.starts}
    proposals += author_claims(doc, regions, sentences, held)
    return _unique(proposals)


def _attributions(cp: ClaimPass) -> list[Proposal]:
    """'…, according to a statement from the Pakistani military.' / '… was reported by one Member State to …':
    the sentence without the attribution is the statement."""
    text = cp.doc.text
    proposals = []
    for sentence_start, sentence_end in _sentences_with(text, cp.sentences, ("ccording to", " by ")):
        for speaker, start, end in attributed_to(text, sentence_start, sentence_end):
            if cp.skipped(start) or cp.held(sentence_start, speaker):
                continue
            statement = (
                statement_between(text, sentence_start, start) + " " + statement_between(text, end, sentence_end)
            )
            statement = re.sub(r"\s+([.,;:!?])", r"\1", statement).strip(" ,")
            if len(statement.split()) >= MIN_WORDS:
                proposals.append(cp.claim(speaker, statement, start, end))
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
