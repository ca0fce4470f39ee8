"""What covers the dataset events a filter of the event listing (store.events) lists: the spans of the
event datasets it reads, per country, and the sentences that say so. A period no span covers is unknown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from torkham.store.coverage import covered_parts

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.store.coverage import Span
    from torkham.store.events import EventFilter


@dataclass(frozen=True)
class ListingCoverage:
    """What covers the dataset events a filter lists: the spans of the event datasets it reads (per country),
    the country totals over the range (which hold no events), and the sentences that say so. A period no
    span covers is unknown: a listing with no events there says so, never '0 events' as if calm."""

    spans: tuple[Span, ...] = ()  # event datasets
    totals: tuple[Span, ...] = ()  # country totals (aggregate datasets) overlapping the range
    start: date | None = None
    end: date | None = None
    notes: tuple[str, ...] = ()

    @property
    def covered_countries(self) -> frozenset[str]:
        """Country keys (ISO3) that an event dataset covers for at least one day of the range."""
        return frozenset(s.key for s in self.spans if _overlaps(s, self.start, self.end))

    @property
    def known_countries(self) -> dict[str, str]:
        """Key -> name of every country any dataset (events or totals) describes."""
        return {s.key: s.country for s in (*self.spans, *self.totals)}

    def covered_bounds(self) -> tuple[date, date] | None:
        """The first and last day of the range that event data covers (in any country), or None."""
        inside = [
            (max(s.first, self.start or s.first), min(s.last, self.end or s.last))
            for s in self.spans
            if _overlaps(s, self.start, self.end)
        ]
        return (min(a for a, _ in inside), max(b for _, b in inside)) if inside else None

    def covered_periods(self) -> list[tuple[date, date]]:
        """The parts of the range some event dataset covers (in any country), joined where they meet."""
        low = min((s.first for s in self.spans), default=date.min)
        high = max((s.last for s in self.spans), default=date.max)
        return covered_parts(((s.first, s.last) for s in self.spans), self.start or low, self.end or high)

    def covered_text(self) -> str:
        """'2021-08-01 to 2021-12-31 and 2023-10-01 to 2023-10-31' (empty when nothing is covered)."""
        parts = [f"{first} to {last}" for first, last in self.covered_periods()]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + (" and " + parts[-1] if parts else "")

    @property
    def complete(self) -> bool:
        """True when every day of the range is covered by an event dataset in every country covered at all."""
        if not self.spans:
            return False
        keys = {s.key for s in self.spans} | set(self.known_countries)
        for key in keys:
            own = sorted((s for s in self.spans if s.key == key), key=lambda s: s.first)
            first = self.start or min(s.first for s in self.spans)
            last = self.end or max(s.last for s in self.spans)
            day = first
            for span in own:
                if span.first > day:
                    break
                day = max(day, span.last + timedelta(days=1))
            if day <= last:
                return False
        return True

    def uncovered_years(self, years: list[int] | None = None) -> list[int]:
        """The years of the range (bounded by the data when the range is open) no event dataset touches."""
        if not self.spans:
            return []
        first = (self.start or min(s.first for s in self.spans)).year
        last = (self.end or max(s.last for s in self.spans)).year
        return [
            y
            for y in (years if years is not None else range(first, last + 1))
            if not any(_overlaps(s, date(y, 1, 1), date(y, 12, 31)) for s in self.spans)
        ]

    def to_json(self) -> dict[str, Any]:
        return {"coverage": [s.to_json() for s in (*self.spans, *self.totals)], "coverage_notes": list(self.notes)}


def _overlaps(span: Span, start: date | None, end: date | None) -> bool:
    return (end is None or span.first <= end) and (start is None or span.last >= start)


def listing_coverage(con: DuckDBPyConnection, f: EventFilter) -> ListingCoverage:
    """What covers the dataset events `f` lists (its datasets and country), for its range: the spans and
    their sentences ('UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31; nothing after'). Data
    that begins after the range is left out; country totals are named as such (no events, only deaths)."""
    from torkham.datasets.catalog import catalog
    from torkham.store.coverage import Coverage, read_coverage

    if f.layer == "kb":
        return ListingCoverage(start=f.start, end=f.end)
    info = catalog()
    held = read_coverage(con)

    def wanted(span: Span) -> bool:
        if f.country is None:
            return True
        return span.country in f.country.names or (span.iso3 or "") in f.country.iso3 or span.key in f.country.iso3

    event_spans = tuple(
        s
        for s in held.spans
        if wanted(s)
        and not (s.dataset in info and info[s.dataset].is_aggregate)
        and (f.dataset is None or s.dataset == f.dataset)
        and (f.end is None or s.first <= f.end)
    )
    totals: tuple[Span, ...] = ()
    if f.dataset is None:
        totals = tuple(
            s
            for s in held.spans
            if wanted(s) and s.dataset in info and info[s.dataset].is_aggregate and _overlaps(s, f.start, f.end)
        )
    notes = _merged(Coverage(event_spans).sentences(f.start, f.end))
    if not event_spans:
        notes.insert(0, "no event data held covers " + ("this country" if f.country else "any country"))
    missing = [name for key, name in sorted(_known(event_spans, totals).items(), key=lambda kv: kv[1])
               if key not in {s.key for s in event_spans if _overlaps(s, f.start, f.end)}]  # fmt: skip
    if missing and event_spans and (f.start or f.end):
        notes.append(f"no event data covers {' or '.join(missing)} from {f.start or '…'} to {f.end or '…'}")
    for sentence in _merged(Coverage(totals).sentences()):
        notes.append(f"{sentence}: no events, only monthly deaths per country")
    return ListingCoverage(event_spans, totals, f.start, f.end, tuple(notes))


def _known(*groups: tuple[Span, ...]) -> dict[str, str]:
    return {s.key: s.country for spans in groups for s in spans}


def _merged(sentences: list[str]) -> list[str]:
    """Sentences that differ only by their country as one: '… covers Afghanistan and Pakistan from …'."""
    groups: dict[tuple[str, str], list[str]] = {}
    for sentence in sentences:
        head, sep, tail = sentence.partition(" covers ")
        country, _, rest = tail.partition(" from ")
        key = (head + sep, " from " + rest) if sep and rest else (sentence, "")
        groups.setdefault(key, []).append(country if sep and rest else "")
    out = []
    for (head, rest), countries in groups.items():
        if not rest:
            out.append(head)
            continue
        names = countries[0] if len(countries) == 1 else ", ".join(countries[:-1]) + " and " + countries[-1]
        out.append(f"{head}{names}{rest}")
    return out
