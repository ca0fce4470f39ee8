"""The Typer application the commands register on, its global options and what the commands share."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Protocol

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
