"""The salience of the last speaker, for "He said …" that the window alone leaves open (speaker_antecedents):

- *a chain of claims*: a pronoun whose nearest preceding claim, in its own paragraph or the one before, has a
  person as speaker — named, or itself resolved — continues that speaker when no other person is named between
  them ('Japanese Ambassador … Kuninori Matsuda …' / 'He said that …' / 'He also said …' / '"…," he added': each
  Matsuda's), with the note "speaker 'He' continues 'Kuninori Matsuda', the speaker of the claim before";
- *the subject of the last speech verb*: of two or more persons in the window, the one whose name is the subject
  of the last finite speech verb before the pronoun ('Matsuda called on Minister … Shehryar Afridi'), if exactly
  one is and no other person is named in a later sentence. Two people who met ('Naqvi met Durrani. He said …'), a list of names before 'the official said', a
  pronoun's own subject ('She says …') leave the speaker as written."""

from __future__ import annotations

import re

from torkham.ingest.extract.antecedent_finders import Referent, person_forms, persons_named
from torkham.ingest.extract.claim_record import ClaimPass
from torkham.ingest.extract.pronouns import is_person
from torkham.ingest.extract.speakers import Speaker
from torkham.ingest.extract.speech_words import speech_verb_pattern
from torkham.ingest.extract.words import default_words
from torkham.ingest.proposal import Proposal

_APPOSITION = r"(?:,[^,.;:“”\"]{1,100},)?"  # 'Zabiullah Mujahid, the spokesman of the Taliban administration, said'


def last_speaker(
    cp: ClaimPass, proposal: Proposal, pronoun: Speaker, roster: dict[str, str], resolved: set[int]
) -> Speaker | None:
    """The person who speaks the claim nearest before the pronoun's, if it continues: its own paragraph or the
    one before, no other person named between (`resolved`: ids of the claims resolved to a named person)."""
    before = [(p, s) for p, s in cp.made if p is not proposal and p.start < proposal.start and s is not None]
    if not before:
        return None
    earlier, speaker = max(before, key=lambda made: (made[0].start, made[0].end))
    if speaker is None or speaker.generic:
        return None
    if not (id(earlier) in resolved or roster.get(speaker.text) == "person" or is_person(speaker)):
        return None
    gap_start = max(earlier.end, speaker.end)  # '"…," Matsuda said.': the gap starts after the speaker
    if cp.doc.text.count("\n\n", gap_start, cp.sentences.around(pronoun.start)[0]) > 1:
        return None
    own = Referent(speaker.text, speaker.start, True, person_forms(speaker.text))
    between = persons_named(cp.doc.text, gap_start, pronoun.start, roster, cp.made)
    if any(r.named and not r.same_as(own) for r in between):
        return None
    return speaker


def continues_note(pronoun: Speaker, speaker: Speaker) -> str:
    return f"speaker '{pronoun.text}' continues '{speaker.text}', the speaker of the claim before"


def speech_subject(cp: ClaimPass, found: list[Referent], start: int, end: int) -> tuple[Referent, str] | None:
    """The one named person in `found` who is the subject of the last finite speech verb between start and end,
    with the verb ('Matsuda called on …': Matsuda, 'called')."""
    verbs = list(speech_verb_pattern().finditer(cp.doc.text, start, end))
    if not verbs:
        return None
    verb = verbs[-1]
    subjects = [r for r in found if r.named and _governs(cp, r, verb)]
    if len(subjects) != 1:
        return None
    verb_sentence_end = cp.sentences.around(verb.start())[1]
    if any(r is not subjects[0] and r.start >= verb_sentence_end for r in found):
        return None  # 'Matsuda said …. Afridi visited the camp. He said …': a person named since
    return subjects[0], verb.group()


def _governs(cp: ClaimPass, referent: Referent, verb: re.Match[str]) -> bool:
    """A form of the name right before the verb ('Matsuda called', 'Mujahid, the spokesman …, said'), or right
    after it past titles ('said Minister Shehryar Afridi')."""
    text = cp.doc.text
    sentence = cp.sentences.around(verb.start())[0]
    titles = "|".join(re.escape(t) for t in default_words().person_titles)
    for form in referent.forms:
        name = re.escape(form)
        before = re.compile(rf"\b(?i:{name}){_APPOSITION}\s+(?:[a-z]+ly\s+|also\s+)?$")
        after = re.compile(rf"\s+(?:(?:[A-Z][\w.'’&-]*|(?:{titles}))\s+){{0,6}}?(?i:{name})\b")
        found = before.search(text, sentence, verb.start())
        if found is not None and text[found.start()].isupper():
            return True
        if after.match(text, verb.end()) is not None:
            return True
    return False
