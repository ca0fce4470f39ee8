"""`torkham fetch …`: download from the UCDP and ACLED APIs (only when the user asks)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Annotated

import typer

from torkham.cli.base import app, settings
from torkham.config import Settings
from torkham.store.access import open_store_for_writing
from torkham.store.db import transaction

fetch_app = typer.Typer(
    help="Download events from the UCDP or ACLED API into the store (needs the internet and an account).",
    no_args_is_help=True,
)
app.add_typer(fetch_app, name="fetch")

CountryOption = Annotated[
    str,
    typer.Option("--country", help="Countries, comma-separated: names (Pakistan,Afghanistan) or GW codes (770,700)."),
]
SinceOption = Annotated[str | None, typer.Option("--since", help="Only events from this date on (YYYY-MM-DD).")]
BaseUrlOption = Annotated[str | None, typer.Option("--base-url", help="API address (tests, mirrors).")]


@fetch_app.command("ucdp")
def fetch_ucdp(
    ctx: typer.Context,
    version: Annotated[
        str | None, typer.Option("--version", help="GED release: 25.1 (yearly) or 25.0.3 (monthly Candidate).")
    ] = None,
    country: CountryOption = "Pakistan,Afghanistan",
    since: SinceOption = None,
    pagesize: Annotated[int, typer.Option("--pagesize", help="Events a page (UCDP allows up to 1000).")] = 1000,
    base_url: BaseUrlOption = None,
    refresh: Annotated[bool, typer.Option("--refresh", help="Fetch again a query already fetched.")] = False,
) -> None:
    """UCDP GED events from the UCDP API (token in UCDP_TOKEN). An interrupted fetch resumes where it stopped."""
    from torkham.datasets.fetch.ucdp import fetch_ucdp as run
    from torkham.datasets.fetch.ucdp import ucdp_query

    config = settings(ctx.find_root())
    query = ucdp_query(version, country, since, pagesize, base_url)
    with _reporter() as reporter:
        report = run(query, config.db_path, _store(config), reporter, refresh=refresh, after_import=_names(config))
    _print(report)


@fetch_app.command("acled")
def fetch_acled(
    ctx: typer.Context,
    country: CountryOption = "Pakistan,Afghanistan",
    since: SinceOption = None,
    pagesize: Annotated[int, typer.Option("--pagesize", help="Rows a page (ACLED allows up to 5000).")] = 5000,
    base_url: BaseUrlOption = None,
) -> None:
    """ACLED events from the ACLED API (ACLED_EMAIL, ACLED_PASSWORD): what changed since the last fetch, and deletions."""
    from torkham.datasets.fetch.acled import fetch_acled as run
    from torkham.datasets.fetch.acled_api import acled_query

    config = settings(ctx.find_root())
    query = acled_query(country, since, pagesize, base_url)
    with _reporter() as reporter:
        report = run(query, config.db_path, _store(config), reporter, after_import=_names(config))
    _print(report)


def _store(config: Settings):
    return lambda: open_store_for_writing(config)


def _names(config: Settings):
    def refresh(con) -> None:
        from torkham.datasets.actors import refresh_actor_names

        with transaction(con):
            refresh_actor_names(con, config.kb_root)

    return refresh


def _print(report) -> None:
    typer.echo(report.line())
    for note in report.notes:
        typer.echo(f"note: {note}", err=True)


class _RichReporter:
    """A torkham.datasets.fetch.report.Reporter: progress bars on stderr when it is a terminal; notes always."""

    def __init__(self):
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False)
        self.progress = None
        self.task = None

    def open(self) -> None:
        if not self.console.is_terminal:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("pages · {task.fields[rows]:,} rows"),
            TimeElapsedColumn(),
            console=self.console,
            transient=True,
        )
        self.progress.start()

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()

    def start(self, label: str, total: int | None = None) -> None:
        if self.progress is not None:
            if self.task is not None:
                self.progress.remove_task(self.task)
            self.task = self.progress.add_task(label, total=total, rows=0)

    def advance(self, done: int, total: int | None = None, rows: int = 0) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.update(self.task, completed=done, total=total, rows=rows)

    def note(self, text: str) -> None:
        if self.progress is not None:
            self.console.print(f"note: {text}", markup=False)
        else:
            typer.echo(f"note: {text}", err=True)


@contextmanager
def _reporter():
    reporter = _RichReporter()
    reporter.open()
    try:
        yield reporter
    finally:
        reporter.close()
