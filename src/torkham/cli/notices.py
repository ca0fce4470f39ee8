"""Warnings the library logs for the user, printed as one `Warning: …` line on standard error. The store
logs one while it answers from its last valid build because the knowledge does not validate
(store/lastgood.py)."""

from __future__ import annotations

import logging

import typer

SHOWN = ("torkham.knowledge",)  # loggers whose warnings a command shows


class _WarningLine(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        typer.echo(f"Warning: {record.getMessage()}", err=True)  # the stderr of now (tests capture it)


def show_warnings() -> None:
    """Print the warnings of SHOWN loggers on standard error (once, however often the CLI runs)."""
    for name in SHOWN:
        logger = logging.getLogger(name)
        if not any(isinstance(handler, _WarningLine) for handler in logger.handlers):
            logger.addHandler(_WarningLine(logging.WARNING))
