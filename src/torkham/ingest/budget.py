"""The budget of one `torkham ingest`: a document over its page or character cap is refused once they are
known; one that takes longer than its seconds or more memory than its megabytes while it is read and
proposed is stopped there. Every refusal is one line naming the limit and how to raise it, and comes
before anything is written (the workspace change and the store copy are discarded).

    with Guard(budget, path) as guard:       # a timer checks time and memory four times a second
        guard.stage = "proposing"            # named in the refusal
        ...
        guard.check()                        # also checked between steps (and without the timer)
"""

from __future__ import annotations

import resource
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType, TracebackType

from torkham.config import IngestBudget
from torkham.errors import TorkhamError

TICK = 0.25  # seconds between two checks of the timer
_HOW = {
    "seconds": ("--max-seconds", "TORKHAM_INGEST_SECONDS"),
    "memory_mb": ("--max-memory-mb", "TORKHAM_INGEST_MEMORY_MB"),
    "max_pages": ("--max-pages", "TORKHAM_INGEST_MAX_PAGES"),
    "max_chars": ("--max-chars", "TORKHAM_INGEST_MAX_CHARS"),
}


class OverBudget(TorkhamError):
    """A document over one of the limits of its budget; nothing was written."""


def raise_hint(limit: str) -> str:
    option, variable = _HOW[limit]
    return f"split the document, or raise the limit with {option} or {variable}"


def check_pages(path: Path, pages: int, budget: IngestBudget | None) -> None:
    if budget is not None and pages > budget.max_pages:
        raise OverBudget(
            f"{path}: the document has {pages:,} pages, over the limit of {budget.max_pages:,} pages; "
            f"nothing was written; {raise_hint('max_pages')}"
        )


def check_characters(path: Path, characters: int, budget: IngestBudget | None) -> None:
    if budget is not None and characters > budget.max_chars:
        raise OverBudget(
            f"{path}: the text has {characters:,} characters, over the limit of {budget.max_chars:,} characters; "
            f"nothing was written; {raise_hint('max_chars')}"
        )


def memory_mb() -> int:
    """The process's resident memory now (Linux), else its peak so far, in megabytes."""
    try:
        resident_pages = int(Path("/proc/self/statm").read_text().split()[1])
        return resident_pages * resource.getpagesize() // 2**20
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


class Guard:
    """Time and memory of one ingest, checked by a timer (SIGALRM, main thread only) and at each `check`."""

    def __init__(self, budget: IngestBudget, path: Path):
        self.budget, self.path = budget, path
        self.stage = "reading"
        self.started = time.monotonic()
        self._armed = False
        self._previous: object = None
        self.refusal: str | None = None

    def __enter__(self) -> Guard:
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            self._previous = signal.signal(signal.SIGALRM, self._tick)
            signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
            self._armed = True
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.disarm()

    def disarm(self) -> None:
        """No more checks: what follows (writing) must not be interrupted."""
        if self._armed:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            self._armed = False

    def _tick(self, signum: int, frame: FrameType | None) -> None:
        if isinstance(sys.exc_info()[1], OverBudget):
            return  # the stop is being handled (clean-up on its way out): never interrupt that
        self.check()

    def check(self) -> None:
        """Raise OverBudget when over a limit. Once over, every later tick raises again — a library that
        catches every exception (pypdf repairs what it can) cannot swallow the stop — except while the
        stop is being handled (an `except`, `finally` or `__exit__` on its way out is never interrupted)."""
        if self.refusal is None:
            self.refusal = self._over()
        if self.refusal is not None:
            raise OverBudget(self.refusal)

    def _over(self) -> str | None:
        if time.monotonic() - self.started > self.budget.seconds:
            return (
                f"{self.path}: ingesting took longer than the limit of {self.budget.seconds:g} seconds "
                f"(stopped while {self.stage}); nothing was written; {raise_hint('seconds')}"
            )
        used = memory_mb()
        if used > self.budget.memory_mb:
            return (
                f"{self.path}: ingesting used {used:,} MB of memory, over the limit of {self.budget.memory_mb:,} MB "
                f"(stopped while {self.stage}); nothing was written; {raise_hint('memory_mb')}"
            )
        return None
