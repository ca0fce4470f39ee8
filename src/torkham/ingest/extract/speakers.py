"""Who says it: the speaker of a quotation or of a speech verb, as the text names them — a name
("Zabihullah Mujahid", "One Member State", "the UN refugee agency"), a body named by a common noun
("the Khyber district administration", "hospital officials", "the army": generic, the reviewer names it)
or a pronoun. Speech verbs and speaking nouns are data (wordlists.yaml: speech_verbs, speaker_nouns)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from torkham.ingest.extract.claim_words import claim_words
from torkham.ingest.extract.speech_words import speaker_nouns
from torkham.ingest.extract.words import default_words

NAME_REACH = 60  # characters between a speaker and the verb, at most
_LINKS = r"of\s+the\s+|of\s+|bin\s+|ul\s+|(?:ul|ud|ur|al)-|for\s+|in\s+the\s+"
_NAME = re.compile(rf"(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*)(?:\s+(?:{_LINKS})?[A-Z][\w'’-]*){{0,5}}")
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
RELATIVES = {"that", "which", "who"}  # "a … organization that has claimed": the speaker is what it refers to


@dataclass
class Speaker:
    text: str
    start: int
    end: int
    generic: bool = False  # a pronoun or a common noun ("officials", "the army"): the reviewer names it
    also: tuple[str, ...] = ()  # the speakers named with it: "UNHCR and IOM estimate …"


def _is_demonym(name: str) -> bool:
    """'Pakistani', 'Afghan': a people's adjective, not a speaker's name ('Afghans' may speak)."""
    return not name.endswith("s") and name.lower() in default_words().demonyms


def clean_name(name: str) -> str:
    words = default_words()
    tokens = re.sub(r"['’]s$", "", name.strip(" ,.")).split()
    while tokens:
        first = tokens[0].lower()
        if first in ("of", "for") and len(tokens) > 2:  # "Secretary of State Hillary Clinton": the office
            tokens = tokens[2:]
        elif first.strip(".") in words.person_titles or first in words.non_name_words or _role(first, tokens):
            tokens = tokens[1:]
        else:
            break
    while tokens and tokens[-1].lower() in ("in", "for", "of", "the"):
        tokens = tokens[:-1]
    return " ".join(tokens)


def _role(first: str, tokens: list[str]) -> bool:
    """A noun for one person before a name: 'Commissioner Javed Iqbal' (claim_words.yaml: person_nouns)."""
    return len(tokens) > 1 and first in claim_words().person_nouns


def last_name_in(text: str, offset: int) -> Speaker | None:
    """The last capitalised name of `text` (which starts at `offset` in the document)."""
    found = None
    for m in _NAME.finditer(text):
        name = clean_name(m.group())
        if name and name.lower() not in default_words().non_name_words and not _is_demonym(name):
            at = offset + m.start() + m.group().find(name.split()[0])
            found = Speaker(name, at, at + len(name))
    return found


def first_name_in(text: str, offset: int) -> Speaker | None:
    """The first capitalised name of `text` (after titles: 'German Foreign Minister Heiko Maas')."""
    for m in _NAME.finditer(text):
        name = clean_name(m.group())
        if name and name.lower() not in default_words().non_name_words and not _is_demonym(name):
            at = offset + m.start() + m.group().find(name.split()[0])
            return Speaker(name, at, at + len(name))
    return None


_BODY = re.compile(r"(?P<phrase>(?:(?:[A-Z][\w'’.-]*|[a-z][\w-]*)\s+){0,3}(?P<noun>[A-Za-z]+))\s*$")


def body_before(text: str, start: int, end: int) -> Speaker | None:
    """'the Khyber district administration', 'hospital officials', 'Police', 'the Pakistani military':
    a speaking noun at the end of text[start:end], with the words before it that belong to it."""
    m = _BODY.search(text, start, end)
    if m is None or m.group("noun").lower() not in speaker_nouns():
        return None
    words = m.group("phrase").split()
    while len(words) > 1 and (words[0].lower() in _LEADING or _is_verb_like(words[0])):
        words = words[1:]
    phrase = " ".join(words)
    at = m.end("phrase") - len(phrase)
    return Speaker(phrase, at, m.end("phrase"), generic=not _names_body(words))


def _names_body(words: list[str]) -> bool:
    """'the Khyber district administration', 'the Pakistani military' name one body; 'a Pakistani diplomat',
    'Pakistani officials' do not."""
    if any(w[:1].isupper() and not _is_demonym(w) for w in words[:-1]):
        return True
    head = words[-1].lower()
    person = head in claim_words().person_nouns or head in default_words().person_titles
    return any(_is_demonym(w) for w in words[:-1]) and not person and not head.endswith("s")


_FUNCTION_WORDS = {"which", "who", "whom", "whose", "what", "that", "as", "while", "when", "where", "if", "than"}
_LEADING = frozenset({*default_words().non_name_words, *_FUNCTION_WORDS})


def _is_verb_like(word: str) -> bool:
    return word[:1].islower() and (word.endswith("ed") or word in ("said", "told", "says", "and", "or", "but"))


_ASIDE = re.compile(r",\s*(?:however|though|too|also|in turn|meanwhile)\s*,?", re.I)
# "…, a little-known front, claimed", "The report, released on Monday, says", "The council of X province,
# which borders Y, says" (a relative clause between the subject and its verb)
# or a participle after an adverb ("The survey, recently completed in three districts, indicates")
_APPOSITION = re.compile(r",\s+(?:a|an|the|its|his|her|which|who|whose|(?:[a-z]+ly\s+)?[a-z]+ed)\s+[^,;:()]{1,60},\s*$")


# "The group, in a statement sent to journalists, claimed", "Officials, speaking on condition of anonymity, said"
_INTERJECTION = re.compile(
    r",\s+(?:in|on|via|through|during|at|after|before|with|from|speaking|writing|responding|reacting|talking)\s+"
    r"[^,;:()]{1,60},\s*$"
)


def apposed(before: str) -> re.Match[str] | None:
    """What stands between a subject and its verb, set off by commas: an apposition ('X, a little-known
    front, claimed'), a role ('X, governor of Kunar, said'), how it was said ('X, in a statement, said')."""
    return _APPOSITION.search(before) or role_apposition().search(before) or _INTERJECTION.search(before)


@lru_cache(maxsize=1)
def role_apposition() -> re.Pattern[str]:
    """A role without an article between a name and its verb: 'X, governor of Kunar province, said', 'X, deputy
    spokesman for the ministry, told' (wordlists.yaml: person_titles; claim_words.yaml: person_nouns)."""
    roles = {*default_words().person_titles, *claim_words().person_nouns}
    alternatives = "|".join(sorted((re.escape(r) for r in roles if " " not in r), key=len, reverse=True))
    return re.compile(
        rf",\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:{alternatives})\s+(?:of|for|at|in|to)\s+[^,;:()]{{1,60}},\s*$"
    )


# "The Taliban administration in Kabul accused", "The government of northwestern X province says"
# (not "reports of the Taliban stating": a name after the article alone is the subject)
_MODIFIER = re.compile(r"\s+(?:in|of|from|at|for)\s+(?:(?:the\s+)?(?!the\b)[a-z][a-z-]*\s+(?:[a-z][a-z-]*\s+)?)?$")
_AUXILIARIES = re.compile(
    r"(?:\s+(?:have|has|had|will|would|also|again|still|often|now|then|later|already|further|[a-z]+ly))+\s*$"
)
# "… in private discussions with the United States reiterated": a name after a preposition is not the subject
_PREPOSITION = re.compile(
    r"\b(?:with|to|from|against|on|at|by|about|between|among|towards?|into|over|under|after|before|without)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_PUBLISHED = re.compile(r"\b(?:issued|published|released|produced)\s+[^,;]{1,80},?\s*$")
# "Taliban rule indicates": a noun the name modifies (not "Khan today said", "Mujahid himself said")
_NOUN_AFTER_NAME = re.compile(
    r"\s+(?!(?:today|yesterday|tonight|earlier|himself|herself|itself|themselves|alone|once)\b)[a-z][a-z-]*[^s\W]\s*"
)
PP_REACH = 110  # the subject of a verb whose last name sits in a prepositional phrase may lie this far back


def speaker_of_verb(text: str, verb_start: int, sentence_start: int) -> Speaker | None:
    """The subject of a speech verb: the last name or speaking noun shortly before it in the same
    sentence ("Critics, however, believe …"; "Afghanistan's defense ministry stated …" keeps the whole
    phrase; "X, a little-known front, claimed …" looks past the apposition; "UNHCR and IOM estimate …"
    names both)."""
    window_start = max(sentence_start, verb_start - 120)
    before = _ASIDE.sub(lambda m: " " * len(m.group()), text[window_start:verb_start])
    apposition = apposed(before)
    aside = 0  # the apposition's length: the subject may stand that much further back
    if apposition:
        aside = len(before) - apposition.start()
        before = before[: apposition.start()] + " " * aside
    clause = re.split(r"[;:]|,\s+(?:and|but|while)\s+|\(|,\s", before.rstrip())[-1]
    clause_start = window_start + len(before.rstrip()) - len(clause)
    clause = _AUXILIARIES.sub("", clause)  # "Top U.S. officials have praised": the subject before "have"
    words = re.findall(r"[\w'’]+", clause)
    last = words[-1] if words else ""
    if last.lower() in RELATIVES:
        return _relative_speaker(text, clause_start + clause.rfind(last), last, window_start, sentence_start)
    if last.lower() in PRONOUNS:
        at = clause_start + clause.rfind(last)
        return Speaker(last, at, at + len(last), generic=True)
    body = body_before(text, clause_start, clause_start + len(clause.rstrip()))
    if body is not None:
        return body
    who, reach = _subject_name(text, clause_start, clause)
    if who is None and words and not any(w[:1].isupper() for w in words):
        who = last_name_in(text[window_start:clause_start], window_start)  # "X, the minister, visited … and told"
    if who is None or verb_start - who.end > reach + aside:
        return None
    tail = _AUXILIARIES.sub("", text[who.end : verb_start])
    owned = re.match(r"['’]s((?:\s+[a-z][\w-]*){1,3})\s*$", tail)
    if owned:  # "Afghanistan's defense ministry"
        return Speaker(text[who.start : who.end + owned.end(1)], who.start, who.end + owned.end(1))
    if _NOUN_AFTER_NAME.fullmatch(tail) or _opening_modifier(text, sentence_start, who, tail):
        return None  # "the situation under the erratic Taliban rule indicates": the name modifies a noun
    return _with_partners(text, clause_start, who)


def _opening_modifier(text: str, sentence_start: int, who: Speaker, tail: str) -> bool:
    """'Recent events show', 'Territorial disputes …': a one-word 'name' that opens the sentence before a plural
    noun is a capitalised adjective, not a speaker."""
    opens = not text[sentence_start : who.start].strip(" \"“'‘") and " " not in who.text
    return opens and re.fullmatch(r"\s+[a-z][a-z-]*s\s*", tail) is not None


def _subject_name(text: str, clause_start: int, clause: str) -> tuple[Speaker | None, int]:
    """The last name of the clause that heads it: 'The Taliban administration in Kabul' → the
    administration; a name after a preposition is passed over for one before it."""
    who = last_name_in(clause, clause_start)
    reach = NAME_REACH
    while who is not None and _PREPOSITION.search(text, clause_start, who.start):
        who, reach = last_name_in(text[clause_start : who.start], clause_start), PP_REACH
    if who is None:
        return None, reach
    modifier = _MODIFIER.search(text, clause_start, who.start)
    office = modifier is not None and modifier.group().split()[0] in ("of", "for")
    titled = office and modifier is not None and _after_title(text[clause_start : modifier.start()])
    if modifier is not None and not titled:  # "The Taliban administration in Kabul": the head
        head = body_before(text, clause_start, modifier.start()) or last_name_in(
            text[clause_start : modifier.start()], clause_start
        )
        if head is not None:  # the head's modifier lies between it and the verb
            who, reach = head, reach + who.end - head.end
    return who, reach


def _relative_speaker(text: str, at: int, word: str, window_start: int, sentence_start: int) -> Speaker:
    """'ETIM that claims' names its speaker; 'an organization that claimed' does not; 'OCHA issued Report 3,
    which states' is OCHA's."""
    named = last_name_in(text[window_start:at], window_start)
    if named is not None and re.fullmatch(r"\s*(?:\([^)]{1,12}\)|\))?,?\s*", text[named.end : at]):
        return named
    published = _PUBLISHED.search(text, window_start, at)
    if published is not None:
        publisher = speaker_of_verb(text, published.start(), sentence_start)
        if publisher is not None and not publisher.generic:
            return publisher
    return Speaker(word, at, at + len(word), generic=True)


def _with_partners(text: str, clause_start: int, who: Speaker) -> Speaker:
    """'UNHCR and IOM estimate': IOM, with UNHCR named beside it; 'UNHCR, the UN Refugee Agency, IOM and
    UNICEF are concerned': a list of bodies from the sentence's start speaks jointly (its appositions left out)."""
    m = re.search(r"(?:^|\s)(?P<x>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s+and\s+$", text[clause_start : who.start])
    if m is None or m.group("x").lower() in default_words().non_name_words:
        return who
    partners = _listed(text, clause_start + m.start("x"), m.group("x")) or (clean_name(m.group("x")),)
    return Speaker(who.text, who.start, who.end, who.generic, partners)


_LIST_ITEM = re.compile(r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w.'’-]*){0,5}")


def _listed(text: str, last_start: int, last: str) -> tuple[str, ...]:
    """The names of a list that opens its sentence (or follows a dateline's colon) and ends at `last_start`:
    each an acronym or a name of two words or more; an item with 'the' after a name is its apposition."""
    opening = max(text.rfind(c, max(0, last_start - 250), last_start) for c in '.:;!?\n“"')
    before, apposed_last = re.subn(r"\bthe\s+$", "", text[opening + 1 : last_start])
    items = [i.strip() for i in re.split(r",\s+|\s+and\s+", before) if i.strip()]
    items.append(f"the {last}" if apposed_last else last)
    names = [i for k, i in enumerate(items) if not (k and i.startswith("the "))]
    if len(names) < 2 or not all(_LIST_ITEM.fullmatch(i) and _body_name(i) for i in names):
        return ()
    return tuple(clean_name(n) for n in names)


def _body_name(item: str) -> bool:
    words = item.split()
    if any(w.lower() in default_words().non_name_words for w in words):
        return False
    return len(words) >= 2 or (item.isupper() and len(item) >= 2)


def _after_title(text: str) -> bool:
    """'U.S. Secretary' of State X, 'Minister' for Foreign Affairs X: an office, not a body and its place."""
    last = re.findall(r"[\w'’]+", text)[-1:]
    return bool(last) and last[0].lower() in default_words().person_titles


def inverted_speaker(text: str, verb_end: int, sentence_end: int) -> Speaker | None:
    """'…, as once said the former Afghan president Hamid Karzai' / '…, says Iftikhar Firdous of …'."""
    m = re.match(r"\s+(?P<who>(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[A-Z][^,.;\n]{1,60})", text[verb_end:sentence_end])
    return first_name_in(m.group("who"), verb_end + m.start("who")) if m else None
