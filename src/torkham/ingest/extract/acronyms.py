"""Abbreviations and their expansions: the "List of Abbreviations" of a report (including lines where
the extraction ran several entries together: "BRI FAF FDM  Belt and Road Initiative Free Afghans
Front Freedom and Democracy Movement") and the "Full Name (ABBR)" / "ABBR (Full Name)" patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from torkham.ingest.document import Document
from torkham.ingest.extract.syllabic_acronyms import syllabic_long_form

CONNECTORS = {"of", "for", "and", "the", "e", "i", "de", "al", "ul", "on", "in", "at", "to", "fur", "die", "der"}
_ABBR = r"(?=[A-Za-z/&.]*[A-Z][a-z]?[/&.]?[A-Z])[A-Z][A-Za-z]*(?:[/&.][A-Z][A-Za-z]*)*\.?"  # two capitals or more
_HEADING = re.compile(
    r"(?im)^[ \t]*(?:list of )?(?:abbreviations|acronyms)(?: and acronyms| and abbreviations)?[ \t]*:?[ \t]*$"
)
_LIST_LINE = re.compile(rf"^[ \t]*(?P<abbrs>{_ABBR}(?:[ \t]+{_ABBR})*)[ \t]+(?P<full>[A-Z][^\n]+?)[ \t]*$")
_ONE_ABBR = r"[A-Z][A-Za-z]*(?:[/–-][A-Z][A-Za-z]*)?"  # "TTP", "RFE/RL", "ISIS–K"
_PAREN_ABBR = re.compile(rf"\((?P<abbr>{_ONE_ABBR})(?P<more>(?:[,;]\s*{_ONE_ABBR})*)\)")  # "(ISIS–K, ISKP)"
_OR_ABBR = re.compile(
    r",\s+(?:or|also known as|known as)\s+(?:the\s+)?(?P<abbr>[A-Z][A-Za-z]*[A-Z])(?=[,.;:)]|\s)"
)  # ", or TTP,"
_ABBR_PAREN = re.compile(r"\b(?P<abbr>[A-Z]{2,}[a-z]?)\s*\((?P<full>[A-Z][^()\n]{3,90}?)\)")
_CLAUSE_END = re.compile(r"(?:[,;:!?\"“”()]|(?<![A-Z])\.)\s")  # "U.S. Agency …": an abbreviation's stop goes on
LONG_FORM_WORDS = 10  # words before "(ABBR)" searched for its long form


@dataclass(frozen=True)
class Pair:
    abbr: str
    full: str
    start: int
    end: int  # the span holding both
    from_list: bool
    others: tuple[str, ...] = ()  # more abbreviations in the same brackets: "(ISIS–K, ISKP)"


def letters(abbr: str) -> str:
    """The letters an abbreviation spells: 'INGOs' -> 'INGO', 'US/NATO' -> 'USNATO', 'PoR' -> 'POR'."""
    core = re.sub(r"s$", "", abbr) if re.search(r"[A-Z]s$", abbr) else abbr
    return re.sub(r"[^A-Za-z]", "", core).upper()


_INNER_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")  # "U.S.", "UK", "UN" inside a longer name


def _initials(words: list[str], strict: bool) -> list[list[str]]:
    """Per word, the initials it may give: a connector may give its initial or none (strict) and
    gives none otherwise; hyphenated and slashed parts each give one; an abbreviation inside the name gives
    its initial or all its letters (strict: 'USIP' spells 'U.S. Institute of Peace')."""
    out = []
    for word in words:
        inner = _INNER_ABBREVIATION.fullmatch(word.strip(",()"))
        if strict and inner:
            out.append([word[0], re.sub(r"\W", "", inner.group())])
            continue
        for i, part in enumerate(re.split(r"[-–‐‑/]", word)):
            part = part.strip("'’.,()")
            if not part or not part[0].isalnum():  # "&" gives no initial
                continue
            if part.lower() in CONNECTORS and not (i == 0 and part[0].isupper() and "-" in word):  # "Al-Qaida": A
                out.append(["", part[0].upper()] if strict else [""])
            else:
                out.append([part[0].upper()])
    return out


def spells_strictly(abbr: str, words: list[str]) -> bool:
    """Every word gives its initial (connectors may or may not) and together they spell the abbreviation."""
    target = letters(abbr)
    options = _initials(words, strict=True)
    reachable = {0}
    for choices in options:
        reachable = {n + len(c) for n in reachable for c in choices if target[n : n + len(c)] == c}
        if not reachable:
            return False
    return len(target) in reachable


def spells_loosely(abbr: str, words: list[str]) -> int:
    """How many letters of the abbreviation the initials give in order (0 when the first differs)."""
    target = letters(abbr)
    initials = [c[-1] for c in _initials(words, strict=False) if c[-1]]
    if not initials or not target or initials[0] != target[0] or len(initials) > len(target) + 2:
        return 0
    matched, i = 0, 0
    for letter in target:
        found = next((j for j in range(i, len(initials)) if initials[j] == letter), None)
        if found is not None:  # a letter the initials lack ("O" of MOFA) is passed over
            matched, i = matched + 1, found + 1
    return matched


def _split_expansion(abbrs: list[str], words: list[str]) -> list[str] | None:
    """Cut the run-together expansions of several abbreviations at the right words."""
    if len(abbrs) == 1:
        return [" ".join(words)]
    for cut in range(1, len(words)):
        if spells_strictly(abbrs[0], words[:cut]):
            rest = _split_expansion(abbrs[1:], words[cut:])
            if rest is not None:
                return [" ".join(words[:cut]), *rest]
    return None


def abbreviation_list(doc: Document) -> list[Pair]:
    """The pairs of the document's list of abbreviations (the marked one, else under its heading)."""
    spans = [(m.start, m.end) for m in doc.marks if m.kind == "abbreviations"]
    marked = set(spans)
    if not spans:
        spans = [(h.end(), len(doc.text)) for h in _HEADING.finditer(doc.text)][:1]
    pairs: list[Pair] = []
    for start, end in spans:
        for line in re.finditer(r"[^\n]*", doc.text[start:end]):
            content = line.group()
            if not content.strip():
                continue
            m = _LIST_LINE.match(content)
            if not m or not all(len(re.findall(r"[A-Z]", a)) >= 2 for a in m.group("abbrs").split()):
                if pairs or _HEADING.match(content) is None and (start, end) not in marked:
                    break  # the list ends at the first line that is not an entry
                continue  # the heading inside a marked list
            abbrs = m.group("abbrs").split()
            fulls = _split_expansion(abbrs, m.group("full").split())
            if fulls is None:
                continue
            at = start + line.start()
            pairs.extend(Pair(a, f, at, at + len(content), True) for a, f in zip(abbrs, fulls, strict=True))
    return pairs


def _long_form(text: str, at: int, abbr: str) -> tuple[int, str]:
    """(start, words) of the long form an abbreviation in brackets at `at` spells, or (-1, '')."""
    line_start = text.rfind("\n", 0, at) + 1
    clause = text[line_start:at]
    cut = max((x.end() for x in _CLAUSE_END.finditer(clause)), default=0)
    words_at = re.finditer(r"\S+", clause[cut:])
    spans = [(line_start + cut + w.start(), w.group()) for w in words_at][-LONG_FORM_WORDS:]
    best, best_score = -1, 0
    for i in range(len(spans) - 1, -1, -1):
        words = [w for _, w in spans[i:] if w not in ("–", "-", "—")]  # "Islamic State – Khorasan Province"
        if not words or not words[0][:1].isupper():
            continue
        score = spells_loosely(abbr, words)
        if score > best_score:
            best, best_score = i, score
    if best >= 0 and best_score >= max(2, len(letters(abbr)) - 1):
        return spans[best][0], " ".join(w for _, w in spans[best:]).removesuffix("'s")
    return _listed_long_form(text, line_start, at, abbr)


_LISTED_WORD = re.compile(r"(?:[A-Z][\w'’-]*|and|&|of|for|the),?")


def _listed_long_form(text: str, line_start: int, at: int, abbr: str) -> tuple[int, str]:
    """'Bureau of Population, Refugees, and Migration (PRM)': a long form that lists with commas, taken
    when its words spell the abbreviation exactly; a body word and 'of' before it belong to the name."""
    spans = [(line_start + w.start(), w.group()) for w in re.finditer(r"\S+", text[line_start:at])][-LONG_FORM_WORDS:]
    for i in range(len(spans) - 1, -1, -1):
        if not _LISTED_WORD.fullmatch(spans[i][1]):
            return -1, ""
        words = [w.rstrip(",") for _, w in spans[i:]]
        if "," in "".join(w for _, w in spans[i:]) and words[0][:1].isupper() and spells_strictly(abbr, words):
            start = i - 2 if i >= 2 and spans[i - 1][1] in ("of", "for") and _is_body(spans[i - 2][1]) else i
            return spans[start][0], text[spans[start][0] : spans[-1][0] + len(spans[-1][1])].rstrip()
    return -1, ""


def _is_body(word: str) -> bool:
    from torkham.ingest.extract.namewords import kind_of

    return word[:1].isupper() and kind_of(word) is not None


def _name_before(text: str, at: int) -> tuple[int, str]:
    """(start, name) of the capitalised name with a kind word that ends at `at`, or (-1, '')."""
    from torkham.ingest.extract.namewords import kind_of

    name = re.search(r"(?:[A-Z][\w'’.–‐‑-]*\s)*[A-Z][\w'’.–‐‑-]*$", text[max(0, at - 120) : at])
    words = name.group().removeprefix("The ").removeprefix("the ") if name else ""
    if not words or kind_of(words) is None:
        return -1, ""
    return at - len(words), words


def inline_pairs(doc: Document) -> list[Pair]:
    """'Tehrik-e-Taliban Pakistan (TTP)', 'ISKP (Islamic State of Khorasan)' and 'the Tehrik-e-Taliban
    Pakistan, or TTP,' in the text."""
    text = doc.text
    pairs: list[Pair] = []
    for m in _PAREN_ABBR.finditer(text):
        abbrs = [
            a for a in [m.group("abbr"), *re.findall(_ONE_ABBR, m.group("more"))] if len(re.findall(r"[A-Z]", a)) >= 2
        ]
        found = [(abbr, *_long_form(text, m.start(), abbr)) for abbr in abbrs]
        found = [(a, s, f) if f else (a, *syllabic_long_form(text, m.start(), a)) for a, s, f in found]
        spelt = [(abbr, start, full) for abbr, start, full in found if full]
        if spelt:
            abbr, start, full = spelt[0]
            others = tuple(a for a in abbrs if a != abbr)
            pairs.append(Pair(abbr, full, start, m.end(), False, others))
    for m in _OR_ABBR.finditer(text):  # "the Tehrik-e-Taliban Pakistan, or TTP, said"
        start, full = _long_form(text, m.start(), m.group("abbr"))
        if not full:  # "the Pakistani Taliban, or TTP": said outright, spelt or not, after a name of a group
            start, full = _name_before(text, m.start())
        if full:
            pairs.append(Pair(m.group("abbr"), full, start, m.end(), False))
    for m in _ABBR_PAREN.finditer(text):
        words = m.group("full").split()
        if spells_loosely(m.group("abbr"), words) >= max(2, len(letters(m.group("abbr"))) - 1):
            pairs.append(Pair(m.group("abbr"), m.group("full"), m.start(), m.end(), False))
    return sorted(pairs, key=lambda p: p.start)
