"""Places: every name the gazetteer (geo/gazetteer.py) knows, as written in the document, with its admin
level and codes — "Nangarhar" → province AF-NAN · "Peshawar" → town in PK-KP · "Bajaur agency" → district ·
"Pakistan" → country PK. What decides:

- the longest known name wins ("Federally Administered Tribal Areas", "Spin Boldak"); a possessive is
  dropped ("Pakistan’s"); a demonym is another word ("Pakistani");
- a name inside a longer name is not a place ("Tehrik-e Taliban Pakistan", "Torkham Transit Centre",
  "War in Afghanistan", "Lakki Marwat police"), unless the word before is a possessive ("KP’s Lakki Marwat") or
  the line is in capitals; a name that is also a people ("Hazara") needs a level word or "in" before it;
- abbreviations ("KP", "U.S.") only as place_abbreviations.py says;
- the words around a name choose its level ("Kandahar province", "district of Kurram"; a name in brackets
  after a town, or in a list of provinces, is the province); otherwise the place whose own name it is, then
  the town before the unit of the same name;
- a name that denotes places in different countries or provinces is proposed without a code, the places listed;
- a capital standing for its government ("Kabul said", "Islamabad’s commitment") is no place (place_governments);
  after a place preposition ("a spokesman in Kabul said") it is, flagged ambiguous.
Word lists: places.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from torkham.geo.gazetteer import Gazetteer, Place, Resolution, load_gazetteer
from torkham.ingest.document import Document
from torkham.ingest.extract.common import propose
from torkham.ingest.extract.date_places import on_heading
from torkham.ingest.extract.place_abbreviations import abbreviation_end, after_preposition, in_use
from torkham.ingest.extract.place_context import (
    district_throughout,
    levels_from_neighbours,
    named_region,
    narrowed_by_container,
    town_district,
)
from torkham.ingest.extract.place_districts import named_districts
from torkham.ingest.extract.place_governments import stands_for_government
from torkham.ingest.extract.place_headings import in_capitals, names_in_heading
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize
from torkham.model.yamlfile import load_yaml

PLACE_WORDS_FILE = Path(__file__).with_name("places.yaml")
MAX_WORDS = 5  # words of the longest name looked for
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")  # "Sar-e Pol" is three tokens, joined again by the lookup
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")  # "AfghanistanPakistan": two names glued by the extraction
_POSSESSIVE = re.compile(r"[’']s$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SENTENCE_OPEN = re.compile(r"(?:^|[.!?:;\"“”(\[\n—–]|\.\[\d+\])\s*$")


@dataclass(frozen=True)
class PlaceWords:
    level_words: dict[str, list[str]]
    free_before: frozenset[str]
    name_links: frozenset[str]
    name_heads: frozenset[str]
    government_verbs: frozenset[str]
    government_nouns: frozenset[str]
    not_places: frozenset[str]
    organisation_after: frozenset[str]
    place_prepositions: frozenset[str]
    noun_followers: frozenset[str]
    demonyms: frozenset[str]
    relation_prepositions: frozenset[str]
    giving_verbs: frozenset[str]
    heading_heads: frozenset[str]
    heading_verbs: frozenset[str]  # "… Commends Pakistan’s …": a headline's verb does not join the name after it
    office_titles: frozenset[str]  # "the Pakistan President": a country's head of state, not a longer name


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    data = load_yaml(PLACE_WORDS_FILE)
    return PlaceWords(
        level_words={k: list(v) for k, v in data["level_words"].items()},
        free_before=frozenset(data["free_before"]), name_links=frozenset(data["name_links"]),
        name_heads=frozenset(data["name_heads"]),
        government_verbs=frozenset(data["government_verbs"]), government_nouns=frozenset(data["government_nouns"]),
        not_places=frozenset(normalize(w) for w in [*data["not_places"], *default_words().months, *_WEEKDAYS]),
        organisation_after=frozenset(data["organisation_after"]),
        place_prepositions=frozenset(data["place_prepositions"]),
        noun_followers=frozenset([*data["noun_followers"], *data["government_verbs"]]),
        demonyms=frozenset(normalize(w) for w in default_words().demonyms),
        relation_prepositions=frozenset(data["relation_prepositions"]), giving_verbs=frozenset(data["giving_verbs"]),
        heading_heads=frozenset([*data["name_heads"], *data["heading_heads"]]),
        heading_verbs=frozenset([*data["heading_verbs"], *data["government_verbs"]]),
        office_titles=frozenset(data["office_titles"]),
    )  # fmt: skip


@dataclass
class Token:
    start: int
    end: int
    text: str


@dataclass
class Found:
    start: int
    end: int
    text: str
    resolution: Resolution
    level: str | None = None  # said by the words around it
    government: str | None = None  # the words that make a capital stand for its government


def tokens_of(text: str) -> list[Token]:
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        cuts = [m.start(), *(m.start() + c.start() for c in _CAMEL.finditer(m.group())), m.end()]
        out.extend(Token(a, b, text[a:b]) for a, b in zip(cuts, cuts[1:], strict=False))
    return out


def find_places(doc: Document, skip: list[tuple[int, int]] | None = None) -> list[Proposal]:
    """A proposal of kind 'place' for every place name, outside the spans of `skip` (names of actors)."""
    gazetteer, words = load_gazetteer(), place_words()
    tokens = tokens_of(doc.text)
    found = _matches(doc.text, tokens, gazetteer, words, sorted(skip or []))
    levels_from_neighbours(doc.text, found)
    found = named_districts(doc.text, found)  # 'the Barmal district of Paktika'
    narrowed_by_container(doc.text, found)
    district_throughout(found)
    found = [f for f in found if not stands_for_government(doc.text, f, words)]
    found = in_use(doc, found, gazetteer, words.place_prepositions, words.noun_followers)
    return [_proposal(doc, f) for f in found]


def _matches(text: str, tokens: list[Token], gazetteer: Gazetteer, words: PlaceWords,
             skip: list[tuple[int, int]]) -> list[Found]:  # fmt: skip
    found: list[Found] = []
    i = 0
    while i < len(tokens):
        match = _longest_at(text, tokens, i, gazetteer, words)
        if match is None:
            i += 1
            continue
        n, resolution, end = match
        start = tokens[i].start
        inside_name = any(s <= start and end <= e for s, e in skip) or _part_of_name(
            text, tokens, i, n, gazetteer, words
        )
        if not inside_name:
            item = Found(start, end, text[start:end], resolution)
            item.level = _level_word(text, tokens, i, n, words)
            item.government = _government(text, end, resolution, words)
            if (
                item.level
                or normalize(item.text) not in words.demonyms
                or after_preposition(text, start, words.place_prepositions)
            ):  # "97 Hazara protestors" are people; "Hazara division", "in Hazara" a place
                found.append(item)
        i += n
    return found


def _longest_at(text: str, tokens: list[Token], i: int, gazetteer: Gazetteer,
                words: PlaceWords) -> tuple[int, Resolution, int] | None:  # fmt: skip
    """The longest name at tokens[i]: its number of tokens, what it resolves to, where it ends."""
    first = tokens[i].text
    if not first[0].isupper():
        return None
    for n in range(min(MAX_WORDS, gazetteer.longest, len(tokens) - i), 0, -1):
        last = tokens[i + n - 1]
        if not last.text[0].isupper() or (n > 1 and "\n" in text[tokens[i].start : last.end]):
            continue
        end = last.end - (2 if _POSSESSIVE.search(last.text) else 0)
        name = normalize(text[tokens[i].start : end])
        abbreviation = gazetteer.abbreviations.get(name)
        if n == 1 and (name in words.not_places or (len(name) < 3 and abbreviation is None)):
            continue
        if abbreviation is not None:  # "US" as written, never "Us"; "U.S." with its last stop
            end = abbreviation_end(text, tokens[i].start, end, abbreviation) or -1
        if end > 0 and gazetteer.knows(name):
            return n, gazetteer.resolve(name), end
    return None


def _part_of_name(text: str, tokens: list[Token], i: int, n: int, gazetteer: Gazetteer, words: PlaceWords) -> bool:
    """A capitalised word right before or after the name (not a place itself, not a sentence's first word, not
    'In' or 'Eastern', not a possessive), a capitalised word joined by 'of'/'in' ("War in Afghanistan"), or a
    word of `organisation_after` after it ("Lakki Marwat police") makes it part of a name."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + n] if i + n < len(tokens) else None
    heading = on_heading(text, tokens[i].start) and not names_in_heading(
        text, tokens[i + n - 1].end, words.heading_heads
    )
    if _POSSESSIVE.search(tokens[i + n - 1].text) or heading or (after and after.text in words.office_titles):
        after = None  # "Pakistan's Frontier Corps": the possessive ends the name; a title capitalises every word
    if in_capitals(text, tokens[i].start):
        return False  # "VISITS TORKHAM BORDER": a line in capitals capitalises every word
    if (
        after
        and _adjacent(text, tokens[i + n - 1].end, after.start)
        and (_capitalised_other(after, gazetteer) or after.text in words.organisation_after)
    ):
        return True  # "Torkham Transit Centre", "Lakki Marwat police"
    if before is None or not _adjacent(text, before.end, tokens[i].start) or _POSSESSIVE.search(before.text):
        return False  # "KP’s Lakki Marwat": a possessive ends the name before
    lowered = before.text.lower()
    if lowered in words.name_links and i > 1 and _adjacent(text, tokens[i - 2].end, before.start):
        head = tokens[i - 2].text  # "War in Afghanistan", "government of Pakistan"; not "Natalegawa in Jakarta"
        return head.lower() in words.name_heads and (lowered != "in" or head[0].isupper())  # "the government in Kabul"
    if (
        not _capitalised_other(before, gazetteer)
        or lowered in words.free_before
        or (heading and lowered in words.heading_verbs)
    ):
        return False
    acronym = len(before.text) > 1 and before.text.isupper()  # "IOM Pakistan’s Situation Report"
    return acronym or not _SENTENCE_OPEN.search(text, max(0, before.start - 8), before.start)


def _adjacent(text: str, end: int, start: int) -> bool:
    return text[end:start] in (" ", "-")


def _capitalised_other(token: Token, gazetteer: Gazetteer) -> bool:
    return token.text[0].isupper() and not gazetteer.knows(normalize(_POSSESSIVE.sub("", token.text)))


def _level_word(text: str, tokens: list[Token], i: int, n: int, words: PlaceWords) -> str | None:
    """'Kandahar province', 'Bajaur agency', 'province of Kunar', 'Peshawar city': the level a word says."""
    after = tokens[i + n].text.lower() if i + n < len(tokens) else ""
    before = " ".join(t.text.lower() for t in tokens[max(0, i - 2) : i])
    apposition = _APPOSITION.match(text, tokens[i + n - 1].end, tokens[i + n - 1].end + 40)
    for level, nouns in words.level_words.items():
        if after in nouns and _adjacent(text, tokens[i + n - 1].end, tokens[i + n].start):
            return level
        if any(before == f"{noun} of" for noun in nouns):
            return level
        if apposition and apposition.group(1).lower() in nouns:  # "Nowshera, a district of …"
            return level
    return None


_APPOSITION = re.compile(r",\s+an?\s+(?:[a-z-]+\s+)?(\w+)\s+(?:of|in|on|near)\b")


def _government(text: str, end: int, resolution: Resolution, words: PlaceWords) -> str | None:
    """'Kabul said', 'Islamabad rejected', 'Islamabad’s new civilian-led government': a capital as its government."""
    if not any(p.capital_of for p in resolution.places):
        return None
    after = text[end : end + 60]
    verb = re.match(r"\s+(?:has\s+|have\s+|had\s+)?(\w+)", after)
    if verb and verb.group(1).lower() in words.government_verbs:
        return f"{text[end - len(_name_before(text, end)) : end]} {verb.group(1)}"
    owned = re.match(r"[’']s((?:\s+[\w-]+){1,4})", after)
    if owned:
        following = owned.group(1).split()
        for n, word in enumerate(following, start=1):
            if word.lower() in words.government_nouns:
                return f"{_name_before(text, end)}{after[:2]} {' '.join(following[:n])}"
    return None


def _name_before(text: str, end: int) -> str:
    return re.search(r"[\w-]+$", text[max(0, end - 40) : end]).group()  # type: ignore[union-attr]


def _chosen(item: Found) -> tuple[Place | None, Resolution]:
    resolution = item.resolution
    if item.level and resolution.at_level(item.level).found:
        resolution = resolution.at_level(item.level)
    return resolution.best(), resolution


def _proposal(doc: Document, item: Found) -> Proposal:
    place, resolution = _chosen(item)
    notes: list[str] = []
    record: dict = {"text": item.text}
    if place is not None:
        region = named_region(item, place) or town_district(item, place)
        record.update(region[0] if region else place.record())
        notes.extend(region[1:] if region else [])
    else:
        record.update(name=item.text, level=None)
        distinct = resolution.distinct()[:8]
        listed = "; ".join(p.label() for p in distinct)
        notes.append(f"ambiguous: '{item.text}' names {len(distinct)} places: {listed}; say which")
        record["candidates"] = [p.record() for p in distinct]
    if item.government:
        capital = next(p for p in item.resolution.places if p.capital_of)
        record["ambiguous"] = True
        notes.append(f"ambiguous: '{item.government}' — the capital may stand for the government of "
                     f"{capital.capital_of}, not the place; if so, make the government the actor")  # fmt: skip
    return propose(doc, "place", record, item.start, item.end, notes)
