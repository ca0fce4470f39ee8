"""Errors a user can act on. The CLI prints their message and exits 1; nothing else is shown."""

from __future__ import annotations


class TorkhamError(Exception):
    """An error whose message tells the user what went wrong and how to fix it."""


class ValidationFailed(TorkhamError):
    """The knowledge base has problems; `problems` holds them as `file:line: message` lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the knowledge base")
