"""Whether a reporting verb reports here: 'Pakistan's demands on …' is a noun, 'the Taliban's alleged
support' an adjective, 'the defections said to have left …' hearsay, 'announced investments' an act,
'what it called an attempted assassination' a naming, 'pledged allegiance' says nothing. The words are
data (claim_words.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speech_words import speaker_nouns
from torkham.ingest.extract.words import default_words

# "was said to have led" (no speaker), "an estimated 6,000" (an adjective), "No group claimed" (no claim)
_NOT_SPEECH = re.compile(r"\b(?:(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?|(?:a|an|the)\s+|[Nn]o\s+\w+\s+)$")
# "its warning", "with calls for caution", "Pakistan's demands": a noun
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:its|their|his|her|our|my|your|with|of|for|on|in|by|these|those|such|new|further|fresh|[a-z]+ing)|['’]s)\s+$",
    re.I,
)
_SHARE_BEFORE = re.compile(r"(?:\d%|\d\s+(?:per\s?cent|percent))\s+$", re.I)  # "91% cited", "40 percent said"
_AS_BEFORE = re.compile(r"\bas\s+(?:(?:already|also|previously|earlier)\s+)?$", re.I)
_POSSESSIVE = re.compile(r"['’]s\s+$")
_ADJECTIVE_AFTER = re.compile(
    r"\s+(?!(?:to|that|it|he|she|they|we|this|these|there)\b)[a-z][\w-]*\s+(?:is|are|was|were|remains?|has|have|include[sd]?)\b"
)
_PLAIN_SPEAKER = re.compile(r"\b(?:we|they|i|you|[a-z]+s)\s+(?:(?:often|also|still|now|[a-z]+ly)\s+)?$", re.I)
# What a plain form's subject looks like just before it: a name, a plural, a pronoun, an auxiliary
# ("UNHCR and IOM estimate", "officials say", "the Taliban consistently deny", "did not deny").
_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:we|they|i|you|do|does|did|not|will|would|can|could|may|might|should|must)|[A-Z][\w.'’-]*|[a-z]+s)"
    r"(?:\s+(?:often|also|still|now|[a-z]+ly))?(?:,\s*(?:however|though|too|also|in turn|meanwhile)\s*,)?\s+$"
)
# "Central Asian states have", "claims of", "Territorial disputes and conflicting claims prevented"
_NOUN_AFTER = re.compile(r"\s*(?:,|\s(?:of|have|has|had|are|were|is|and)\b)")
_SUBJECT_NOUN = re.compile(r"\b[a-z]+\s+$")
_THAT_NEAR = re.compile(r"[^.;:\"“”]{0,40}?\bthat\b")
# a clause without "that": a pronoun, or the existential "there", before a finite verb ("noted there were")
_CLAUSE_START = re.compile(
    r"\s*,?\s*(?:that\b|:|[\"“])|\s+(?:it|they|he|she|we|i|there)\s+"
    r"(?:would|will|had|has|have|was|were|is|are|could|should|did|must|may|might)\b"
)
# "…, local officials and residents reported.": a clause verb that ends its sentence reports what comes before
_SENTENCE_END = re.compile(r"\s*(?:on\s+\w+day\s*|in\s+a\s+statement\s*)?[.!?]?\s*$")
_RELATIVE = re.compile(
    r"\b(?:which|that|what|whom)\s+(?:[\w'’-]+\s+){1,3}$", re.I
)  # "…, which the ministry announced."
_AUXILIARY_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?$")


def form_of(word: str) -> tuple[str, str]:
    """(lemma, kind) of a finite verb form; a speech verb of wordlists.yaml not made from a lemma is its
    own lemma, its kind read from its ending."""
    known = claim_words().forms.get(word.lower())
    if known is not None:
        return known
    return word.lower(), "ed" if word.endswith("ed") else ("s" if word.endswith("s") else "base")


def reports(text: str, start: int, end: int, sentence_start: int, sentence_end: int) -> bool:
    """Whether the verb at text[start:end] (a finite form) reports what someone says or thinks."""
    words = claim_words()
    word = text[start:end].lower()
    lemma, kind = form_of(word)
    before, after = text[sentence_start:start], text[end:sentence_end]
    if _NOT_SPEECH.search(before) or words.not_claim_pattern.match(text, start, sentence_end):
        return False
    if lemma != "say" and _AS_BEFORE.search(before):
        return False  # "Militancy, as highlighted previously in the chapter, has …": the text's own aside
    if _SHARE_BEFORE.search(before):
        return False  # "91% cited “returning to own country”": a survey's share, no speaker the text names
    if lemma in words.directive_lemmas and not demands(lemma, after):
        return False  # "demanded a renegotiation", "called the envoy to the ministry": a thing or an act
    if _not_a_verb(word, lemma, kind, before, after):
        return False
    if kind == "base" and not _SUBJECT_BEFORE.search(before):
        return False  # "Instead of top-down approaches, emphasize …", "the independent think tank"
    if _passive(lemma, kind, before, after):
        return False  # "the attack claimed by the group", "Zarb-e-Azb, described as a …": a passive participle
    if words.pledge_pattern.match(after):
        return False  # "announced that the U.S. government plans to contribute $8.9 million": a pledge, an event
    if lemma not in words.clause_verbs:
        return True
    return clause_follows(lemma, after) or (_SENTENCE_END.match(after) is not None and not _RELATIVE.search(before))


# "Zarb-e-Azb, described as a …", "…, widely labelled as …": a participle right after a comma, then "as" (not
# "what the group described as a targeted attack", which has its subject)
_COMMA_BEFORE = re.compile(r",\s*(?:[a-z]+ly\s+)?$")


def _passive(lemma: str, kind: str, before: str, after: str) -> bool:
    """'the attack claimed by the group' (an agent after it), 'Zarb-e-Azb, described as a …' (a comma before, 'as'
    after): a passive participle, no one speaking."""
    if re.match(r"\s+by\b", after) and lemma != "say":
        return True
    return kind == "ed" and re.match(r"\s+as\b", after) is not None and _COMMA_BEFORE.search(before) is not None


# "urged Taliban authorities to boost security": what is asked is a clause (not "to the ministry")
_INFINITIVE = re.compile(
    r"[^.;:]{0,80}?\bto\s+(?!(?:the|a|an|its|their|his|her|this|that|these|those|our|my|all|each)\b)[a-z]+\b"
)


def demands(lemma: str, after: str) -> bool:
    """Whether a directive verb asks for something asserted (settled conventions: "X urged Y to …" is X's
    claim): 'that …' or an object and an infinitive follow; a lemma with followers (claim_words.yaml:
    directive_followers, "called on") needs one of them first."""
    followers = claim_words().directive_followers.get(lemma, ())
    if followers and not re.match(rf"\s+(?:{'|'.join(map(re.escape, followers))})\b", after):
        return False
    return bool(_THAT_NEAR.match(after) or _INFINITIVE.match(after) or _subjunctive().match(after))


@lru_cache(maxsize=1)
def _subjunctive() -> re.Pattern[str]:
    """'demanded the Taliban government in Kabul immediately investigate …': an object, then an act asked for in
    its plain form (claim_words.yaml: demanded_acts); not a thing asked for ('demanded a halt to …')."""
    acts = "|".join(sorted(claim_words().demanded_acts, key=len, reverse=True))
    return re.compile(rf"\s+(?!an?\s)(?:the\s+)?[A-Za-z][^.;:,]{{0,60}}?\s+(?:[a-z]+ly\s+)?(?:{acts})\b")


def _not_a_verb(word: str, lemma: str, kind: str, before: str, after: str) -> bool:
    """A noun ('its warning', 'a UN report warned'), an adjective ('the Taliban's alleged support'), an
    infinitive ('prompting IOM to warn') or hearsay ('the defections said to have left …')."""
    words = claim_words()
    if kind in ("base", "s") and _NOUN_BEFORE.search(before):
        return True
    if kind == "base" and (re.search(r"\bto\s+$", before) or _noun_form(lemma, before, after)):
        return True
    if kind == "s" and lemma in words.also_nouns and _also_noun(before, after):
        return True  # "Central Asian states have …", "infrastructure projects to boost trade"
    if word in words.adjectival_forms and (
        _POSSESSIVE.search(before) or _ADJECTIVE_AFTER.match(after) or _counted_before(before)
    ):
        return True  # "Tehrik-i-Taliban stated objectives are …", "Six alleged terrorists"
    return bool(word in words.hearsay_forms and re.match(r"\s+to\s+\w", after) and not _AUXILIARY_BEFORE.search(before))


def _counted_before(before: str) -> bool:
    """'Six alleged terrorists', '12 reported deaths': an amount before the form makes it an adjective."""
    last = re.search(r"([\w,]+)\s+$", before)
    return last is not None and (last.group(1)[0].isdigit() or last.group(1).lower() in default_words().number_words)


def _noun_form(lemma: str, before: str, after: str) -> bool:
    """'a UN report warned': the plain form of a lemma that is also a noun reports only before 'that' or
    after a pronoun or a plural."""
    return lemma in claim_words().also_nouns and not (_THAT_NEAR.match(after) or _PLAIN_SPEAKER.search(before))


def _also_noun(before: str, after: str) -> bool:
    """An -s form that is a plural noun: followed by 'of', 'have', a comma; or after a lowercase word that
    cannot speak ('infrastructure projects')."""
    if _NOUN_AFTER.match(after):
        return True
    word = _SUBJECT_NOUN.search(before)
    return word is not None and word.group().strip() not in {*speaker_nouns(), "which", "that", "who", "it"}


def clause_follows(lemma: str, after: str) -> bool:
    """'announced that …', 'wrote: …', 'identified Pakistan as …' — not 'announced an end'."""
    if _CLAUSE_START.match(after) or _THAT_NEAR.match(after):
        return True
    words = claim_words()
    objects = words.clause_objects.get(lemma, ())
    if objects and re.match(rf"\s+(?:{'|'.join(re.escape(o) for o in objects)})\b", after):
        return True  # "admitted responsibility for …", "has admitted to providing …"
    followers = words.clause_followers.get(lemma, ())
    if not followers:
        return False
    alternatives = "|".join(re.escape(f) for f in followers)
    return re.match(rf"[^.;:]{{0,60}}?\b(?:{alternatives})\b", after) is not None
