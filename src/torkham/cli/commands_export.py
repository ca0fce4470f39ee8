"""Export commands: `torkham export parquet DIR` (the events and the tables analyses read, for Spark)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from torkham.cli.base import app, settings
from torkham.store.access import open_store

export_app = typer.Typer(help="Write the store's data for other engines (Parquet for Spark).", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("parquet")
def parquet(
    ctx: typer.Context,
    directory: Annotated[Path, typer.Argument(help="Folder to write (new, empty, or an earlier export to replace).")],
) -> None:
    """The dataset events as Parquet, partitioned by dataset and year, with the tables an analysis reads
    beside them; 'torkham series|signals --backend spark --events DIR' reads it."""
    from torkham.store.exports import export_parquet

    with open_store(settings(ctx.find_root())) as con:
        written = export_parquet(con, directory)
    for dataset, (count, first, last) in written.events.items():
        typer.echo(f"{dataset}: {count:,} events, {first}–{last}")
    tables = ", ".join(f"{name} ({rows:,} rows)" for name, rows in written.tables.items())
    typer.echo(f"wrote {written.total:,} events to {written.directory}/events (by dataset and year); {tables}")
