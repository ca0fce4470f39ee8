"""What the data held covers: per dataset and country, the days its figures speak for (the `coverage`
table the importers fill), and the sentences that say so. A (country, day) no span covers is unknown:
an answer there is null, never 0."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from torkham.datasets.catalog import catalog
from torkham.store.memo import remembered

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

    from torkham.params import CountryRef

OBSERVED = "observed: from the country's first event to the dataset's last (no import stated its coverage)"
COLUMNS = ("dataset", "dataset_version", "country", "iso3", "first_day", "last_day", "status", "stated_by")


def country_key(name: str | None, iso3: str | None) -> str:
    """One key per country whichever way a row writes it: the ISO3 code when known, else the name."""
    if iso3:
        return iso3.strip().upper()
    from torkham.model.countries import find_country

    found = find_country(name or "")
    return found.iso3 if found else (name or "").strip().casefold()


@dataclass(frozen=True)
class Span:
    dataset: str
    version: str
    country: str
    iso3: str | None
    first: date
    last: date
    status: str  # final | preliminary | aggregate
    stated_by: str

    @property
    def key(self) -> str:
        return country_key(self.country, self.iso3)

    @property
    def dataset_name(self) -> str:
        info = catalog().get(self.dataset)
        return info.name if info else self.dataset

    def sentence(self) -> str:
        """'UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31'."""
        kind = {"preliminary": " (preliminary)", "aggregate": " (country totals, not events)"}.get(self.status, "")
        return f"{self.dataset_name} {self.version}{kind} covers {self.country} from {self.first} to {self.last}"

    def to_json(self) -> dict[str, str | None]:
        return {
            "dataset": self.dataset,
            "version": self.version,
            "country": self.country,
            "iso3": self.iso3,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "status": self.status,
            "stated_by": self.stated_by,
        }


@dataclass(frozen=True)
class Coverage:
    spans: tuple[Span, ...]

    def of(self, datasets: Iterable[str], country: CountryRef | None = None) -> Coverage:
        wanted = set(datasets)
        return Coverage(
            tuple(
                s for s in self.spans if s.dataset in wanted and (country is None or country.matches(s.country, s.iso3))
            )
        )

    def countries(self) -> dict[str, str]:
        """Key -> name of every country covered, by name."""
        found = {s.key: s.country for s in self.spans}
        return dict(sorted(found.items(), key=lambda item: item[1]))

    def bounds(self) -> tuple[date, date] | None:
        if not self.spans:
            return None
        return min(s.first for s in self.spans), max(s.last for s in self.spans)

    def covering(self, dataset: str, key: str, first: date, last: date) -> Span | None:
        """A span of `dataset` for country `key` holding every day of [first, last] (spans of several
        imports join when they meet), or None."""
        day = first
        found: Span | None = None
        for span in sorted((s for s in self.spans if s.dataset == dataset and s.key == key), key=lambda s: s.first):
            if span.first > day:
                break
            if span.last >= day:
                found = found or span
                day = span.last + timedelta(days=1)
            if day > last:
                return found
        return None

    def sentences(self, start: date | None = None, end: date | None = None, overlapping: bool = False) -> list[str]:
        """One sentence per dataset and country; the last (first) data of a country says 'nothing after'
        ('nothing before') when [start, end] reaches beyond it. With `overlapping`, only the datasets that
        cover part of [start, end]."""
        reach: dict[str, tuple[date, date]] = {}
        for span in self.spans:
            first, last = reach.get(span.key, (span.first, span.last))
            reach[span.key] = (min(first, span.first), max(last, span.last))
        out = []
        for spans in _grouped(self.spans).values():
            first, last = min(s.first for s in spans), max(s.last for s in spans)
            if overlapping and not (first <= (end or last) and last >= (start or first)):
                continue
            text = _joined(spans)
            country_first, country_last = reach[spans[0].key]
            later = [s.first for s in self.spans if s.key == spans[0].key and s.first > last]
            if end is not None and end > last == country_last:
                text += "; nothing after"
            elif end is not None and end > last and later and min(later) > last + timedelta(days=1):
                text += f"; nothing after until {min(later)}"
            if start is not None and start < first == country_first:
                text += f"; nothing before {first}"
            out.append(text)
        return out


def _grouped(spans: Sequence[Span]) -> dict[tuple[str, str], list[Span]]:
    groups: dict[tuple[str, str], list[Span]] = {}
    for span in spans:
        groups.setdefault((span.dataset, span.key), []).append(span)
    return groups


def _joined(spans: list[Span]) -> str:
    """'UCDP GED 22.1 covers Pakistan from 1989-01-01 to 2021-12-31' (versions joined for several imports)."""
    ordered = sorted(spans, key=lambda s: (s.first, s.version))
    if len(ordered) == 1:
        return ordered[0].sentence()
    head = ordered[0]
    parts = ", ".join(f"{s.version}: {s.first} to {s.last}" for s in ordered)
    return f"{head.dataset_name} covers {head.country} ({parts})"


def span_from_row(row: Sequence[object]) -> Span:
    """A span from a row of COLUMNS; a NULL status (events no coverage row describes) is the catalog's."""
    dataset, version, country, iso3, first, last, status, stated_by = row
    assert isinstance(first, date) and isinstance(last, date)
    if status is None:
        info = catalog().get(str(dataset))
        status = info.status if info else "final"
    return Span(str(dataset), str(version), str(country), None if iso3 is None else str(iso3), first, last,
                str(status), str(stated_by))  # fmt: skip


def read_coverage(con: DuckDBPyConnection) -> Coverage:
    """Every span the store holds, with the observed span of events that no coverage row describes; once per
    opening of the store for a cursor bound to its cache (store.memo)."""
    return remembered(con, ("coverage",), lambda: _read_coverage(con))


def _read_coverage(con: DuckDBPyConnection) -> Coverage:
    held = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    if "coverage" not in held:
        return Coverage(())
    rows = con.execute(f"SELECT {', '.join(COLUMNS)} FROM coverage ORDER BY dataset, country, first_day").fetchall()
    observed = con.execute(
        """WITH undescribed AS (
              SELECT * FROM events WHERE dataset NOT IN (SELECT dataset FROM coverage)
                AND coalesce(country, iso3) IS NOT NULL)
            SELECT dataset, max(dataset_version) OVER (PARTITION BY dataset), coalesce(country, iso3), iso3,
                   first, max(last) OVER (PARTITION BY dataset), NULL, ?
            FROM (SELECT dataset, any_value(dataset_version) AS dataset_version, country, iso3,
                         min(date_start) AS first, max(date_start) AS last
                  FROM undescribed GROUP BY dataset, country, iso3)""",
        [OBSERVED],
    ).fetchall()
    return Coverage(tuple(span_from_row(r) for r in [*rows, *observed]))


def covered_parts(spans: Iterable[tuple[date, date]], start: date, end: date) -> list[tuple[date, date]]:
    """The parts of [start, end] the spans cover, joined where they meet or overlap."""
    inside = sorted((max(first, start), min(last, end)) for first, last in spans if first <= end and last >= start)
    joined: list[tuple[date, date]] = []
    for first, last in inside:
        if joined and first <= joined[-1][1] + timedelta(days=1):
            joined[-1] = (joined[-1][0], max(joined[-1][1], last))
        else:
            joined.append((first, last))
    return joined
