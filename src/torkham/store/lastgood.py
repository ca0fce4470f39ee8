"""Answering from the last valid build while the knowledge files do not validate.

The store is never rebuilt from knowledge that does not validate. Until the files are fixed, a store that
holds a valid build keeps answering from it, and every surface says so: the commands with one warning line
(logged to `torkham.knowledge`, which the CLI prints as `Warning: …`), the pages with a banner. A store
without a valid build has nothing to answer from; commands then refuse with every problem."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from torkham.kb.loader import shown_path

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

log = logging.getLogger("torkham.knowledge")
BUILT_KEY = "kb_built"  # meta: when the knowledge layer was last built, as BUILT_FORMAT (UTC)
BUILT_FORMAT = "%Y-%m-%d %H:%M UTC"


@dataclass(frozen=True)
class LastGood:
    """The knowledge files in `kb_root` do not validate; the store answers from its build of `built`."""

    kb_root: Path
    problems: tuple[str, ...]  # file:line: message, in file and line order
    built: str | None  # None: the store was built before torkham recorded when

    @classmethod
    def of(cls, kb_root: Path, problems: list[str], built: str | None) -> LastGood:
        return cls(kb_root, tuple(sorted(problems, key=problem_order)), built)

    def first_problem(self) -> str:
        more = len(self.problems) - 1
        return self.problems[0] + (f"; and {more} more" if more else "")

    def warning(self) -> str:
        """One line: what is wrong, what answers meanwhile, what to run."""
        when = f"of {self.built}" if self.built else "(its date was not recorded)"
        return (
            f"the knowledge in {shown_path(self.kb_root)} does not validate ({self.first_problem()}); answering "
            f"from the last valid build {when}. Run `torkham kb validate` for every problem."
        )


def problem_order(problem: str) -> tuple[str, int]:
    """`file:line: message` sorted by file, then line."""
    file, _, rest = problem.partition(":")
    line, _, _ = rest.partition(":")
    return (file, int(line) if line.isdigit() else 0)


def built_now() -> str:
    return datetime.now(UTC).strftime(BUILT_FORMAT)


def built_at(con: DuckDBPyConnection) -> str | None:
    """When the store's knowledge layer was built (None when not recorded)."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "meta" not in tables:
        return None
    row = con.execute("SELECT value FROM meta WHERE key = ?", [BUILT_KEY]).fetchone()
    return str(row[0]) if row else None


def check_knowledge(kb_root: Path, built: str | None) -> LastGood | None:
    """Validate the knowledge files now on disk: None when they validate, else what to say while the store
    (built at `built`) answers from its last valid build. For a server that runs while they are edited."""
    from torkham.kb.validate import validate_knowledge
    from torkham.model.vocabulary import default_vocabulary

    validation = validate_knowledge(kb_root, default_vocabulary())
    return None if validation.ok else LastGood.of(kb_root, validation.problems, built)
