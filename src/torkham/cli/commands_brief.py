"""The briefing commands: `torkham brief` (a situation report for a date range) and `torkham brief summary`
(one page on one country and a range of months, with a verdict), written as HTML or PDF."""

from __future__ import annotations

from typing import Annotated

import typer

from torkham.cli.base import app, resolve_actor, settings
from torkham.store.access import open_store

brief_app = typer.Typer(
    help="Situation reports as HTML or PDF: the briefing of a range, or 'summary' (one page per country).",
    invoke_without_command=True,
)
app.add_typer(brief_app, name="brief")
OutputOption = Annotated[
    str | None, typer.Option("--output", "-o", help="File to write: .html or .pdf (format from the name).")
]


@brief_app.callback()
def brief(
    ctx: typer.Context,
    output: OutputOption = None,
    start: Annotated[
        str | None,
        typer.Option("--from", help="First day, month or year (YYYY[-MM[-DD]]); default: 12 months before --to."),
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help="Last day, month or year; default: the latest date the store holds.")
    ] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only events involving this actor (any name).")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Country name or ISO3 code, e.g. Pakistan or PAK.")
    ] = None,
) -> None:
    """A situation report: headline trends against the previous period, key events, charts, actors,
    perspectives, claim verdicts and the paper's recommendations, with numbered citations."""
    if ctx.invoked_subcommand is not None:
        return
    if output is None:
        from torkham.params import InvalidParameter

        raise InvalidParameter("output", "give the file to write, ending in .html or .pdf, e.g. -o brief.pdf")
    from torkham.analysis import periods
    from torkham.analysis.selection import connect_ibis
    from torkham.briefing.collect import Scope, collect, latest_day
    from torkham.briefing.render import check_output, write_brief
    from torkham.params import Period
    from torkham.store.queries import actor_names

    path, kind = check_output(output)
    period = Period.parse(start, end)
    first, last = period.start, period.end
    with open_store(settings(ctx.find_root())) as con:
        actor_id = resolve_actor(con, actor, "actor")
        if last is None:
            last = latest_day(con, connect_ibis(con))
            if first is not None and first > last:  # --from beyond what is held: its month
                last = periods.period_end(periods.period_start(first, "month"), "month")
        if first is None:
            first = periods.previous_start(periods.period_start(last, "month"), "month", 11)
        name = actor_names(con).get(actor_id) if actor_id else None
        doc = collect(con, Scope(first, last, actor_id, name, country))
    size = write_brief(doc, path, kind)
    what = (
        "nothing in this range" if doc["empty"] else f"{len(doc['timeline'])} events, {len(doc['citations'])} citations"
    )
    typer.echo(f"wrote {path} ({kind.upper()}, {size:,} bytes; {doc['from']} to {doc['to']}: {what})")


@brief_app.command("summary")
def summary(
    ctx: typer.Context,
    country: Annotated[str, typer.Option("--country", help="One country, name or ISO3 code, e.g. Pakistan.")],
    start: Annotated[str, typer.Option("--from", help="First month, YYYY-MM.")],
    end: Annotated[str, typer.Option("--to", help="Last month, YYYY-MM.")],
    output: OutputOption = None,
) -> None:
    """One page on one country: the verdict (deaths against the period before, by a stated rule), the three
    events that mattered, the forecast of the next months and what the data do not cover."""
    from torkham.briefing.render import check_output, write_brief
    from torkham.briefing.summary import situation_summary
    from torkham.params import InvalidParameter, SummaryQuery

    if output is None:
        raise InvalidParameter("output", "give the file to write, ending in .html or .pdf, e.g. -o summary.pdf")
    path, kind = check_output(output)
    query = SummaryQuery.parse(country, start, end)
    with open_store(settings(ctx.find_root())) as con:
        doc = situation_summary(con, query)
    size = write_brief(doc, path, kind, "summary.html.j2")
    typer.echo(f"wrote {path} ({kind.upper()}, {size:,} bytes; {doc['country']} {doc['from']} to {doc['to']}: "
               f"{doc['verdict']['verdict']})")  # fmt: skip
