"""What a signal is: one finding (kind, period, summary, the events behind it) and the set computed for a
selection as of a day. Kept apart from the computations so that each kind of signal can build them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from torkham.analysis.selection import Selection, events_behind

if TYPE_CHECKING:
    from torkham.analysis._typing import Record
    from torkham.analysis.selection import Tables


@dataclass
class Signal:
    kind: str  # compare-4w | compare-52w | highest | change-point | new-actor
    metric: str | None
    start: date  # the period the signal speaks of
    end: date
    summary: str
    values: Record
    events: Record  # count, ids (the first ones), query

    def to_json(self) -> Record:
        return {
            "kind": self.kind,
            "metric": self.metric,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "summary": self.summary,
            **self.values,
            "events": self.events,
        }


@dataclass
class Signals:
    selection: Selection
    as_of: date
    as_of_note: str
    versions: list[str]
    coverage: tuple[date, date] | None
    min_events: int
    gap_days: int = 365
    record_months: int = 12
    signals: list[Signal] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _behind: dict[tuple[date, date, str | None], Record] = field(default_factory=dict, repr=False)

    def behind(self, backend: Tables, start: date, end: date, name: str | None = None) -> Record:
        """The events behind a signal, asked once per period and name (several signals share them)."""
        key = (start, end, name)
        if key not in self._behind:
            self._behind[key] = events_behind(backend, self.selection, start, end, name=name)
        return self._behind[key]

    @property
    def week(self) -> tuple[date, date]:
        return self.as_of - timedelta(days=6), self.as_of

    def to_json(self) -> Record:
        return {
            "dataset": self.selection.dataset,
            "versions": self.versions,
            "actor": {"id": self.selection.actor_id, "name": self.selection.actor_name}
            if self.selection.actor_id
            else None,
            "country": self.selection.country_label,
            "as_of": self.as_of.isoformat(),
            "as_of_note": self.as_of_note,
            "this_period": [d.isoformat() for d in self.week],
            "data_covers": [d.isoformat() for d in self.coverage] if self.coverage else None,
            "min_events": self.min_events,
            "record_months": self.record_months,
            "gap_days": self.gap_days,
            "notes": self.notes,
            "signals": [s.to_json() for s in self.signals],
        }
