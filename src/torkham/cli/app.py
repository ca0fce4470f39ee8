"""The torkham command line: a thin layer over the library. Commands live in one module per group and
register on `torkham.cli.base.app`; `run` turns user errors into a message and an exit status."""

from __future__ import annotations

import sys

# The modules that register commands on `torkham.cli.base.app`. None is imported up front: a command loads
# its own (cli/lazy.py, as cli/listing.py lists them); `--version`, `--help` and `show` may answer
# without any (cli/quick.py).
COMMAND_MODULES = (
    "commands_analysis",
    "commands_brief",
    "commands_checks",
    "commands_data",
    "commands_evidence",
    "commands_export",
    "commands_fanchart",
    "commands_fetch",
    "commands_forecast",
    "commands_ingest",
    "commands_kb",
    "commands_query",
    "commands_refugees",
    "commands_search",
    "commands_serve",
)


def run(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status; user errors print a message, never a traceback."""
    from torkham.cli.quick import answer
    from torkham.errors import TorkhamError

    args = list(sys.argv[1:] if argv is None else argv)
    try:
        status = answer(args)  # --version, --help and show from the actor index: no Typer, no DuckDB
        return status if status is not None else _run_typer(args)
    except TorkhamError as exc:
        return _report(exc)
    except BrokenPipeError:
        # Output piped into `head` and closed early: stop quietly, as Unix tools do.
        _silence_stdout()
        return 0


def _run_typer(args: list[str]) -> int:
    import typer

    from torkham.cli.base import app

    click = _click_exceptions()
    try:
        status = app(args=args, prog_name="torkham", standalone_mode=False)
        return status if isinstance(status, int) else 0
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except typer.Abort:
        typer.echo("Aborted.", err=True)
        return 1


def _report(exc: Exception) -> int:
    """A user error's message on standard error; exit status 1."""
    from torkham.errors import ValidationFailed
    from torkham.params import InvalidParameter, cli_spelling

    if isinstance(exc, ValidationFailed):
        for problem in sorted(exc.problems, key=_problem_order):
            _error(problem)
        _error(
            f"Error: {len(exc.problems)} problem(s) in the knowledge base; fix them and run again (the store was not changed)."
        )
    elif isinstance(exc, InvalidParameter):
        _error(f"Error: {exc.render(cli_spelling)}")
    else:
        _error(f"Error: {exc}")
    return 1


def _error(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


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
    code = run(sys.argv[1:])
    # The interpreter's last garbage collection walks every object only to free it at exit (5-10 ms of
    # a quick command); frozen objects are skipped.
    import gc

    gc.freeze()
    sys.exit(code)
