"""People a news report names without a title or a verb of their own, a single given name included: the
names of a list (or the one name) after words that make them people ("Four of the slain terrorists have
been identified as Ziaullah, Safatullah, Mohibullah and Kaleemullah", "police named the bomber as …"), the
name opening a byline line before "Published" and a date ("Sirajuddin Published February 23, 2023"), and a
name alone on the line between the title and the first heading or paragraph (the author). The phrase lists
are data (actor_words.yaml: person_list_phrases, person_objects, byline_verbs). A word that names a kind of
actor, a country, a title or a capitalised word that is no name ("Police", "Pakistan", "Reuters", "Monday")
is never taken for a person."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

from torkham.geo.gazetteer import load_gazetteer
from torkham.ingest.document import Document
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.ingest.extract.name_lines import person_alone
from torkham.ingest.extract.name_runs import in_headline
from torkham.ingest.extract.namewords import is_title, kind_of, lookups
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

_WORD = r"[A-Z][a-z][\w'’-]*"  # a capitalised word, not an abbreviation
_NAME = rf"{_WORD}(?: {_WORD}){{0,3}}"
_LIST = rf"(?P<list>{_NAME}(?:(?:, {_NAME})*,? and {_NAME})?)\b"  # one name, or a list
_DATE = r"(?:[A-Z][a-z]+\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})"
_LIST_GOES_ON = re.compile(r",?\s+(?:and|or)\s|,\s*[A-Z]")


@lru_cache(maxsize=1)
def _listed() -> re.Pattern:
    phrases = "|".join(_phrase(p) for p in sorted(actor_words().person_list_phrases))
    return re.compile(rf"\b(?:{phrases})\s+{_LIST}(?![ \w])")


def _phrase(phrase: str) -> str:
    """A phrase as a pattern; one ending in 'as' may name the person identified before it ('named him as',
    'named the bomber as', 'identified the two victims as'; person_objects of actor_words.yaml)."""
    pattern = re.escape(phrase).replace(r"\ ", r"\s+")
    head, _, last = phrase.rpartition(" ")
    if last != "as" or not head:
        return pattern
    objects = "|".join(sorted(actor_words().person_objects))
    return rf"{re.escape(head)}(?:\s+(?:him|her|the(?:\s+[a-z]+)?\s+(?:{objects})))?\s+as"


@lru_cache(maxsize=1)
def _byline() -> re.Pattern:
    verbs = "|".join(sorted(actor_words().byline_verbs))
    return re.compile(rf"(?m)^[ \t]*(?P<who>{_NAME})[ \t]+(?i:{verbs})(?:[ \t]+on)?:?[ \t]+{_DATE}")


def add_listed_people(doc: Document, collector: Collector) -> None:
    """Add the people of lists after person_list_phrases and of byline lines."""
    for m in _listed().finditer(doc.text):
        names = list(_items(m))
        if len(names) == 1 and _LIST_GOES_ON.match(doc.text, m.end()):
            continue  # "identified as Hamid, Peshawar and …": the first of a list that is not all names
        if names and all(_is_name(name) for name, _ in names):
            for name, at in names:
                note = f"listed after '{doc.text[m.start() : m.start('list')].strip()}'"
                collector.add(Candidate(name, "person", at, at + len(name), {}, [note]))
    author = _author_line(doc.text)
    if author is not None:
        start, end = author
        note = "a name alone on the line under the title: the author"
        collector.add(Candidate(doc.text[start:end], "person", start, end, {}, [note]))
    for m in _byline().finditer(doc.text):
        who = m.group("who")
        if _is_name(who):
            note = f"a byline: '{doc.text[m.start('who') : m.end()].strip()}'"
            collector.add(Candidate(who, "person", m.start("who"), m.end("who"), {}, [note]))


def _items(m: re.Match) -> Iterator[tuple[str, int]]:
    start = m.start("list")
    for item in re.finditer(_NAME, m.group("list")):
        yield item.group(), start + item.start()


def _is_name(name: str) -> bool:
    """Capitalised words that can only be a person's name: no kind word, country, title, number or
    capitalised word that is no name."""
    words = name.split()
    words_of = default_words()
    no_names = {*words_of.non_name_words, *words_of.demonyms, *words_of.number_words}
    return (
        kind_of(name) is None
        and not lookups()[3].search(name)
        and not any(is_title(w) or w.lower() in no_names for w in words)
        and not any(normalize(w) in actor_words().byline_words for w in words)
    )


_LINE = re.compile(r"(?m)^[ \t]*(\S[^\n]*?)[ \t]*$")
TOP_LINES = 3  # the title, the author's name, the first heading or paragraph of the text
PARAGRAPH_WORDS = 12  # a line this long that ends a sentence is a paragraph, not a heading or a subtitle


def _paragraph(line: str) -> bool:
    return len(line.split()) >= PARAGRAPH_WORDS and bool(re.search(r"[.!?][\"”’)]?$", line))


def _author_line(text: str) -> tuple[int, int] | None:
    """'Fallout of Afghan situation …' / 'Ahmed Ali' / 'Introduction': the second line of the text names the
    author when it holds only a person's name of two to four words (no place) and the third line is the
    text's first heading (author_line_followers of actor_words.yaml), or the first line is a title-case
    headline and the third the first paragraph ('Key Developments' under 'Situation Overview' is a heading,
    not an author)."""
    lines = list(islice(_LINE.finditer(text), TOP_LINES))
    if len(lines) < TOP_LINES:
        return None
    follower = lines[-1].group(1)
    headed = follower.lower().rstrip(":") in actor_words().author_line_followers
    if not headed and not (_paragraph(follower) and in_headline(text, lines[0].start(1))):
        return None
    name = lines[1].group(1)
    things = actor_words().non_actor_heads
    if not person_alone(name) or any(w.lower() in things for w in name.split()) or load_gazetteer().resolve(name).found:
        return None  # "Flash Update", "Lakki Marwat": no person
    return lines[1].span(1)
