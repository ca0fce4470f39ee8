"""Candidate events: a sentence with a date and an event word ("attack", "talks", "closed",
"deporting" …, wordlists.yaml) proposes an event of that type on that date, with the actors the
sentence names — known actors by id, new candidates by name (the review turns names into ids)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, Sentences, Token, propose
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import PhraseMatcher
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

EVENT_WORD_REACH = 200  # characters between a date and its event word, at most
TITLE_CHARS = 140
_TIMESTAMP_BEFORE = re.compile(r"(?:[AP]M|\d{1,2}:\d{2})\s*[·•-]\s*$")


@lru_cache(maxsize=1)
def _event_words() -> re.Pattern:
    words = default_words()
    forms = sorted({w for ws in words.event_words.values() for w in ws}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")\b", re.I)


@lru_cache(maxsize=1)
def _type_of() -> dict[str, str]:
    words = default_words()
    return {w: t for t, ws in words.event_words.items() for w in ws}


def _title(sentence: str) -> str:
    title = " ".join(sentence.split()).strip(" -•*")
    if len(title) <= TITLE_CHARS:
        return title
    return title[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


@dataclass
class _Finder:
    doc: Document
    mentions: list[Proposal]
    names: PhraseMatcher | None
    tokens: list[Token]
    ignore: list[tuple[int, int]] = field(default_factory=list)  # citations: "(Dawn, 2023)" names no actor
    seen: set[tuple[int, str, str]] = field(default_factory=set)

    def __post_init__(self):
        self.token_starts = [t.start for t in self.tokens]
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]

    def actors_in(self, start: int, end: int) -> tuple[list[str], list[str]]:
        """(actor ids or candidate names, notes) for the actors named between start and end."""
        actors: list[str] = []
        notes: list[str] = []
        first, last = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        for mention in self.mentions[first:last]:
            actor = mention.record.get("actor")
            if actor and actor not in actors:
                actors.append(actor)
            elif not actor:
                notes.append(f"'{mention.record['name']}' is ambiguous; add the actor it means")
        if self.names is not None:
            inside = self.tokens[bisect_left(self.token_starts, start) : bisect_left(self.token_starts, end)]
            for match in self.names.find(inside, self.doc.text):
                at = inside[match.first].start
                if any(s <= at < e for s, e in self.ignore):
                    continue
                if match.entry.actor_ids[0] not in actors:
                    actors.append(match.entry.actor_ids[0])
        return actors, notes

    def event(self, date: DateMention, word: re.Match, sentence: tuple[int, int], offset: int) -> Proposal | None:
        sentence_start, sentence_end = sentence
        word_start, word_end = offset + word.start(), offset + word.end()
        event_type = _type_of()[" ".join(word.group().lower().split())]
        key = (sentence_start, date.first.iso(), event_type)
        if key in self.seen:
            return None
        self.seen.add(key)
        actors, notes = self.actors_in(sentence_start, sentence_end)
        record: dict = {"date": date.first.iso()}
        if date.last is not None:
            record["end_date"] = date.last.iso()
        if date.approximate:
            record["approximate"] = True
        title = _title(self.doc.text[sentence_start:sentence_end])
        record.update(date_text=date.text, type=event_type, title=title, actors=actors)
        notes = [f"type from the word '{word.group()}'", *date.notes, *notes]
        return propose(self.doc, "event", record, min(date.start, word_start), max(date.end, word_end), notes)


def find_events(
    doc: Document,
    dates: list[DateMention],
    mentions: list[Proposal],
    candidates: list[Proposal],
    regions: Regions,
    sentences: Sentences,
    tokens: list[Token],
    ignore: list[tuple[int, int]] | None = None,
) -> list[Proposal]:
    """Each event word belongs to the nearest date of its sentence; a date takes its nearest word."""
    finder = _Finder(doc, mentions, _candidate_matcher(candidates), tokens, list(ignore or []))
    by_sentence: dict[tuple[int, int], list[DateMention]] = {}
    for date in dates:
        if _TIMESTAMP_BEFORE.search(doc.text[max(0, date.start - 12) : date.start]) or _on_heading(
            doc.text, date.start
        ):
            continue  # the time stamp of a post, a heading or a table of contents: not the date of an event
        by_sentence.setdefault(sentences.around(date.start), []).append(date)
    proposals: list[Proposal] = []
    for sentence, sentence_dates in by_sentence.items():
        text = doc.text[sentence[0] : sentence[1]]
        owned: dict[int, list[re.Match]] = {}
        for word in _event_words().finditer(text):
            at = sentence[0] + word.start()
            if any(d.start <= at < d.end for d in sentence_dates):
                continue
            nearest = min(sentence_dates, key=lambda d, at=at: min(abs(at - d.start), abs(at - d.end)))
            if min(abs(at - nearest.start), abs(at - nearest.end)) <= EVENT_WORD_REACH:
                owned.setdefault(id(nearest), []).append(word)
        for date in sentence_dates:
            words = owned.get(id(date))
            if words:
                word = min(words, key=lambda w, d=date: abs(sentence[0] + w.start() - d.start))
                proposal = finder.event(date, word, sentence, sentence[0])
                if proposal:
                    proposals.append(proposal)
    return proposals


def _on_heading(text: str, offset: int) -> bool:
    """A short line without a full stop: a heading, a caption or a line of the table of contents."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end >= 0 else len(text)].strip()
    return len(line) < 100 and not re.search(r"[.!?\"”)]$", line)


def _candidate_matcher(candidates: list[Proposal]) -> PhraseMatcher | None:
    """A matcher whose 'actor ids' are the candidates' names, to find them in any sentence."""
    if not candidates:
        return None
    names: list[tuple[str, str]] = []
    actors = []
    for proposal in candidates:
        name = proposal.record["name"]
        actors.append((name, name, proposal.record["kind"]))
        names.extend((name, a["name"]) for a in proposal.record.get("aliases", []))
    return PhraseMatcher(Lexicon.from_names(actors, names))
