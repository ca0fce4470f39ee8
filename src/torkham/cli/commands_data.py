"""Dataset commands: import files, list imports, show the quarantine, list unmatched actor names."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.cli.commands_query import actors_app
from torkham.params import CountryRef, MemorySize
from torkham.store.access import open_store, open_store_for_writing


@app.command("import")
def import_files(
    ctx: typer.Context,
    files: Annotated[
        list[Path], typer.Argument(help="Dataset files: UCDP GED CSV, ACLED CSV, GDELT events, UCDP API JSON.")
    ],
    fmt: Annotated[
        str | None, typer.Option("--format", help="The format, when detection from the header is not wanted.")
    ] = None,
    version: Annotated[
        str | None,
        typer.Option("--version", help="Dataset version, e.g. 25.1 (taken from the file name where UCDP states it)."),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Keep only these countries' rows, e.g. Afghanistan,Pakistan (a global file)."),
    ] = None,
    deletions: Annotated[
        bool, typer.Option("--deletions", help="The files are ACLED deletion lists (event_id_cnty, deleted_timestamp).")
    ] = False,
    memory_limit: Annotated[
        str | None,
        typer.Option(
            "--memory-limit",
            help="What the import may hold in memory, e.g. 512MB or 2GB (default 1GB); beyond it, it uses disk "
            "space beside the store. A file may be far larger.",
        ),
    ] = None,
) -> None:
    """Import dataset files into the store. Bad rows go to quarantine; re-importing a file changes nothing."""
    from rich.console import Console

    from torkham.datasets.actors import refresh_actor_names
    from torkham.datasets.archive import import_paths
    from torkham.datasets.memory import MEMORY_LIMIT

    countries = CountryRef.parse_list(country)
    limit = MemorySize.parse(memory_limit) if memory_limit is not None else MEMORY_LIMIT
    config = settings(ctx)
    err = Console(stderr=True, highlight=False)
    with open_store_for_writing(config) as con:
        for path in files:
            with err.status(f"importing {path} …"):
                if deletions:
                    from torkham.datasets.deletions import apply_deletions_file

                    summaries = [apply_deletions_file(con, path)]
                else:
                    summaries = import_paths(con, path, fmt, version, countries=countries, memory_limit=limit)
            for summary in summaries:
                typer.echo(summary.line())
                for note in summary.notes:
                    typer.echo(f"note: {note}", err=True)
        refresh_actor_names(con, config.kb_root)


@app.command()
def imports(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The import log: every file imported, its hash, version and counts."""
    from torkham.cli import render
    from torkham.store.logs import import_log

    with open_store(settings(ctx)) as con:
        rows = import_log(con)
    if as_json:
        return render.write_json([{k: (str(v) if k.endswith("_at") else v) for k, v in r.items()} for r in rows])
    render.console().print(
        render.table(
            f"{len(rows)} imports",
            [
                "#",
                "dataset",
                "version",
                "file",
                "read",
                "new",
                "changed",
                "unchanged",
                "deleted",
                "quarantined",
                "finished",
            ],
            [
                [
                    str(r["import_id"]),
                    r["dataset"],
                    r["dataset_version"],
                    r["file"],
                    *(f"{r[k]:,}" for k in ("rows_read", "inserted", "updated", "unchanged", "deleted", "quarantined")),
                    str(r["finished_at"])[:19],
                ]
                for r in rows
            ],
        )  # fmt: skip
    )


@app.command()
def quarantine(
    ctx: typer.Context,
    import_id: Annotated[
        int | None, typer.Option("--import", help="Only rows of this import (see 'torkham imports').")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 200,
    as_json: JsonOption = False,
) -> None:
    """Rows that could not be imported, with file, row, field and reason."""
    from torkham.cli import render
    from torkham.store.logs import quarantined

    with open_store(settings(ctx)) as con:
        rows = quarantined(con, import_id, limit)
    if as_json:
        return render.write_json(rows)
    render.console().print(
        render.table(
            f"{len(rows)} quarantined rows" + (f" (first {limit})" if limit and len(rows) == limit else ""),
            ["import", "file", "row", "field", "value", "reason"],
            [
                [str(r["import"]), r["file"], str(r["row"]), r["field"] or "", (r["value"] or "")[:60], r["reason"]]
                for r in rows
            ],
        )
    )


@actors_app.command("unmatched")
def unmatched(
    ctx: typer.Context,
    dataset: Annotated[
        str | None, typer.Option("--dataset", help="Only names of this dataset (ucdp-ged, acled, gdelt).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Dataset actor names not mapped to any actor, with their event counts and proposed matches."""
    from torkham.cli import render
    from torkham.datasets.actors import unmatched_names

    config = settings(ctx.find_root())
    with open_store(config) as con:
        rows = unmatched_names(con, config.kb_root, dataset)
    if as_json:
        return render.write_json(rows)
    render.console().print(
        render.table(
            f"{len(rows)} unmatched names",
            ["dataset", "name", "events", "proposed (review, then add to the crosswalk)"],
            [[r["dataset"], r["name"], f"{r['events']:,}", ", ".join(r["proposals"])] for r in rows],
        )
    )
