"""What `torkham kb export` and /api/v1/export write, read from the store: the knowledge base, and for
the map formats every dataset event (with its coordinates, when the dataset gives them) and the datasets
held with their licence and attribution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from torkham.kb.formats.common import Material

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection


def export_material(con: DuckDBPyConnection, with_events: bool = False) -> Material:
    from torkham.store import queries
    from torkham.store.events import EventFilter, find_events

    document = queries.export_all(con)
    if not with_events:
        return Material(document)
    events = find_events(con, EventFilter(layer="data"), limit=None).items
    return Material(document, [dict(e) for e in events], queries.datasets(con))
