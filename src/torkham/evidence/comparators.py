"""The comparators of a claim check: each takes the computed value(s) and the stated ones and says
whether the data bear the statement out, with a sentence saying why. Exact arithmetic (fractions),
so that a value exactly at the tolerance boundary counts as equal."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Outcome:
    holds: bool
    text: str


def exact(number: float | int) -> Fraction:
    """A YAML number as an exact fraction (0.1 is one tenth, not the nearest binary float)."""
    return Fraction(str(number)) if isinstance(number, float) else Fraction(number)


def show(number: Fraction | float | int) -> str:
    number = exact(number) if not isinstance(number, Fraction) else number
    if number.denominator == 1:
        return f"{number.numerator:,}"
    return f"{float(number):,.2f}".rstrip("0").rstrip(".")


def equals(computed: int, value: float | int, tolerance: dict[str, float | int]) -> Outcome:
    kind, amount = next(iter(tolerance.items()))
    stated = exact(value)
    allowed = exact(amount) * abs(stated) if kind == "relative" else exact(amount)
    gap = abs(Fraction(computed) - stated)
    margin = f"± {show(allowed)}" + (f" ({show(exact(amount) * 100)}%)" if kind == "relative" else "")
    where = "within" if gap <= allowed else "outside"
    return Outcome(gap <= allowed, f"{show(computed)} against {show(stated)} {margin}: {where} the tolerance")


def at_least(computed: int, value: float | int, strict: bool = False) -> Outcome:
    stated = exact(value)
    holds = computed > stated if strict else computed >= stated
    sign = ">" if strict else "≥"
    return Outcome(holds, f"{show(computed)} {'is' if holds else 'is not'} {sign} {show(stated)}")


def at_most(computed: int, value: float | int, strict: bool = False) -> Outcome:
    stated = exact(value)
    holds = computed < stated if strict else computed <= stated
    sign = "<" if strict else "≤"
    return Outcome(holds, f"{show(computed)} {'is' if holds else 'is not'} {sign} {show(stated)}")


def highest_in(computed: int, label: str, others: list[tuple[str, int]], unit: str, min_size: int = 1) -> Outcome:
    """`computed` (of period `label`) against the other periods of the window: a record when it is above
    every one of them (a tie is not a record) and at least `min_size`."""
    span = f"{len(others) + 1} {unit}s"
    if not others:
        return Outcome(computed >= min_size, f"{show(computed)} in {label}; no other {unit} in the window")
    top_label, top = max(reversed(others), key=lambda item: item[1])  # the latest of equal highs
    if computed < min_size:
        return Outcome(False, f"{show(computed)} in {label} is below the minimum size {min_size}: not a record")
    if computed > top:
        return Outcome(True, f"{show(computed)} in {label}, the highest in {span} (next: {show(top)} in {top_label})")
    relation = "equals" if computed == top else "is below"
    return Outcome(
        False, f"{show(computed)} in {label} {relation} {show(top)} in {top_label}: not the highest in {span}"
    )


def change(
    computed: int, baseline: int, months: tuple[int, int], direction: str, min_change: float | None = None
) -> Outcome:
    """rose / fell: the period against the baseline, per month when their lengths differ."""
    current, before = Fraction(computed), Fraction(baseline)
    basis = ""
    if months[0] != months[1]:
        current, before = current / months[0], before / months[1]
        basis = " a month"
    head = f"{show(current)}{basis} against {show(before)}{basis} in the baseline"
    if before == 0:
        rose = current > 0
        holds = rose if direction == "rose" else False
        return Outcome(holds, f"{head}: {'up from none' if rose else 'none in either'}")
    percent = (current - before) * 100 / before
    moved = percent > 0 if direction == "rose" else percent < 0
    needed = exact(min_change) if min_change is not None else Fraction(0)
    holds = moved and abs(percent) >= needed
    text = f"{head}: {'+' if percent >= 0 else '−'}{show(abs(percent))}%"
    if min_change is not None:
        text += f" (the claim needs {'+' if direction == 'rose' else '−'}{show(needed)}% or more)"
    return Outcome(holds, text)
