"""Mentions of known actors: a phrase matcher over word tokens, built from every name and alias of
the lexicon. The longest name wins ("Hafiz Gul Bahadur" before "Gul"); an all-capital name only
matches capitals ("US", never "us"); a capitalised word only matches a capitalised word ("Dawn",
never "dawn"). A second pass matches spellings that differ only in vowels and doubled letters
("Tehreek-i-Taliban" for "Tehrik-e-Taliban", "Mehsood" for "Mehsud"), with a note saying so.
A name shared by several actors is proposed with no actor and its candidates in the notes. A known name
inside a longer unknown name ("Mehsud" in "Baitullah Mehsud") is not a mention (shadows.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from torkham.ingest.document import Document
from torkham.ingest.extract.acronyms import inline_pairs
from torkham.ingest.extract.common import Token, propose, tokenize
from torkham.ingest.extract.lexicon import Lexicon
from torkham.ingest.extract.part_of import without_wholes
from torkham.ingest.extract.shadows import Shadow, shadows
from torkham.ingest.proposal import Proposal
from torkham.kb.names import normalize

_END = "\0"
_SPLINTER = re.compile(r"[-‐‑–][A-Za-z0-9]")  # what follows a defined abbreviation in a longer one
_JOIN = re.compile(r"[\s\-‐‑–'’./&]{0,3}")  # "ISIS–K" with an en dash is "ISIS-K"
VARIANT_MIN_LETTERS = 6  # shorter names only match exactly: "Gul" must not find "Gol"
VARIANT_MIN_WORD = 5  # a one-word name needs at least this many letters to match as a variant
MISSING_LETTER_MIN = 9  # a word this long still matches with one letter left out
MISSING_LETTER_MAX = 40  # a longer "word" is no name (a run of 200,000 letters took L² to spell out)


@dataclass(frozen=True)
class _Entry:
    written: str
    actor_ids: tuple[str, ...]
    cases: tuple[str, ...]  # per matched word: upper | cap | any
    variant: bool
    defined_by: str = ""  # an abbreviation the text defines: its long form ("Al-Qaeda (AQ)")


@dataclass(frozen=True)
class Match:
    first: int  # index of the first token
    last: int  # index of the last token
    entry: _Entry


_VOWELS = re.compile(r"[aeiouy]")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """First letter, consonants, last letter; doubled letters once: 'tehreek' -> 'thrk', 'pakistani' -> 'pkstni'."""
    if len(word) <= 2:
        return word
    return _DOUBLED.sub(r"\1", word[0] + _VOWELS.sub("", word[1:-1]) + word[-1])


def _one_letter_less(word: str) -> set[str]:
    """Skeletons of a long word with one inner letter left out (a common misspelling of a transliteration)."""
    if not MISSING_LETTER_MIN <= len(word) <= MISSING_LETTER_MAX:
        return set()
    return {skeleton(word[:i] + word[i + 1 :]) for i in range(1, len(word) - 1)}


# Head nouns a text writes in lower case after a name that capitalises them: "the Haqqani network" names
# the Haqqani Network (never "Haqqani", a person).
_LOWERCASE_HEADS = {"network", "group", "faction", "movement", "front", "party", "brigade", "brigades", "army"}


def _case(word: str, first: bool = True) -> str:
    if word.isupper() and (len(word) >= 2 or word.isalpha()):
        return "upper"
    if not first and word.lower() in _LOWERCASE_HEADS:
        return "any"
    return "cap" if word[:1].isupper() else "any"


def _case_ok(required: str, surface: str) -> bool:
    if required == "upper":
        return surface.isupper()
    if required == "cap":
        return surface[:1].isupper()
    return True


class PhraseMatcher:
    def __init__(self, lexicon: Lexicon, defined: dict[str, tuple[str, str]] | None = None):
        """`defined`: abbreviations the text defines, each → (its actor, its long form)."""
        self.exact: dict = {}
        self.variant: dict = {}
        for abbr, (actor, full) in (defined or {}).items():
            words = tokenize(abbr)
            cases = tuple(_case(w.text, i == 0) for i, w in enumerate(words))
            self._insert(self.exact, [w.norm for w in words], _Entry(abbr, (actor,), cases, False, full))
        for written, ids in lexicon.written_forms():
            words = tokenize(written)
            if not words:
                continue
            cases = tuple(_case(w.text, i == 0) for i, w in enumerate(words))
            self._insert(self.exact, [w.norm for w in words], _Entry(written, tuple(ids), cases, False))
            long_words = [w for w in words if len(w.norm) > 2]
            letters = sum(len(w.norm) for w in words)
            all_caps = all(c == "upper" for c in cases)
            single_short = len(long_words) == 1 and len(long_words[0].norm) < VARIANT_MIN_WORD
            if long_words and letters >= VARIANT_MIN_LETTERS and not all_caps and not single_short:
                variant = _Entry(
                    written, tuple(ids), tuple(_case(w.text, i == 0) for i, w in enumerate(long_words)), True
                )
                keys = [skeleton(w.norm) for w in long_words]
                self._insert(self.variant, keys, variant)
                for i, word in enumerate(long_words):  # "Pakhtunkwa" for "Pakhtunkhwa": one letter left out
                    for key in _one_letter_less(word.norm) - {keys[i]}:
                        self._insert(self.variant, [*keys[:i], key, *keys[i + 1 :]], variant)

    @staticmethod
    def _insert(trie: dict, keys: list[str], entry: _Entry) -> None:
        node = trie
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(_END, []).append(entry)

    def find(self, tokens: list[Token], text: str) -> list[Match]:
        out: list[Match] = []
        i = 0
        while i < len(tokens):
            best = self._walk(self.exact, tokens, i, text, variant=False)
            other = self._walk(self.variant, tokens, i, text, variant=True)
            if other and (best is None or other.last > best.last):
                best = _with_connector(other, tokens, text, out[-1].last if out else -1)
            if best:
                out.append(best)
                i = best.last + 1
            else:
                i += 1
        return out

    def _walk(self, trie: dict, tokens: list[Token], first: int, text: str, variant: bool) -> Match | None:
        if variant and len(tokens[first].norm) <= 2:
            return None
        node: dict | None = trie
        found, consumed = None, []
        j = first
        while j < len(tokens) and node:
            token = tokens[j]
            if j > first and not _JOIN.fullmatch(text, tokens[j - 1].end, token.start):
                break
            if variant and len(token.norm) <= 2:
                j += 1  # connectors (e, i, ul, al) do not count in a variant spelling
                continue
            node = node.get(skeleton(token.norm) if variant else token.norm)
            if node is None:
                break
            consumed.append(token)
            for entry in node.get(_END, []):
                cases_ok = all(_case_ok(c, t.text) for c, t in zip(entry.cases, consumed, strict=False))
                if cases_ok and (not variant or _differs(entry.written, consumed)):
                    found = Match(first, j, entry)
                    break
            j += 1
        return found


def _with_connector(match: Match, tokens: list[Token], text: str, taken: int) -> Match:
    """'al-Qa’ida' for 'Al-Qaeda': the connector the name starts with belongs to the variant too."""
    lead = tokenize(match.entry.written)[0].norm
    before = match.first - 1
    if len(lead) <= 2 and before > taken and tokens[before].norm == lead and text[tokens[before].end] in "-‐ ":
        return Match(before, match.last, match.entry)
    return match


def _differs(written: str, consumed: list[Token]) -> bool:
    return _long_words(written) != tuple(t.norm for t in consumed)


@lru_cache(maxsize=4096)
def _long_words(written: str) -> tuple[str, ...]:
    return tuple(w.norm for w in tokenize(written) if len(w.norm) > 2)


def find_mentions(doc: Document, lexicon: Lexicon, tokens: list[Token] | None = None) -> list[Proposal]:
    return mentions_and_shadows(doc, lexicon, tokens)[0]


def mentions_and_shadows(
    doc: Document, lexicon: Lexicon, tokens: list[Token] | None = None
) -> tuple[list[Proposal], list[Shadow]]:
    """The mentions of known actors, and the longer unknown names that hide a known name."""
    if not len(lexicon.forms):
        return [], []
    tokens = tokens if tokens is not None else tokenize(doc.text)
    matches = PhraseMatcher(lexicon, defined_abbreviations(doc, lexicon)).find(tokens, doc.text)
    regions = frozenset(actor for actor, kind in lexicon.kinds.items() if kind == "region")
    matches, hidden = shadows(
        tokens, doc.text, matches, lexicon.canonical, set(lexicon.forms), _long_forms(doc), regions
    )
    proposals = []
    for match in matches:
        entry = match.entry
        start, end = tokens[match.first].start, tokens[match.last].end
        if entry.defined_by and _SPLINTER.match(doc.text, end):
            continue  # "HIG-K" is not the HIG the text defined
        if entry.written.endswith(".") and doc.text[end : end + 1] == ".":
            end += 1  # "U.S." keeps its last full stop
        surface = doc.text[start:end]
        notes = []
        if entry.variant:
            notes.append(f"spelling variant of '{entry.written}'")
        if entry.defined_by:
            notes.append(f"abbreviation the text defines for '{entry.defined_by}'")
        ids = list(entry.actor_ids)
        if len(ids) > 1 or lexicon.is_ambiguous(entry.written):
            named = ", ".join(f"{i} ({lexicon.canonical.get(i, i)})" for i in ids)
            notes.append(f"ambiguous alias '{surface}': names {named}; choose one")
            record = {"actor": None, "name": surface}
        else:
            record = {"actor": ids[0], "name": surface}
        proposals.append(propose(doc, "mention", record, start, end, notes))
    found = [(p.record["name"], p.record["actor"]) for p in proposals if p.record["actor"]]
    wholes = without_wholes(doc.text, found, lexicon.forms)  # "a subset of the Pakistani Taliban"
    return [p for p in proposals if normalize(p.record["name"]) not in wholes], hidden


def defined_abbreviations(doc: Document, lexicon: Lexicon) -> dict[str, tuple[str, str]]:
    """'Al-Qaeda (AQ)': an abbreviation the text defines for a known actor's name, itself not a known name,
    names that actor wherever the text uses it → {abbreviation: (actor, long form)}."""
    out: dict[str, tuple[str, str]] = {}
    for pair in inline_pairs(doc):
        actor = lexicon.resolve(pair.full.removeprefix("the ").removeprefix("The "))
        for abbr in (pair.abbr, *pair.others):
            if actor and not lexicon.actors_named(abbr) and out.get(abbr, (actor, ""))[0] == actor:
                out[abbr] = (actor, pair.full)
    return out


def _long_forms(doc: Document) -> list[tuple[int, int]]:
    """Spans of the long forms of 'Full Name (ABBR)' pairs in the text."""
    spans = []
    for pair in inline_pairs(doc):
        opening = doc.text.rfind("(", pair.start, pair.end)
        if opening > pair.start and doc.text[pair.end - 1] == ")" and pair.abbr in doc.text[opening : pair.end]:
            spans.append((pair.start, len(doc.text[:opening].rstrip())))
    return spans
