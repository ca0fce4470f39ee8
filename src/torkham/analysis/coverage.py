"""The coverage of the data an analysis reads (store.coverage's spans), read through Ibis so the same
code runs on another backend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from torkham.store.coverage import COLUMNS, OBSERVED, Coverage, span_from_row

if TYPE_CHECKING:
    from torkham.analysis.selection import Tables


def read_coverage(backend: Tables) -> Coverage:
    """Every span held; for events no coverage row describes, per country the span from its first event
    to the last event of the dataset (an export is cut at one day for every country it holds)."""
    if backend.cached_coverage is not None:
        return backend.cached_coverage
    stated: list[tuple[object, ...]] = []
    if "coverage" in backend.names():
        table = backend.table("coverage")
        stated = [tuple(r[c] for c in COLUMNS) for r in table.select(*COLUMNS).to_pyarrow().to_pylist()]
    described = {str(row[0]) for row in stated}
    events = backend.table("events")
    undescribed = events.filter(~events.dataset.isin(sorted(described))) if described else events
    undescribed = undescribed.filter(events.country.notnull() | events.iso3.notnull())
    whole = undescribed.group_by("dataset").aggregate(
        version=undescribed.dataset_version.max(), last=undescribed.date_start.max()
    )
    countries = undescribed.group_by("dataset", "country", "iso3").aggregate(first=undescribed.date_start.min())
    observed = countries.join(whole, "dataset").to_pyarrow().to_pylist()
    rows = stated + [
        (r["dataset"], r["version"], r["country"] or r["iso3"], r["iso3"], r["first"], r["last"], None, OBSERVED)
        for r in observed
    ]
    backend.cached_coverage = Coverage(tuple(span_from_row(r) for r in rows))
    return backend.cached_coverage
