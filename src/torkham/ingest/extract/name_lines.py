"""People named where a sentence gives no title or verb: bylines ("By Ayaz Gul", "Reporting by …", "Author:
…", "Posted by … on <date>", "AYAZ GUL" in capitals, "Ayaz Gul | VOA News"), a line holding only a name
above a line with the person's role ("Hillary Rodham Clinton" / "Secretary of State"), and names in a list
beside a person already found ("Qari Amjad, Noor Wali Mehsud and Mufti Hazrat"; bullet lines under
"leaders:") or that the sentence calls people after it ("… were among the speakers"). A byline made only of
words such as "Agency Report" or "Staff Reporter" names no one and is left out of the names."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.candidate_collector import Candidate, Collector
from torkham.ingest.extract.namewords import is_title, kind_of, lookups, person_name
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

_INITIAL = re.compile(r"[A-Z]\.")  # "Philip J. Crowley"
NAME_WORDS = (2, 4)  # a person's name written alone: two to four words
PEOPLE_WORD_REACH = 40  # "leaders" or "individuals" this close before a list makes its names people
_BYLINE = re.compile(  # "By Ayaz Gul", "Written by: Ayaz Gul", "Author: Ayaz Gul", "Posted by Ayaz Gul on 3 May 2024"
    r"(?im)^[ \t]*(?:by|(?:reporting|writing|editing|compiled|written|posted|story|reported|words) by|authors?)"
    r"[ \t]*:?[ \t]+(?P<who>[^\n]{2,100}?)(?:[ \t]+on[ \t]+[^\n]{0,30}\d{4})?[ \t]*$"
)
_NAME_BAR = re.compile(r"(?m)^[ \t]*(?P<who>[^|\n]{5,50}?)[ \t]*\|[ \t]*(?P<rest>[^\n]+?)[ \t]*$")  # "Ayaz Gul | VOA"
_WHO_SPLIT = re.compile(r"\s*(?:,|;|\||\band\b|&|\bwith\b)\s*")
_LINE = re.compile(r"(?m)^[ \t]*(?P<line>\S[^\n]*?)[ \t]*$")
_BULLET = re.compile(r"^(?:[•▪◦·*\-–—]|\d{1,2}[.)])\s+")
_ITEM_END = re.compile(r"\s*(?:,|\(|\[|:|;|\s[—–-]\s|$)")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|;\s*)")
# "UNHCR, WFP and NRC", "the ICRC and the NRC"; not an abbreviation opening a longer name ("the UN Refugee Agency")
_ACRONYM_LIST = re.compile(
    r"\b[A-Z][A-Za-z]*[A-Z]\b(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?[A-Z][A-Za-z]*[A-Z]\b(?!\s+[A-Z][a-z])){1,8}"
)
_NAME = re.compile(r"(?<![\w.-])[A-Z][\w'’-]*(?: (?:(?:al|ul|ud|ur|bin|ibn)[- ])?[A-Z][\w'’-]*)+")


def add_people(doc: Document, collector: Collector) -> list[tuple[int, int]]:
    """Add the people of bylines and of name lines above a role; the spans of bylines naming no one."""
    skip = _bylines(doc, collector)
    _name_above_role(doc, collector)
    return skip


def _bylines(doc: Document, collector: Collector) -> list[tuple[int, int]]:
    generic = actor_words().byline_words
    skip = []
    for m in _BYLINE.finditer(doc.text):
        who = m.group("who")
        if not all(w[:1].isupper() or normalize(w) in generic for w in re.findall(r"[^\W\d_][\w'’.-]*", who)):
            continue  # "By then, the group had split": a sentence, not a byline
        position = m.start("who")
        for part in _WHO_SPLIT.split(who):
            at = doc.text.find(part, position, m.end()) if part else -1
            if at < 0:
                continue
            first, position = at == m.start("who"), at + len(part)
            words = normalize(part).split()
            if all(w in generic for w in words):  # "By Agency Report", "By Staff Reporter"
                skip.append((m.start() if first else at, position))
            elif person_alone(_cased(part)):
                written = {part: "other_name"} if _cased(part) != part else {}
                note = f"a byline: '{m.group().strip()}'"
                collector.add(Candidate(_cased(part), "person", at, position, written, [note]))
    _barred_bylines(doc, collector)
    return skip


def _cased(name: str) -> str:
    """'HAMID NIAZI' -> 'Hamid Niazi': a byline in capitals; any other name as written."""
    return name.title() if name.isupper() and len(name) > 4 else name


def _barred_bylines(doc: Document, collector: Collector) -> None:
    """'Ayaz Gul | VOA News', 'Ayaz Gul | 3 May 2024': a name before a bar and an outlet or a date."""
    for m in _NAME_BAR.finditer(doc.text):
        who, rest = m.group("who"), m.group("rest")
        if person_alone(who) and (_outlet_line(rest) or _DATE_LINE.fullmatch(rest)):
            note = f"a byline: '{m.group().strip()}'"
            collector.add(Candidate(who, "person", m.start("who"), m.start("who") + len(who), {}, [note]))


def person_alone(text: str) -> bool:
    """Words that can only be a person's name: two to four capitalised words, no title, kind word or
    country, none of them a word of bylines."""
    words = text.split()
    countries = lookups()[3]
    generic = actor_words().byline_words
    return (
        NAME_WORDS[0] <= len(words) <= NAME_WORDS[1]
        and words[0] != "By"  # "By Safdar Sial": a byline, its name after "By"
        and all(w[:1].isupper() and (not w.isupper() or _INITIAL.fullmatch(w)) for w in words[1:-1])
        and all(w[:1].isupper() and not w.isupper() for w in (words[0], words[-1]))
        and person_name(words) == words
        and kind_of(text) is None
        and not countries.search(text)
        and words[0].lower() not in _not_name_words()  # "North Waziristan", "Afghan Taliban"
        and words[-1].lower() not in actor_words().non_actor_heads  # "Kurram Valley", "Zero Point"
        and not any(normalize(w) in generic or w.lower() in default_words().non_name_words for w in words)
    )


@lru_cache(maxsize=1)
def _people_words() -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(sorted(actor_words().list_people_words))})\b", re.I)


@lru_cache(maxsize=1)
def _not_name_words() -> frozenset[str]:
    words = default_words()
    return frozenset({*words.non_name_words, *words.demonyms})


def _name_above_role(doc: Document, collector: Collector) -> None:
    """'Hillary Rodham Clinton' on a line of its own, 'Secretary of State' on the next; a reporter's name on
    a line of its own above the outlet's name or the date ('Ayaz Gul' / 'VOA News' / 'December 6, 2023')."""
    lines = list(_LINE.finditer(doc.text))
    for this, following in zip(lines, lines[1:], strict=False):
        name, role = this.group("line"), following.group("line")
        if not person_alone(name):
            continue
        start = this.start("line")
        if _role_line(role):
            collector.add(Candidate(name, "person", start, start + len(name), {}, [f"a name above its role: '{role}'"]))
        elif _outlet_line(role) or _DATE_LINE.fullmatch(role):
            collector.add(Candidate(name, "person", start, start + len(name), {}, [f"a byline above '{role}'"]))
        elif dateline := _DATELINE.match(role):  # "Ayaz Gul" / "ISLAMABAD -- Afghanistan is urging …"
            note = f"a byline above '{dateline.group().strip()}'"
            collector.add(Candidate(name, "person", start, start + len(name), {}, [note]))


# a story's dateline: its place in capitals and a dash ("ISLAMABAD --", "PESHAWAR, Pakistan —")
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,30}(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?\s+(?:--|—|–)\s")
_DATE_LINE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|"
    r"[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})(?:[,\s]+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?)?"
)


def _outlet_line(line: str) -> bool:
    """'VOA News', 'Reuters': a short line naming a news outlet."""
    return len(line.split()) <= 4 and kind_of(line) == "media" and not re.search(r"[.,:;!?]$", line)


def _role_line(line: str) -> bool:
    """'Secretary of State', 'Foreign Minister of Pakistan': a title opening a short line that names no
    one else ('Qari Amjad' and 'General Asim Munir' are names)."""
    words = line.split()
    while len(words) > 1 and words[0].lower() in actor_words().role_modifiers:
        words = words[1:]  # "Assistant Secretary, Bureau of Public Affairs"
    if not words or len(line) > 60 or not is_title(words[0]) or words[0].lower() in actor_words().honorifics:
        return False
    return len(words) == 1 or words[0].endswith(",") or not words[1][:1].isupper() or is_title(words[1])


_SOURCE_LINE = re.compile(r"(?im)^[ \t]*(?:data )?sources?[ \t]*:[ \t]*(?P<who>[^\n]+)$")
_SOURCE_PART = re.compile(r"[A-Z][\w'’&.-]*(?:\s+(?:of|for|and|the|on|&)?\s*[A-Z][\w'’&.-]*)*")


def add_sources(doc: Document, collector: Collector) -> None:
    """'Source: South Asia Terrorism Portal (New Delhi). Data through …': the publishers a source line
    names (up to a bracket or the end of its first sentence) are organisations; their kind is guessed."""
    listed = actor_words().organisation_acronyms
    for line in _SOURCE_LINE.finditer(doc.text):
        who = re.split(r"\(|\.\s|\.$|https?:", line.group("who"))[0]
        position = line.start("who")
        for part in re.split(r"\s*(?:[,;/]|\band\b)\s*", who):
            name = part.strip()
            at = doc.text.find(name, position, line.end()) if name else -1
            if at < 0 or not _SOURCE_PART.fullmatch(name) or name.split()[0].lower() in default_words().non_name_words:
                continue
            position = at + len(name)
            if _thing(name.split()):
                continue  # "IOM Displacement Tracking Matrix": a data set, not its publisher
            kind = kind_of(name) or listed.get(name)
            note = f"named as a source: '{line.group().strip()[:60]}'" + ("" if kind else "; kind guessed")
            collector.add(Candidate(name, kind or "institution", at, at + len(name), {}, [note]))


def _thing(words: list[str]) -> bool:
    from torkham.ingest.extract.candidate_names import head_noun

    return head_noun(words) in actor_words().non_actor_heads


def add_listed(doc: Document, collector: Collector) -> None:
    """Names listed beside a person already found, or under words such as 'leaders' or 'individuals'."""
    people = {normalize(f) for c in collector.items if c.kind == "person" for f in c.forms()}
    for names, intro in [*_sentence_lists(doc.text), *_bullet_lists(doc.text)]:
        known = [n for n, _ in names if normalize(n) in people]
        described = _described_after(doc.text, names[-1][1] + len(names[-1][0]))
        if not known and not _people_words().search(intro[-PEOPLE_WORD_REACH:]) and not described:
            continue
        why = f"listed after '{intro.strip()[-40:]}'"
        why = f"listed with {known[0]}" if known else f"listed before '{described}'" if described else why
        for name, at in names:
            if normalize(name) not in people and person_alone(name):
                collector.add(Candidate(name, "person", at, at + len(name), {}, [why]))


def _described_after(text: str, end: int) -> str:
    """'… were among the participants', '… are both journalists': the words after a list that make its
    names people's (list_people_words), or ''."""
    after = _PEOPLE_AFTER.match(text, end)
    return after.group().strip() if after and _people_words().fullmatch(after.group("noun")) else ""


_PEOPLE_AFTER = re.compile(
    r"\s+(?:were|are|was|had\s+been|have\s+been)\s+(?:(?:all|both|among|the|two|three|four|five|of|prominent|senior|"
    r"local|foreign|former|invited)\s+){0,3}(?P<noun>[a-z]+)\b"
)


def add_listed_acronyms(doc: Document, collector: Collector) -> None:
    """Abbreviations listed with an organisation already found ('UNHCR, WFP and NRC'): organisations too,
    of the same kind as the first one found (a guess the note states)."""
    words = default_words()
    ignored = {*words.non_actor_acronyms, *(a.lower() for a in words.country_abbreviations)}
    for m in _ACRONYM_LIST.finditer(doc.text):
        listed = [(a.group(), m.start() + a.start()) for a in re.finditer(r"[A-Z][A-Za-z]*[A-Z]", m.group())]
        known = [collector.index[normalize(a)] for a, _ in listed if normalize(a) in collector.index]
        if not known:
            continue
        for abbr, at in listed:
            if normalize(abbr) not in collector.index and abbr.lower() not in ignored:
                note = f"listed with {known[0].name}; kind guessed from it"
                collector.add(Candidate(abbr, known[0].kind, at, at + len(abbr), {}, [note]))


def _sentence_lists(text: str) -> list[tuple[list[tuple[str, int]], str]]:
    """Runs of two or more names joined by commas, 'and', 'or' or semicolons — (name, offset) each — with
    the words of the sentence before them."""
    out: list[tuple[list[tuple[str, int]], str]] = []
    current: list[tuple[str, int]] = []
    position = -1
    for m in _NAME.finditer(text):
        gap = text[position : m.start()] if position >= 0 else ""
        if current and not _LIST_SEPARATOR.fullmatch(gap):
            out.append((current, _sentence_before(text, current[0][1])))
            current = []
        if len(m.group().split()) > NAME_WORDS[1]:  # "KP Chief Minister Ali Amin Gandapur": a role and a name
            position = -1
            continue
        current.append((m.group(), m.start()))
        position = m.end()
    out.append((current, _sentence_before(text, current[0][1]) if current else ""))
    return [(names, intro) for names, intro in out if len(names) >= 2]


def _sentence_before(text: str, at: int) -> str:
    reach = max(0, at - 2 * PEOPLE_WORD_REACH)
    start = max(text.rfind("\n", reach, at), text.rfind(". ", reach, at), reach - 1) + 1
    return text[start:at]


def _bullet_lists(text: str) -> list[tuple[list[tuple[str, int]], str]]:
    """Consecutive bullet or numbered lines, each starting with a name — (name, offset) per line — with the
    line before them."""
    out: list[tuple[list[tuple[str, int]], str]] = []
    current: list[tuple[str, int]] = []
    before = previous = ""
    for line in _LINE.finditer(text):
        bullet = _BULLET.match(line.group("line"))
        if not bullet:
            if len(current) >= 2:
                out.append((current, before))
            current, previous = [], line.group("line")
            continue
        if not current:
            before = previous
        start = line.start("line") + bullet.end()
        end = _ITEM_END.search(text, start, line.end()).start()  # type: ignore[union-attr]
        current.append((text[start:end], start))
    if len(current) >= 2:
        out.append((current, before))
    return out
