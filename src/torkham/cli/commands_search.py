"""`torkham search QUERY`: the one search the web uses too (store.search): actors by any spelling, the paper's
events, claims, figures, sources, relations, dataset events and the passages of ingested documents. Exact names
first, then the phrase, then every word; close spellings only as "Did you mean …?"."""

from __future__ import annotations

import shutil
import textwrap
from typing import Annotated, Any

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.params import InvalidParameter
from torkham.store.access import open_store

FIELDS = {"q": "", "kinds": "kind"}  # the library's parameter names as this command spells them


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="A name in any spelling, a place or some words; a year filters.")],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            help="Only this kind (repeatable): actors, events, claims, figures, sources, "
            "relations, data_events, passages.",
        ),
    ] = None,  # fmt: skip
    source: Annotated[
        str | None, typer.Option("--source", help="Only the passages of the ingested document with this source id.")
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Hits shown per kind (default 10).")] = 10,
    as_json: JsonOption = False,
) -> None:
    """Search the knowledge base, the datasets and every ingested document; best matches first."""
    from torkham.cli import render
    from torkham.store.search import search_all

    if not text.strip():
        raise InvalidParameter("", "give a name, a place or some words to search for, e.g. torkham search TTP")
    kinds = ["passages"] if source and not kind else kind
    with open_store(settings(ctx.find_root())) as con:
        try:
            found = search_all(con, text, kinds=kinds, limit=limit, source=source)
        except InvalidParameter as exc:
            raise InvalidParameter(FIELDS.get(exc.field, exc.field), exc.message) from None
    if as_json:
        return render.write_json(found)
    typer.echo("\n".join(lines(found)))


def lines(found: dict[str, Any]) -> list[str]:
    """The text a person reads: a count, the notes, the hits per kind, then the close spellings."""
    from torkham.store.search import LABELS

    query, total = found["query"], found["total"]
    out = [
        f"{total} match{'es' if total != 1 else ''} for '{query}', best first:" if total else f"No match for '{query}'."
    ]
    out += found["notes"]
    for kind in found["kinds"]:
        hits = [h for h in found["hits"] if h["kind"] == kind]
        if hits:
            out += ["", f"{LABELS[kind]} ({found['counts'][kind]})", *(line for h in hits for line in _hit(h))]
            if found["counts"][kind] > len(hits):
                out.append(f"  … {found['counts'][kind] - len(hits)} more (--kind {kind} --limit N)")
    if found["suggestions"]:
        close = ", ".join(f"{s['label']} ({s['id']})" for s in found["suggestions"])
        out += [""] if total else []
        out.append(f"Did you mean: {close}? (close spellings, not matches)")
    return out


def _hit(hit: dict[str, Any]) -> list[str]:
    width = max(40, min(100, shutil.get_terminal_size((100, 24)).columns) - 4)
    if hit["kind"] == "passages":
        page = f"p. {hit['page']}" if hit["page"] is not None else "p. ?"
        marks = f"  [{', '.join(hit['marks'])}]" if hit["marks"] else ""
        head = f"  {hit['source_id']}  {page}  score {hit['score']:.2f}{marks}"
        body = [" ".join(p.split()) for p in hit["highlighted"].split("\n\n")]
        return [head, *(textwrap.fill(p, width, initial_indent="    ", subsequent_indent="    ") for p in body)]
    tag = "  (ambiguous name)" if hit.get("ambiguous") else ""
    head = f"  {hit['label']}  [{hit['id']}]{tag}"
    snippet = " ".join((hit["snippet"] or "").split())
    return [head, textwrap.fill(snippet, width, initial_indent="    ", subsequent_indent="    ")] if snippet else [head]
