"""The coverage of the data an analysis reads (store.coverage's spans), read through Ibis so the same
code runs on another backend."""

from __future__ import annotations

from typing import TYPE_CHECKING

from torkham.analysis.prepared import Slots, Value, run
from torkham.store.coverage import COLUMNS, OBSERVED, Coverage, span_from_row

if TYPE_CHECKING:
    import ibis.expr.types as ir

    from torkham.analysis.selection import Tables


def read_coverage(backend: Tables) -> Coverage:
    """Every span held; for events no coverage row describes, per country the span from its first event
    to the last event of the dataset (an export is cut at one day for every country it holds)."""
    if backend.cached_coverage is not None:
        return backend.cached_coverage
    stated: list[tuple[object, ...]] = []
    if "coverage" in backend.names():
        held = run(backend, ("coverage stated",), {}, lambda _: backend.table("coverage").select(*COLUMNS))
        stated = [tuple(r[c] for c in COLUMNS) for r in held]
    described = tuple(sorted({str(row[0]) for row in stated}))
    values: dict[str, Value] = {"described": described} if described else {}
    observed = run(backend, ("coverage observed",), values, lambda slots: _observed(backend, slots))
    rows = stated + [
        (r["dataset"], r["version"], r["country"] or r["iso3"], r["iso3"], r["first"], r["last"], None, OBSERVED)
        for r in observed
    ]
    backend.cached_coverage = Coverage(tuple(span_from_row(r) for r in rows))
    return backend.cached_coverage


def _observed(backend: Tables, slots: Slots) -> ir.Table:
    """Per dataset no coverage row describes and country: the first event, and the dataset's last."""
    events = backend.table("events")
    undescribed = (
        events.filter(~events.dataset.isin(slots.texts("described"))) if "described" in slots.values else events
    )
    undescribed = undescribed.filter(events.country.notnull() | events.iso3.notnull())
    whole = undescribed.group_by("dataset").aggregate(
        version=undescribed.dataset_version.max(), last=undescribed.date_start.max()
    )
    countries = undescribed.group_by("dataset", "country", "iso3").aggregate(first=undescribed.date_start.min())
    return countries.join(whole, "dataset")
