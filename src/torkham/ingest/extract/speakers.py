"""Who says it: the speaker of a quotation or of a speech verb, as the text names them — a name
("Zabihullah Mujahid", "One Member State", "the UN refugee agency"), a body named by a common noun
("the Khyber district administration", "hospital officials", "the army": generic, the reviewer names it)
or a pronoun. Speech verbs and speaking nouns are data (wordlists.yaml: speech_verbs, speaker_nouns)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from torkham.ingest.extract.words import default_words

NAME_REACH = 60  # characters between a speaker and the verb, at most
_LINKS = r"of\s+the\s+|of\s+|bin\s+|ul\s+|for\s+|in\s+the\s+"
_NAME = re.compile(rf"(?:[A-Z][\w'’-]*|al-[A-Z][\w'’-]*)(?:\s+(?:{_LINKS})?[A-Z][\w'’-]*){{0,5}}")
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
RELATIVES = {"that", "which", "who"}  # "a … organization that has claimed": the speaker is what it refers to


@dataclass
class Speaker:
    text: str
    start: int
    end: int
    generic: bool = False  # a pronoun or a common noun ("officials", "the army"): the reviewer names it


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    return frozenset(default_words().speaker_nouns)


def clean_name(name: str) -> str:
    words = default_words()
    tokens = re.sub(r"['’]s$", "", name.strip(" ,.")).split()
    while tokens:
        first = tokens[0].lower()
        if first in ("of", "for") and len(tokens) > 2:  # "Secretary of State Hillary Clinton": the office
            tokens = tokens[2:]
        elif first.strip(".") in words.person_titles or first in words.non_name_words:
            tokens = tokens[1:]
        else:
            break
    while tokens and tokens[-1].lower() in ("in", "for", "of", "the"):
        tokens = tokens[:-1]
    return " ".join(tokens)


def last_name_in(text: str, offset: int) -> Speaker | None:
    """The last capitalised name of `text` (which starts at `offset` in the document)."""
    found = None
    for m in _NAME.finditer(text):
        name = clean_name(m.group())
        if name and name.lower() not in default_words().non_name_words:
            at = offset + m.start() + m.group().find(name.split()[0])
            found = Speaker(name, at, at + len(name))
    return found


def first_name_in(text: str, offset: int) -> Speaker | None:
    """The first capitalised name of `text` (after titles: 'German Foreign Minister Heiko Maas')."""
    for m in _NAME.finditer(text):
        name = clean_name(m.group())
        if name and name.lower() not in default_words().non_name_words:
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
    named = any(w[:1].isupper() for w in words[:-1])
    return Speaker(phrase, at, m.end("phrase"), generic=not named)


_FUNCTION_WORDS = {"which", "who", "whom", "whose", "what", "that", "as", "while", "when", "where", "if", "than"}
_LEADING = frozenset({*default_words().non_name_words, *_FUNCTION_WORDS})


def _is_verb_like(word: str) -> bool:
    return word[:1].islower() and (word.endswith("ed") or word in ("said", "told", "says", "and", "or", "but"))


def speaker_after(text: str, end: int) -> Speaker | None:
    """'…", said spokesperson Sohail Shaheen' / '…," Lieven said' / a name line under a quotation."""
    words = default_words()
    verbs = "|".join(words.speech_verbs)
    window = text[end : end + 160]
    m = re.match(rf"[\s,.*]*(?:\([^)]*\)\s*)?,?\s*(?P<verb>{verbs})\s+(?P<who>[^,.;\n]{{2,70}})", window)
    if m:
        who = last_name_in(m.group("who"), end + m.start("who"))
        if who:
            return who
    m = re.match(rf"[\s,.*]*(?P<who>(?i:he|she|they|we|i))\s+(?:{verbs})\b", window)
    if m:  # '"…," she said.'
        return Speaker(m.group("who"), end + m.start("who"), end + m.end("who"), generic=True)
    m = re.match(rf"[\s,.*]*(?P<who>[A-Z][^,.;\n\"]{{1,60}}?)\s+(?:{verbs})\b", window)
    if m:
        return last_name_in(m.group("who"), end + m.start("who"))
    m = re.match(r"[\s\"”*]*(?:With|In) (?:these|those|his|her) words,?\s+(?P<who>[^,.;\n]{2,80})", window)
    if m:  # '"…"\n\nWith these words German Foreign Minister Heiko Maas summed up …'
        return first_name_in(m.group("who"), end + m.start("who"))
    m = re.match(r"\s*\n\s*(?P<who>[A-Z][^\n]{2,60})\n", window)  # "Iftikhar Firdous, Khorasan Diary"
    if m and len(m.group("who").split()) <= 8 and not re.search(r"[.!?]$", m.group("who")):
        return last_name_in(m.group("who").split(",")[0], end + m.start("who"))
    return None


def speaker_before(text: str, start: int, sentence_start: int) -> Speaker | None:
    """'Leiven told me in a virtual interview, "…"' / 'Mujahid said: "…"'."""
    words = default_words()
    before = text[sentence_start:start]
    m = re.search(
        rf"(?P<who>[^.;\"]{{0,120}}?)\b(?:{'|'.join(words.speech_verbs)})\b[^\"]{{0,60}}[,:]?\s*[\"“*]*$", before
    )
    if m:
        pronoun = re.search(r"\b(?P<p>[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\s+$", m.group("who"))
        if pronoun:  # '…, deploring what she called "…"': she, not the name before her
            at = sentence_start + m.start("who") + pronoun.start("p")
            return Speaker(pronoun.group("p"), at, at + len(pronoun.group("p")), generic=True)
        return last_name_in(m.group("who"), sentence_start + m.start("who"))
    m = re.search(r"\bby\s+(?P<who>[^,;\"]{3,80})(?:,[^\"]{0,120})?[\"“*]*$", before)  # "as spelled out by Dr. X, …"
    return first_name_in(m.group("who"), sentence_start + m.start("who")) if m else None


_ASIDE = re.compile(r",\s*(?:however|though|too|also|in turn|meanwhile)\s*,?", re.I)
_APPOSITION = re.compile(r",\s+(?:a|an|the|its|his|her)\s+[^,;:()]{1,60},\s*$")  # "…, a little-known front, claimed"
_MODIFIER = re.compile(r"\s+(?:in|of|from|at|for)\s+$")  # "The Taliban administration in Kabul accused"
_AUXILIARIES = re.compile(r"(?:\s+(?:have|has|had|will|would|also|again|reportedly|repeatedly|recently|publicly))+\s*$")


def speaker_of_verb(text: str, verb_start: int, sentence_start: int) -> Speaker | None:
    """The subject of a speech verb: the last name or speaking noun shortly before it in the same
    sentence ("Critics, however, believe …"; "Afghanistan's defense ministry stated …" keeps the whole
    phrase; "X, a little-known front, claimed …" looks past the apposition)."""
    window_start = max(sentence_start, verb_start - 120)
    before = _ASIDE.sub(lambda m: " " * len(m.group()), text[window_start:verb_start])
    apposition = _APPOSITION.search(before)
    if apposition:
        before = before[: apposition.start()] + " " * (len(before) - apposition.start())
    clause = re.split(r"[;:]|,\s+(?:and|but|while)\s+|\(|,\s", before.rstrip())[-1]
    clause_start = window_start + len(before.rstrip()) - len(clause)
    clause = _AUXILIARIES.sub("", clause)  # "Top U.S. officials have praised": the subject before "have"
    words = re.findall(r"[\w'’]+", clause)
    last = words[-1] if words else ""
    if last.lower() in RELATIVES:  # "ETIM that claims" names its speaker; "an organization that claimed" does not
        at = clause_start + clause.rfind(last)
        named = last_name_in(text[clause_start:at], clause_start)
        if named is not None and re.fullmatch(r"\s*(?:\([^)]{1,12}\)|\))?,?\s*", text[named.end : at]):
            return named
        return Speaker(last, at, at + len(last), generic=True)
    if last.lower() in PRONOUNS:
        at = clause_start + clause.rfind(last)
        return Speaker(last, at, at + len(last), generic=True)
    body = body_before(text, clause_start, clause_start + len(clause.rstrip()))
    if body is not None:
        return body
    who = last_name_in(clause, clause_start)
    modifier = _MODIFIER.search(text, clause_start, who.start) if who is not None else None
    titled = modifier is not None and _after_title(text[clause_start : modifier.start()])
    if who is not None and modifier is not None and not titled:  # "The Taliban administration in Kabul": the head
        head = body_before(text, clause_start, modifier.start()) or last_name_in(
            text[clause_start : modifier.start()], clause_start
        )
        who = head or who
    if who is None and words and not any(w[:1].isupper() for w in words):
        who = last_name_in(text[window_start:clause_start], window_start)  # "X, the minister, visited … and told"
    if who is None or verb_start - who.end > NAME_REACH:
        return None
    owned = re.match(r"['’]s((?:\s+[a-z][\w-]*){1,3})\s*$", text[who.end : verb_start])
    if owned:  # "Afghanistan's defense ministry"
        return Speaker(text[who.start : who.end + owned.end(1)], who.start, who.end + owned.end(1))
    return who


def _after_title(text: str) -> bool:
    """'U.S. Secretary' of State X, 'Minister' for Foreign Affairs X: an office, not a body and its place."""
    last = re.findall(r"[\w'’]+", text)[-1:]
    return bool(last) and last[0].lower() in default_words().person_titles


def inverted_speaker(text: str, verb_end: int, sentence_end: int) -> Speaker | None:
    """'…, as once said the former Afghan president Hamid Karzai' / '…, says Iftikhar Firdous of …'."""
    m = re.match(r"\s+(?P<who>(?:the\s+)?(?:[\w'’-]+\s+){0,4}?[A-Z][^,.;\n]{1,60})", text[verb_end:sentence_end])
    return first_name_in(m.group("who"), verb_end + m.start("who")) if m else None


_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?:(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:from|by|of)\s+)?")
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+\s+)?by\s+")


def attributed_to(text: str, start: int, end: int) -> list[tuple[Speaker, int, int]]:
    """'…, according to a statement from the Pakistani military' / '… was reported by one Member State
    to …': (the speaker, and the span of the attribution) for each in text[start:end]."""
    found = []
    for m in _ACCORDING.finditer(text, start, end):
        found.append((m, _named_after(text, m.end(), end)))
    for m in _PASSIVE_BY.finditer(text, start, end):
        verb = m.group().split()[-2]
        if verb.lower() in default_words().speech_verbs:
            found.append((m, _named_after(text, m.end(), end)))
    return [(who, m.start(), who.end) for m, who in found if who is not None]


def _named_after(text: str, position: int, end: int) -> Speaker | None:
    """The name or speaking noun phrase at `position`: 'one Member State', 'the UN refugee agency'."""
    m = re.match(r"(?:(?:one|a|an|the|another)\s+)?(?P<who>[^,.;:()\n]{1,80})", text[position:end])
    if m is None:
        return None
    phrase_start = position + m.start("who")
    for i, word in enumerate(re.finditer(r"[A-Za-z]+", m.group("who"))):
        if i >= 4:
            break
        if word.group().lower() in speaker_nouns():
            return body_before(text, phrase_start, phrase_start + word.end())
    return first_name_in(m.group("who"), phrase_start)
