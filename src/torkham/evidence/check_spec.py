"""A claim check as the engine reads it (from the store's export form of a `checks` record), and the
measurement a dataset gives back: the value, why it cannot decide if it cannot, and the evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.model.dates import parse_partial_date

if TYPE_CHECKING:
    from torkham.analysis._typing import Record

NOT_COVERED = "period not covered"
NO_DATA = "no data"
DEFINITIONS_DIFFER = "definitions differ"
YEARLY = "yearly data"


@dataclass(frozen=True)
class CheckSpec:
    id: str
    about: tuple[str, ...]
    checkable: bool
    reason: str | None = None
    metric: str | None = None
    dataset: str | None = None
    filters: dict[str, str] = field(default_factory=dict)  # actor, country, admin1, event_type, origin, asylum
    start: date | None = None  # first day of the period
    end: date | None = None  # last day of the period
    aggregate: str | None = None
    comparator: str | None = None
    value: float | int | None = None
    tolerance: dict[str, float | int] | None = None  # {"absolute" or "relative": amount}
    strict: bool = False
    window: dict[str, Any] | None = None  # {"since": a partial date} or {"months" or "years": a count}
    min_size: int = 1
    baseline: tuple[date, date] | None = None
    min_change: float | None = None
    definitions: str = "same"
    assumes: tuple[str, ...] = ()
    caveats: tuple[str, ...] = ()
    basis: str = "auto"  # the data an event check may read: auto (its family, through coverage) or one basis
    against: tuple[str, ...] = ()  # figures family: the ids of the figures set against the stated value
    record: Record = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_record(cls, record: Record) -> CheckSpec:
        about = record["about"] if isinstance(record["about"], list) else [record["about"]]
        if record.get("checkable", True) is False:
            return cls(record["id"], tuple(about), False, reason=record.get("reason"), record=record)
        start, end = _bounds(record["period"])
        baseline = _bounds(record["baseline"]) if record.get("baseline") else None
        return cls(
            id=record["id"],
            about=tuple(about),
            checkable=True,
            metric=record["metric"],
            dataset=record["dataset"],
            filters=dict(record.get("filters") or {}),
            start=start,
            end=end,
            aggregate=record.get("aggregate"),
            comparator=record["comparator"],
            value=record.get("value"),
            tolerance=record.get("tolerance"),
            strict=bool(record.get("strict", False)),
            window=record.get("window"),
            min_size=int(record.get("min_size") or 1),
            baseline=baseline,
            min_change=record.get("min_change"),
            definitions=record.get("definitions") or "same",
            assumes=tuple(record.get("assumes") or ()),
            caveats=tuple(record.get("caveats") or ()),
            basis=record.get("basis") or "auto",
            against=tuple(_ids(record.get("against"))),
            record=record,
        )

    @property
    def period_text(self) -> str:
        return period_text(self.start, self.end)


def _ids(value: object) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _bounds(period: Record) -> tuple[date, date]:
    return parse_partial_date(period["from"]).first_day, parse_partial_date(period["to"]).last_day


def period_text(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return "?"
    return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"


@dataclass
class Measurement:
    """What a dataset says for a check. `value` is None whenever it cannot speak for the period —
    never a zero for lack of data; `reasons` then say why (each starting with one of the constants above)."""

    value: int | None
    reasons: list[str] = field(default_factory=list)
    evidence: Record = field(default_factory=dict)
    others: list[tuple[str, int]] = field(default_factory=list)  # highest_in: the window's other periods
    baseline: int | None = None  # rose / fell: the baseline's value
    months: tuple[int, int] | None = None  # rose / fell: months in the period and in the baseline

    @property
    def decidable(self) -> bool:
        return self.value is not None and not self.reasons
