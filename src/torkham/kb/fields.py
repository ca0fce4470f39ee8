"""Checks of one field value against its declared type. Each returns a message or None."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeGuard

from torkham.kb.schema import ALIAS_FIELDS, SECTION_NAMES
from torkham.model.dates import DateError, parse_partial_date
from torkham.model.vocabulary import Vocabulary

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SECTION_PATTERN = re.compile(r"^\d+(\.\d+)*$")


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _closest(term: str, known: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(term, known, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}known: {', '.join(sorted(known))}"


def check_locator(value: object) -> str | None:
    if not isinstance(value, dict):
        return 'locator must be a mapping such as {section: "5.1"}'
    unknown = set(value) - {"section", "page", "figure", "line", "start", "end", "column", "row"}
    if unknown:
        return (
            f"unknown locator key(s) {', '.join(sorted(unknown))}; use section, page, figure, start, end, column, row"
        )
    if "column" in value or "row" in value:
        return _check_cell(value)
    section = value.get("section")
    if section is None and "start" not in value:
        return (
            'locator needs a section, e.g. {section: "5.1"}, or the character offsets of an ingested document, '
            'e.g. {page: 3, start: 1200, end: 1290}, or a dataset cell, e.g. {column: side_b, row: "55573"}'
        )
    if section is not None:
        section = str(section)
        if not SECTION_PATTERN.match(section) and section not in SECTION_NAMES:
            return f"locator section '{section}' is not a section number (\"5.1\") or one of {', '.join(SECTION_NAMES)}"
    for key in ("page", "figure"):
        if key in value and not _whole(value[key], 1):
            return f"locator {key} must be a whole number from 1"
    if "start" in value or "end" in value:
        start, end = value.get("start"), value.get("end")
        if not _whole(start, 0) or not _whole(end, 0) or end < start:
            return "locator start and end are character offsets: whole numbers from 0, end not before start"
    return None


def _check_cell(value: dict) -> str | None:
    """A dataset cell: the column and the row (the dataset's event id, as text), nothing else."""
    if set(value) != {"column", "row"} or not _is_text(value["column"]) or not _is_text(value["row"]):
        return 'a dataset cell locator is {column: NAME, row: "EVENT ID"} (both text, nothing else)'
    return None


def _whole(value: object, lowest: int) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= lowest


def _check_aliases(value: object, vocab: Vocabulary) -> str | None:
    if not isinstance(value, list):
        return "aliases must be a list"
    for alias in value:
        if isinstance(alias, str):
            if not alias.strip():
                return "an alias is empty"
            continue
        if not isinstance(alias, dict) or not _is_text(alias.get("name")):
            return "each alias is a name or a mapping {name, type, note}"
        unknown = set(alias) - ALIAS_FIELDS
        if unknown:
            return f"alias '{alias['name']}' has unknown key(s) {', '.join(sorted(unknown))}"
        kind = alias.get("type")
        if kind is not None and kind not in vocab["alias_types"]:
            return f"alias '{alias['name']}' has unknown type '{kind}'; " + _closest(kind, list(vocab["alias_types"]))
        if kind in ("misspelling", "external") and not _is_text(alias.get("note")):
            return f"alias '{alias['name']}' is a {kind}: add a note saying where it comes from"
        if alias.get("in_text") is False and not _is_text(alias.get("note")):
            return f"alias '{alias['name']}' is not in the text: add a note saying where it comes from"
    return None


def _check_attributes(value: object, vocab: Vocabulary) -> str | None:
    if not isinstance(value, dict):
        return "attributes must be a mapping"
    for key in value:
        if key not in vocab["attribute_keys"]:
            return f"unknown attribute '{key}'; " + _closest(key, list(vocab["attribute_keys"]))
    if "founded" in value:
        try:
            parse_partial_date(value["founded"])
        except DateError as exc:
            return f"attribute founded: {exc}"
    return None


def _check_period(value: object) -> str | None:
    if not isinstance(value, dict) or not value or set(value) - {"from", "to", "as_of"}:
        return "period must be a mapping with from/to or as_of"
    try:
        dates = {key: parse_partial_date(value[key]) for key in value}
    except DateError as exc:
        return f"period: {exc}"
    if "from" in dates and "to" in dates and dates["from"].first_day > dates["to"].last_day:
        return f"period runs backwards: from {dates['from']} is after to {dates['to']}"
    return None


def _check_citations(value: object) -> str | None:
    if not isinstance(value, list):
        return "citations must be a list of {locator, quote}"
    for citation in value:
        if (
            not isinstance(citation, dict)
            or set(citation) - {"locator", "quote"}
            or not _is_text(citation.get("quote"))
        ):
            return "each citation is {locator: {section: …}, quote: …}"
        problem = check_locator(citation.get("locator"))
        if problem:
            return f"citation: {problem}"
    return None


def _check_textfile(value: object) -> str | None:
    if not isinstance(value, dict) or not _is_text(value.get("file")):
        return "text must be {file: NAME, sha256: HEX}"
    digest = value.get("sha256")
    if digest is not None and not re.fullmatch(r"[0-9a-f]{64}", str(digest)):
        return "text sha256 must be 64 lowercase hex digits"
    return None


def _check_ingested(value: object) -> str | None:
    if not isinstance(value, dict) or not _is_text(value.get("file")) or set(value) - INGESTED_FIELDS:
        return "ingested must be {file: NAME, sha256: HEX, format: pdf|text|markdown|html, pages: N}"
    if not re.fullmatch(r"[0-9a-f]{64}", str(value.get("sha256"))):
        return "ingested sha256 must be 64 lowercase hex digits"
    if "pages" in value and not _whole(value["pages"], 0):
        return "ingested pages must be a whole number"
    return None


INGESTED_FIELDS = {"file", "sha256", "format", "pages"}


def check_value(field_type: str, value: object, vocab: Vocabulary) -> str | None:
    """Check `value` against `field_type` (see kb.schema); references are checked later."""
    if value is None and field_type in ("number",):
        return None
    simple: dict[str, Callable[[object], bool]] = {
        "text": _is_text,
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        "bool": lambda v: isinstance(v, bool),
        "mapping": lambda v: isinstance(v, dict),
        "texts": lambda v: isinstance(v, list) and all(_is_text(x) for x in v),
    }
    if field_type in simple:
        if simple[field_type](value):
            return None
        wanted = {
            "text": "non-empty text",
            "int": "a whole number",
            "number": "a number (or null)",
            "bool": "true or false",
            "mapping": "a mapping",
            "texts": "a list of texts",
        }
        return f"must be {wanted[field_type]}"
    if field_type == "date":
        try:
            parse_partial_date(value)
        except DateError as exc:
            return str(exc)
        return None
    if field_type == "locator":
        return check_locator(value)
    if field_type.startswith("choice:"):
        choices = field_type.split(":", 1)[1].split(",")
        return None if value in choices else f"must be one of {', '.join(choices)}"
    if field_type.startswith("term:"):
        section = field_type.split(":", 1)[1]
        if not isinstance(value, str):
            return "must be a term of the vocabulary"
        if value in vocab[section]:
            return None
        return f"unknown {section.rstrip('s').replace('_', ' ')} '{value}'; " + _closest(value, list(vocab[section]))
    if field_type.startswith("ref:") or field_type == "anyref":
        return None if isinstance(value, str) and ID_PATTERN.match(value) else "must be an id"
    if field_type == "about":
        ids = value if isinstance(value, list) else [value]
        ok = bool(ids) and all(isinstance(v, str) and ID_PATTERN.match(v) for v in ids)
        return None if ok else "must be the id of a figure or claim, or a list of such ids"
    if field_type.startswith("refs:"):
        ok = isinstance(value, list) and all(isinstance(v, str) and ID_PATTERN.match(v) for v in value)
        return None if ok else "must be a list of ids"
    checker = {
        "aliases": lambda v: _check_aliases(v, vocab),
        "attributes": lambda v: _check_attributes(v, vocab),
        "period": _check_period,
        "citations": _check_citations,
        "textfile": _check_textfile,
        "ingested": _check_ingested,
    }[field_type]
    return checker(value)
