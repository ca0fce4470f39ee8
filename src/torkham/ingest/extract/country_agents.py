"""Countries that act in a text, and countries that are only places.

A country is an actor candidate where the text makes it one: written possessive ("Pakistan's
government"); opening a sentence ("Pakistan and Afghanistan met"); before a verb ("Pakistan said") when
no preposition makes it a place ("the return of refugees to Afghanistan is …"); before or after a noun
of its officials or forces ("Pakistan government", "Tajikistan security forces", "the President of
Turkey"); or after a word that makes it a party ("talks between", "accused by", "returned from"). A list
of countries shares what is said of it as a whole: "the Prime Ministers of the United Kingdom, The
Netherlands and Denmark", "the withdrawal of the United States and NATO troops". A destination ("return
to Afghanistan", "fleeing to Pakistan, Tajikistan and Iran") and an origin of people ("political leaders
from Afghanistan") are places. The word lists are in actor_words.yaml."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.ingest.extract.country_conditions import among_countries, on_route, undergoes
from torkham.ingest.extract.government_names import government_names
from torkham.ingest.extract.name_runs import in_headline
from torkham.ingest.extract.namewords import is_title, lookups
from torkham.ingest.extract.words import default_words

LIST_ITEMS = 8  # names of one list read on each side of a country
LIST_REACH = 60  # characters read back for the item before
_SEPARATOR = r"(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+)"
_WORD_BEFORE = re.compile(r"(\w+)\W{1,3}(?:(?:the|former|then)\s+)*$")
_OF_BEFORE = re.compile(r"(\w+)\s+(?:of|for)\s+(?:the\s+)?$")  # "the President of Turkey"
_FROM_BEFORE = re.compile(r"(\w+)\s+(?:[a-z]+ly\s+)?[Ff]rom\s+(?:the\s+)?$")  # "came directly from"
# "Afghans from Pakistan and from Iran": a second "from" shares the first one's word
_FROM_AGAIN = re.compile(r"(\w+)\s+from\s+(?:the\s+)?[A-Z][\w.'’ -]{0,40}?,?\s+(?:and|or)\s+from\s+(?:the\s+)?$")
_SUBJECT_BEFORE = re.compile(r"(?:\n[ \t]*|[.!?]\s+|^)(?:[Tt]he\s+)?$")
_BETWEEN_PLACES = re.compile(r"(\w+)\s+between\s+(?:the\s+)?$")
_POSSESSIVE = re.compile(r"['’]s?\b\s*(\w+)?")
_AFTER = re.compile(r"\s+(\w+)(?:\s+(\w+))?")
_OWNED = re.compile(r"['’]s?\s+((?:[a-z][\w-]*\s*){1,3})")  # up to three lowercase words after a possessive
_SUFFIX = re.compile(r"[-‐‑–](\w+)")
_NAMED_PLACE = re.compile(r"['’]s?\s+(?:[A-Z][\w-]*\s+){1,3}([a-z]+)")  # "Afghanistan’s Kunar province"
_WORD_RIGHT_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][\w-]*)[ \t]+$")
_PLACE_STATE = re.compile(r"\s+(?:is|was|remains|remained)\s+(?:still\s+|now\s+)?(\w+)")


@lru_cache(maxsize=1)
def _items() -> tuple[re.Pattern, re.Pattern]:
    """(an item of a list ending just before a position, an item right after a separator)."""
    words = default_words()
    names = sorted([*words.countries, *words.country_abbreviations], key=len, reverse=True)
    item = "(?:" + "|".join(re.escape(n) for n in names) + r"|[A-Z]{2,}(?![\w.]))"
    before = re.compile(rf"(?:[Tt]he\s+)?(?<![\w.]){item}{_SEPARATOR}(?:[Tt]he\s+)?$")
    after = re.compile(rf"{_SEPARATOR}(?:[Tt]he\s+)?{item}")
    return before, after


def list_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The start of the first and the end of the last name of the list of countries (or abbreviations)
    the name at text[start:end] belongs to: 'the United Kingdom, The Netherlands and Denmark'."""
    before, after = _items()
    first, last = start, end
    for _ in range(LIST_ITEMS):
        m = before.search(text, max(0, first - LIST_REACH), first)
        if m is None:
            break
        first = m.start()
    for _ in range(LIST_ITEMS):
        m = after.match(text, last)
        if m is None:
            break
        last = m.end()
    return first, last


def country_acts(text: str, start: int, end: int) -> bool:
    """The country at text[start:end] is an agent, not a place (the module's rules)."""
    words = actor_words()
    owned = _POSSESSIVE.match(text, end)
    suffix = _SUFFIX.match(text, end)
    if suffix and suffix.group(1).lower() in words.country_place_suffixes:
        return False  # "Afghanistan-based elements": based in the country, a place
    if _inside_name(text, start):
        return False  # "the Interim Afghanistan government": a word of a longer name
    if owned:  # "Pakistan's government", not "Afghanistan's northern neighbours"
        return not (owned.group(1) and owned.group(1).lower() in words.country_place_words) and _owner_acts(text, end)
    first, last = list_span(text, start, end)
    window = text[max(0, first - 40) : first]
    placed = _after_preposition(window) or _origin(window)
    if _described_as_place(text, last) or among_countries(text, last) or undergoes(text, last):
        return False
    if on_route(text, first, last):
        return False
    if _acts_after(text, last, placed):
        return True
    return not _opens_name(text, last) and _acts_before(window, first <= 40)


def _inside_name(text: str, start: int) -> bool:
    """A capitalised word right before the country, inside a sentence and not a title ('the Interim
    Afghanistan government', not 'President Pakistan …' nor a title-case headline) puts it inside a name."""
    before = _WORD_RIGHT_BEFORE.search(text, max(0, start - 40), start)
    if before is None or before.group(1) == "The" or is_title(before.group(1)) or in_headline(text, start):
        return False
    ahead = text[max(0, before.start() - 3) : before.start()].rstrip(" \t")
    return bool(ahead) and ahead[-1] not in '.!?:;\n"“‘(' and before.group(1).lower() not in default_words().demonyms


def _owner_acts(text: str, end: int) -> bool:
    """Not "Afghanistan's long humanitarian ordeal" (a condition the country is in, within three lowercase words)
    nor "Afghanistan's de facto security forces" (the de facto power, not the state the country names)."""
    named = _NAMED_PLACE.match(text, end)
    if named and named.group(1) in actor_words().country_place_levels:
        return False  # "Afghanistan’s Kunar province": a place in the country
    owned = _OWNED.match(text, end)
    if owned is None:
        return True
    following = owned.group(1).split()
    if following[:2] == ["de", "facto"]:
        return False
    return not any(w in actor_words().country_condition_nouns for w in following)


def _described_as_place(text: str, end: int) -> bool:
    """'Afghanistan is deep in the grips of a crisis': the sentence says where or what the country is."""
    state = _PLACE_STATE.match(text, end)
    return bool(state and state.group(1).lower() in actor_words().country_place_states)


def _opens_name(text: str, end: int) -> bool:
    """'Afghanistan Humanitarian Bulletin', 'Pakistan Cricket Board': a capitalised word after the country
    that names none of its officials makes the country the first word of a name (not in a title-case
    headline, where a verb is capitalised: 'Pakistan Reopens Border')."""
    after = _AFTER.match(text, end)
    if after is None or not after.group(1)[:1].isupper() or after.group(1).lower() in actor_words().country_agent_nouns:
        return False
    return not is_title(after.group(1)) and not in_headline(text, end)


def _after_preposition(window: str) -> bool:
    before = _WORD_BEFORE.search(window)
    return bool(before and before.group(1).lower() in actor_words().country_prepositions)


def _acts_after(text: str, end: int, placed: bool) -> bool:
    """'Pakistan said' (a verb, unless a preposition before makes the country a place), 'Pakistan
    government', 'Tajikistan security forces' (a noun of its officials, maybe after one modifier)."""
    words = actor_words()
    after = _AFTER.match(text, end)
    if after is None:
        return False
    first, second = after.group(1), (after.group(2) or "").lower()
    if first.lower() in words.country_agent_nouns:
        return True
    if second in words.country_agent_nouns and first.isalpha() and first.islower():
        return True  # "Tajikistan security forces", "Pakistan foreign ministry"
    return first.lower() in words.country_agent_after and not placed


def _acts_before(window: str, at_text_start: bool) -> bool:
    words = actor_words()
    if _SUBJECT_BEFORE.search(("\n" if at_text_start else "") + window):
        return True  # opening a sentence: "Pakistan and Afghanistan met"
    of = _OF_BEFORE.search(window)
    if of and (is_title(of.group(1)) or of.group(1).lower() in words.country_agent_nouns):
        return True  # "the President of Turkey", "the government of Pakistan"
    if _origin(window):
        return False  # "political leaders from Afghanistan", "Afghans from Iran": where people come from
    between = _BETWEEN_PLACES.search(window)
    if between and between.group(1).lower() in words.country_between_places:
        return False  # "border crossing points between Pakistan and Afghanistan": a place between them
    before = _WORD_BEFORE.search(window)
    return bool(before and before.group(1).lower() in words.country_agent_before)


def _origin(window: str) -> bool:
    """'political leaders from', 'Afghans from', 'threats emanating from': the country after is where people
    or a thing come from."""
    origin = _FROM_AGAIN.search(window) or _FROM_BEFORE.search(window)
    return bool(origin and (origin.group(1).lower() in actor_words().country_from_people or _people(origin.group(1))))


def _people(word: str) -> bool:
    """'Afghans', 'Iranians': a people named by its plural demonym."""
    demonyms = default_words().demonyms
    return word[:1].isupper() and word.endswith("s") and (word.lower() in demonyms or word.lower()[:-1] in demonyms)


def add_countries(doc: Document, collector: Collector) -> None:
    """Countries that act in the text, not only inside another name ('Islamic Movement of Uzbekistan') nor
    inside a government named by it, itself a candidate ('the government of Iran'; government_names.py)."""
    countries = lookups()[3]
    inside = _name_spans(doc.text, [c.name for c in collector.items if countries.search(c.name)])
    inside = sorted([*inside, *((start, end) for _, start, end, _ in government_names(doc.text))])
    starts = [s for s, _ in inside]
    for m in countries.finditer(doc.text):
        i = bisect_right(starts, m.start())
        if any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in inside[max(0, i - 3) : i]):
            continue
        if doc.text[m.end() : m.end() + 1] == "$":
            continue  # "US$": a currency
        if country_acts(doc.text, m.start(), m.end()):
            collector.add(Candidate(m.group(), "state", m.start(), m.end(), {}, ["a country that acts in the text"]))


def _name_spans(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Where the names occur (one pass over the text, longest name first)."""
    if not names:
        return []
    pattern = re.compile("|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True)))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
