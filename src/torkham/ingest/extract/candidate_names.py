"""Actor candidates from runs of capitalised words (name_runs.py cuts them): a name that ends in a word
saying what it is ("… Front", "… Ministry"), a person marked by a title or role ("US Secretary of State
Hillary Clinton"), by reported speech, by a byline or by a handle; a role alone is none ("Secretary of
State"), nor a name whose head noun names a thing or a place ("Press Statement", "University Town")."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.ingest.extract.name_runs import (
    POSSESSIVE,
    Run,
    country_compound,
    headline_name,
    in_headline,
    runs,
    single_compound,
    split_run,
    starts_sentence,
    trimmed,
    unglued,
    unlabelled,
)
from torkham.ingest.extract.namewords import (
    LINK,
    is_generic,
    is_title,
    kind_of,
    lookups,
    person_evidence,
    person_name,
    thing_after,
)
from torkham.ingest.extract.words import Words, default_words
from torkham.kb.names import normalize

GROUP_HEADS = ("group", "faction", "militia", "outfit", "network", "brigade", "brigades", "movement", "front")
_GROUP_HEAD_AFTER = re.compile(r"\s+(?:group|faction|militia|outfit|network|brigades?)\b")


@lru_cache(maxsize=1)
def _compass_words() -> frozenset[str]:
    """'north', 'southern', 'central': the words of direction both the demonyms and the country place words
    hold; a name they open is a region's."""
    return frozenset(default_words().demonyms) & actor_words().country_place_words


def _proper() -> frozenset[str]:
    """Kind words that are names by themselves ("the Taliban", "Dawn"); the others are ordinary nouns."""
    return actor_words().proper_heads


def from_names(doc: Document, collector: Collector, words: Words, skip_spans: list[tuple[int, int]]) -> None:
    text = doc.text
    skip_spans = sorted(skip_spans)
    skip_starts = [s for s, _ in skip_spans]

    def skipped(at: int) -> bool:
        i = bisect_right(skip_starts, at)
        return any(s <= at < e for s, e in skip_spans[max(0, i - 3) : i])

    for start, run in runs(text):
        headline = in_headline(text, start)
        all_tokens = run.split(" ")
        all_offsets = [start + o.start() for o in re.finditer(r"\S+", run)]
        for tokens, offsets in split_run(unlabelled(text, *unglued([t for t in all_tokens if t], all_offsets))):
            # a run ends where a pair's name begins: "UN Refugee Affected and … Areas (RAHA)", "Border
            # Monitoring Team of the Directorate … (DoRR)"; "Office of the …" leaves a kind word alone, no name
            inside = next((i for i, at in enumerate(offsets) if i and skipped(at)), len(tokens))
            tokens, offsets = tokens[:inside], offsets[:inside]
            tokens, offsets = trimmed(tokens, offsets, words, lambda at: starts_sentence(text, at), text)
            if not tokens or skipped(offsets[0]):
                continue
            tokens = [*tokens[:-1], without_adjective_suffix(tokens[-1])]
            tokens, offsets = _before_known(tokens, offsets, collector)
            if headline:
                tokens, offsets = headline_name(tokens, offsets)
            if not tokens or (len(tokens) > 1 and all(t.isupper() for t in tokens)) or is_title(tokens[-1]):
                continue
            if all(t.lower() in words.number_words for t in tokens):
                continue  # "Six alleged terrorists …": a number opening a sentence
            if single_compound(tokens) or (country_compound(tokens) and kind_of(" ".join(tokens)) in (None, "region")):
                continue
            _add_name(collector, text, tokens, offsets, headline)


def without_adjective_suffix(token: str) -> str:
    """'al-Qaeda-aligned' -> 'al-Qaeda' when what is left names a kind of actor; else the token."""
    stem, dash, ending = token.rpartition("-")
    if dash and stem and ending.lower() in actor_words().adjective_suffixes and kind_of(stem) is not None:
        return stem
    return token


def _before_known(tokens: list[str], offsets: list[int], collector: Collector) -> Run:
    """'Border Monitoring Team of the Directorate of Refugees and Repatriation', where the Directorate is
    a candidate already: the name ends before 'of'."""
    for i, token in enumerate(tokens[1:], start=1):
        if token in ("of", "for"):
            rest = tokens[i + 2 :] if tokens[i + 1 : i + 2] == ["the"] else tokens[i + 1 :]
            known = rest and normalize(" ".join(rest)) in collector.index
            if known and not lookups()[3].fullmatch(" ".join(rest)):  # "Ideological Partnerships of the TTA"
                return (tokens[:i], offsets[:i]) if kind_of(" ".join(tokens[:i])) is not None else ([], [])
    return tokens, offsets


def _role_end(tokens: list[str]) -> tuple[int, int] | None:
    """(first title, first word after the role) when the run holds titles, each maybe followed by 'of' or
    'for' and the words of an office ('Secretary of State', 'Chief of Army Staff General'); else None."""
    first = next((i for i, t in enumerate(tokens) if is_title(t)), None)
    if first is None:
        return None
    i = first
    while first > 0 and _office_word(tokens[first - 1]):  # "Foreign Minister", "Interior Secretary"
        first -= 1
    while i < len(tokens):
        if is_title(tokens[i]) or (i > first and _office_word(tokens[i])):  # "Chief Executive"
            i += 1
        elif i > first and tokens[i - 1].lower() in actor_words().role_modifiers and len(tokens) - i > 2:
            i += 1  # "Deputy Commissioner Zubair Niazi": a modifier's noun is the role's, whatever it is
        elif tokens[i] in ("of", "for") and i > first and _office_end(tokens, i + 1) > i + 1:
            i = _office_end(tokens, i + 1)
        else:
            break
    return first, i


def _office_word(word: str) -> bool:
    return word.lower() in actor_words().office_words and kind_of(word) is None and not LINK.fullmatch(word)


def _office_end(tokens: list[str], i: int) -> int:
    """The end of the office words from tokens[i] ('State', 'the Army Staff'); i when there are none."""
    office = actor_words().office_words
    k = i
    while k < len(tokens) and (tokens[k].lower() in office or LINK.fullmatch(tokens[k])):
        k += 1
    while k > i and LINK.fullmatch(tokens[k - 1]):
        k -= 1
    return k


def _add_titled(collector: Collector, tokens: list[str], offsets: list[int], end: int) -> bool:
    """A person after a title or role ('Mullah Radio', 'Secretary of State Hillary Clinton'), or the body
    after a role ('Director General Inter-Services Public Relations'); True when the run held a role."""
    role = _role_end(tokens)
    if role is None:
        return False
    first, after = role
    if first > 0 and kind_of(" ".join(tokens[:first])) is not None:  # "Foreign Office Spokesperson …"
        _add_kind_named(collector, tokens[:first], offsets[:first])
    rest = tokens[after:]
    person = _person_in(rest)
    if not person or _not_name(person) or person not in (rest[: len(person)], rest[-len(person) :]):
        modified = all(w.lower() in actor_words().role_modifiers for w in tokens[:first])
        return modified or not rest  # "(Assistant) Secretary of State (for …)" alone: a role, not an actor
    at = after if person == rest[: len(person)] else len(tokens) - len(person)
    after = at if at > after and LINK.fullmatch(tokens[after + 1]) else after  # the office is the role's
    name, name_end = " ".join(person), offsets[at + len(person) - 1] + len(person[-1])
    honorific = tokens[at - 1].lower().strip(".") in actor_words().honorifics
    if kind_of(name) is not None and (not honorific or person[-1].lower() in GROUP_HEADS):
        if honorific:  # "Hafiz Gul Bahadur Group": a group named after the person, title and all
            _add_kind_named(collector, tokens[at - 1 : at + len(person)], offsets[at - 1 : at + len(person)])
            return True
        if not _names_no_actor(person):
            _add_kind_named(collector, person, offsets[at : at + len(person)])
        return True
    aliases = {" ".join(tokens[first : at + len(person)]): "title_form"} if at == after else {}
    note = f"a title before it: '{' '.join(tokens[first:after])}'"
    name_start = offsets[at]
    if kind_of(name) is not None:  # "Mullah Radio": the title belongs to the name
        name, aliases, name_start = " ".join(tokens[at - 1 : at + len(person)]), {}, offsets[at - 1]
    collector.add(Candidate(name, "person", name_start, name_end, aliases, [note]))
    return True


def _person_in(rest: list[str]) -> list[str]:
    """The person's name among the words after a role: its first words ('Hillary Clinton'), or, when these
    run on into 'for' or 'of' and an office, the name after the office ('Commissioner for Afghan Refugees
    Saleem Khan'; 'Ashraf Ghani of Afghanistan' keeps its first words)."""
    person = person_name(rest)
    k = len(person)
    if not person or k >= len(rest) or rest[:k] != person or not LINK.fullmatch(rest[k]):
        return person
    tail = rest[max(i for i, w in enumerate(rest) if LINK.fullmatch(w)) + 1 :]
    plain = {*actor_words().office_words, *default_words().demonyms}
    while tail and (tail[0].lower() in plain or lookups()[3].fullmatch(tail[0])):
        tail = tail[1:]
    found = person_name(tail)
    return found if len(found) >= 2 and found == rest[-len(found) :] else person


def _cut_after_proper_head(tokens: list[str], offsets: list[int]) -> Run:
    """'a Taliban Torkham border official': a head that is a name by itself ('Taliban') ends the name when
    the next word neither says a kind nor names a country, nor do the words after it ('Taliban Movement',
    'Taliban Pakistan', 'Taliban Foreign Ministry' go on)."""
    countries = lookups()[3]
    for i, token in enumerate(tokens[:-1]):
        follower = tokens[i + 1]
        norm = normalize(token)
        proper = norm in _proper() or norm.split()[-1:] in (["qaeda"], ["qaida"])  # "The Al-Qaeda Connection"
        named = kind_of(follower) is not None or kind_of(" ".join(tokens[i + 1 :])) is not None  # "… Foreign Ministry"
        articled = re.match(r"(?:al|ul|ud|ur|ad|as|ash|el)[-–][A-Z]", follower)  # "Jaish al-Adl" goes on
        if proper and not LINK.fullmatch(follower) and not named and not countries.fullmatch(follower) and not articled:
            return tokens[: i + 1], offsets[: i + 1]
    return tokens, offsets


def _add_kind_named(collector: Collector, tokens: list[str], offsets: list[int], country: str = "") -> None:
    """A name with a kind word; `country`: an abbreviation written before it ('U.S. Department of State'),
    which gives the name's longer form as an alias."""
    name = " ".join(tokens)
    if normalize(name) not in lookups()[0] or normalize(name) in _proper():  # "Army" alone is no name
        end = offsets[-1] + len(tokens[-1])
        aliases = {f"{country} {name}": "other_name"} if country else {}
        note = f"kind guessed from the name ('{name}')"
        collector.add(Candidate(name, kind_of(name, "government_body"), offsets[0], end, aliases, [note]))


def _country_before(text: str, start: int) -> str:
    """'U.S.' in 'U.S. Department of State': a country abbreviation right before a name."""
    before = re.search(r"(?:^|[\s(])(\S+) $", text[max(0, start - 12) : start])
    return before.group(1) if before and before.group(1) in default_words().country_abbreviations else ""


def _names_no_actor(words: list[str]) -> bool:
    """A name whose head noun (its last word before 'of' or 'for') names a thing, a place or people
    counted: 'Press Statement', 'University Town', 'Unaccompanied Migrant Children'; or a facility
    ('Torkham Transit Centre')."""
    before = next((i for i, w in enumerate(words) if i > 0 and w in ("of", "for", "on", "at", "in")), len(words))
    last_two = normalize(" ".join(words[max(0, before - 2) : before]))
    return head_noun(words) in actor_words().non_actor_heads or last_two in actor_words().facility_ends


def _add_owner(collector: Collector, text: str, tokens: list[str], offsets: list[int], headline: bool) -> None:
    """'Weekly Press Briefing of the Foreign Office': a thing named after its owner, who may be an actor."""
    cut = next((i for i, w in enumerate(tokens) if i > 0 and w in ("of", "by")), None)
    if cut is None:
        return
    rest = cut + 2 if tokens[cut + 1 : cut + 2] in (["the"], ["The"]) else cut + 1
    if rest < len(tokens) and kind_of(" ".join(tokens[rest:])) is not None:
        _add_name(collector, text, tokens[rest:], offsets[rest:], headline)


def head_noun(words: list[str]) -> str:
    before = next((i for i, w in enumerate(words) if i > 0 and w in ("of", "for", "on", "at", "in")), len(words))
    return normalize(POSSESSIVE.sub("", words[before - 1])) if before else ""


def _not_name(words: list[str]) -> bool:
    skip, demonyms = lookups()[2], set(default_words().demonyms)
    return all(w.lower() in skip or w.lower() in demonyms for w in words)


def _add_name(collector: Collector, text: str, tokens: list[str], offsets: list[int], headline: bool) -> None:
    countries = lookups()[3]
    start, end = offsets[0], offsets[-1] + len(tokens[-1])
    if _GROUP_HEAD_AFTER.match(text, end):
        return  # "the Hafiz Gul Bahadur group": a group (finders.named_groups), not the person of a title
    if not headline and _add_titled(collector, tokens, offsets, end):
        return
    role = _role_end(tokens)
    if headline and role is not None and role[0] == 0:
        return  # "Secretary of State" as a heading
    tokens, offsets = _cut_after_proper_head(tokens, offsets)
    start, end = offsets[0], offsets[-1] + len(tokens[-1])
    if thing_after(text, end):
        return  # "the Jaffar Express train": the name of a thing
    name = " ".join(tokens)
    kind = kind_of(name)
    if len(tokens) == 1 and normalize(name) in lookups()[0] and normalize(name) not in _proper():
        return  # "State", "Police", "Army" alone are not names
    if is_generic(name) or _names_no_actor(tokens):
        _add_owner(collector, text, tokens, offsets, headline)
        return  # "Member State", "Press Statement", "University Town"
    if kind is not None and not countries.fullmatch(name):
        _add_kind_named(collector, tokens, offsets, _country_before(text, start))
        return
    if len(tokens) >= 3 and tokens[0].lower() in actor_words().occupation_nouns:
        tokens, offsets = tokens[1:], offsets[1:]  # "Shopkeeper Wali Jan": the occupation opens the sentence
        start = offsets[0]
    person = person_name(tokens)
    if person and person == tokens[-len(person) :] and countries.fullmatch(" ".join(tokens[: -len(person)])):
        tokens, offsets = person, offsets[-len(person) :]  # "(Ambassador to) Pakistan Donald Blome"
        start = offsets[0]
    if headline or not person or countries.fullmatch(" ".join(person)) or person != tokens[: len(person)]:
        return
    if person[0].lower() in _compass_words():
        return  # "Senior Expert, South Asia": a region ("Central Asia", "North Waziristan"), no person
    end = offsets[len(person) - 1] + len(person[-1])
    evidence = person_evidence(text, start, end, person)
    if evidence:
        collector.add(Candidate(" ".join(person), "person", start, end, {}, [evidence]))
