"""The torkham command line: a thin layer over torkham.kb and torkham.store."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from torkham import __version__
from torkham.config import Settings

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

app = typer.Typer(
    name="torkham",
    help="Evidence workbench for the Afghanistan–Pakistan security situation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
kb_app = typer.Typer(help="Check, build and export the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

JsonOption = Annotated[bool, typer.Option("--json", help="Write JSON to standard output instead of a table.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"torkham {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        str | None, typer.Option("--db", help="Store file (default ./torkham.duckdb, or TORKHAM_DB).")
    ] = None,
    kb: Annotated[
        str | None, typer.Option("--kb", help="Knowledge folder (default: the bundled one, or TORKHAM_KB).")
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    ctx.obj = Settings.load(db=db, kb=kb)


def settings(ctx: typer.Context) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings.load()


def resolve_actor(con: DuckDBPyConnection, name: str | None, field: str) -> str | None:
    """The id of the actor `name` denotes (None when no name was given); errors name the option `field`."""
    from torkham.params import ActorRef
    from torkham.store.refs import actor_id

    return actor_id(con, ActorRef.parse(name, field))


from torkham.cli import commands_analysis, commands_brief, commands_checks, commands_data, commands_evidence, commands_fetch, commands_ingest, commands_kb, commands_query, commands_refugees, commands_search, commands_serve  # noqa: E402,F401,I001  (registers the commands)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status; user errors print a message, never a traceback."""
    click = _click_exceptions()

    from torkham.errors import TorkhamError, ValidationFailed
    from torkham.params import InvalidParameter, cli_spelling

    try:
        status = app(args=argv, prog_name="torkham", standalone_mode=False)
        return status if isinstance(status, int) else 0
    except ValidationFailed as exc:
        for problem in sorted(exc.problems, key=_problem_order):
            typer.echo(problem, err=True)
        typer.echo(
            f"Error: {len(exc.problems)} problem(s) in the knowledge base; fix them and run again (the store was not changed).",
            err=True,
        )
        return 1
    except InvalidParameter as exc:
        typer.echo(f"Error: {exc.render(cli_spelling)}", err=True)
        return 1
    except TorkhamError as exc:
        typer.echo(f"Error: {exc}", err=True)
        return 1
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        return 1
    except BrokenPipeError:
        # Output piped into `head` and closed early: stop quietly, as Unix tools do.
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _click_exceptions():
    """Typer 0.29 vendors click as typer._click; older releases depend on click itself."""
    try:
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - older typer
        from click import exceptions
    return exceptions


def _problem_order(problem: str) -> tuple[str, int]:
    file, _, rest = problem.partition(":")
    line, _, _ = rest.partition(":")
    return (file, int(line) if line.isdigit() else 0)


def main() -> None:
    sys.exit(run(sys.argv[1:]))
