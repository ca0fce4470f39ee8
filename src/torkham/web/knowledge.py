"""The knowledge files as the server sees them while it runs: whether they validate, for the banner every page
shows while the store answers from its last valid build (store/lastgood.py)."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.store.lastgood import LastGood, built_at, check_knowledge
from torkham.web.served import ServedStore

log = logging.getLogger("torkham.web")


class KnowledgeWatch:
    """Whether the knowledge files validate. The files are fingerprinted again (one read of each) at most every
    `interval` seconds, and validated again only when they changed; the banner follows within that time."""

    def __init__(self, kb_root: Path, store: ServedStore, last_good: LastGood | None, interval: float = 2.0):
        self.kb_root, self.store, self.interval = kb_root, store, interval
        self._lock = threading.Lock()
        self._fingerprint = self._fingerprint_now()
        self._last_good = last_good
        self._looked = time.monotonic()

    def warning(self) -> str | None:
        """The banner's sentence while the knowledge does not validate; None when it does."""
        with self._lock:
            if time.monotonic() - self._looked >= self.interval:
                self._look()
                self._looked = time.monotonic()
            return self._last_good.warning() if self._last_good else None

    def _look(self) -> None:
        fingerprint = self._fingerprint_now()
        if fingerprint is None or fingerprint == self._fingerprint:
            return
        self._fingerprint = fingerprint
        try:
            self._last_good = check_knowledge(self.kb_root, self._built())
        except TorkhamError:
            log.exception("could not validate the knowledge in %s", self.kb_root)

    def _fingerprint_now(self) -> str | None:
        from torkham.store.build import knowledge_fingerprint

        try:
            return knowledge_fingerprint(self.kb_root)
        except (TorkhamError, OSError):  # the folder is being moved or edited: look again later
            return None

    def _built(self) -> str | None:
        with self.store.reading() as (_, cursor):
            return built_at(cursor)
