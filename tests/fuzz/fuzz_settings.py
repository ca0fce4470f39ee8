"""The fuzz suite's shared counters and batch size (a plain module, so tests and the conftest share one copy)."""

from __future__ import annotations

from collections import Counter

from hypothesis import settings

COUNTS: Counter[str] = Counter()
BATCH = {"torkham-ci": 120, "torkham-long": 200}  # rows per file at most


def batch() -> int:
    return BATCH.get(settings.default._current_profile or "", 80)  # type: ignore[attr-defined]
