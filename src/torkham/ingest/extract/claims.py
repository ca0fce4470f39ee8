"""Claims: a quotation or reported speech with its speaker.

'"TTP attacks originate from within Pakistan" (Express Tribune, 2023), said spokesperson Sohail Shaheen'
→ asserted_by Sohail Shaheen, statement the quotation. 'Zabihullah Mujahid condemned US drone
surveillance …' → asserted_by Zabihullah Mujahid, statement the rest of the sentence. A known speaker
becomes its actor id; another stays a name (the review turns it into a candidate's id); a pronoun or an
unnamed group ("Critics believe …") leaves asserted_by empty, with a note. The topic is guessed from
keywords (wordlists.yaml) and says so."""

from __future__ import annotations

import re
from dataclasses import dataclass

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, Sentences, propose
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize

STATEMENT_CHARS = 400
MIN_QUOTE_WORDS = 4
MIN_UNATTRIBUTED_WORDS = 8  # a shorter quotation without a speaker is a title or a slogan
_QUOTE = re.compile(r"\"([^\"\n]{3,1500}?)\"|“([^”]{3,1500}?)”|\*\"([^\"\n]{3,600}?)\"\*")
_NAME = re.compile(r"(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*)(?:\s+(?:of\s+the\s+|of\s+|bin\s+|ul\s+)?[A-Z][\w'’-]*){0,4}")
_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
_GROUP_NOUNS = {"critics", "experts", "officials", "analysts", "observers", "sources", "activists", "reports", "some"}


@dataclass
class Speaker:
    text: str
    start: int
    end: int


def _clean_name(name: str) -> str:
    words = default_words()
    tokens = re.sub(r"['’]s$", "", name.strip(" ,.")).split()
    while tokens and (tokens[0].lower().strip(".") in words.person_titles or tokens[0].lower() in words.non_name_words):
        tokens = tokens[1:]
    return " ".join(tokens)


def _last_name_in(text: str, offset: int) -> Speaker | None:
    """The last capitalised name of `text` (which starts at `offset` in the document)."""
    found = None
    for m in _NAME.finditer(text):
        name = _clean_name(m.group())
        if name and name.lower() not in default_words().non_name_words:
            found = Speaker(name, offset + m.start(), offset + m.end())
    return found


def _first_name_in(text: str, offset: int) -> Speaker | None:
    """The first capitalised name of `text` (after titles: 'German Foreign Minister Heiko Maas')."""
    for m in _NAME.finditer(text):
        name = _clean_name(m.group())
        if name and name.lower() not in default_words().non_name_words:
            at = offset + m.start() + m.group().find(name.split()[0])
            return Speaker(name, at, at + len(name))
    return None


def _speaker_after(text: str, end: int) -> Speaker | None:
    """'…", said spokesperson Sohail Shaheen' / '…," Lieven said' / a name line under a quotation."""
    words = default_words()
    verbs = "|".join(words.speech_verbs)
    window = text[end : end + 160]
    m = re.match(rf"[\s,.*]*(?:\([^)]*\)\s*)?,?\s*(?P<verb>{verbs})\s+(?P<who>[^,.;\n]{{2,70}})", window)
    if m:
        who = _last_name_in(m.group("who"), end + m.start("who"))
        if who:
            return who
    m = re.match(rf"[\s,.*]*(?P<who>[A-Z][^,.;\n\"]{{1,60}}?)\s+(?:{verbs})\b", window)
    if m:
        return _last_name_in(m.group("who"), end + m.start("who"))
    m = re.match(r"[\s\"”*]*(?:With|In) (?:these|those|his|her) words,?\s+(?P<who>[^,.;\n]{2,80})", window)
    if m:  # '"…"\n\nWith these words German Foreign Minister Heiko Maas summed up …'
        return _first_name_in(m.group("who"), end + m.start("who"))
    m = re.match(r"\s*\n\s*(?P<who>[A-Z][^\n]{2,60})\n", window)  # "Iftikhar Firdous, Khorasan Diary"
    if m and len(m.group("who").split()) <= 8 and not re.search(r"[.!?]$", m.group("who")):
        name = _last_name_in(m.group("who").split(",")[0], end + m.start("who"))
        return name
    return None


def _speaker_before(text: str, start: int, sentence_start: int) -> Speaker | None:
    """'Leiven told me in a virtual interview, "…"' / 'Mujahid said: "…"'."""
    words = default_words()
    before = text[sentence_start:start]
    m = re.search(
        rf"(?P<who>[^.;\"]{{0,120}}?)\b(?:{'|'.join(words.speech_verbs)})\b[^\"]{{0,60}}[,:]?\s*[\"“*]*$", before
    )
    if m:
        return _last_name_in(m.group("who"), sentence_start + m.start("who"))
    m = re.search(r"\bby\s+(?P<who>[^,;\"]{3,80})(?:,[^\"]{0,120})?[\"“*]*$", before)  # "as spelled out by Dr. X, …"
    return _first_name_in(m.group("who"), sentence_start + m.start("who")) if m else None


_ASIDE = re.compile(r",\s*(?:however|though|too|also|in turn|meanwhile)\s*,?", re.I)


def _speaker_of_verb(text: str, verb_start: int, sentence_start: int) -> Speaker | None:
    """The subject of a speech verb: the last name shortly before it in the same sentence
    ("Critics, however, believe …"; "Afghanistan's defense ministry stated …" keeps the whole phrase)."""
    window_start = max(sentence_start, verb_start - 120)
    before = _ASIDE.sub(lambda m: " " * len(m.group()), text[window_start:verb_start])
    clause = re.split(r"[;:]|,\s+(?:and|but|while)\s+|\(|,\s", before)[-1]
    clause_start = window_start + len(before) - len(clause)
    words = re.findall(r"[\w'’]+", clause)
    last = words[-1] if words else ""
    if last.lower() in _PRONOUNS | _GROUP_NOUNS or (len(words) == 1 and last.lower() in _GROUP_NOUNS):
        at = clause_start + clause.rfind(last)
        return Speaker(last, at, at + len(last))
    who = _last_name_in(clause, clause_start)
    if who is None or verb_start - who.end > 60:
        return None
    owned = re.match(r"['’]s((?:\s+[a-z][\w-]*){1,3})\s*$", text[who.end : verb_start])
    if owned:  # "Afghanistan's defense ministry"
        return Speaker(text[who.start : who.end + owned.end(1)], who.start, who.end + owned.end(1))
    return who


def _inverted_speaker(text: str, verb_end: int, sentence_end: int) -> Speaker | None:
    """'…, as once said the former Afghan president Hamid Karzai' / '…, says Iftikhar Firdous of …'."""
    m = re.match(r"\s+(?P<who>(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[A-Z][^,.;\n]{1,60})", text[verb_end:sentence_end])
    return _first_name_in(m.group("who"), verb_end + m.start("who")) if m else None


def _topic(statement: str) -> tuple[str, str | None]:
    words = default_words()
    low = statement.lower()
    scores = {t: sum(len(re.findall(rf"\b{re.escape(k)}\b", low)) for k in ks) for t, ks in words.claim_topics.items()}
    best = max(scores, key=lambda t: scores[t])
    if scores[best] == 0:
        return words.fallback_topic, f"no topic word found; topic '{words.fallback_topic}' is a placeholder"
    return best, f"topic guessed from keywords: {best}"


def _record(lexicon: Lexicon, speaker: Speaker | None, statement: str) -> tuple[dict, list[str]]:
    notes: list[str] = []
    asserted: list[str] = []
    if speaker is None:
        notes.append("speaker not found")
    elif speaker.text.lower() in _PRONOUNS | _GROUP_NOUNS:
        notes.append(f"speaker is '{speaker.text}': name who it refers to")
    else:
        actor = lexicon.resolve(speaker.text)
        asserted.append(actor or speaker.text)
        if lexicon.is_ambiguous(speaker.text):
            notes.append(f"ambiguous speaker '{speaker.text}': names {', '.join(lexicon.actors_named(speaker.text))}")
        elif actor is None:
            notes.append(f"speaker '{speaker.text}' is not a known actor")
    topic, topic_note = _topic(statement)
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
        speaker = _speaker_after(text, m.end()) or _speaker_before(text, m.start(), sentence_start)
        if speaker is None and len(body.split()) < MIN_UNATTRIBUTED_WORDS:
            continue
        record, notes = _record(lexicon, speaker, body)
        start = min(m.start(), speaker.start) if speaker else m.start()
        end = max(m.end(), speaker.end) if speaker else m.end()
        quoted.append((start, end))
        proposals.append(propose(doc, "claim", record, start, end, notes))
    finite = [v for v in default_words().speech_verbs if not v.endswith("ing")]  # "…, labelling it" follows a verb
    verbs = re.compile(rf"\b(?:{'|'.join(finite)})\b")
    claimed: set[tuple[int, str]] = set()  # (sentence, speaker): one claim each
    for m in verbs.finditer(text):
        if any(s <= m.start() < e for s, e in quoted) or regions.within("bibliography", m.start()):
            continue
        sentence_start, sentence_end = sentences.around(m.start())
        speaker = _speaker_of_verb(text, m.start(), sentence_start)
        statement_start, statement_end = m.end(), sentence_end
        if speaker is None and m.group() in ("said", "says"):
            speaker = _inverted_speaker(text, m.end(), sentence_end)
            statement_start, statement_end = sentence_start, m.start()
        if speaker is None or (sentence_start, normalize(speaker.text)) in claimed:
            continue
        rest = re.sub(r"^\s*(?:that\s+)?|,?\s*(?:as\s+(?:once\s+)?)?$", "", text[statement_start:statement_end]).strip()
        if len(rest.split()) < MIN_QUOTE_WORDS:
            continue
        record, notes = _record(lexicon, speaker, rest)
        claimed.add((sentence_start, normalize(speaker.text)))
        span = (min(speaker.start, statement_start), max(speaker.end, statement_end))
        proposals.append(propose(doc, "claim", record, span[0], span[1], notes))
    return _unique(proposals)


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
