"""Read an annotation file (eval/annotations/<doc>.yaml) and locate every item in its document.

Each item is found by its verbatim text (`text`, `near`; white space may differ); `occurrence`
picks the n-th match. An item that cannot be found is an error naming the file, line and text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.model.yamlfile import Located, load_yaml

EVAL = Path(__file__).resolve().parent
DOCUMENTS = EVAL / "documents"
KINDS = ("mentions", "actors", "dates", "figures", "events", "claims", "citations")


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
        items[kind] = [Item(kind, dict(entry), entry.line) for entry in entries]
    return Annotation(path, document, data.get("date"), data.get("lexicon"), data.get("kb"), items)


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
            if not item.spans:
                where = f" (occurrence {item.data['occurrence']})" if item.data.get("occurrence") else ""
                raise TorkhamError(f"{annotation.path}:{item.line}: {kind}: '{passage}'{where} is not in the document")
