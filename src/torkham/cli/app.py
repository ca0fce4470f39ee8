"""The torkham command line: a thin layer over the library. Commands live in one module per group and
register on `torkham.cli.base.app`; `run` turns user errors into a message and an exit status."""

from __future__ import annotations

import sys

import typer

from torkham.cli import (  # noqa: F401  (importing a module registers its commands)
    commands_analysis,
    commands_brief,
    commands_checks,
    commands_data,
    commands_evidence,
    commands_fanchart,
    commands_fetch,
    commands_forecast,
    commands_ingest,
    commands_kb,
    commands_query,
    commands_refugees,
    commands_search,
    commands_serve,
)
from torkham.cli.base import app


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
        from click import exceptions  # type: ignore[no-redef]  # the same module, from click itself
    return exceptions


def _problem_order(problem: str) -> tuple[str, int]:
    file, _, rest = problem.partition(":")
    line, _, _ = rest.partition(":")
    return (file, int(line) if line.isdigit() else 0)


def main() -> None:
    sys.exit(run(sys.argv[1:]))
