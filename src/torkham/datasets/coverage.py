"""What each import covers, per country (the `coverage` table): the days its data speaks for, how that
is known, and the status of its figures. A (country, day) no row covers is unknown — never 0.

- a UCDP version states its span (versions.release_span): GED 22.1 covers 1989-01-01 … 2021-12-31;
- otherwise (ACLED, GDELT, an unreadable version) from each country's first event to the file's last event;
- totals (country_month): the first to the last month with a figure of the covering measure.

Countries: those the import was filtered to (--country), else those of the rows imported."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.datasets.catalog import catalog
from torkham.datasets.versions import is_candidate_version, release_span
from torkham.model.countries import find_country

if TYPE_CHECKING:
    from torkham.params import CountryRef


@dataclass(frozen=True)
class Observed:
    """A country as the data writes it, with the first and last day its rows speak for."""

    country: str
    iso3: str | None
    first: date
    last: date


def observed(con, relation: str, params: list[Any] | None = None) -> list[Observed]:
    """Per country of `relation` (SQL with columns country, iso3, first_day, last_day per row)."""
    rows = con.execute(
        f"""SELECT country, max(iso3), min(first_day), max(last_day) FROM ({relation})
            WHERE country IS NOT NULL AND first_day IS NOT NULL GROUP BY country ORDER BY country""",
        params or [],
    ).fetchall()
    return [Observed(r[0], r[1] or _iso3(r[0]), r[2], r[3]) for r in rows]


def _iso3(country: str) -> str | None:
    known = find_country(country)
    return known.iso3 if known else None


def status_of(dataset: str, version: str) -> str:
    info = catalog().get(dataset)
    if info is not None and info.status == "final" and is_candidate_version(version):
        return "preliminary"  # a Candidate release fetched as GED (torkham fetch ucdp --version 25.0.3)
    return info.status if info is not None else "final"


def event_coverage(
    dataset: str, version: str, file: str, seen: list[Observed], named: tuple[CountryRef, ...] = ()
) -> list[tuple]:
    """Rows (country, iso3, first_day, last_day, status, stated_by) for an import of events."""
    status = status_of(dataset, version)
    span = release_span(dataset, version)
    countries = [(o.country, o.iso3) for o in seen]
    if named:
        countries = [_named(ref, seen) for ref in named]
    if span is not None:
        return [(c, i, span.first, span.last, status, span.stated_by) for c, i in countries]
    # A file that states no period is cut at one day for every country it holds: a country is covered
    # from its first event to the file's last.
    by_name = {o.country: o for o in seen}
    last = max((o.last for o in seen), default=None)
    return [
        (c, i, by_name[c].first, last, status, f"observed: from the first event of {c} to the last event of {file}")
        for c, i in countries
        if c in by_name and last is not None
    ]


def _named(ref: CountryRef, seen: list[Observed]) -> tuple[str, str | None]:
    for o in seen:
        if ref.matches(o.country, o.iso3):
            return o.country, o.iso3 or ref.iso3
    known = find_country(ref.iso3 or ref.typed)
    return (known.name if known else ref.typed), ref.iso3


def aggregate_coverage(dataset: str, file: str, seen: list[Observed]) -> list[tuple]:
    """Rows for an import of totals: first to last month with a figure (last_day: that month's last day)."""
    status = status_of(dataset, "")
    stated = "aggregate: first and last month with a fatalities figure for {} in {}"
    return [(o.country, o.iso3, o.first, o.last, status, stated.format(o.country, file)) for o in seen]


def insert_coverage(con, import_id: int, dataset: str, version: str, rows: list[tuple]) -> None:
    if rows:
        con.executemany(
            "INSERT INTO coverage VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(import_id, dataset, version, *row) for row in rows],
        )


def backfill_coverage(con) -> int:
    """Coverage rows for imports of events made before coverage was recorded (from the events held
    with their import id); returns how many imports were covered."""
    missing = con.execute(
        """SELECT i.import_id, i.dataset, i.dataset_version, i.file FROM imports i
           WHERE NOT EXISTS (SELECT 1 FROM coverage c WHERE c.import_id = i.import_id)
             AND EXISTS (SELECT 1 FROM events e WHERE e.import_id = i.import_id)
           ORDER BY i.import_id"""
    ).fetchall()
    for import_id, dataset, version, file in missing:
        seen = observed(
            con,
            "SELECT country, iso3, date_start AS first_day, date_end AS last_day FROM events WHERE import_id = ?",
            [import_id],
        )
        insert_coverage(con, import_id, dataset, version, event_coverage(dataset, version, file, seen))
    return len(missing)


def coverage_rows(con, dataset: str | None = None) -> list[dict[str, Any]]:
    """Every coverage row (of one dataset), oldest import first: import_id, dataset, dataset_version,
    country, iso3, first_day, last_day, status, stated_by."""
    where, params = ("WHERE dataset = ?", [dataset]) if dataset else ("", [])
    cursor = con.execute(
        f"SELECT * FROM coverage {where} ORDER BY import_id, country",
        params,
    )
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
