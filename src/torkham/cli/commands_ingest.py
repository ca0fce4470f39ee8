"""`torkham ingest`, `review`, `accept`, `reject`: bring a document in and review what it proposes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.store.access import open_store

SourceOption = Annotated[str | None, typer.Option("--source", help="Only proposals of this source id.")]
KindOption = Annotated[
    str | None, typer.Option("--kind", help="Only proposals of this kind: mention, actor, event, figure, claim, …")
]


@app.command()
def ingest(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The document: PDF, text, Markdown or HTML.")],
    source_id: Annotated[str | None, typer.Option("--source-id", help="Id of the new source (default: from author and year, or the file name).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Title (default: the document's own).")] = None,
    author: Annotated[list[str] | None, typer.Option("--author", help="Author (repeatable).")] = None,
    date: Annotated[str | None, typer.Option("--date", help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    kind: Annotated[str, typer.Option("--kind", help="Source kind: report, paper, news, article, …")] = "report",
    force: Annotated[bool, typer.Option("--force", help="Ingest again a document already ingested: replace its proposals.")] = False,
    max_mb: Annotated[int, typer.Option("--max-mb", help="Refuse files larger than this many megabytes.")] = 50,
    max_seconds: Annotated[float | None, typer.Option("--max-seconds", help="Stop a document that takes longer to read and propose (default 300, TORKHAM_INGEST_SECONDS).")] = None,
    max_memory_mb: Annotated[int | None, typer.Option("--max-memory-mb", help="Stop a document that needs more memory, in MB (default 2048, TORKHAM_INGEST_MEMORY_MB).")] = None,
    max_pages: Annotated[int | None, typer.Option("--max-pages", help="Refuse a document with more pages (default 5000, TORKHAM_INGEST_MAX_PAGES).")] = None,
    max_chars: Annotated[int | None, typer.Option("--max-chars", help="Refuse a document with more characters of text (default 5000000, TORKHAM_INGEST_MAX_CHARS).")] = None,
    as_json: JsonOption = False,
) -> None:  # fmt: skip
    """Extract a document's text, register it as a source and propose knowledge for review; a STIX 2.1
    bundle (.json) is registered as a source and its actors and relationships proposed."""
    from torkham.cli import render
    from torkham.ingest.pipeline import IngestRequest, ingest
    from torkham.ingest.stix_import import is_stix_bundle

    config = settings(ctx.find_root())
    if is_stix_bundle(file):
        return _ingest_bundle(file, config, source_id, as_json)
    budget = _budget(
        config.ingest, seconds=max_seconds, memory_mb=max_memory_mb, max_pages=max_pages, max_chars=max_chars
    )
    request = IngestRequest(
        file, config.kb_root, config.db_path, source_id, title, author or [], date, kind, force, max_mb * 1024 * 1024,
        budget,
    )  # fmt: skip
    result = ingest(request)
    if as_json:
        return render.write_json({
            "source": result.source_id, "workspace": str(result.workspace), "already_ingested": result.already,
            "proposed": dict(result.counts), "corroborating": result.corroborating, "already_decided": result.decided,
            "dropped": result.dropped, "pages": result.pages, "characters": result.characters,
            "seconds": round(result.seconds, 2),
        })  # fmt: skip
    if result.already:
        typer.echo(
            f"{file} was already ingested as source '{result.source_id}' (same sha256); nothing changed. "
            "Use --force to replace its proposals."
        )
        return
    proposed = ", ".join(f"{n} {k}" for k, n in sorted(result.counts.items())) or "nothing"
    typer.echo(
        f"ingested {file} as source '{result.source_id}' ({result.pages} page(s), {result.characters:,} characters) "
        f"in {result.seconds:.1f} s into {result.workspace}"
    )
    typer.echo(f"proposed: {proposed}; {result.corroborating} corroborate existing records")
    if result.decided:
        typer.echo(f"skipped {result.decided} proposal(s) already accepted or rejected")
    if result.dropped:
        typer.echo(f"dropped {len(result.dropped)} proposal(s) that do not validate:", err=True)
        for rid, problems in result.dropped.items():
            typer.echo(f"  {rid}: {'; '.join(problems)}", err=True)
    typer.echo(f"review them: torkham review --source {result.source_id}")


def _budget(defaults, **given: float | int | None):
    """The settings' ingest budget with the limits given as options; each must be positive."""
    import dataclasses

    from torkham.params import InvalidParameter

    for name, value in given.items():
        if value is not None and value <= 0:
            field = "max_" + name if name in ("seconds", "memory_mb") else name
            raise InvalidParameter(field, f"must be a positive number (got {value:g})")
    return dataclasses.replace(defaults, **{k: v for k, v in given.items() if v is not None})


def _ingest_bundle(file: Path, config, source_id: str | None, as_json: bool) -> None:
    from torkham.cli import render
    from torkham.ingest.stix_import import import_bundle

    result = import_bundle(file, config.kb_root, config.db_path, source_id)
    if as_json:
        return render.write_json({"source": result.source_id, "workspace": str(result.workspace),
                                  "proposed": dict(result.counts), "not_imported": dict(result.skipped)})  # fmt: skip
    proposed = ", ".join(f"{n} {k}" for k, n in sorted(result.counts.items())) or "nothing"
    typer.echo(f"ingested STIX bundle {file} as source '{result.source_id}' into {result.workspace}")
    typer.echo(f"proposed: {proposed}")
    if result.skipped:
        typer.echo("not imported: " + ", ".join(f"{n} {t}" for t, n in sorted(result.skipped.items())))
    typer.echo(f"review them: torkham review --source {result.source_id}")


@app.command()
def review(
    ctx: typer.Context, source: SourceOption = None, kind: KindOption = None, as_json: JsonOption = False
) -> None:
    """List the proposals awaiting review: id, kind, page, what each says, notes, corroboration."""
    from torkham.cli import render
    from torkham.ingest.review import kind_of, summary
    from torkham.store import queries

    wanted = kind_of(kind) if kind else None
    with open_store(settings(ctx.find_root())) as con:
        rows = queries.proposals(con, source, wanted)
        names = queries.actor_names(con)
        targets = queries.records_by_id(con, [r["corroborates"] for _, r in rows if r.get("corroborates")])
        kinds = queries.record_kinds(con, list(targets))
    listing = []
    for record_kind, row in rows:
        target = targets.get(row.get("corroborates") or "")
        listing.append({
            "id": row["id"], "kind": record_kind[:-1], "source": row["source"], "page": row["locator"].get("page"),
            "summary": summary(record_kind, row, names), "notes": row.get("notes") or [], "quote": row.get("quote"),
            "corroborates": row.get("corroborates"),
            "corroborated": summary(kinds[target["id"]], target, names) if target else None,
        })  # fmt: skip
    if as_json:
        return render.write_json(listing)
    if not listing:
        typer.echo("no proposals to review")
        return
    render.console().print(
        render.table(
            f"{len(listing)} proposals",
            ["id", "kind", "page", "proposal", "notes", "corroborates"],
            [
                [
                    p["id"],
                    p["kind"],
                    str(p["page"] or ""),
                    f"{p['summary']}\n{render.quoted(p, 160)}",
                    "\n".join(p["notes"]),
                    f"{p['corroborates']}: {p['corroborated']}" if p["corroborates"] else "",
                ]
                for p in listing
            ],
        )  # fmt: skip
    )


def _decide(ctx: typer.Context, decision: str, ids: list[str] | None, kind: str | None, everything: bool,
            source: str | None) -> None:  # fmt: skip
    from torkham.ingest.review import decide

    config = settings(ctx.find_root())
    result = decide(config.kb_root, config.db_path, decision, ids or [], kind, source, everything)
    verb = "accepted" if decision == "accepted" else "rejected"
    typer.echo(f"{verb} {len(result.records)} proposal(s):")
    for record in result.records:
        typer.echo(f"  {record.id} -> {result.into[record.id]}")


@app.command()
def accept(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, typer.Argument(help="Ids of the proposals to accept.")] = None,
    kind: KindOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Every proposal (of --source, if given).")] = False,
    source: SourceOption = None,
) -> None:
    """Move proposals into the knowledge base (a corroboration becomes a second source of its record)."""
    _decide(ctx, "accepted", ids, kind, everything, source)


@app.command()
def reject(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, typer.Argument(help="Ids of the proposals to reject.")] = None,
    kind: KindOption = None,
    everything: Annotated[bool, typer.Option("--all", help="Every proposal (of --source, if given).")] = False,
    source: SourceOption = None,
) -> None:
    """Discard proposals; the review log keeps what was rejected, by whom and when."""
    _decide(ctx, "rejected", ids, kind, everything, source)
