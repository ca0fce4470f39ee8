"""Refugee data commands (UNHCR): `torkham refugees import | series | measures`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.errors import TorkhamError
from torkham.store.access import open_store, open_store_for_writing

refugees_app = typer.Typer(
    help="UNHCR refugee statistics: import Refugee Data Finder exports, show yearly series and measures.",
    no_args_is_help=True,
)
app.add_typer(refugees_app, name="refugees")

CsvOption = Annotated[bool, typer.Option("--csv", help="Write CSV instead of a table.")]


@refugees_app.command("import")
def import_refugees(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="UNHCR table files: Refugee Data Finder CSV exports or extracts of the R package refugees."
        ),
    ],
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            help="population, solutions, idmc, flows, asylum_applications or asylum_decisions (default: from the header).",
        ),
    ] = None,
    version: Annotated[
        str | None, typer.Option("--version", help="Data version, e.g. 2025.12.1 (else from the export's notes).")
    ] = None,
) -> None:
    """Import UNHCR tables into the store. Bad rows go to quarantine; re-importing a file changes nothing;
    a newer file replaces the values of the same year, countries and dimensions."""
    from torkham.refugees.importer import import_refugee_file
    from torkham.refugees.tables import check_table

    if table is not None:
        check_table(table)
    with open_store_for_writing(settings(ctx.find_root())) as con:
        for path in files:
            summary = import_refugee_file(con, path, table, version)
            typer.echo(summary.line())
            for note in summary.notes:
                typer.echo(f"note: {note}", err=True)


@refugees_app.command("series")
def series(
    ctx: typer.Context,
    origin: Annotated[
        str | None, typer.Option("--origin", help="Country of origin, ISO3 or name (AFG). Default: all.")
    ] = None,
    asylum: Annotated[
        str | None, typer.Option("--asylum", help="Country of asylum, ISO3 (PAK); for returns the country left.")
    ] = None,
    measure: Annotated[
        str, typer.Option("--measure", help="What to count (see 'torkham refugees measures').")
    ] = "refugees",
    table: Annotated[
        str | None,
        typer.Option("--table", help="The table, where several hold the measure (default: population first)."),
    ] = None,
    first: Annotated[int | None, typer.Option("--from", help="First year.")] = None,
    last: Annotated[int | None, typer.Option("--to", help="Last year.")] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Yearly values of one measure, with the table and data version each comes from. Years not held,
    or left empty by UNHCR, show no value (never 0)."""
    from torkham.params import InvalidParameter, RefugeeQuery
    from torkham.refugees import queries
    from torkham.refugees.report import check_held
    from torkham.refugees.tables import table_for

    if as_json and as_csv:
        raise TorkhamError("choose one of --json and --csv")
    query = RefugeeQuery.parse(origin, asylum, first, last)
    if len(query.asylum) > 1:
        raise InvalidParameter("asylum", "give one country of asylum here, e.g. PAK")
    coo, coa = query.origin, (query.asylum[0] if query.asylum else None)
    chosen = table_for(measure, table)
    with open_store(settings(ctx.find_root())) as con:
        check_held(con, query)
        rows = queries.series(con, measure, coo, coa, first, last, chosen)
    versions = sorted({v for r in rows if r["version"] for v in r["version"].split(", ")})
    source = queries.attribution(chosen, versions)
    if as_json:
        from torkham.cli import render

        return render.write_json(rows)
    if as_csv:
        return _write_csv(rows)
    _print_series(rows, measure, chosen, coo, coa, source)


def _write_csv(rows: list[dict]) -> None:
    import csv
    import sys

    columns = ["year", "value", "measure", "table", "origin", "asylum", "rows", "version", "reason"]
    out = csv.DictWriter(sys.stdout, columns, extrasaction="ignore", lineterminator="\n")
    out.writeheader()
    out.writerows(rows)


def _print_series(rows: list[dict], measure: str, table: str, coo, coa, source: str) -> None:
    from torkham.cli import render

    console = render.console()
    where = f"{coo or 'all origins'} → {coa or 'all asylum countries'}"
    console.print(f"{measure} ({table}), {where}: {len(rows)} years")
    if not rows:
        console.print("No values held; see 'torkham refugees measures' for the years each measure covers.")
        return
    console.print(
        render.table(
            "",
            ["year", "value", "rows", "version"],
            [
                [
                    str(r["year"]),
                    f"{r['value']:,}" if r["value"] is not None else f"– ({r['reason']})",
                    str(r["rows"]),
                    r["version"] or "",
                ]
                for r in rows
            ],
        )
    )
    console.print(source, style="dim")


@refugees_app.command("measures")
def measures(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The measures of each UNHCR table, what they count, and the years held."""
    from torkham.cli import render
    from torkham.refugees import queries

    with open_store(settings(ctx.find_root())) as con:
        rows = queries.measures(con)
    if as_json:
        return render.write_json(rows)
    render.console().print(
        render.table(
            f"{len(rows)} measures",
            ["table", "measure", "kind", "counts", "values", "years"],
            [
                [
                    r["table"],
                    r["measure"],
                    r["kind"],
                    r["definition"],
                    f"{r['recorded']:,} of {r['rows']:,}",
                    f"{r['first_year']}–{r['last_year']}" if r["rows"] else "",
                ]
                for r in rows
            ],  # fmt: skip
        )
    )
