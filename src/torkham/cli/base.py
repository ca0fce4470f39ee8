"""The Typer application the commands register on, its global options and what the commands share.
--db and --kb may be given before the command (`torkham --db X show TTP`) or after it (`torkham show TTP
--db X`); given in both places, the one after the command wins, as a repeated option does."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import typer

from torkham import __version__
from torkham.cli.lazy import LazyGroup
from torkham.cli.listing import DB_HELP, KB_HELP, ROOT_HELP
from torkham.config import Settings

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

STORE_OPTIONS = ("db", "kb")  # given before the command or after it; after it wins when given in both places


class _Torkham(typer.Typer):
    """The Typer app, whose every command and group also takes --db and --kb after its name. Its click group
    is built without the commands; each is built when it runs (cli/lazy.py), with those options."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        import typer.main

        shell = copy.copy(self)
        shell.registered_commands, shell.registered_groups = [], []
        command = typer.main.get_command(shell)
        return command(*args, **kwargs)


def share_store_options(root: Any, command: Any) -> None:
    """Give a command and its subcommands a copy of the root's --db and --kb; a value given there replaces
    the root's."""
    shared = [param for param in root.params if param.name in STORE_OPTIONS]

    def give(target: Any) -> None:
        for param in shared:
            option = copy.copy(param)
            option.expose_value, option.is_eager, option.callback = False, True, _given_after_command
            target.params.append(option)
        for sub in getattr(target, "commands", {}).values():
            give(sub)

    give(command)


def _given_after_command(ctx: Any, param: Any, value: str | None) -> None:
    if value is None:
        return
    chosen = ctx.meta.setdefault(_CHOSEN, {})  # click shares meta along the chain of contexts
    chosen[param.name] = value
    loaded = Settings.load(**chosen)
    while ctx is not None:
        ctx.obj, ctx = loaded, ctx.parent


_CHOSEN = "torkham.store_options"

app = _Torkham(
    name="torkham",
    help=ROOT_HELP,
    cls=LazyGroup,
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
        str | None,
        typer.Option("--db", help=DB_HELP),
    ] = None,
    kb: Annotated[
        str | None,
        typer.Option("--kb", help=KB_HELP),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    from torkham.cli.notices import show_warnings

    show_warnings()  # e.g. the store answering from its last valid build: one `Warning: …` line
    ctx.meta[_CHOSEN] = {"db": db, "kb": kb}
    ctx.obj = Settings.load(db=db, kb=kb)


class _ContextObj(Protocol):
    """A command's context, or its root (`ctx.find_root()`, typed as click's Context): what settings reads."""

    obj: Any


def settings(ctx: _ContextObj) -> Settings:
    return ctx.obj if isinstance(ctx.obj, Settings) else Settings.load()


def resolve_actor(con: DuckDBPyConnection, name: str | None, field: str) -> str | None:
    """The id of the actor `name` denotes (None when no name was given); errors name the option `field`."""
    from torkham.params import ActorRef
    from torkham.store.refs import actor_id

    return actor_id(con, ActorRef.parse(name, field))
