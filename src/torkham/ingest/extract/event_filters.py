"""What keeps a dated event word from proposing an event, beyond events.py's statistics: a budget period
("In fiscal year 2014, the bureau provided $40 million"), the people aid goes to ("assistance to
displaced families"), a count given after its noun ("deaths of over 500 soldiers") and a count noun over
a span of years ("attacks fell between 2012 and 2016"), a recurring day ("every year on 16 December"),
a condition ("if the talks fail in March"), people described by what they do ("those
returning"), and a passive present under a statement's date line ("cards are issued to …": what is done
habitually, not that day)."""

from __future__ import annotations

import re
from functools import lru_cache

from torkham.ingest.extract.dates import DateMention
from torkham.ingest.extract.event_vocab import beneficiary_words, clause_openers, form_pattern, trend_verbs, type_of
from torkham.ingest.extract.figure_vocab import extra_units
from torkham.ingest.extract.words import default_words

# "FY 2005", "fiscal year 2014", "fiscal year (FY) 2013", "financial year 2019-20": a budget's year, the period
# of a total.
_BUDGET_YEAR = re.compile(r"\b(?:FY|(?i:fiscal|financial)\s+(?i:years?)(?:\s*\([A-Z]{1,4}\))?)\s*$")
_BORN = re.compile(r"\b(?i:born)\s+(?:(?:on|in)\s+)?(?:(?:the\s+)?(?:early|mid|late)\s+)?$")  # "born in 1978"
# "plans to hold talks", "would reopen", "is expected to sign": a plan or a prospect, not (yet) an event
_PLANNED = re.compile(
    r"\b(?:will|would|shall|could|might|(?-i:may)|(?:plans?|planned|planning|intends?|intended|expected|likely|set|aims?|"
    r"aimed|hopes?|hoped|going|poised|preparing|prepares?|seeks?|sought|wants?|wanted|(?:is|are|was|were)\s+due|"
    r"scheduled)\s+to)\s+(?:(?:not|also|soon|then|be|have|again|formally|jointly|finally|[a-z]+ly)\s+)?"
    r"(?:(?:hold|launch|sign|conduct|carry\s+out|begin|start|resume|open|stage|mount|undertake|host|make|announce|"
    r"impose|issue|pay)\s+(?:the\s+|an?\s+|its\s+|their\s+|new\s+|further\s+)*)?$",
    re.I,
)  # the event word itself after the modal ("would reopen"), or the object of a verb that performs it
_PLANNED_AFTER = re.compile(
    r"\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:scheduled|planned|set|due|expected|slated)\s+(?:for|on|to|in)\b",
    re.I,
)
# "every year on 16 December", "annually in December", "usually in January": a recurring day, no one event
_RECURRING = re.compile(
    r"\b(?:every|each)\s+(?:year|month|week|day|winter|summer|spring|autumn|fall|season|time)\b"
    r"|\b(?:annually|yearly|usually|typically|traditionally|customarily|routinely)\b",
    re.I,
)
RECURRING_REACH = 24  # characters either side of a date
_CONDITION = re.compile(r"\b(?:if|unless)\b[^,;:]*$", re.I)  # "If the talks fail in March, …"
# "deaths of over 500 personnel", "arrivals of some 3,000 people": the noun's count follows it.
_COUNT_AFTER = re.compile(
    r"\s+of\s+(?:(?:over|more\s+than|at\s+least|nearly|almost|about|around|some|up\s+to|roughly)\s+)?\d", re.I
)
_PEOPLE_BEFORE = re.compile(r"\b(?:those|people|persons|families|individuals|others)\s+$", re.I)
_WORDS_BETWEEN = r"(?:[\w’',.-]+\s+){0,4}"  # "assistance this year to Afghan refugees", "aid to 200,000 returnees"


@lru_cache(maxsize=1)
def _opening_clause() -> re.Pattern:
    forms = "|".join(form_pattern(w) for w in sorted(clause_openers(), key=len, reverse=True))
    return re.compile(rf"[\s\"“]*(?:{forms})\b[^,;:]*,", re.I)


def other_clause(text: str, sentence_start: int, word: re.Match, date: DateMention) -> bool:
    """'While some have returned home, … remained in Pakistan in October 2023': a word in a sentence's opening
    'While …,' ('Although …,') clause is not dated by a date after that clause."""
    clause = _opening_clause().match(text, sentence_start)
    return clause is not None and word.end() <= clause.end() <= date.start


def budget_period(text: str, date: DateMention) -> bool:
    """'between FY 2002 and FY 2005', 'In fiscal year 2014': the year of a budget dates a total, not an event."""
    return bool(_BUDGET_YEAR.search(text, max(0, date.start - 24), date.start))


@lru_cache(maxsize=1)
def _beneficiary_pattern() -> re.Pattern:
    forms = "|".join(form_pattern(w) for w in sorted(beneficiary_words(), key=len, reverse=True))
    return re.compile(rf"\b(?:{forms})(?:\s+(?:to|for))?\s+{_WORDS_BETWEEN}$", re.I)


def birth_date(text: str, date: DateMention) -> bool:
    """'Born in 1978, he joined …': a person's birth is background, not an event of the text."""
    return bool(_BORN.search(text, max(0, date.start - 24), date.start))


_POSSESSIVE = re.compile(r"['’]s\s+[a-z]")


def named_again(text: str, date: DateMention) -> bool:
    """'Sunday’s clashes erupted when …', 'Thursday’s attack comes as …': a weekday's happening named by its
    day in the possessive is one the report has told already; it dates no new event."""
    return date.relative is not None and date.relative[0] == "weekday" and bool(_POSSESSIVE.match(text, date.end))


def recurring(text: str, date: DateMention) -> bool:
    """'Every year on 16 December, Pakistan remembers …', 'commemorated annually in December': a date that
    recurs dates no one event."""
    before = text[max(0, date.start - RECURRING_REACH) : date.start]
    after = text[date.end : date.end + RECURRING_REACH]
    return bool(_RECURRING.search(before) or _RECURRING.search(after.split(".")[0]))


def _population_word(said: str) -> bool:
    """'refugees', 'returnees', 'displaced', 'returning': words that can name people rather than tell of a move."""
    key = said.lower()
    nouns = {**extra_units(), **default_words().unit_of_noun}
    return nouns.get(key) == "person" or key.endswith("ing") or key == "displaced"


def conditional(text: str, word: re.Match, sentence_start: int) -> bool:
    """'If the talks fail in March, the army may …': what a condition supposes has not happened."""
    return bool(_CONDITION.search(text, max(sentence_start, word.start() - 60), word.start()))


def planned(text: str, word: re.Match, sentence_start: int) -> bool:
    """'Pakistan plans to hold talks in March', 'the crossing would reopen': what is planned, expected or
    possible has not happened (a policy's deadline or start is an act of policy: 'will take effect on')."""
    if type_of(word.group()) == "policy":
        return False
    if _PLANNED_AFTER.match(text, word.end()):
        return True  # "Talks are scheduled for 15 February"
    return bool(_PLANNED.search(text, max(sentence_start, word.start() - 48), word.start()))


def beneficiary(text: str, word: re.Match, sentence_start: int) -> bool:
    """'humanitarian assistance to Afghan refugees', 'to support Afghans displaced in …': the people aid is
    given to, named after an aid word, or described by what they do ('those returning'), are a population,
    not an event (for words of displacement)."""
    if type_of(word.group()) != "displacement":
        return False
    if not _population_word(word.group()):
        return False  # "With UN support 500 refugees returned …": a verb tells of a movement
    if word.group().lower().endswith("ing") and _PEOPLE_BEFORE.search(text, max(0, word.start() - 16), word.start()):
        return True  # "those returning to Afghanistan": people described by what they do
    return bool(_beneficiary_pattern().search(text, max(sentence_start, word.start() - 60), word.start()))


# "there were 400 attacks", "there have been dozens of strikes": a count that exists, not an event
_THERE_WERE = re.compile(
    r"\bthere\s+(?:were|are|have\s+been|had\s+been)\s+(?:[\w,.%-]+\s+){0,3}?"
    r"(?:\d[\d,.]*|dozens|hundreds|thousands|several|many|numerous|multiple)\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
# "Pakistan hosted 3.7 million Afghans", "hosts some 600,000 refugees": a population, not a meeting
_HOSTED = re.compile(r"(?i:host(?:s|ed|ing))$")
_PEOPLE_AFTER = re.compile(
    r"\s+(?:[\w,.-]+\s+){0,3}?(?:\d|(?i:refugees|migrants|returnees|afghans|displaced|millions))"
)


def a_state(text: str, word: re.Match, sentence_start: int) -> bool:
    """'In 2019 there were 400 attacks', 'In 2023 Pakistan hosted 3.7 million Afghans': a count or a
    population in a period, not a happening."""
    if _HOSTED.fullmatch(word.group()) and _PEOPLE_AFTER.match(text, word.end()):
        return True
    return bool(_THERE_WERE.search(text, max(sentence_start, word.start() - 60), word.start()))


def counted_after(text: str, word: re.Match) -> bool:
    """'the deaths of over 500 security personnel': a count noun whose amount follows it is a statistic."""
    return bool(_COUNT_AFTER.match(text, word.end()))


@lru_cache(maxsize=1)
def _trend_pattern() -> re.Pattern:
    forms = "|".join(form_pattern(w) for w in sorted(trend_verbs(), key=len, reverse=True))
    phrase = r"(?:\s+(?:in|on|of|from|across|against|by|along|near|inside)(?:\s+[\w’'-]+){1,3}?)?"  # "in the province"
    return re.compile(rf"{phrase}\s+(?:\w+ly\s+)?(?:{forms})\b", re.I)


def trending(text: str, word: re.Match) -> bool:
    """'The group's attacks peaked in 2014', 'returns rose sharply': a count noun whose trend is told."""
    return bool(_trend_pattern().match(text, word.end()))


def spans_years(date: DateMention) -> bool:
    """'between 2012 and 2016', 'from 2020 to 2022': a period over more than one calendar year."""
    return date.last is not None and date.last.year > date.first.year


def habitual(done: re.Match, word: re.Match) -> bool:
    """'These cards are issued to refugees': 'is'/'are' before a word that is not an '-ing' form is a
    passive present, what is done habitually, not an act of the statement's day ('is designating' is)."""
    return done.group().split()[0].lower() in ("is", "are") and not word.group().lower().endswith("ing")
