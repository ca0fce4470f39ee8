"""Candidate events: a sentence with a date and an event word ("attack", "talks", "closed",
"deporting" …, wordlists.yaml) proposes an event of that type on that date, with the actors the
sentence names — known actors by id, new candidates by name (the review turns names into ids)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, Sentences, Token, propose
from torkham.ingest.extract.date_places import first_of_line, heading_event, in_date_field, is_dateline, on_heading
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.mentions import PhraseMatcher
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.model.dates import PartialDate

EVENT_WORD_REACH = 200  # characters between a date and its event word, at most
TITLE_CHARS = 140
_TIMESTAMP_BEFORE = re.compile(r"(?:[AP]M|\d{1,2}:\d{2})\s*[·•-]\s*$")
_SINCE_BEFORE = re.compile(r"\b(?:[Ss]ince|[Aa]s\s+of)\s+$")  # "returnees since 01 January 2018": a count's start


_GAP = r"(?:\s+[\w'’-]+){0,3}?\s+"  # the "*" of an event phrase: up to three words


def _form_pattern(form: str) -> str:
    return _GAP.join(r"\s+".join(re.escape(w) for w in part.split()) for part in form.split(" * "))


EXTRA_EVENT_WORDS = Path(__file__).with_name("event_words.yaml")


@lru_cache(maxsize=1)
def event_words() -> dict[str, list[str]]:
    """wordlists.yaml's event words with event_words.yaml's (a type must be a vocabulary event type)."""
    from torkham.errors import TorkhamError
    from torkham.model.vocabulary import default_vocabulary
    from torkham.model.yamlfile import load_yaml

    merged = {t: list(ws) for t, ws in default_words().event_words.items()}
    extra = load_yaml(EXTRA_EVENT_WORDS) or {}
    known = default_vocabulary()["event_types"]
    for event_type, forms in extra.items():
        if event_type not in known or not isinstance(forms, list):
            raise TorkhamError(f"{EXTRA_EVENT_WORDS}: '{event_type}' must be an event type with a list of words")
        taken = {w for ws in merged.values() for w in ws}
        merged.setdefault(event_type, []).extend(str(w).lower() for w in forms if str(w).lower() not in taken)
    return merged


@lru_cache(maxsize=1)
def _event_words() -> re.Pattern:
    forms = sorted({w for ws in event_words().values() for w in ws}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(_form_pattern(f) for f in forms) + r")\b", re.I)


@lru_cache(maxsize=1)
def _types() -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    words = event_words()
    plain = {w: t for t, ws in words.items() for w in ws if "*" not in w}
    gapped = [(re.compile(_form_pattern(w), re.I), t) for t, ws in words.items() for w in ws if "*" in w]
    return plain, gapped


def type_of(word: str) -> str:
    """The event type of a matched event word or phrase ("became the group's new leader": appointment)."""
    plain, gapped = _types()
    key = " ".join(word.lower().split())
    if key in plain:
        return plain[key]
    return next(t for pattern, t in gapped if pattern.fullmatch(word))


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

    def event(
        self, date: DateMention, word: re.Match, sentence: tuple[int, int], offset: int, heading: str | None = None
    ) -> Proposal | None:
        """The event `word` and `date` propose; with a heading (an infobox date) the heading is its title
        and the date alone its evidence."""
        sentence_start, sentence_end = sentence
        word_start, word_end = (
            (offset + word.start(), offset + word.end()) if heading is None else (date.start, date.end)
        )
        event_type = type_of(word.group())
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
    proposals: list[Proposal] = []
    starts = [d.start for d in dates]
    text = doc.text
    for date in dates:
        if _SINCE_BEFORE.search(text[max(0, date.start - 8) : date.start]):
            continue
        if _TIMESTAMP_BEFORE.search(text[max(0, date.start - 12) : date.start]) or is_dateline(
            text, date.start, date.end
        ):
            continue  # the time stamp of a post, the dateline of a report: the date of the text, not of an event
        if in_date_field(text, date.start, starts):
            word = heading_event(text, date.start, _event_words()) if first_of_line(text, date.start, starts) else None
            if word is not None:
                heading = text[text.rfind("\n", 0, word.start()) + 1 : text.find("\n", word.end())]
                proposal = finder.event(date, word, sentences.around(date.start), 0, heading=heading)
                proposals.extend([proposal] if proposal else [])
            continue
        if on_heading(text, date.start):
            continue  # a heading or a table of contents: not the date of an event
        by_sentence.setdefault(sentences.around(date.start), []).append(date)
    for sentence, sentence_dates in by_sentence.items():
        sentence_dates = _finest(sentence_dates)
        text = doc.text[sentence[0] : sentence[1]]
        owned: dict[int, list[re.Match]] = {}
        for word in _event_words().finditer(text):
            at = sentence[0] + word.start()
            if any(d.start <= at < d.end for d in sentence_dates):
                continue
            nearest = min(sentence_dates, key=lambda d: min(abs(at - d.start), abs(at - d.end)))
            if min(abs(at - nearest.start), abs(at - nearest.end)) <= EVENT_WORD_REACH:
                owned.setdefault(id(nearest), []).append(word)
        for date in sentence_dates:
            words = owned.get(id(date))
            if words:
                word = min(words, key=lambda w: abs(sentence[0] + w.start() - date.start))
                proposal = finder.event(date, word, sentence, sentence[0])
                if proposal:
                    proposals.append(proposal)
    dated = set(by_sentence)
    proposals += _dated_by_statement_line(finder, dates, dated, sentences)
    return proposals + _dated_by_context(finder, dates, dated, sentences)


_DONE_NOW = re.compile(r"\b(?:has|have|is|are)\s+(?:\w+ly\s+)?$")  # "has designated", "is designating"
STATEMENT_LINE_SENTENCES = 3  # sentences of the paragraph under a date line that it dates


def _dated_by_statement_line(
    finder: _Finder, dates: list[DateMention], dated: set[tuple[int, int]], sentences: Sentences
) -> list[Proposal]:
    """A press statement's date on a line of its own ('September 1, 2010') dates what its first paragraph
    says is done now: 'The Secretary of State has designated …', 'the Department is designating …'."""
    text = finder.doc.text
    proposals = []
    for line_date in dates:
        line_start = text.rfind("\n", 0, line_date.start) + 1
        line_end = text.find("\n", line_date.end)
        line_end = len(text) if line_end < 0 else line_end
        if line_date.first.precision != "day" or text[line_start:line_end].strip() != line_date.text.strip():
            continue
        position = line_end
        for _ in range(STATEMENT_LINE_SENTENCES):
            body = re.compile(r"\s*").match(text, position)
            if body is None or body.end() >= len(text):
                break
            sentence = sentences.around(body.end())
            if sentence not in dated:
                word = next(
                    (
                        w
                        for w in _event_words().finditer(text, sentence[0], sentence[1])
                        if _DONE_NOW.search(text, max(sentence[0], w.start() - 30), w.start())
                    ),
                    None,
                )
                if word is not None:
                    note = f"dated by the statement's date line '{line_date.text}'"
                    proposal = _dated_event(finder, word, word, sentence, line_date.date, note)
                    if proposal:
                        proposals.append(proposal)
                        dated.add(sentence)
            if "\n\n" in text[sentence[0] : sentence[1] + 2]:
                break  # the paragraph ends
            position = sentence[1]
    return proposals


CONTEXT_REACH = 600  # characters back to the day a sentence dated by context happened on
_TIME_OF_DAY = re.compile(
    r"\bat\s+(?:\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\b\.?|o['’]clock)|dawn|dusk|midnight|noon)"
    r"|\b(?:later|earlier)\s+that\s+(?:day|night|morning|evening)\b|\bthat\s+(?:night|evening|afternoon)\b",
    re.I,
)


def _dated_by_context(
    finder: _Finder, dates: list[DateMention], dated: set[tuple[int, int]], sentences: Sentences
) -> list[Proposal]:
    """'At 3 a.m., gunmen stormed …': a sentence with no date of its own but a time of day and an event
    word happened on the day written shortly before it; the note says which."""
    text = finder.doc.text
    days = [d for d in dates if d.first.precision == "day" and d.last is None]
    ends = [d.end for d in days]
    proposals = []
    for m in _TIME_OF_DAY.finditer(text):
        sentence = sentences.around(m.start())
        i = bisect_left(ends, sentence[0] + 1) - 1
        if sentence in dated or i < 0 or sentence[0] - days[i].end > CONTEXT_REACH:
            continue
        word = next((w for w in _event_words().finditer(text, sentence[0], sentence[1])), None)
        if word is None:
            continue
        note = f"dated by context: the day of '{days[i].text}' before it"
        proposal = _dated_event(finder, m, word, sentence, days[i].date, note)
        if proposal:
            proposals.append(proposal)
        dated.add(sentence)
    return proposals


def _finest(dates: list[DateMention]) -> list[DateMention]:
    """'The 2023 Chitral attack … on 6 September 2023': a bare year that a finer date of the same
    sentence falls in only names the event; the finer date dates it."""
    finer = {d.first.year for d in dates if d.first.precision != "year"}
    return [d for d in dates if d.first.precision != "year" or d.last is not None or d.first.year not in finer]


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


def _dated_event(
    finder: _Finder, at: re.Match, word: re.Match, sentence: tuple[int, int], when: PartialDate, note: str
) -> Proposal | None:
    """The event of `word` in `sentence`, dated `when` by a date written elsewhere; `at` is the passage that
    ties them (the event word itself, or a time of day) and `note` says where the date comes from."""
    return finder.event(DateMention(at.start(), at.end(), at.group(), when, notes=[note]), word, sentence, 0)
