"""New actor candidates: names the knowledge base does not know yet.

Found from the list of abbreviations, "Full Name (ABBR)" pairs, capitalised names ending in a word
that says what they are ("… Front", "… Ministry", "… Institute"), people marked by a title or role
("General Mohammad Yasin Zia", "spokesperson Zabihullah Mujahid", "Tom West, the US special envoy"),
by reported speech ("Lieven said") or by their handle ("Najiba Faiz @NajibaFaiz5"), countries, and
the authors of the bibliography. One candidate per name, its other forms as aliases."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from torkham.ingest.document import Document
from torkham.ingest.extract import candidate_finders as finders
from torkham.ingest.extract.acronyms import abbreviation_list, inline_pairs, spells_strictly
from torkham.ingest.extract.citations import Entry
from torkham.ingest.extract.common import propose
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.namewords import (
    LINK,
    SEQUENCE,
    is_title,
    kind_of,
    lookups,
    person_evidence,
    person_name,
)
from torkham.ingest.extract.shadows import Shadow
from torkham.ingest.extract.words import Words, default_words
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize


@dataclass
class Candidate:
    name: str
    kind: str
    start: int
    end: int
    aliases: dict[str, str] = field(default_factory=dict)  # alias -> alias type
    notes: list[str] = field(default_factory=list)

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


class Collector:
    """Candidates merged by any shared form (normalised)."""

    def __init__(self):
        self.items: list[Candidate] = []
        self.index: dict[str, Candidate] = {}

    def add(self, new: Candidate, alias_type: str = "other_name") -> None:
        existing = next((self.index[normalize(f)] for f in new.forms() if normalize(f) in self.index), None)
        if existing is None:
            self.items.append(new)
            for form in new.forms():
                self.index[normalize(form)] = new
            return
        for form, kind in [(new.name, alias_type), *new.aliases.items()]:
            if normalize(form) not in {normalize(f) for f in existing.forms()}:
                existing.aliases[form] = kind
                self.index[normalize(form)] = existing
        if new.start < existing.start:
            existing.start, existing.end = new.start, new.end


def _from_acronyms(doc: Document, collector: Collector) -> None:
    for pair in [*abbreviation_list(doc), *inline_pairs(doc)]:
        kind = kind_of(pair.full)
        notes = ["from the list of abbreviations" if pair.from_list else f"'{pair.full} ({pair.abbr})' in the text"]
        if kind is None:
            notes.append("kind not recognised from the name; check it")
        candidate = Candidate(
            pair.full, kind or "armed_group", pair.start, pair.end, {pair.abbr: "abbreviation"}, notes
        )
        collector.add(candidate, "spelling")


def _from_bibliography(entries: list[Entry], collector: Collector) -> None:
    for entry in entries:
        for author in re.split(r"\s*(?:&|;|\band\b)\s*", entry.who):
            person = re.fullmatch(r"([A-Z][\w'’-]*),\s*((?:[A-Z]\.\s*)+)", author.strip())
            if person:
                name = f"{' '.join(person.group(2).split())} {person.group(1)}"
                notes = ["an author in the bibliography"]
                collector.add(Candidate(name, "person", entry.start, entry.end, {author.strip(): "short_name"}, notes))
            elif author.strip() and not re.search(r"\d", author):
                kind = kind_of(author, "media")
                kind = "media" if kind in ("opposition_group", "armed_group") else kind
                notes = ["a corporate author in the bibliography; kind guessed"]
                collector.add(Candidate(author.strip(), kind, entry.start, entry.end, {}, notes))


def _looks_like_name(tokens: list[str]) -> bool:
    _heads, _titles, _skip, countries = lookups()
    tokens = [t for t in tokens if t not in ("the", "The")]
    name = " ".join(tokens)
    return (
        kind_of(name) is not None
        or any(is_title(t) for t in tokens)
        or bool(countries.fullmatch(name))
        or (len(tokens) == 1 and tokens[0].isupper() and len(tokens[0]) > 1)
    )


def _parts(tokens: list[str], offsets: list[int]) -> list[tuple[list[str], list[int]]]:
    """Split a capitalised run at 'and' when both sides look like names by themselves ('Afghan
    Taliban and the TTP'); 'Belt and Road Initiative' and 'Center for Research and Security Studies' stay whole."""
    cut = next((i for i, t in enumerate(tokens) if t == "and"), None)
    if cut is None or not (_looks_like_name(tokens[:cut]) and _looks_like_name(tokens[cut + 1 :])):
        return [(tokens, offsets)]
    return [(tokens[:cut], offsets[:cut]), *_parts(tokens[cut + 1 :], offsets[cut + 1 :])]


def _trimmed(tokens: list[str], offsets: list[int], words: Words, _sentence_start) -> tuple[list[str], list[int]]:
    _heads, _titles, skip, _countries = lookups()

    def drop(word: str, last: bool = False) -> bool:
        low = word.lower()
        adverb = low.endswith("ly") and (len(low) >= 7 or not last)  # "Economically Taliban", "Taliban Realistically"
        return low in skip or bool(LINK.fullmatch(word)) or adverb

    for i, token in enumerate(tokens):
        if token.lower().rstrip(".") in words.months:
            tokens, offsets = tokens[:i], offsets[:i]
            break
    while tokens and drop(tokens[0]) and (tokens[0].lower() in skip or _sentence_start(offsets[0])):
        tokens, offsets = tokens[1:], offsets[1:]
    while tokens and drop(tokens[-1], last=True):
        tokens, offsets = tokens[:-1], offsets[:-1]
    if tokens:
        tokens = [*tokens[:-1], re.sub(r"['’]s$", "", tokens[-1])]
    return tokens, offsets


def _starts_sentence(text: str, at: int) -> bool:
    before = text[max(0, at - 4) : at].rstrip(' \t*•-("“')
    return before == "" or before[-1] in ".!?:\n"


def _single_compound(tokens: list[str]) -> bool:
    """'U.S-Taliban', 'Taliban-led': an adjective made of names, not a name ('Jaish-e-Mohammed' is one)."""
    if len(tokens) != 1 or "-" not in tokens[0]:
        return False
    parts = tokens[0].split("-")
    return not (any(p in ("e", "i", "ul", "al", "ur") for p in parts[1:-1]) or parts[0] in ("Al", "al"))


def _from_names(doc: Document, collector: Collector, words: Words, skip_spans: list[tuple[int, int]]) -> None:
    _heads, _titles, _skip, countries = lookups()
    text = doc.text
    skip_spans = sorted(skip_spans)
    skip_starts = [s for s, _ in skip_spans]
    for m in SEQUENCE.finditer(text):
        i = bisect_right(skip_starts, m.start())
        if any(s <= m.start() < e for s, e in skip_spans[max(0, i - 3) : i]):
            continue
        all_tokens = m.group().split(" ")
        all_offsets = [m.start() + o.start() for o in re.finditer(r"\S+", m.group())]
        for tokens, offsets in _parts([t for t in all_tokens if t], all_offsets):
            tokens, offsets = _trimmed(tokens, offsets, words, lambda at: _starts_sentence(text, at))
            if not tokens or (len(tokens) > 1 and all(t.isupper() for t in tokens)) or is_title(tokens[-1]):
                continue
            if _single_compound(tokens):
                continue
            _add_name(collector, text, tokens, offsets, countries)


# Head words that are names by themselves ("the Taliban", "Dawn"); the others are ordinary nouns.
_PROPER_HEADS = {"taliban", "lashkar", "jaish", "tehrik", "tehreek", "mujahideen", "hizb", "jamaat", "harkat", "sipah"}
_PROPER_HEADS |= {"stiftung", "dawn", "tribune", "express", "herald", "diplomat"}
_GROUP_HEAD_AFTER = re.compile(r"\s+(?:group|faction|militia|outfit|network)\b")


def _add_name(collector: Collector, text: str, tokens: list[str], offsets: list[int], countries: re.Pattern) -> None:
    start, end = offsets[0], offsets[-1] + len(tokens[-1])
    if _GROUP_HEAD_AFTER.match(text, end):
        return  # "the Hafiz Gul Bahadur group": a group (finders.named_groups), not the person of a title
    titled = [i for i, t in enumerate(tokens) if is_title(t)]
    if titled and titled[-1] + 1 < len(tokens):
        person = person_name(tokens[titled[-1] + 1 :])
        if person and kind_of(" ".join(person)) is None:
            first = titled[-1]
            while first > 0 and is_title(tokens[first - 1]):
                first -= 1
            direct = tokens[titled[-1] + 1 : titled[-1] + 1 + len(person)] == person
            aliases = {" ".join(tokens[first : titled[-1] + 1 + len(person)]): "title_form"} if direct else {}
            name_start = offsets[len(tokens) - len(person)] if not direct else offsets[titled[-1] + 1]
            note = f"a title before it: '{' '.join(tokens[first : titled[-1] + 1])}'"
            collector.add(Candidate(" ".join(person), "person", name_start, end, aliases, [note]))
            return
    name = " ".join(tokens)
    kind = kind_of(name)
    if len(tokens) == 1 and normalize(name) in lookups()[0] and normalize(name) not in _PROPER_HEADS:
        return  # "State", "Police", "Army" alone are not names
    if normalize(name) in default_words().generic_names:
        return  # "Member State"
    if kind is not None and not countries.fullmatch(name):
        collector.add(Candidate(name, kind, start, end, {}, [f"kind guessed from the name ('{name}')"]))
        return
    person = person_name(tokens)
    if not person or countries.fullmatch(" ".join(person)) or person != tokens[: len(person)]:
        return
    end = offsets[len(person) - 1] + len(person[-1])
    evidence = person_evidence(text, start, end, person)
    if evidence:
        collector.add(Candidate(" ".join(person), "person", start, end, {}, [evidence]))


def _from_countries(doc: Document, collector: Collector) -> None:
    _heads, _titles, _skip, countries = lookups()
    for m in countries.finditer(doc.text):
        collector.add(Candidate(m.group(), "state", m.start(), m.end(), {}, ["a country"]))


def _merge_surnames(collector: Collector) -> None:
    """'Lieven' said … after 'Anatol Lieven': the surname becomes a short name of the person."""
    people = [c for c in collector.items if c.kind == "person" and len(c.name.split()) > 1]
    for single in [c for c in collector.items if c.kind == "person" and len(c.name.split()) == 1]:
        owners = [p for p in people if p.name.split()[-1] == single.name]
        if len(owners) == 1:
            owners[0].aliases.setdefault(single.name, "short_name")
            collector.items.remove(single)


def _from_patterns(doc: Document, collector: Collector, shadows: list[Shadow]) -> None:
    for name, kind, alias, start, end in finders.aliases_given(doc):
        collector.add(Candidate(name, kind, start, end, {alias: "other_name"}, [f"'{name}' given with its alias"]))
    for name, kind, with_head, start, end in finders.named_groups(doc):
        note = f"'{with_head}' in the text"
        collector.add(Candidate(name, kind, start, end, {with_head: "other_name"}, [note]))
    for name, start, end in finders.named_bodies(doc):
        collector.add(Candidate(name, kind_of(name) or "government_body", start, end, {}, [f"'{name}' in the text"]))
    for name, start, end in finders.listed_leaders(doc):
        collector.add(Candidate(name, "person", start, end, {}, ["listed under the leaders of an infobox"]))
    for country, abbr, start, end in finders.country_abbreviations(doc):
        collector.add(Candidate(country, "state", start, end, {abbr: "abbreviation"}, ["a country"]), "abbreviation")
    for shadow in shadows:
        kind = kind_of(shadow.name) or ("person" if 2 <= len(shadow.name.split()) <= 4 else "armed_group")
        note = f"contains '{shadow.form}', a name of {', '.join(shadow.actor_ids)}: another actor, not a mention of it"
        collector.add(Candidate(shadow.name, kind, shadow.start, shadow.end, {}, [note]))


def find_candidates(
    doc: Document, lexicon: Lexicon, entries: list[Entry], shadows: list[Shadow] | None = None
) -> list[Proposal]:
    """`shadows`: longer unknown names that hide a known one (mentions.mentions_and_shadows)."""
    words = default_words()
    collector = Collector()
    _from_acronyms(doc, collector)
    _from_bibliography(entries, collector)
    skip_spans = [(e.start, e.end) for e in entries] + [(p.start, p.end) for p in abbreviation_list(doc)]
    _from_patterns(doc, collector, list(shadows or []))
    _from_names(doc, collector, words, skip_spans)
    _from_countries(doc, collector)
    for abbr, kind, start, end, note in finders.lone_acronyms(doc, set(collector.index)):
        spelt = next((c for c in collector.items if spells_strictly(abbr, c.name.split())), None)
        if spelt is not None:  # "TTP" used alone in a text that names Tehrik-i-Taliban Pakistan
            spelt.aliases.setdefault(abbr, "abbreviation")
            collector.index[normalize(abbr)] = spelt
            continue
        collector.add(Candidate(abbr, kind, start, end, {}, [note]))
    _merge_surnames(collector)
    proposals = []
    for candidate in collector.items:
        if lexicon.actors_named(candidate.name):
            continue  # a known actor: the mention matcher proposes it
        known = {form: lexicon.actors_named(form) for form in candidate.aliases if lexicon.actors_named(form)}
        record: dict = {"name": candidate.name, "kind": candidate.kind}
        if candidate.aliases:
            record["aliases"] = [{"name": a, "type": t} for a, t in candidate.aliases.items()]
        proposal = propose(doc, "actor", record, candidate.start, candidate.end, candidate.notes)
        for form, ids in known.items():
            proposal.notes.append(f"'{form}' already names {', '.join(ids)}: a new name of a known actor?")
            if len(ids) == 1 and ids[0] not in proposal.matches:
                proposal.matches.append(ids[0])
        proposals.append(proposal)
    return proposals
