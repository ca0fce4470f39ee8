"""A dataset version is what the file states — its name (UCDP's GEDEvent_v25_1.csv, ged251-csv.zip,
GEDEvent_v23_0_10.csv), a column the format reads it from, or the bundled file it is — never guessed
from what it holds. The span a UCDP version covers follows from the version itself."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from torkham.datasets.formats.ucdp import CANDIDATE_NAME, FINAL_NAMES
from torkham.errors import TorkhamError

_FINAL = re.compile(r"(\d{2})\.1")
_CANDIDATE = re.compile(r"(\d{2})\.0\.(\d{1,2})")
_FIXES = {
    "ucdp-ged": "(its name is not GEDEvent_vYY_1.csv or gedYY1-csv.zip); pass --version, e.g. --version 25.1",
    "ucdp-candidate": "(its name is not GEDEvent_vYY_0_M.csv); pass --version, e.g. --version 25.0.1",
    "ucdp-country-month": "(it is not the bundled file); pass --version, e.g. --version 25.1-pace-hist",
}
_NAMES = {
    "ucdp-ged": "UCDP GED",
    "ucdp-candidate": "UCDP Candidate Events",
    "ucdp-country-month": "UCDP country-month",
}


@dataclass(frozen=True)
class Span:
    """The days a version speaks for, and how that is known."""

    first: date
    last: date
    stated_by: str


def stated_version(dataset: str, names: tuple[str, ...], sha256: str) -> tuple[str, str | None] | None:
    """(version, note) the file states before it is read: the bundled file it is, or its name."""
    from torkham.datasets.bundled import bundled_datasets

    for bundled in bundled_datasets():
        if bundled.sha256 == sha256 and bundled.dataset == dataset:
            return bundled.version, None
    return version_from_names(dataset, names) if dataset in ("ucdp-ged", "ucdp-candidate") else None


def version_from_names(dataset: str, names: tuple[str, ...]) -> tuple[str, str] | None:
    """(version, note) stated by one of a file's names (its own, a zip member's), or None."""
    for name in names:
        found = _candidate_name(name) if dataset == "ucdp-candidate" else _final_name(name)
        if found:
            return found, f"version {found} taken from the file name {name}"
    return None


def _final_name(name: str) -> str | None:
    for pattern in FINAL_NAMES:
        found = re.search(pattern, name, re.IGNORECASE)
        if found:
            return f"{found.group(1)}.1"
    return None


def _candidate_name(name: str) -> str | None:
    found = re.search(CANDIDATE_NAME, name, re.IGNORECASE)
    if found and 1 <= int(found.group(2)) <= 12:
        return f"{found.group(1)}.0.{int(found.group(2))}"
    return None


def is_candidate_version(version: str) -> bool:
    return _CANDIDATE.fullmatch(version.strip()) is not None


def unstated(dataset: str, shown: str) -> TorkhamError:
    """The refusal when a file of a dataset that must state its version does not."""
    what = _NAMES.get(dataset, dataset)
    fix = _FIXES.get(dataset, "; pass --version")
    return TorkhamError(f"{shown}: the file does not state its {what} version {fix}")


def must_state_version(dataset: str) -> bool:
    """UCDP versions decide what an import covers, so they are never left unknown."""
    return dataset in _FIXES


def release_span(dataset: str, version: str) -> Span | None:
    """The span a UCDP version covers: GED YY.1 covers 1989-01-01 to the end of 20YY-1; Candidate YY.0.M
    the month M of 20YY. None for a version that states no span (ACLED, GDELT, or unreadable)."""
    if not dataset.startswith("ucdp"):
        return None
    final = _FINAL.fullmatch(version.strip())
    if final:
        last = date(2000 + int(final.group(1)) - 1, 12, 31)
        first = date(1989, 1, 1)
        return Span(first, last, f"UCDP GED {version} release: events {first} to {last}")
    candidate = _CANDIDATE.fullmatch(version.strip())
    if candidate and 1 <= int(candidate.group(2)) <= 12:
        first = date(2000 + int(candidate.group(1)), int(candidate.group(2)), 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        return Span(first, last, f"UCDP Candidate {version} release: events {first} to {last}")
    return None
