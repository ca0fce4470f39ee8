"""The named derivations a record kind's declaration (kb/kinds.py) refers to as `name()`: values of
the export form and of the store's rows that are computed rather than copied from one field."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.kb.names import normalize
from torkham.model.dates import parse_partial_date

if TYPE_CHECKING:
    from torkham.kb.texts import SourceText

Data = dict[str, Any]  # a record in its export form: JSON values


@dataclass(frozen=True)
class Scope:
    """What a value is computed from: the record (export form) and where it comes from, the item of
    the list a row is made for (with its index and its list's tag), and the source texts."""

    record: Data
    kind: str = ""
    seq: int = 0
    file: str = ""
    texts: Mapping[str, SourceText] = field(default_factory=dict)
    item: Any = None
    position: int = 0
    tag: str | None = None


def event_precision(scope: Scope) -> str:
    record = scope.record
    return "approximate" if record.get("approximate") else parse_partial_date(record["date"]).precision


def date_precision(scope: Scope) -> str:
    return parse_partial_date(scope.record["date"]).precision


def first_day(scope: Scope) -> date:
    return parse_partial_date(scope.record["date"]).first_day


def last_day(scope: Scope) -> date:
    """The last day of the end date, or of the date when the event has no end date."""
    return parse_partial_date(scope.record.get("end_date") or scope.record["date"]).last_day


def alias_mappings(scope: Scope) -> list[dict[str, Any]]:
    """An actor's aliases, each as a mapping (a plain name is short for {name: …})."""
    return [alias if isinstance(alias, dict) else {"name": alias} for alias in scope.record.get("aliases") or []]


def names(scope: Scope) -> list[dict[str, Any]]:
    """An actor's name and aliases as rows of kb_names: type (alias when not given), normalised form,
    and whether the text uses it."""
    record = scope.record
    return [
        {
            "name": alias["name"],
            "type": alias.get("type") or "alias",
            "normalized": normalize(alias["name"]),
            "note": alias.get("note"),
            "in_text": alias.get("in_text", True) is not False,
        }
        for alias in [{"name": record["name"], "type": "name"}, *record["aliases"]]
    ]


def normalized_name(scope: Scope) -> str:
    return normalize(scope.record["name"])


def about_list(scope: Scope) -> list[Any]:
    """A check's `about`: one id is short for a list of one."""
    about = scope.record["about"]
    return about if isinstance(about, list) else [about]


def period_start(scope: Scope) -> Any:
    period = scope.record.get("period") or {}
    return period.get("from") or period.get("as_of")


def period_end(scope: Scope) -> Any:
    period = scope.record.get("period") or {}
    return period.get("to") or period.get("as_of")


def authors_json(scope: Scope) -> str:
    return json.dumps(scope.record.get("authors") or [])


def citation_section(scope: Scope) -> str:
    # str() of a missing section gives "None": kept as the store has always had it
    return str(scope.item["locator"].get("section"))


def citation_line(scope: Scope) -> int | None:
    """The line of a source's citation (the item) in the text of the document citing it."""
    text = scope.texts.get(str(scope.record.get("source")))
    return text.line_of(scope.item["quote"]) if text else None


DERIVATIONS: dict[str, Callable[[Scope], Any]] = {
    derive.__name__: derive
    for derive in (
        event_precision,
        date_precision,
        first_day,
        last_day,
        alias_mappings,
        names,
        normalized_name,
        about_list,
        period_start,
        period_end,
        authors_json,
        citation_section,
        citation_line,
    )
}
