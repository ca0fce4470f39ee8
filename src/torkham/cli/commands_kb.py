"""`torkham kb …`: validate, build and export the knowledge base."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from torkham.cli.base import kb_app, settings
from torkham.store.access import open_store


@kb_app.command("validate")
def validate(
    ctx: typer.Context,
    texts: Annotated[
        list[Path] | None, typer.Option("--texts", help="Folder holding source texts (repeatable).")
    ] = None,
) -> None:
    """Check the knowledge files; print each problem as file:line: message and exit 1 if any."""
    from torkham.errors import ValidationFailed
    from torkham.kb.validate import validate_knowledge
    from torkham.model.vocabulary import default_vocabulary

    result = validate_knowledge(settings(ctx.find_root()).kb_root, default_vocabulary(), texts)
    for notice in result.notices:
        typer.echo(f"note: {notice}", err=True)
    if not result.ok:
        raise ValidationFailed(result.problems)
    counts: dict[str, int] = {}
    for record in result.kb.records:
        counts[record.kind] = counts.get(record.kind, 0) + 1
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    checked = "quotes checked against the source text" if result.texts else "quotes NOT checked (source text not found)"
    typer.echo(f"ok: {len(result.kb.files)} files, {len(result.kb.records)} records ({summary}); {checked}")


@kb_app.command("build")
def build(ctx: typer.Context) -> None:
    """Build the store from the knowledge files now (commands do this by themselves when needed)."""
    from torkham.store.build import ensure_store

    config = settings(ctx.find_root())
    rebuilt = ensure_store(config.db_path, config.kb_root)
    typer.echo(f"{'built' if rebuilt else 'up to date'}: {config.db_path}")


@kb_app.command("export")
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="Export format: json, yaml, stix (STIX 2.1 bundle), ftm (FollowTheMoney entities), gexf or graphml "
            "(the actor network), geojson (located events), csv or parquet (one file per kind).",
        ),
    ] = "json",
    output: Annotated[
        str,
        typer.Option("-o", "--output", help="File to write (a folder for csv and parquet), or - for standard output."),
    ] = "-",
    kind: Annotated[
        str | None,
        typer.Option("--kind", help="Only this kind of record (json, yaml, csv, parquet); csv to - needs one."),
    ] = None,
) -> None:
    """Write the knowledge base in an exchange format: one document, a STIX bundle, FollowTheMoney entities, the
    actor network, the located events, or CSV/Parquet tables, one per kind."""
    from torkham.kb.export import check_format, check_stdout, export_bytes, needs_events, only_kind, write_export
    from torkham.store.exports import export_material

    fmt = check_format(fmt)
    if output == "-":
        check_stdout(fmt, kind)
    with open_store(settings(ctx.find_root())) as con:
        material = export_material(con, with_events=needs_events(fmt))
    material = replace(material, document=only_kind(material.document, kind, fmt))
    if output == "-":
        sys.stdout.buffer.write(export_bytes(material, fmt))
        sys.stdout.flush()
        return
    written = write_export(material, fmt, Path(output))
    if len(written) > 1 or fmt in ("csv", "parquet"):
        typer.echo(f"wrote {len(written)} file(s) into {output}: {', '.join(p.name for p in written)}", err=True)
    else:
        typer.echo(f"wrote {output}", err=True)
