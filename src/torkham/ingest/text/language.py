"""A cheap, offline language check: which script the letters are in, and for Latin text the share of common
function words of English against a few other languages. Good enough to refuse a document the English
extractors would misread; not a language identifier."""

from __future__ import annotations

import re
from collections import Counter

_SCRIPTS = (
    ((0x0600, 0x06FF), "Arabic"),
    ((0x0750, 0x077F), "Arabic"),
    ((0x08A0, 0x08FF), "Arabic"),
    ((0xFB50, 0xFDFF), "Arabic"),
    ((0xFE70, 0xFEFF), "Arabic"),
    ((0x0400, 0x052F), "Cyrillic"),
    ((0x0370, 0x03FF), "Greek"),
    ((0x0590, 0x05FF), "Hebrew"),
    ((0x0900, 0x097F), "Devanagari"),
    ((0x0980, 0x09FF), "Bengali"),
    ((0x0A00, 0x0A7F), "Gurmukhi"),
    ((0x0E00, 0x0E7F), "Thai"),
    ((0x10A0, 0x10FF), "Georgian"),
    ((0x0530, 0x058F), "Armenian"),
    ((0x3040, 0x30FF), "Japanese kana"),
    ((0x3400, 0x9FFF), "Chinese (Han)"),
    ((0xAC00, 0xD7AF), "Korean (Hangul)"),
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PASHTO = set("ټډړږښګڼۍې")
_URDU = set("ٹڈڑںےھ")
_PERSIAN = set("پچژگ")

_FUNCTION_WORDS = {
    "English": _words(
        "the of and to in a is that for it as was with be by on not this are or from at "
        "which but have an they has its were their been will would who also after into "
        "more than there can these those"
    ),
    "French": _words("le la les de des et est une un du que qui dans pour pas sur au avec ce il elle sont nous"),
    "German": _words("der die das und ist nicht mit den von zu ein eine sich auf für des dem auch im wird"),
    "Spanish": _words("el la los las de y que en es por un una con para del se no al lo como más"),
    "Portuguese": _words("o a os as de e que em um uma para com não do da dos das por se mais"),
    "Italian": _words("il la di e che è per un una del della non con sono le gli si anche"),
    "Dutch": _words("de het een en van is dat op te niet met zijn voor die ook er aan"),
    "Turkish": _words("ve bir bu da de için ile çok olarak daha gibi olan ama"),
    "Indonesian/Malay": _words("yang dan di ini itu dengan untuk dari tidak akan pada adalah ke"),
}
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 40  # below this the shares say nothing


def script_of(text: str) -> str | None:
    """The script most letters are in when it is not Latin (and they are more than half of all letters)."""
    counts: Counter[str] = Counter()
    letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        code = ord(char)
        if code < 0x0370:  # Latin and other Western letters
            continue
        for (low, high), name in _SCRIPTS:
            if low <= code <= high:
                counts[name] += 1
                break
    if not counts or not letters:
        return None
    name, count = counts.most_common(1)[0]
    if count * 2 <= letters:
        return None
    if name == "Arabic":
        present = set(text)
        if present & _PASHTO:
            return "Pashto (Arabic script)"
        if present & _URDU:
            return "Urdu (Arabic script)"
        if present & _PERSIAN:
            return "Persian/Dari (Arabic script)"
        return "Arabic"
    return name if "(" in name or name.endswith("kana") else f"{name} script"


def non_english(text: str) -> str | None:
    """What the text looks like when it does not look like English; None when it does (or is too short)."""
    sample = text[:200_000]
    script = script_of(sample)
    if script:
        return script
    words = [w.casefold() for w in _WORD.findall(sample)]
    if len(words) < _MIN_WORDS:
        return None
    counts = Counter(words)
    shares = {lang: sum(counts[w] for w in set(vocab)) / len(words) for lang, vocab in _FUNCTION_WORDS.items()}
    english = shares.pop("English")
    best, share = max(shares.items(), key=lambda item: item[1])
    if english >= 0.12 and english >= share:
        return None
    return best if share >= 0.12 and share > english else "a language other than English"
