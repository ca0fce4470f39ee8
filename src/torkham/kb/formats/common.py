"""What every format writer shares: the material exported, deterministic ids and times, and provenance
(the source, where in it, the verbatim quote) said the same way in each format."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from torkham.model.dates import DateError, parse_partial_date

Record = dict[str, Any]
Document = dict[str, list[Record]]  # kind -> records in their export form

# The namespace of every UUIDv5 torkham derives from its record ids: never change it, or the ids change.
NAMESPACE = uuid.UUID("6f1c1d5e-8a43-5b2e-9c1f-74a8e1b0d2c3")
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)  # `created`/`modified` of every exported object: fixed


@dataclass(frozen=True)
class Material:
    """What an export holds: the knowledge base, and for the map formats the dataset events with
    coordinates and the datasets held (title, licence, attribution)."""

    document: Document
    data_events: list[Record] = field(default_factory=list)
    datasets: list[Record] = field(default_factory=list)

    def by_id(self, kind: str) -> dict[str, Record]:
        return {r["id"]: r for r in self.document.get(kind, [])}


def uuid_of(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def first_moment(value: object) -> datetime | None:
    """The first moment of a partial date ("2021" -> 2021-01-01T00:00Z); None for no date."""
    try:
        return datetime.combine(parse_partial_date(value).first_day, time(0), UTC) if value else None
    except DateError:
        return None


def last_moment(value: object) -> datetime | None:
    """The last second of a partial date ("2021" -> 2021-12-31T23:59:59Z)."""
    try:
        return datetime.combine(parse_partial_date(value).last_day, time(23, 59, 59), UTC) if value else None
    except DateError:
        return None


def day_bounds(value: object) -> tuple[date, date] | None:
    try:
        parsed = parse_partial_date(value)
    except DateError:
        return None
    return parsed.first_day, parsed.last_day


def where(record: Record) -> str:
    """Where in its source a record is read: "section 4.1, line 275", "page 3", "column side_b, row 55573"."""
    locator = record.get("locator") or {}
    return ", ".join(f"{key} {locator[key]}" for key in ("section", "page", "line", "column", "row") if key in locator)


def provenance(record: Record) -> str:
    """One sentence of provenance: source, where, quote."""
    said = where(record)
    quote = record.get("quote")
    text = f"{record.get('source')}" + (f", {said}" if said else "")
    return text + (f": \u201c{quote}\u201d" if quote else "")
