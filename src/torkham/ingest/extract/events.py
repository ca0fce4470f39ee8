"""Candidate events: a sentence with a date and an event word ("attack", "talks", "closed",
"deporting" …, wordlists.yaml and event_words.yaml) proposes an event of that type on that date, with the
actors the sentence names — known actors by id, new candidates by name (the review turns names into ids).
A word belongs to the date it governs ("released in November 2023") or else to the nearest; two dates
joined by "and" or "to" are one period ("in late December 2008 and early January 2009"); a noun counted by
an amount ("4,502 total returns since …") is a statistic, not an event. Dated heading lines, statements
under their date line and sentences with a time of day are dated by where they stand (event_context)."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.common import Regions, Sentences, Token
from torkham.ingest.extract.date_places import first_of_line, heading_event, in_date_field, is_dateline, on_heading
from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_context import dated_by_statement_line, dated_by_time_of_day, dated_headings
from torkham.ingest.extract.event_fields import field_event, is_field, without_retold_fields
from torkham.ingest.extract.event_filters import (
    a_state,
    beneficiary,
    birth_date,
    budget_period,
    conditional,
    counted_after,
    named_again,
    other_clause,
    planned,
    recurring,
    spans_years,
    trending,
)
from torkham.ingest.extract.event_finder import EventFinder, candidate_matcher
from torkham.ingest.extract.event_infobox import operating_field
from torkham.ingest.extract.event_names import in_name, name_spans
from torkham.ingest.extract.event_openers import dated_by_opener
from torkham.ingest.extract.event_releases import release_dateline, release_statements
from torkham.ingest.extract.event_repeats import without_repeats
from torkham.ingest.extract.event_since import movement_as_of, movement_since, opening_since, violence_since
from torkham.ingest.extract.event_today import on_report_day
from torkham.ingest.extract.event_vocab import event_word_pattern, form_pattern, saying_verbs, statistic_words, type_of
from torkham.ingest.extract.figure_vocab import extra_units
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

EVENT_WORD_REACH = 200  # characters between a date and its event word, at most
_TIMESTAMP_BEFORE = re.compile(r"(?:[AP]M|\d{1,2}:\d{2})\s*[·•-]\s*$")
_GOVERNS = re.compile(r"\s+(?:in|on|since|during|from|until|by|as\s+of)\s+$", re.I)  # "released in November 2023"
# Between two dates that make one period: "late December 2008 and early January 2009".
_JOINED = re.compile(r"\s*(?:,?\s+(?:and|to|through)\s+|\s*[-–—]\s*)")
_COUNTED = re.compile(  # "4,502 total returns", "1,3 million registered refugees": an amount counts the noun
    r"(?:(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,.]*|\b(?:hundred|thousand|million|billion|lakh|dozens?|hundreds|thousands))"
    r"(?:\s+(?:million|billion|thousand|lakh))?\s+(?:[A-Za-z-]+\s+){0,2}$|\bnumber\s+of\s+(?:[A-Za-z-]+\s+){0,3}$",
    re.I,
)
# "other 2010 assistance", "the 2017–2018 edition": a date between a determiner and a noun describes that
# noun; it dates only an event word within a few words after it ("the 2008 Mumbai attacks").
_ATTRIBUTIVE = re.compile(
    r"(?<!during )(?<!since )(?<!after )(?<!before )(?<!until )(?<!following )(?<!amid )(?<!throughout )"
    r"\b(?:the|a|an|its|their|his|her|other|this|that|these|those|whose)\s+$|['’]s\s+$",
    re.I,
)  # not after a preposition of time: "During the 2018 elections, militants attacked …" dates the attack
_NOUN_NEXT = re.compile(r"\s+(?:[A-Z][\w.’'-]*\s+){0,2}[a-z]")
ATTRIBUTE_REACH = 30
_OPEN_PERIOD = re.compile(r"(?:post|pre)\b", re.I)  # "post-2001", "pre-2014": a time after or before a date
_OPEN_BEFORE = re.compile(r"\b(?:post|pre)[\s-]+$|\b[\w]+-year\s*[(\[]\s*$", re.I)  # "post-August 2021"
# and "a five-year (2009-2013) programme": the span of what is described, not the date of an event
_SINCE = re.compile(r"\b[Ss]ince\s+$")
CAMPAIGNS = ("military_operation", "war")  # event types whose start a sentence opening "Since 2003," dates
OFFICES = ("appointment",)  # event types whose start "since" dates wherever it stands: "leader since 2009"
_OPENS_SINCE = re.compile(r"[\s\"“]*Since\s+")  # "Since 2003, Pakistan’s army has conducted … operations"
# Before a date that opens its sentence: "In ", "The week of " (not "As of", the date of a stock).
_OPENS = re.compile(r"[\s\"“]*(?:(?!As\s+of\b)[A-Z][a-z]*(?:\s+[a-z]+){0,2}\s+)?")
_REPORTED_PERIOD = re.compile(r"(?:[(\[]|\bperiod:?\s*[(\[]?)\s*$", re.I)  # "Report (04-10 March 2018)"


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
    """Each event word belongs to the date of its sentence it governs or is nearest; a date takes its
    nearest word."""
    finder = EventFinder(doc, mentions, candidate_matcher(candidates), tokens, list(ignore or []))
    finder.name_spans = name_spans(doc.text, candidates)
    proposals, headed = dated_headings(finder, dates)
    by_sentence: dict[tuple[int, int], list[DateMention]] = {}
    starts = [d.start for d in dates]
    text = doc.text
    releases = [d for d in dates if d not in headed and release_dateline(text, d)]
    for date in dates:
        if date in headed or date in releases:
            continue  # a release's dateline dates the sentence it opens (release_statements)
        if is_field(text, date):  # "FormedDecember 14, 2007": a head field, its label glued to its date
            proposals.extend(p for p in [field_event(finder, date)] if p)
            continue
        if _TIMESTAMP_BEFORE.search(text[max(0, date.start - 12) : date.start]) or is_dateline(
            text, date.start, date.end
        ):
            continue  # the time stamp of a post, the dateline of a report: the date of the text, not of an event
        if in_date_field(text, date.start, starts):
            first = first_of_line(text, date.start, starts)
            word = heading_event(text, date.start, event_word_pattern()) if first else None
            label = operating_field(text, date.start) if first and word is None else None  # a group's years
            at = word or label
            if at is not None:
                heading = text[text.rfind("\n", 0, at.start()) + 1 : text.find("\n", at.end())]
                kind = "formation" if word is None else None
                proposal = finder.event(date, at, sentences.around(date.start), 0, heading=heading, event_type=kind)
                proposals.extend([proposal] if proposal else [])
            continue
        if on_heading(text, date.start):
            continue  # a heading or a table of contents: not the date of an event
        if _OPEN_PERIOD.match(date.text) or _OPEN_BEFORE.search(text, max(0, date.start - 20), date.start):
            continue  # "post-August 2021 policy", "returned in phases post-2001": after the date, not on it
        if budget_period(text, date) or birth_date(text, date) or recurring(text, date) or named_again(text, date):
            continue  # "In fiscal year 2014, the bureau provided …", "Born in 1978, he …", "Sunday’s clashes": none
        by_sentence.setdefault(sentences.around(date.start), []).append(date)
    for sentence, sentence_dates in by_sentence.items():
        proposals.extend(_sentence_events(finder, sentence, _joined(text, _finest(sentence_dates))))
    dated = set(by_sentence) | {sentences.around(d.start) for d in releases}
    proposals += release_statements(finder, releases, sentences)
    proposals += dated_by_statement_line(finder, dates, headed, dated, sentences)
    proposals += dated_by_time_of_day(finder, dates, dated, sentences)
    return without_retold_fields(without_repeats(proposals + dated_by_opener(finder, dates, dated, sentences)))


def _sentence_events(finder: EventFinder, sentence: tuple[int, int], dates: list[DateMention]) -> list[Proposal]:
    text = finder.doc.text
    owned: dict[int, list[re.Match]] = {}
    counted_periods: set[int] = set()
    for word in event_word_pattern().finditer(text, sentence[0], sentence[1]):
        at = word.start()
        if in_name(finder.name_spans, at, word.end()):
            continue  # "the United Nations High Commissioner for Refugees reported": a word of a name
        if any(d.start <= at < d.end for d in dates) or beneficiary(text, word, sentence[0]):
            continue  # inside a date; or "assistance to Afghan refugees": people aid goes to, no event
        if conditional(text, word, sentence[0]) or (
            planned(text, word, sentence[0]) and not on_report_day(text, word, dates, finder.doc.date)
        ):
            continue  # "plans to hold talks in March", "if the talks fail": what has not happened
        if a_state(text, word, sentence[0]):
            continue  # "there were 400 attacks", "hosted 3.7 million Afghans": a count or a population
        near = [d for d in dates if not _reported(text, word, d) and not other_clause(text, sentence[0], word, d)]
        if not near:
            continue  # "he said that in 2019 …": the date is what he reports, not when he said it
        date = _governed(text, word, dates) or min(near, key=lambda d: min(abs(at - d.start), abs(at - d.end)))
        statistic = _counted(text, word, date)
        if statistic == "change" or (statistic and not _OPENS.fullmatch(text, sentence[0], date.start)):
            if _governed(text, word, dates) is date:
                counted_periods.add(id(date))  # "1,524 deaths in 2023": the period of a count dates no event
            continue  # a statistic, unless the date opens the sentence: "In August, … nearly 70,000 arrivals"
        if min(abs(at - date.start), abs(at - date.end)) <= EVENT_WORD_REACH:
            owned.setdefault(id(date), []).append(word)
    proposals = []
    for date in dates:
        if id(date) in counted_periods:
            continue
        words = owned.get(id(date), []) if not _covered_period(text, sentence, date) else []
        moved = _moved_since(finder, sentence, date, words)
        if moved is not None:
            proposals.append(moved)
            continue  # "Since 15 September 2023, 160,000 Afghans have left Pakistan": a movement from that date
        if words:
            if _SINCE.search(text, max(0, date.start - 8), date.start):
                words = _campaign_since(text, sentence, date, words)
            if _ATTRIBUTIVE.search(text, max(0, date.start - 30), date.start) and _NOUN_NEXT.match(text, date.end):
                words = [
                    w for w in words if date.end <= w.start() <= date.end + ATTRIBUTE_REACH and w.group().islower()
                ]
            if not words:
                continue  # "returns since 01 January 2018", "has claimed attacks since 2019": a count's or state's start
            word = min(words, key=lambda w: abs(w.start() - date.start))
            proposal = finder.event(date, word, sentence, 0)
            if proposal:
                proposals.append(proposal)
    return proposals


def _campaign_since(text: str, sentence: tuple[int, int], date: DateMention, words: list[re.Match]) -> list[re.Match]:
    """'Since 2003, Pakistan’s army has conducted … operations': a sentence that opens with 'Since' and a date
    and tells of a military campaign dates the campaign's start (its words of a campaign); 'has been the
    leader since August 2009' dates the taking of an office (none otherwise)."""
    held = [w for w in words if type_of(w.group()) in OFFICES]  # "has been the group's leader since 2009"
    if not _OPENS_SINCE.fullmatch(text, sentence[0], date.start):
        return held + movement_since(text, date, words)  # "Afghans have returned from Iran since 2004"
    return [w for w in words if type_of(w.group()) in CAMPAIGNS] or held


def _moved_since(finder: EventFinder, sentence: tuple[int, int], date: DateMention, words: list) -> Proposal | None:
    """'Since 1979, Pakistan has hosted Afghan refugees': a sentence opening with 'Since' (or 'As of') and a
    date, with a perfect verb of people moving or taken in (and no word of a campaign), is a displacement from
    (or up to) that date; so is such a verb right before 'as of' and a date."""
    if any(type_of(w.group()) in CAMPAIGNS for w in words):
        return None
    text = finder.doc.text
    found = opening_since(text, sentence, date) or movement_as_of(text, sentence, date)
    found = found or violence_since(text, sentence, date)
    return finder.event(date, found[0], sentence, 0, event_type=found[1]) if found else None


_THAT = re.compile(r"\bthat\b")
STATEMENT_DATE_WORDS = 4  # "said in a statement on Monday": words between a statement word and its date


def _reported(text: str, word: re.Match, date: DateMention) -> bool:
    """'the minister stated that, since August 2021, …', 'officials said the crossing would reopen in
    February': a date after a statement word, past 'that' or more than a few words on, dates what is
    reported, not the statement ('said Thursday', 'said in a statement on 5 May' date it)."""
    if type_of(word.group()) != "statement" or date.start < word.end():
        return False
    gap = text[word.end() : date.start]
    saying = word.group().lower() in saying_verbs()  # not 'announced', 'pledged', 'press conference'
    said_that = _THAT.search(word.group()) is not None  # "claimed that, since August 2021, …"
    return said_that or bool(_THAT.search(gap)) or (saying and len(gap.split()) > STATEMENT_DATE_WORDS)


def _governed(text: str, word: re.Match, dates: list[DateMention]) -> DateMention | None:
    """The date the word governs through a preposition right after it: 'released in November 2023'."""
    return next((d for d in dates if d.start > word.end() and _GOVERNS.fullmatch(text, word.end(), d.start)), None)


def _counted(text: str, word: re.Match, date: DateMention) -> str | None:
    """'4,502 total returns', 'a 60% rise in attacks', 'deaths of over 500 soldiers': a count noun that an
    amount counts ('amount'; not '600 attacks', a campaign) or whose change or running total is given, or
    that is dated by a span of years ('attacks fell between 2012 and 2016'), is a statistic ('change')."""
    nouns = {**extra_units(), **default_words().unit_of_noun}
    unit = nouns.get(" ".join(word.group().lower().split()))
    if unit is None:
        return None
    if (
        _change_pattern().search(text, max(0, word.start() - 50), word.start())
        or spans_years(date)
        or trending(text, word)
    ):
        return "change"
    if counted_after(text, word):
        return "amount"
    amount = _COUNTED.search(text, max(0, word.start() - 40), word.start())
    return "amount" if amount and (unit == "person" or not amount.group()[:1].isdigit()) else None


@lru_cache(maxsize=1)
def _change_pattern() -> re.Pattern:
    """'a 60% rise in militant attacks', 'the total of …': a change in a count or a running total."""
    forms = "|".join(form_pattern(w) for w in sorted(statistic_words(), key=len, reverse=True))
    return re.compile(rf"\b(?:{forms})\s+(?:[A-Za-z-]+\s+){{0,3}}$", re.I)


def _covered_period(text: str, sentence: tuple[int, int], date: DateMention) -> bool:
    """'Weekly Situation Report (04-10 March 2018)', 'reporting period [23 – 29 April 2017]': the period a
    report covers, in brackets after it, is not the date of what the sentence tells."""
    if date.last is None or not _REPORTED_PERIOD.search(text, max(sentence[0], date.start - 12), date.start):
        return False
    return any(
        type_of(w.group()) == "publication" for w in event_word_pattern().finditer(text, sentence[0], date.start)
    )


def _joined(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Two dates joined by 'and' or 'to' are one period, dated by the first: 'in late December 2008 and
    early January 2009'."""
    out: list[DateMention] = []
    for date in dates:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.last is None
            and date.last is None
            and previous.first.first_day < date.first.first_day
            and _JOINED.fullmatch(text, previous.end, date.start)
        ):
            period = (previous.first, date.first)
            note = f"a period: {previous.text} to {date.text}"
            out[-1] = dataclasses.replace(previous, end=date.end, text=text[previous.start : date.end], period=period,
                                          notes=[*previous.notes, note])  # fmt: skip
            continue
        out.append(date)
    return out


def _finest(dates: list[DateMention]) -> list[DateMention]:
    """'The 2023 Chitral attack … on 6 September 2023': a bare year that a finer date of the same
    sentence falls in only names the event; the finer date dates it."""
    finer = {d.first.year for d in dates if d.first.precision != "year"}
    return [d for d in dates if d.first.precision != "year" or d.last is not None or d.first.year not in finer]
