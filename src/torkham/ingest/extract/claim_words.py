"""The claim extractors' own words (claim_words.yaml): reporting verbs as lemmas with every form made from
them, the verbs and forms that report only in some uses, speaking nouns, and the markers of an author's
own assertion."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import load_yaml

CLAIM_WORDS_FILE = Path(__file__).with_name("claim_words.yaml")
_SIBILANT = ("s", "sh", "ch", "x", "z")


def inflect(lemma: str, irregular: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """The forms of a lemma by kind: base, s (third person), ed (past), ing. 'point out' → 'points out'."""
    head, _, tail = lemma.partition(" ")
    tail = f" {tail}" if tail else ""
    listed = irregular.get(head)
    if listed:  # -s form, past forms, -ing form
        forms = {"base": head, "s": listed[0], "ing": listed[-1]}
        forms.update({f"ed{i or ''}": past for i, past in enumerate(listed[1:-1])})
        return {kind: form + tail for kind, form in forms.items()}
    consonant_y = head.endswith("y") and head[-2:-1] not in "aeiou"
    s = head[:-1] + "ies" if consonant_y else head + ("es" if head.endswith(_SIBILANT) else "s")
    ed = head + "d" if head.endswith("e") else (head[:-1] + "ied" if consonant_y else head + "ed")
    ing = head[:-1] + "ing" if head.endswith("e") and not head.endswith("ee") else head + "ing"
    return {kind: form + tail for kind, form in {"base": head, "s": s, "ed": ed, "ing": ing}.items()}


@dataclass(frozen=True)
class Frame:
    """A marker made of two parts with up to `gap` words between: 'has' … 'emboldened', 'against' …
    'expectations' ('against Islamabad's expectations')."""

    lead: tuple[str, ...]
    then: tuple[str, ...]
    gap: int = 0

    def pattern(self) -> str:
        between = rf"(?:[\w’'-]+\s+){{0,{self.gap}}}" if self.gap else ""
        return _alternatives(self.lead) + r"\s+" + between + _alternatives(self.then)


def _alternatives(phrases: tuple[str, ...]) -> str:
    """The phrases as one group, the longest first, any white space between their words."""
    ordered = sorted(phrases, key=len, reverse=True)
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in ordered) + ")"


@dataclass(frozen=True)
class ClaimWords:
    reporting_lemmas: tuple[str, ...]
    irregular: dict[str, tuple[str, ...]]
    also_nouns: frozenset[str]
    clause_verbs: frozenset[str]
    clause_followers: dict[str, tuple[str, ...]]
    speech_nouns: tuple[str, ...]
    irregular_pasts: tuple[str, ...]
    directive_lemmas: frozenset[str]
    directive_followers: dict[str, tuple[str, ...]]
    headline_lemmas: frozenset[str]
    causing_verbs: tuple[str, ...]
    adjectival_forms: frozenset[str]
    hearsay_forms: frozenset[str]
    progressive_verbs: tuple[str, ...]
    participle_lemmas: tuple[str, ...]
    speaker_nouns: frozenset[str]
    person_nouns: frozenset[str]
    addressee_lemmas: frozenset[str]
    not_claims: tuple[str, ...]
    author_markers: dict[str, tuple[str, ...]]
    author_frames: dict[str, Frame] = field(default_factory=dict)
    passive_speech: tuple[str, ...] = ()
    giving_verbs: tuple[str, ...] = ()
    given_nouns: tuple[str, ...] = ()
    headline_judgements: tuple[str, ...] = ()
    demanded_acts: tuple[str, ...] = ()
    clause_objects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    concern_states: tuple[str, ...] = ()
    received_nouns: tuple[str, ...] = ()
    finding_verbs: tuple[str, ...] = ()
    assessed_measures: tuple[str, ...] = ()
    intention_lemmas: tuple[str, ...] = ()
    hearsay_adverbs: tuple[str, ...] = ()
    decree_lemmas: tuple[str, ...] = ()
    decree_modals: tuple[str, ...] = ()
    pledged_gifts: tuple[str, ...] = ()
    antecedent_roles: frozenset[str] = frozenset()
    report_nouns: tuple[str, ...] = ()
    statement_nouns: tuple[str, ...] = ()
    body_nouns: frozenset[str] = frozenset()
    post_modifiers: frozenset[str] = frozenset()
    continued_speech_verbs: tuple[str, ...] = ()
    institution_heads: frozenset[str] = frozenset()

    @cached_property
    def forms(self) -> dict[str, tuple[str, str]]:
        """Every form of every reporting lemma → (lemma, kind: base, s, ed or ing)."""
        out: dict[str, tuple[str, str]] = {}
        for lemma in self.reporting_lemmas:
            for kind, form in inflect(lemma, self.irregular).items():
                out.setdefault(form, (lemma, kind.rstrip("0123456789")))
        return out

    @property
    def reporting_verbs(self) -> tuple[str, ...]:
        """The finite forms (plain, -s, -ed): 'estimate', 'estimates', 'estimated'."""
        return tuple(f for f, (_, kind) in self.forms.items() if kind != "ing")

    @cached_property
    def participles(self) -> tuple[str, ...]:
        return tuple(inflect(lemma, self.irregular)["ing"] for lemma in self.participle_lemmas)

    @cached_property
    def marker_pattern(self) -> re.Pattern[str]:
        phrases = sorted({p for ps in self.author_markers.values() for p in ps}, key=len, reverse=True)
        frames = [frame.pattern() for frame in self.author_frames.values()]
        return re.compile(r"\b(?:" + "|".join([*frames, *(re.escape(p) for p in phrases)]) + r")\b", re.I)

    @cached_property
    def pledge_pattern(self) -> re.Pattern[str]:
        """What follows a reporting verb when it announces a gift planned: '… that the government plans to
        contribute'."""
        gifts = "|".join(re.escape(p) for p in self.pledged_gifts) or "(?!)"
        return re.compile(rf"[^;:\"“]{{0,80}}?\b(?:{gifts})\b", re.I)

    @cached_property
    def not_claim_pattern(self) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in self.not_claims) + r")\b", re.I)


def _phrases(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TorkhamError(f"{CLAIM_WORDS_FILE}: {where} must be a list of words")
    return tuple(dict.fromkeys(v.strip().lower() for v in value))


def _mapping(value: object, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict):
        raise TorkhamError(f"{CLAIM_WORDS_FILE}: {where} must map a lemma to a list of words")
    return {str(k): _phrases(v, f"{where}.{k}") for k, v in value.items()}


def _irregular(value: object) -> dict[str, tuple[str, ...]]:
    out = _mapping(value, "irregular_forms")
    short = [k for k, v in out.items() if len(v) < 3]
    if short:
        raise TorkhamError(f"{CLAIM_WORDS_FILE}: irregular_forms.{short[0]} needs its -s, past and -ing forms")
    return out


def read_frames(value: object) -> dict[str, Frame]:
    """claim_words.yaml's author_frames: each a lead and a then (lists of words), and a gap of 0 to 4."""
    if not isinstance(value, dict):
        raise TorkhamError(f"{CLAIM_WORDS_FILE}: author_frames must map a name to its lead, then and gap")
    out = {}
    for name, entry in value.items():
        gap = entry.get("gap", 0) if isinstance(entry, dict) else None
        if not isinstance(gap, int) or isinstance(gap, bool) or not 0 <= gap <= 4:
            raise TorkhamError(f"{CLAIM_WORDS_FILE}: author_frames.{name} needs lead, then and a gap of 0 to 4 words")
        out[str(name)] = Frame(
            _phrases(entry.get("lead"), f"author_frames.{name}.lead"),
            _phrases(entry.get("then"), f"author_frames.{name}.then"),
            gap,
        )
    return out


@lru_cache(maxsize=1)
def claim_words() -> ClaimWords:
    data = load_yaml(CLAIM_WORDS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("author_markers"), dict):
        raise TorkhamError(f"{CLAIM_WORDS_FILE}: needs reporting_lemmas and author_markers")
    markers = {str(k): _phrases(v, f"author_markers.{k}") for k, v in data["author_markers"].items()}

    def words(key: str) -> tuple[str, ...]:
        return _phrases(data.get(key), key)

    return ClaimWords(
        reporting_lemmas=words("reporting_lemmas"),
        irregular=_irregular(data.get("irregular_forms")),
        also_nouns=frozenset(words("also_nouns")),
        clause_verbs=frozenset(words("clause_verbs")),
        clause_followers=_mapping(data.get("clause_followers"), "clause_followers"),
        clause_objects=_mapping(data.get("clause_objects") or {}, "clause_objects"),
        speech_nouns=words("speech_nouns"),
        irregular_pasts=words("irregular_pasts"),
        directive_lemmas=frozenset(words("directive_lemmas")),
        directive_followers=_mapping(data.get("directive_followers"), "directive_followers"),
        headline_lemmas=frozenset(words("headline_lemmas")),
        causing_verbs=words("causing_verbs"),
        adjectival_forms=frozenset(words("adjectival_forms")),
        hearsay_forms=frozenset(words("hearsay_forms")),
        progressive_verbs=words("progressive_verbs"),
        participle_lemmas=words("participle_lemmas"),
        speaker_nouns=frozenset(words("speaker_nouns")),
        person_nouns=frozenset(words("person_nouns")),
        addressee_lemmas=frozenset(words("addressee_lemmas")),
        not_claims=words("not_claims"),
        author_markers=markers,
        author_frames=read_frames(data.get("author_frames")),
        passive_speech=words("passive_speech"),
        giving_verbs=words("giving_verbs"),
        given_nouns=words("given_nouns"),
        headline_judgements=words("headline_judgements"),
        demanded_acts=words("demanded_acts"),
        concern_states=words("concern_states"),
        received_nouns=words("received_nouns"),
        finding_verbs=words("finding_verbs"),
        assessed_measures=words("assessed_measures"),
        intention_lemmas=words("intention_lemmas"),
        hearsay_adverbs=words("hearsay_adverbs"),
        decree_lemmas=words("decree_lemmas"),
        decree_modals=words("decree_modals"),
        pledged_gifts=words("pledged_gifts"),
        antecedent_roles=frozenset(words("antecedent_roles")),
        report_nouns=words("report_nouns"),
        statement_nouns=words("statement_nouns"),
        body_nouns=frozenset(words("body_nouns")),
        post_modifiers=frozenset(words("post_modifiers")),
        continued_speech_verbs=words("continued_speech_verbs"),
        institution_heads=frozenset(words("institution_heads")),
    )
