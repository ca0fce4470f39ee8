"""The parties a window of text names, for speaker_antecedents: people (named after a role, in an apposition,
or among the actor candidates of kind person; or described, "An official performing duty …"), the bodies said
to have written or issued a document, and bodies whose name holds a noun ("Foreign Office") or whose kind is an
armed group's. A party named in two forms — a person's full name and surname, a name and its abbreviation in
brackets — is one referent."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.namewords import kind_of
from torkham.ingest.extract.speakers import Speaker, clean_name
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

_CAP = r"[A-Z][\w.'’-]*"
NAME_RUN = re.compile(rf"{_CAP}(?:\s+(?:(?:of|for|the|and|on)\s+)?{_CAP})*")
_ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-Z][A-Za-z.&-]{1,9})\)")
ARMED_KINDS = frozenset({"armed_group", "separatist_armed_group"})
_NEXT_AFTER_PERSON = r"(?=\s*[,.;:”\"’)]|\s+(?:who|in|at|from|with|of|for|on|to|said|says|told|added|[a-z]+ing)\b)"


@dataclass
class Referent:
    """One party: the form it is proposed by, every form it was named by, its latest place in the window."""

    name: str
    start: int
    named: bool = True
    forms: set[str] = field(default_factory=set)

    def same_as(self, other: Referent) -> bool:
        """One names the other in full: 'Durrani' and 'Asif Durrani' (not 'Abbas Khan' and 'Ali Khan'); two
        descriptions with one noun ('An official …', 'the official') are one person."""
        if not self.named and not other.named:
            return bool(self.forms & other.forms)
        return self.name.lower() in other.forms or other.name.lower() in self.forms


def _merge(found: list[Referent]) -> list[Referent]:
    """Referents named alike are one ('Asif Durrani' and 'Durrani'; 'Ministry … Affairs' and 'MOFA')."""
    out: list[Referent] = []
    for ref in found:
        same = next((r for r in out if r.same_as(ref)), None)
        if same is None:
            out.append(Referent(ref.name, ref.start, ref.named, set(ref.forms)))
        else:
            same.forms |= ref.forms
            same.start = max(same.start, ref.start)
    return out


def person_forms(name: str) -> set[str]:
    """A person's name and surname: 'Asif Durrani' → {'asif durrani', 'durrani'}."""
    words = name.split()
    return {name.lower(), words[-1].lower()} if len(words) > 1 else {name.lower()}


@lru_cache(maxsize=1)
def _roles() -> str:
    roles = {*default_words().person_titles, *claim_words().person_nouns, "spokesman", "spokesperson"}
    roles |= {"spokeswoman", "minister", "envoy", "ambassador", "president", "chief", "commander", "researcher"}
    return "|".join(sorted((re.escape(r) for r in roles if " " not in r), key=len, reverse=True))


def persons_named(
    text: str, start: int, end: int, roster: dict[str, str], made: list[tuple[Proposal, Speaker | None]]
) -> list[Referent]:
    """The people named or described between start and end, one referent each."""
    named = _roster_people(text, start, end, roster) + _titled_people(text, start, end)
    described = [d for d in _described_people(text, start, end, made) if not _beside(d, named)]
    return _merge(named) + _merge(described)


def _roster_people(text: str, start: int, end: int, roster: dict[str, str]) -> list[Referent]:
    found = []
    for name, kind in roster.items():
        if kind != "person":
            continue
        for form in sorted(person_forms(name), key=len, reverse=True):
            for m in re.finditer(rf"\b{re.escape(form)}\b", text[start:end], re.I):
                at = start + m.start()
                if _standalone(text, at, form, name) and not _alone_on_line(text, at, at + len(form)):
                    found.append(Referent(name, at, True, person_forms(name)))
    return found


def _standalone(text: str, at: int, form: str, name: str) -> bool:
    """A capitalised form, and a surname not inside a longer name ('Khan' of 'Shafqat Ali Khan' is not 'Abbas
    Khan''s) unless a title stands before it ('Ambassador Durrani')."""
    if not text[at : at + 1].isupper():
        return False
    if form == name.lower():
        return True
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, at - 30) : at])
    return before is None or before.group(1).lower().strip(".") in default_words().person_titles


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """A byline: the name alone on its line ('By Ayaz Gul')."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    line = text[left : right if right >= 0 else len(text)].strip()
    return re.sub(r"^By\s+", "", line) == text[start:end]


def _titled_people(text: str, start: int, end: int) -> list[Referent]:
    """'spokesperson Zabihullah Mujahid', 'Prime Minister Mulla Hasan Akhund', 'Omar Daudzai, the envoy'."""
    roles = _roles()
    found = []
    titled = re.compile(rf"\b(?i:{roles})\s+(?P<name>{_CAP}(?:\s+{_CAP}){{0,4}})")
    apposed = re.compile(
        rf"(?P<name>{_CAP}(?:\s+{_CAP}){{1,3}}),\s+(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{roles})\b"
    )
    for pattern in (titled, apposed):
        for m in pattern.finditer(text, start, end):
            raw = _sentence_cut(m.group("name"))
            name = clean_name(raw)
            if name and len(name) > 2 and kind_of(name) is None:
                at = m.start("name") + raw.find(name.split()[0])
                found.append(Referent(name, at, True, person_forms(name)))
    return found


def _sentence_cut(raw: str) -> str:
    """A name ends with its sentence: 'Khalid Bulti. Bajauri' is 'Khalid Bulti'."""
    return re.split(r"(?<=[a-z]{2})\.\s+", raw)[0]


def _described_people(text: str, start: int, end: int, made: list[tuple[Proposal, Speaker | None]]) -> list[Referent]:
    """'An official performing duty …', 'said the official': one person, no name; the same noun is one."""
    nouns = "|".join(sorted(claim_words().person_nouns | {"spokesman", "spokesperson", "spokeswoman"}, key=len))
    pattern = re.compile(
        rf"\b(?P<phrase>(?i:an?|the)\s+(?:[a-z][\w-]*\s+){{0,3}}?(?P<noun>{nouns}))\b{_NEXT_AFTER_PERSON}"
    )
    found = [
        Referent(m.group("phrase"), m.start(), False, {m.group("noun")}) for m in pattern.finditer(text, start, end)
    ]
    for proposal, speaker in made:  # a claim's described speaker ('said the official')
        if speaker is not None and speaker.generic and start <= speaker.start < end and proposal.start < end:
            noun = speaker.text.lower().split()[-1]
            if noun in claim_words().person_nouns:
                found.append(Referent(speaker.text, speaker.start, False, {noun}))
    return found


def _beside(described: Referent, named: list[Referent]) -> bool:
    """A description set off beside a name is the named person ('X, a spokesperson for', 'A soldier, Maqsood,')."""
    end = described.start + len(described.name)
    return any(-45 <= described.start - n.start <= 60 or 0 <= n.start - end <= 3 for n in named)


def publishers_named(
    text: str, start: int, end: int, noun: str, made: list[tuple[Proposal, Speaker | None]]
) -> list[Referent]:
    """The bodies said to write, publish or issue a document of the noun's sort between start and end."""
    lists = claim_words()
    nouns = lists.statement_nouns if noun in lists.statement_nouns else lists.report_nouns
    alternatives = "|".join(nouns)
    found = _speakers_with(text, start, end, nouns, made)
    owner = re.compile(rf"(?P<name>{NAME_RUN.pattern})(?:['’]s)?\s+(?:[a-z]+\s+){{0,2}}?(?:{alternatives})\b")
    author = re.compile(
        rf"\b(?:{alternatives})\s+(?:[a-z]+\s+){{0,3}}?(?:by|from)\s+(?:the\s+)?"
        rf"(?:{_CAP}['’]s\s+)?(?P<name>{NAME_RUN.pattern})"
    )
    issued = re.compile(
        rf"(?P<name>{NAME_RUN.pattern})\s+(?:has\s+|have\s+)?(?:published|released|issued|produced|commissioned)\s+"
        rf"(?:a|an|its|the|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{alternatives})\b"
    )
    for pattern in (owner, author, issued):
        for m in pattern.finditer(text, start, end):
            found += _body(text, m.group("name"), m.start("name"), m.end("name"))
    return _merge(found)


def _speakers_with(
    text: str, start: int, end: int, nouns: tuple[str, ...], made: list[tuple[Proposal, Speaker | None]]
) -> list[Referent]:
    """Earlier claims' named speakers whose evidence speaks of such a document ('X said in a statement')."""
    found = []
    for proposal, speaker in made:
        if speaker is None or speaker.generic or not start <= speaker.start < end:
            continue
        if any(n in proposal.sentence.lower() for n in nouns):
            found.append(
                Referent(speaker.text, speaker.start, True, {speaker.text.lower(), *map(str.lower, speaker.also)})
            )
    return found


def _body(text: str, raw: str, start: int, end: int) -> list[Referent]:
    """A body's name as found, with its bracketed abbreviation as a second form ('… Affairs (MOFA)')."""
    raw = re.split(r"(?<=[a-z]{2})\.\s+", raw)[-1]  # "Quetta. The military statement": the name is none
    name = clean_name(raw)
    if not name or name.lower() in default_words().non_name_words or name.split()[0].islower():
        return []
    forms = {name.lower()}
    abbreviation = _ABBREVIATION.match(text, end)
    if abbreviation:
        forms.add(abbreviation.group("abbr").lower())
    return [Referent(name, end - len(raw) + raw.find(name.split()[0]), True, forms)]


def bodies_named(text: str, start: int, end: int, noun: str, roster: dict[str, str]) -> list[Referent]:
    """The bodies named between start and end whose name holds the noun ('the ministry': 'Interior Ministry'),
    or, for 'the group', whose kind is an armed group's ('TTP' when the candidates say so)."""
    found = []
    for m in NAME_RUN.finditer(text, start, end):
        raw = _owned(m.group())
        name = clean_name(raw)
        if not name:
            continue
        words = {w.lower() for w in name.split()}
        armed = roster.get(name, kind_of(name) or "") in ARMED_KINDS
        if (noun == "group" and armed) or (noun != "group" and noun in words):
            found += _body(text, raw, m.end() - len(raw), m.end())
    return _merge(found)


def _owned(raw: str) -> str:
    """'Fighters of Tehreek-e-Taliban Pakistan': the body after 'of' when the words before it name no kind."""
    head, of, tail = raw.partition(" of ")
    return tail if of and kind_of(head) is None and tail[:1].isupper() else raw
