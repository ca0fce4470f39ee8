"""`torkham search TEXT`: ranked passage search over every ingested document."""

from __future__ import annotations

import shutil
import textwrap
from typing import Annotated

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.store.access import open_store


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to look for; case, accents and plurals are ignored.")],
    source: Annotated[str | None, typer.Option("--source", help="Only the document with this source id.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="How many passages to show (default 10).")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Search the passages of all ingested documents; best matches first, hits shown in «»."""
    from torkham.cli import render
    from torkham.ingest.search import search_passages

    with open_store(settings(ctx.find_root())) as con:
        results = search_passages(con, text, source_id=source, limit=limit)
    if as_json:
        return render.write_json(results)
    if not results:
        typer.echo(f"No passage matches '{text}'" + (f" in {source}." if source else "."))
        return
    documents = len({r["source_id"] for r in results})
    typer.echo(f"{len(results)} passage(s) for '{text}' in {documents} document(s), best first (hits in «»):")
    width = max(40, min(100, shutil.get_terminal_size((100, 24)).columns) - 4)
    for result in results:
        page = f"p. {result['page']}" if result["page"] is not None else "p. ?"
        marks = f"  [{', '.join(result['marks'])}]" if result["marks"] else ""
        typer.echo(f"\n{result['source_id']}  {page}  score {result['score']:.2f}{marks}")
        for paragraph in result["highlighted"].split("\n\n"):
            typer.echo(textwrap.fill(" ".join(paragraph.split()), width, initial_indent="  ", subsequent_indent="  "))
