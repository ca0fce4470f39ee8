"""New actor candidates: names the knowledge base does not know yet.

Found from the list of abbreviations, "Full Name (ABBR)" pairs, capitalised names ending in a word
that says what they are ("… Front", "… Ministry", "… Institute"), people marked by a title or role
("General Mohammad Yasin Zia", "spokesperson Zabihullah Mujahid", "Tom West, the US special envoy"),
by reported speech ("Lieven said") or by their handle ("Najiba Faiz @NajibaFaiz5"), countries, and
the authors of the bibliography. One candidate per name, its other forms as aliases."""

from __future__ import annotations

import re

from torkham.geo.gazetteer import load_gazetteer
from torkham.ingest.document import Document
from torkham.ingest.extract import candidate_finders as finders
from torkham.ingest.extract import name_lines
from torkham.ingest.extract.acronyms import Pair, abbreviation_list, inline_pairs, spells_strictly
from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.aged_speakers import aged_speakers
from torkham.ingest.extract.appositions import merge_appositions
from torkham.ingest.extract.candidate_collector import (
    Candidate,
    Collector,
    merge_headed_abbreviations,
    merge_same_actor,
    merge_short_names,
    note_look_alikes,
)
from torkham.ingest.extract.candidate_names import from_names, head_noun
from torkham.ingest.extract.capital_agents import capital_agents
from torkham.ingest.extract.capital_frames import capital_frames
from torkham.ingest.extract.citations import Entry
from torkham.ingest.extract.comma_names import comma_names
from torkham.ingest.extract.common import propose
from torkham.ingest.extract.country_agents import add_countries, country_acts
from torkham.ingest.extract.dateline_agencies import dateline_agencies
from torkham.ingest.extract.epithets import epithet_names
from torkham.ingest.extract.ethnic_groups import find_ethnic_groups
from torkham.ingest.extract.government_forms import governments_by_name, merge_ruled_governments
from torkham.ingest.extract.government_names import government_names
from torkham.ingest.extract.group_lists import add_listed_groups
from torkham.ingest.extract.initiative_places import extend_initiatives
from torkham.ingest.extract.initiatives import head_after, named_initiatives
from torkham.ingest.extract.known_variants import kind_in_time, variant_of
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.lone_acronyms import lone_acronyms
from torkham.ingest.extract.name_particles import common_term
from torkham.ingest.extract.name_parts import drop_name_parts
from torkham.ingest.extract.namewords import is_generic, is_title, kind_of
from torkham.ingest.extract.outlets import outlet_names
from torkham.ingest.extract.parenthesised import merge_parenthesised
from torkham.ingest.extract.person_lists import add_listed_people
from torkham.ingest.extract.shadows import Shadow
from torkham.ingest.extract.the_names import the_names
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize


def _from_acronyms(doc: Document, collector: Collector) -> set[str]:
    """Add the pairs that name actors; return the abbreviations of those that name none."""
    none: set[str] = set()
    for pair in [*abbreviation_list(doc), *inline_pairs(doc)]:
        if _names_no_actor(doc.text, pair):
            none.add(pair.abbr)
            continue
        listed = actor_words().organisation_acronyms.get(pair.abbr)
        kind = head_after(doc.text, pair.end) or kind_of(pair.full) or listed or _region(pair.full)
        kind = kind or _office_of(doc.text, pair.start)
        notes = [
            "from the list of abbreviations" if pair.from_list else f"'{doc.text[pair.start : pair.end]}' in the text"
        ]
        if kind is None:
            notes.append("kind not recognised from the name; check it")
        aliases = {abbr: "abbreviation" for abbr in (pair.abbr, *pair.others)}
        candidate = Candidate(pair.full, kind or "armed_group", pair.start, pair.end, aliases, notes)
        collector.add(candidate, "spelling")
    return none


def _office_of(text: str, start: int) -> str | None:
    """'minister for States and Frontier Regions (SAFRON)': a long form after a title and 'for' or 'of' names
    the office's ministry or department."""
    before = re.search(r"(\w+)\s+(?:for|of)\s+(?:the\s+)?$", text[max(0, start - 40) : start])
    return "government_body" if before and is_title(before.group(1)) else None


def _region(name: str) -> str | None:
    """'Khyber Pakhtunkhwa (KP)': a province or region the gazetteer knows, named with its abbreviation."""
    places = load_gazetteer().resolve(name).at_level("province", "division", "region")
    return "region" if places.found else None


def _names_no_actor(text: str, pair: Pair) -> bool:
    """'155 Unaccompanied Migrant Children (UMC)', 'Non-Food Items (NFIs)': people counted or things; 'fiscal
    year (FY)': a term; 'as a
    Foreign Terrorist Organization (FTO)': a class, not one actor; 'Chief Executive Officer (CEO)',
    'Inspector General of Police (IGP)': roles."""
    if pair.from_list:
        return False
    before = text[max(0, pair.start - 12) : pair.start]
    counted = re.search(r"(?<![\w.,])\d(?:[\d,.]*\d)?\s+$", before)
    words = default_words()
    return (
        bool(counted or _INDEFINITE.search(before))
        or head_noun(pair.full.split()) in actor_words().non_actor_heads
        or is_title(head_noun(pair.full.split()))  # "Inspector General of Police (IGP)": a role
        or is_generic(pair.full)
        or pair.abbr.lower() in words.non_actor_acronyms
        or common_term(pair.full, pair.abbr)
    )


_INDEFINITE = re.compile(r"(?:^|\s)(?:[Aa]n?|[Aa]s an?)\s+$")


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


def _from_patterns(
    doc: Document, collector: Collector, shadows: list[Shadow], lexicon: Lexicon
) -> list[tuple[int, int]]:
    """Add the names these patterns find; return the spans of bodies and initiatives named with a lowercase
    head ('the United Nations refugee agency'), whose first words are no name by themselves."""
    spans = []
    for name, kind, others, start, end in finders.aliases_given(doc):
        given = {alias: "other_name" for alias in others}
        collector.add(Candidate(name, kind, start, end, given, [f"'{name}' given with its alias"]))
    for name, kind, alias, start, end in finders.named_groups(doc):
        with_head = {alias: "other_name"} if alias else {}
        collector.add(Candidate(name, kind, start, end, with_head, [f"'{doc.text[start:end]}' in the text"]))
    for name, start, end in finders.named_bodies(doc):
        collector.add(Candidate(name, kind_of(name) or "government_body", start, end, {}, [f"'{name}' in the text"]))
        spans.append((start, end))
    for name, headed, start, end in named_initiatives(doc):
        collector.add(Candidate(name, "initiative", start, end, {headed: "other_name"}, [f"'{headed}' in the text"]))
        spans.append((start, end))
    for name, start, end in finders.listed_leaders(doc):
        collector.add(Candidate(name, "person", start, end, {}, ["listed under the leaders of an infobox"]))
    for country, abbr, start, end in finders.country_abbreviations(doc):
        if not country_acts(doc.text, start, end):
            continue  # "U.S. interests", "the U.S. Institute of Peace": an adjective or a word of a name
        collector.add(
            Candidate(country, "state", start, end, {abbr: "abbreviation"}, ["a country that acts in the text"]),
            "abbreviation",
        )
    for shadow in shadows:
        kind = kind_of(shadow.name) or ("person" if 2 <= len(shadow.name.split()) <= 4 else "armed_group")
        note = f"contains '{shadow.form}', a name of {', '.join(shadow.actor_ids)}"
        if variant_of(shadow.name, lexicon) is None:  # else the proposal's note says it may be that actor
            note += ": another actor, not a mention of it"
        collector.add(Candidate(shadow.name, kind, shadow.start, shadow.end, {}, [note]))
    return spans


def find_candidates(
    doc: Document, lexicon: Lexicon, entries: list[Entry], shadows: list[Shadow] | None = None
) -> list[Proposal]:
    """`shadows`: longer unknown names that hide a known one (mentions.mentions_and_shadows)."""
    collector = Collector()
    no_actors = _from_acronyms(doc, collector)
    _from_bibliography(entries, collector)
    pairs = [*abbreviation_list(doc), *inline_pairs(doc)]  # their names are read from the pairs
    skip_spans = [(e.start, e.end) for e in entries] + [(p.start, p.end) for p in pairs]
    skip_spans += name_lines.add_people(doc, collector)
    skip_spans += _from_comma_names(doc, collector)
    skip_spans += _from_patterns(doc, collector, list(shadows or []), lexicon)
    from_names(doc, collector, default_words(), skip_spans)
    extend_initiatives(doc.text, collector)
    add_countries(doc, collector)
    for name, forms, start, end, note in find_ethnic_groups(doc.text):
        collector.add(Candidate(name, "ethnic_group", start, end, dict.fromkeys(forms, "other_name"), [note]))
    for name, start, end, note in [*outlet_names(doc.text), *dateline_agencies(doc.text)]:
        short = name.removeprefix("The ")
        collector.add(Candidate(name, "media", start, end, {short: "short_name"} if " " in short else {}, [note]))
    for name, start, end, note in [*epithet_names(doc.text), *aged_speakers(doc.text)]:
        collector.add(Candidate(name, "person", start, end, {}, [note]))
    for name, kind, start, end, note in the_names(doc.text):
        collector.add(Candidate(name, kind, start, end, {}, [note]))
    for name, start, end, note in [
        *government_names(doc.text),
        *governments_by_name(doc.text),
        *capital_agents(doc.text),
        *capital_frames(doc.text),
    ]:
        collector.add(Candidate(name, "government_body", start, end, {}, [note]))
        held = collector.index[normalize(name)]
        if held.kind == "person" and held.name == name:  # "Kabul said": read as a speaker's name first
            held.kind = "government_body"
    _from_lone_acronyms(doc, collector, no_actors)
    name_lines.add_listed(doc, collector)
    add_listed_people(doc, collector)
    name_lines.add_sources(doc, collector)
    name_lines.add_listed_acronyms(doc, collector)
    add_listed_groups(doc, collector)
    merge_parenthesised(doc.text, collector)
    merge_appositions(doc.text, collector)
    merge_headed_abbreviations(collector, kind_of)
    merge_short_names(collector)
    merge_ruled_governments(collector)
    merge_same_actor(collector, actor_words().same_actor, doc.text)
    drop_name_parts(doc.text, collector)
    note_look_alikes(collector.items)
    proposals = []
    for candidate in collector.items:
        if lexicon.actors_named(candidate.name):
            continue  # a known actor: the mention matcher proposes it
        candidate.kind = kind_in_time(candidate.name, candidate.kind, doc)
        proposals.append(_proposal(doc, lexicon, candidate))
    return proposals


def _from_comma_names(doc: Document, collector: Collector) -> list[tuple[int, int]]:
    spans = []
    for name, with_country, start, end in comma_names(doc):
        aliases = {with_country: "other_name"} if with_country else {}
        note = f"'{name}' in the text: a name that lists its fields"
        collector.add(Candidate(name, kind_of(name, "government_body"), start, end, aliases, [note]))
        spans.append((start, end))
    return spans


def _from_lone_acronyms(doc: Document, collector: Collector, no_actors: set[str]) -> None:
    names = [c.name for c in collector.items]
    for abbr, kind, start, end, note in lone_acronyms(doc, set(collector.index), names, no_actors):
        spelt = next((c for c in collector.items if any(_spells(abbr, f.split()) for f in c.forms())), None)
        if spelt is not None:  # "TTP" used alone in a text that names Tehrik-i-Taliban Pakistan (or its alias)
            spelt.aliases.setdefault(abbr, "abbreviation")
            spelt.notes.append(f"'{abbr}' used alone: taken as its abbreviation (its letters spell the name); check it")
            collector.index[normalize(abbr)] = spelt
            continue
        collector.add(Candidate(abbr, kind, start, end, {}, [note]))


def _spells(abbr: str, words: list[str]) -> bool:
    """The abbreviation spells the name, the name past the place it opens with ('CTD' for 'Khyber
    Pakhtunkhwa Counter-Terrorism Department') or past its head word and link ('PRM' for 'Bureau of
    Population, Refugees, and Migration')."""
    if spells_strictly(abbr, words):
        return True
    headed = len(words) > 3 and kind_of(words[0]) is not None and words[1] in ("of", "for")
    if headed and spells_strictly(abbr, words[3:] if words[2] == "the" else words[2:]):
        return True
    gazetteer = load_gazetteer()
    return any(
        spells_strictly(abbr, words[n:]) and gazetteer.resolve(" ".join(words[:n])).found
        for n in range(1, min(3, len(words) - 1) + 1)
    )


def _proposal(doc: Document, lexicon: Lexicon, candidate: Candidate) -> Proposal:
    """The candidate as a proposal; one whose name or alias already names a known actor, or that is a known
    name written another way ('VOA News', 'Afghan defense ministry'), is proposed as a new name of that
    actor (accepting it records a mention of it) — never merged into it without the reviewer."""
    record: dict = {"name": candidate.name, "kind": candidate.kind}
    if candidate.aliases:
        record["aliases"] = [{"name": a, "type": t} for a, t in candidate.aliases.items()]
    proposal = propose(doc, "actor", record, candidate.start, candidate.end, candidate.notes)
    known = {form: lexicon.actors_named(form) for form in candidate.aliases if lexicon.actors_named(form)}
    for form, ids in known.items():
        proposal.notes.append(f"'{form}' already names {', '.join(ids)}: a new name of a known actor?")
    variant = variant_of(candidate.name, lexicon) if not known else None
    if variant is not None:
        form, ids = variant
        named = ", ".join(f"{i} ({lexicon.canonical.get(i, i)})" for i in ids)
        proposal.notes.append(
            f"'{candidate.name}' looks like '{form}', a name of {named}, written another way: accept it as a "
            "new name of that actor, or reject it if it is another actor"
        )
        known[form] = ids
    for form, ids in known.items():
        if len(ids) == 1 and not lexicon.is_ambiguous(form) and ids[0] not in proposal.matches:
            proposal.matches.append(ids[0])
    return proposal
