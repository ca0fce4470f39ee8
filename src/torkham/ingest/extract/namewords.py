"""Words that make a capitalised run a name, and what kind: head words ("Front", "Ministry"), person
titles ("General", "spokesperson"), link words ("of", "e", "ul"), countries — and the evidence that a
name without a title is a person's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import overload

from torkham.ingest.extract.actor_words import actor_words
from torkham.ingest.extract.office_appositions import set_off_office
from torkham.ingest.extract.role_appositions import office_follows, office_role_before, set_off_role_before
from torkham.ingest.extract.words import default_words
from torkham.kb.names import normalize

NAME_LINKS = r"(?:of|for|and|the|de|al|ul|bin|e|i|on|at|für|die|der)"
LINK = re.compile(NAME_LINKS)
STOP_IN = re.compile(r"(?:\b(\w+))?[.!?:\n]")  # a sentence stop and the word before it ("Dr." is none)
DASHES = "–‐‑-"  # hyphen, en dash, Unicode hyphen, non-breaking hyphen: all join the parts of one name
# A capitalised word (a full stop only inside: "U.S-led", never ending a sentence; or after an initial:
# "Jane Q. Public"), or one with an Arabic article or link before it ("al-Baghdadi", "ul-Haq").
CAP = rf"(?:(?:al|el|ad|as|ash|ar|ul|ud|ur)[{DASHES}])?[A-Z](?:(?:[\w'’{DASHES}]|\.(?=\w))+|\.(?= [A-Z][a-z]))?"
SEQUENCE = re.compile(rf"(?<![\w{DASHES}]){CAP}(?:(?: +{NAME_LINKS})* +{CAP})*")
HANDLE_AFTER = re.compile(r"\W{0,6}@(\w+)")
LED_BY = re.compile(
    r"\b(?:(?:led|leading|founded|established|headed|created|commanded|written|authored|co-authored|edited|"
    r"compiled|chaired|co-chaired|moderated|signed|drafted|presented|delivered|narrated|photographed)\s+by|"
    r"(?:leadership|command) of)\s+$",
    re.I,
)


def _linked(words: str) -> str:
    """The connectors of a transliteration written one way: 'tehreek i insaf' is 'tehreek e insaf'."""
    return re.sub(r"(?<=\S) [iy] (?=\S)", " e ", words)


@lru_cache(maxsize=1)
def lookups() -> tuple[dict[str, str], set[str], set[str], re.Pattern]:
    words = default_words()
    heads = {_linked(w): kind for kind, ws in words.actor_kind_words.items() for w in ws}
    countries = re.compile(
        r"\b(?:" + "|".join(re.escape(c) for c in sorted(words.countries, key=len, reverse=True)) + r")\b"
    )
    titles = {*words.person_titles, *actor_words().role_titles}
    return heads, titles, set(words.non_name_words), countries


@overload
def kind_of(name: str, default: str) -> str: ...
@overload
def kind_of(name: str, default: None = None) -> str | None: ...
def kind_of(name: str, default: str | None = None) -> str | None:
    """The actor kind the words of a name suggest: the first word that is a head word decides."""
    return _kind_of(name) or default


@lru_cache(maxsize=8192)
def _kind_of(name: str) -> str | None:
    """The first head word decides, but a body after a group's own name is the body's ('Taliban Foreign
    Ministry' is a government body, 'Taliban Movement' the group)."""
    heads = lookups()[0]
    found = _heads_in(_linked(normalize(name)).split(), heads)
    if not found:
        return None
    first_word, first_kind = found[0]
    later = [kind for _word, kind in found[1:] if kind == "government_body"]
    return later[0] if later and first_word in actor_words().proper_heads else first_kind


def _heads_in(parts: list[str], heads: dict[str, str]) -> list[tuple[str, str]]:
    """(head words, kind) in the name's order, the longest head at each word first."""
    out, i = [], 0
    while i < len(parts):
        size = next((n for n in (3, 2, 1) if len(parts) - i >= n and " ".join(parts[i : i + n]) in heads), 0)
        if size:  # "people s liberation army" before "liberation army" before "army"
            words = " ".join(parts[i : i + size])
            out.append((words, heads[words]))
        i += size or 1
    return out


def is_generic(name: str) -> bool:
    """A capitalised phrase that names no one in particular (generic_names of wordlists.yaml), in the
    singular or the plural: 'Foreign Terrorist Organizations', 'Member States'."""
    generic = _generic_names()
    words = normalize(name).split()
    if not words:
        return False
    last = words[-1]
    singular = {last, last.removesuffix("s"), last.removesuffix("es"), last.removesuffix("ies") + "y"}
    return any(" ".join([*words[:-1], form]) in generic for form in singular)


@lru_cache(maxsize=1)
def _generic_names() -> frozenset[str]:
    return frozenset(default_words().generic_names)


def thing_after(text: str, end: int) -> bool:
    """A lowercase noun of thing_nouns_after (actor_words.yaml) right after text[:end]: 'the Jaffar Express
    train', 'the Saddar police station' name a thing, not an actor."""
    after = re.match(r"\s+(\w+)", text[end : end + 30])
    return after is not None and after.group(1) in actor_words().thing_nouns_after


def is_title(word: str) -> bool:
    _heads, titles, _skip, _countries = lookups()
    word = word.lower().strip(".,")
    return word in titles or word.rstrip("s") in titles


def person_name(words: list[str]) -> list[str]:
    """The words of a person's name: up to the first link word, after the last acronym or country."""
    _heads, _titles, _skip, countries = lookups()
    out: list[str] = []
    for word in words:
        if LINK.fullmatch(word):
            break
        out.append(word)
    for i in range(len(out) - 1, -1, -1):
        initial = re.fullmatch(r"[A-Z]\.", out[i])  # "Jane Q. Public"
        if (out[i].isupper() and len(out[i]) > 1 and not initial) or countries.fullmatch(out[i]):
            out = out[i + 1 :]
            break
    return [] if any(is_title(w) for w in out) else out


_APPOSITION = r"(?:,|\s[—–-])"  # a comma or a dash between a name and its role ("– the group's chief –")
_ROLE_AFTER = re.compile(rf"{_APPOSITION}\s+([^,.;:()\n—–]{{2,60}})")
_IS_ROLE = re.compile(r"\s+(?:is|was|has been|had been|became|remains|served as)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)\b")
_POSTED = re.compile(r"(\w+)\s+(?:to|in|for|of)\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+$")
_ABBREVIATED_ROLE = re.compile(r"((?:[A-Z][\w.-]*\s+(?:of\s+|for\s+)?){1,5})\([A-Z][A-Za-z]{1,7}\)\s+$")
_LOWER_ROLE = re.compile(r"\b([a-z][a-z-]+) $")  # "the Greek historian Herodotus": a role written in lowercase
_CLAUSE_WORDS = {"who", "which", "where", "that", "when"}  # "X was a town where the commander lived": no role
_CONTRIBUTED = re.compile(  # "Riaz Khan in Peshawar contributed to this report"
    r"(?:\s+(?:in|from)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?\s+(?:contributed|also contributed)\s+"
    r"(?:to\s+this\s+report|reporting)\b"
)


def person_evidence(text: str, start: int, end: int, words: list[str]) -> str | None:
    """Why a capitalised name (without a title inside it) is a person, or None."""
    reach = max(0, start - 80)
    stops = [m.end() for m in STOP_IN.finditer(text, reach, start) if not is_title(m.group(1) or "")]
    before = text[max([reach, *stops]) : start]
    after = text[end : end + 60]
    if len(words) >= 2:
        found = _role_or_title(before, after) or _occupation(before) or _led_or_said(before) or _contributed(after)
        found = found or set_off_office(before, after)
        if found:
            return found
    else:
        role = _LOWER_ROLE.search(before)
        if role and is_title(role.group(1)):
            return f"a role before it: '{role.group(1)}'"
        set_off = set_off_role_before(before, after, lambda w: is_title(w) or w in actor_words().occupation_nouns)
        if set_off:
            return set_off
    return (
        _speech_after(before, after, words)
        or _handle(after, words)
        or _aged(after)
        or _occupied(after, words)
        or _possessed(after, words, before)
    )


_AGE_AFTER = re.compile(r",\s+(?:an?\s+)?\d{1,3}-year-old\b|,\s+(?:aged\s+)?\d{1,2},\s")  # "Aliya, a 32-year-old"


_POSSESSED = re.compile(r"['’]s\s+([a-z-]+)(?:\s+([a-z-]+))?")  # "Imran Khan's party", "… 's late father"


_OWNER_OF = re.compile(r"\b([a-z-]+)\s+of\s+$")  # "the family of Arshad Sharif"


def _possessed(after: str, words: list[str], before: str = "") -> str | None:
    """'Faisal Shahzad’s trial', 'Imran Khan's elder brother', 'the family of Arshad Sharif': a name of two
    words or more that owns what only a person has (person_possessions of actor_words.yaml)."""
    if len(words) < 2:
        return None
    owner = _OWNER_OF.search(before)
    if owner and owner.group(1) in actor_words().person_possessions:
        return f"what a person has: '{owner.group()}{' '.join(words)}'"
    owned = _POSSESSED.match(after)
    for n in (1, 2):  # the noun, or the noun after one adjective
        if owned and owned.group(n) in actor_words().person_possessions:
            return f"what a person has: '{' '.join(words)}{after[: owned.end(n)]}'"
    return None


_OCCUPATION_AFTER = re.compile(r",\s+(?:an?|another)\s+((?:[a-z-]+\s+){0,2}[a-z]+)\b")


def _occupied(after: str, words: list[str]) -> str | None:
    """'Akhtar Mohammad, a senior doctor at the hospital': a name of two words or more set off before an
    ordinary person's occupation (occupation_nouns of actor_words.yaml)."""
    job = _OCCUPATION_AFTER.match(after)
    if len(words) >= 2 and job and actor_words().occupation_nouns & set(job.group(1).split()):
        return f"an occupation after it: '{job.group().strip(', ')}'"
    return None


def _aged(after: str) -> str | None:
    """'Aliya, a 32-year-old mother of two', 'Gul Khan, 45, said': an age set off after a name is a person's."""
    age = _AGE_AFTER.match(after)
    return f"an age after it: '{age.group().strip(', ')}'" if age else None


_OCCUPATION_BEFORE = re.compile(rf"\b([A-Za-z]+){_APPOSITION}?\s*$")


def _occupation(before: str) -> str | None:
    """'a teacher, Sana Gul', 'another resident – Gul Zaman', 'shopkeeper Wali Jan': an ordinary person's
    occupation or place in a story, in the singular (occupation_nouns of actor_words.yaml), before a name."""
    found = _OCCUPATION_BEFORE.search(before)
    if found and found.group(1).lower() in actor_words().occupation_nouns:
        return f"an occupation before it: '{found.group().strip()}'"
    return None


def _role_or_title(before: str, after: str) -> str | None:
    near = re.findall(r"[\w.]+", before)[-2:]
    if re.search(rf"{_APPOSITION}\s*$", before) and any(is_title(w) for w in re.findall(r"\w+", before)[-6:]):
        return f"a role before it: '{before.strip()[-40:]}'"
    office = office_role_before(before, is_title)
    if office:
        return office
    if near and any(is_title(w) for w in near) and not office_follows(near):
        return f"a title before it: '{' '.join(near)}'"
    bracketed = _ABBREVIATED_ROLE.search(before)  # "Inspector General of Police (IGP) Akhtar …"
    if bracketed and any(is_title(w) for w in bracketed.group(1).split()):
        return f"a title before it: '{bracketed.group().strip()}'"
    posted = _POSTED.search(before)
    if posted and is_title(posted.group(1)) and lookups()[3].fullmatch(posted.group(2)):
        return f"a title before it: '{posted.group().strip()}'"  # "Ambassador to Pakistan"
    appositive = _ROLE_AFTER.match(after)
    role = appositive.group(1).split()[:5] if appositive else []
    if any(is_title(w.removesuffix("'s").removesuffix("’s")) for w in role):
        return f"a role after it: '{' '.join(role)}'"
    said_to_be = _IS_ROLE.match(after)
    described = said_to_be.group(1).split() if said_to_be else []
    if said_to_be and any(is_title(w) for w in described) and not _CLAUSE_WORDS & set(described):
        return f"a role after it: '{said_to_be.group().strip()}'"
    return None


def _led_or_said(before: str) -> str | None:
    led = LED_BY.search(before)
    if led:
        return f"'{led.group().strip()}' before it"
    said = re.search(r"\b(says|said|according to)\s+$", before)
    return f"reported speech: '{said.group(1)}'" if said else None


def _contributed(after: str) -> str | None:
    byline = _CONTRIBUTED.match(after)
    return f"a byline: '{byline.group().strip()}'" if byline else None


def _speech_after(before: str, after: str, words: list[str]) -> str | None:
    verb = re.match(r"\s+(\w+)\b(?!\s+(?:by|of)\b)", after)  # not "Broad calls by …": a noun
    nouns = default_words()
    common = len(words) == 1 and words[0].lower() in {*nouns.speaker_nouns, *nouns.demonyms, *nouns.unit_of_noun}
    place = re.search(r"\b(?:in|of|from|at|near)\s+$", before)  # "The administration in Kabul accused"
    if verb and verb.group(1).lower() in default_words().speech_verbs and len(words) <= 3 and not common and not place:
        return f"reported speech: '{verb.group(1)}'"
    return None


def _handle(after: str, words: list[str]) -> str | None:
    handle = HANDLE_AFTER.match(after)
    if handle and handle.group(1).lower().startswith(normalize(" ".join(words)).replace(" ", "")[:5]):
        return f"handle @{handle.group(1)}"
    return None
