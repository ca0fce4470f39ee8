"""Newly active actors: raw actor names in this period's events that never appeared before in the
dataset (and country), or not for `gap_days` days."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from torkham.analysis.selection import selected
from torkham.analysis.signal_records import Signal, Signals

if TYPE_CHECKING:
    from torkham.analysis._typing import Record
    from torkham.analysis.selection import Tables


def new_actor_signals(backend: Tables, result: Signals, span: tuple[date, date], gap_days: int) -> list[Signal]:
    start, end = result.week
    now = selected(backend, result.selection, start, end)
    names = sorted(
        {
            name
            for row in now.select("actor1", "actor2").distinct().to_pyarrow().to_pylist()
            for name in (row["actor1"], row["actor2"])
            if name
        }
    )
    if not names:
        return []
    last_seen = _last_seen(backend, result, names, start - timedelta(days=1))
    mapped = _actor_ids(backend, result.selection.dataset, names)
    history_days = (start - span[0]).days
    out: list[Signal] = []
    for name in names:
        seen = last_seen.get(name)
        if seen is None:
            if history_days < gap_days:
                result.notes.append(
                    f"'{name}' first appears in this period, but the data begins only {history_days} days earlier"
                )
                continue
            summary = f"'{name}' appears for the first time in the {result.selection.dataset} data held"
            values: Record = {"name": name, "actor_ids": mapped.get(name, []), "last_seen": None, "gap_days": None}
        elif (start - seen).days >= gap_days:
            gap = (start - seen).days
            summary = f"'{name}' is active again after {gap:,} days (last seen {seen})"
            values = {"name": name, "actor_ids": mapped.get(name, []), "last_seen": seen.isoformat(), "gap_days": gap}
        else:
            continue
        behind = result.behind(backend, start, end, name)
        out.append(Signal("new-actor", None, start, end, summary, values, behind))
    return out


def _last_seen(backend: Tables, result: Signals, names: list[str], before: date) -> dict[str, date]:
    """The last day each name appears before the period, in the dataset and country (any actor)."""
    earlier = selected(backend, result.selection.without_actor(), end=before)
    sides = earlier.select(name=earlier.actor1, day=earlier.date_start).union(
        earlier.select(name=earlier.actor2, day=earlier.date_start), distinct=False
    )
    found = sides.filter(sides.name.isin(names)).group_by("name").aggregate(last=sides.day.max())
    return {r["name"]: r["last"] for r in found.to_pyarrow().to_pylist()}


def _actor_ids(backend: Tables, dataset: str, names: list[str]) -> dict[str, list[str]]:
    mapped = backend.table("dataset_actor_names")
    rows = mapped.filter(mapped.dataset == dataset, mapped.raw_name.isin(names)).to_pyarrow().to_pylist()
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row["raw_name"], []).append(row["actor_id"])
    return {k: sorted(v) for k, v in out.items()}
