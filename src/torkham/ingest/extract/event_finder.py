"""The event a date and an event word propose: its type, title, actors (known actors by id, new candidates
by name) and the passage that ties them; each (sentence, date, type) is proposed once."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Token, propose
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_vocab import type_of
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import PhraseMatcher
from torkham.ingest.proposal import Proposal
from torkham.model.dates import PartialDate

TITLE_CHARS = 140


def _title(sentence: str) -> str:
    title = " ".join(sentence.split()).strip(" -•*")
    if len(title) <= TITLE_CHARS:
        return title
    return title[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


@dataclass
class EventFinder:
    doc: Document
    mentions: list[Proposal]
    names: PhraseMatcher | None
    tokens: list[Token]
    ignore: list[tuple[int, int]] = field(default_factory=list)  # citations: "(Dawn, 2023)" names no actor
    seen: set[tuple[int, str, str]] = field(default_factory=set)
    name_spans: list[tuple[int, int]] = field(default_factory=list)  # candidates' names: no event words

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

    def event(
        self,
        date: DateMention,
        word: re.Match,
        sentence: tuple[int, int],
        offset: int,
        heading: str | None = None,
        event_type: str | None = None,
    ) -> Proposal | None:
        """The event `word` and `date` propose; with a heading (an infobox date, a dated heading line) the
        heading is its title and the date alone its evidence; `event_type` when the word has none of its own."""
        sentence_start, sentence_end = sentence
        word_start, word_end = (
            (offset + word.start(), offset + word.end()) if heading is None else (date.start, date.end)
        )
        event_type = event_type or type_of(word.group())
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
        title = _title(heading or self.doc.text[sentence_start:sentence_end])
        record.update(date_text=date.text, type=event_type, title=title, actors=actors)
        notes = [f"type from the word '{word.group()}'", *date.notes, *notes]
        return propose(self.doc, "event", record, min(date.start, word_start), max(date.end, word_end), notes)


def candidate_matcher(candidates: list[Proposal]) -> PhraseMatcher | None:
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


def dated_event(
    finder: EventFinder, at: re.Match, word: re.Match, sentence: tuple[int, int], when: PartialDate, note: str
) -> Proposal | None:
    """The event of `word` in `sentence`, dated `when` by a date written elsewhere; `at` is the passage that
    ties them (the event word itself, or a time of day) and `note` says where the date comes from."""
    return finder.event(DateMention(at.start(), at.end(), at.group(), when, notes=[note]), word, sentence, 0)
