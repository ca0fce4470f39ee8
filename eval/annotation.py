"""Read an annotation file (eval/annotations/<doc>.yaml) and locate every item in its document.

Each item is found by its verbatim text (`text`, `near`; white space may differ); `occurrence`
picks the n-th match. An item that cannot be found is an error naming the file, line and text.

Places (`places:`) name a place as written, its admin `level` (country, province, division, district,
town, region) and, where it resolves, its `code` (ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a
province: the codes of src/torkham/geo/admin1.yaml) or the `country` and `province` it lies in (a
district or town; Pakistan's districts have names, not codes, in the bundled boundaries). A place's
`occurrence` may be a list: the entry then stands for one place mention at each of those matches.
Claims may say `author: true`: the assertion is the author's (or publisher's) own, and `by` names
them ("author", or the publisher)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import Located, load_yaml

EVAL = Path(__file__).resolve().parent
DOCUMENTS = EVAL / "documents"
KINDS = ("mentions", "actors", "dates", "figures", "events", "claims", "citations", "places")
PLACE_LEVELS = ("country", "province", "division", "district", "town", "region")
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_PROVINCE_CODE = re.compile(r"([A-Z]{2})-[A-Z0-9]{1,3}")


@dataclass
class Item:
    kind: str
    data: dict
    line: int
    spans: list[tuple[int, int]] = field(default_factory=list)  # where the item is in the text


@dataclass
class Annotation:
    path: Path
    document: Path
    date: str | None
    lexicon: str | None
    kb: str | None  # the hand-encoded knowledge folder of this document, for recall against it
    items: dict[str, list[Item]]
    annotated: frozenset[str] = frozenset(KINDS)  # kinds the annotation covers; the others are not measured


def pattern_of(text: str) -> re.Pattern:
    """A verbatim passage as a pattern: white space runs match any white space."""
    return re.compile(r"\s+".join(re.escape(w) for w in text.split()))


def locate(text: str, passage: str, occurrence: int | None = None) -> list[tuple[int, int]]:
    found = [(m.start(), m.end()) for m in pattern_of(passage).finditer(text)]
    if occurrence is not None:
        return found[occurrence - 1 : occurrence]
    return found


def load_annotation(path: Path) -> Annotation:
    data = load_yaml(path)
    if not isinstance(data, Located) or "document" not in data:
        raise TorkhamError(f"{path}:1: an annotation needs 'document' (a file under eval/documents/ or a path)")
    document = _find_document(Path(data["document"]), path.parent)
    if not document.is_file():
        raise TorkhamError(f"{path}:{data.line_of('document')}: document {document} does not exist")
    items: dict[str, list[Item]] = {}
    for kind in KINDS:
        entries = data.get(kind) or []
        if not isinstance(entries, list):
            raise TorkhamError(f"{path}:{data.line_of(kind)}: {kind} must be a list")
        for entry in entries:
            if not isinstance(entry, Located):
                raise TorkhamError(f"{path}:{data.line_of(kind)}: {kind}: every item must be a mapping")
        items[kind] = []
        for entry in entries:
            problem = check_item(kind, entry)
            if problem:
                raise TorkhamError(f"{path}:{entry.line}: {kind}: {problem}")
            items[kind].extend(_expand(kind, dict(entry), entry.line))
    # Places joined the format after the first annotations were made: a file without `places:` says
    # nothing about them (not measured). Every other kind left out means the document has none.
    annotated = frozenset(kind for kind in KINDS if kind != "places" or kind in data)
    return Annotation(path, document, data.get("date"), data.get("lexicon"), data.get("kb"), items, annotated)


def check_item(kind: str, entry: dict) -> str | None:
    """What is wrong with an item of the new kinds and fields (places; claims' `by`/`author`), or None."""
    if kind in ("dates", "events") and "resolved" in entry and not isinstance(entry["resolved"], bool):
        return "'resolved' is true or false (true: the date is resolved from context, not written)"
    if kind == "claims":
        if entry.get("by") is not None and (not isinstance(entry["by"], str) or not entry["by"].strip()):
            return "'by' must name the speaker (a person, body, group noun, or 'author'), or be null (none named)"
        if "author" in entry and not isinstance(entry["author"], bool):
            return "'author' is true or false"
        if entry.get("author") and not entry.get("by"):
            return "an author's own claim needs 'by' (the author or the publisher)"
    if kind != "places":
        return None
    if not isinstance(entry.get("text"), str) or not entry["text"].strip():
        return "a place needs its verbatim 'text'"
    level = entry.get("level")
    if level not in PLACE_LEVELS:
        return f"'level' must be one of {', '.join(PLACE_LEVELS)} (got {level!r})"
    code, country, province = entry.get("code"), entry.get("country"), entry.get("province")
    if code is not None:
        if level == "country" and not (isinstance(code, str) and _COUNTRY_CODE.fullmatch(code)):
            return f"a country's code is ISO 3166-1 alpha-2, like PK (got {code!r})"
        if level == "province" and not (isinstance(code, str) and _PROVINCE_CODE.fullmatch(code)):
            return f"a province's code is ISO 3166-2, like PK-KP (got {code!r})"
        if level not in ("country", "province"):
            return "only countries and provinces have a 'code'; give 'country' and 'province' instead"
    if country is not None and not (isinstance(country, str) and _COUNTRY_CODE.fullmatch(country)):
        return f"'country' is ISO 3166-1 alpha-2, like AF (got {country!r})"
    if province is not None:
        found = isinstance(province, str) and _PROVINCE_CODE.fullmatch(province)
        if not found:
            return f"'province' is an ISO 3166-2 code, like AF-NAN (got {province!r})"
        if country is not None and found.group(1) != country:
            return f"province {province} is not in country {country}"
    if level == "province" and code is not None and country is not None and not code.startswith(country + "-"):
        return f"province {code} is not in country {country}"
    occurrence = entry.get("occurrence")
    if occurrence is not None:
        numbers = occurrence if isinstance(occurrence, list) else [occurrence]
        if not numbers or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 1 for n in numbers):
            return "'occurrence' is a number from 1, or a list of them"
    return None


def _expand(kind: str, data: dict, line: int) -> list[Item]:
    """One item, or for a place whose `occurrence` is a list, one item per listed occurrence."""
    if kind == "places" and isinstance(data.get("occurrence"), list):
        return [Item(kind, {**data, "occurrence": n}, line) for n in data["occurrence"]]
    return [Item(kind, data, line)]


def _find_document(name: Path, beside: Path) -> Path:
    """An absolute path, a file beside the annotation (eval/dev/), a file of eval/documents/, or a source
    text where torkham looks for them (TORKHAM_TEXTS, shared/source beside the working directory or the
    package: the paper is not shipped)."""
    if name.is_absolute():
        return name
    if (beside / name).is_file():
        return beside / name
    if (DOCUMENTS / name).is_file():
        return DOCUMENTS / name
    from torkham.kb.loader import BUNDLED_KNOWLEDGE
    from torkham.kb.texts import text_search_dirs

    for directory in text_search_dirs(BUNDLED_KNOWLEDGE):
        if (directory / name).is_file():
            return directory / name
    return DOCUMENTS / name


def place_items(annotation: Annotation, text: str) -> None:
    """Find every item of the annotation in the document's text (as extracted)."""
    for kind, items in annotation.items.items():
        if kind in ("mentions", "actors"):
            continue
        for item in items:
            passage = item.data.get("text") or item.data.get("near")
            if not isinstance(passage, str):
                raise TorkhamError(f"{annotation.path}:{item.line}: {kind}: give the item's verbatim 'text' or 'near'")
            item.spans = locate(text, passage, item.data.get("occurrence"))
            if kind == "places" and item.data.get("occurrence") is None and len(item.spans) > 1:
                raise TorkhamError(
                    f"{annotation.path}:{item.line}: places: '{passage}' occurs {len(item.spans)} times; "
                    "say which with 'occurrence' (a number or a list)"
                )
            if not item.spans:
                where = f" (occurrence {item.data['occurrence']})" if item.data.get("occurrence") else ""
                raise TorkhamError(f"{annotation.path}:{item.line}: {kind}: '{passage}'{where} is not in the document")
