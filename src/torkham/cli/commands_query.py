"""Listing commands: actors, show, timeline, figures, claims, recommendations, sources."""

from __future__ import annotations

from typing import Annotated

import typer

from torkham.cli.actor_view import print_actor, relation_labels
from torkham.cli.base import JsonOption, app, resolve_actor, settings
from torkham.params import check_term
from torkham.store.access import open_store

actors_app = typer.Typer(help="List the actors of the knowledge base.", invoke_without_command=True)
app.add_typer(actors_app, name="actors")


@actors_app.callback()
def actors(
    ctx: typer.Context,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only actors of this kind (state, person, armed_group, …).")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """List actors, optionally of one kind."""
    if ctx.invoked_subcommand:
        return
    from torkham.cli import render
    from torkham.store import queries

    check_term("actor_kinds", kind, "kind")
    with open_store(settings(ctx.find_root())) as con:
        rows = queries.list_actors(con, kind)
    if as_json:
        return render.write_json(rows)
    render.console().print(
        render.table(
            f"{len(rows)} actors" + (f" of kind {kind}" if kind else ""),
            ["id", "name", "kind", "aliases"],
            [[r["id"], r["name"], r["kind"], ", ".join(a["name"] for a in r["aliases"])] for r in rows],
        )
    )


@app.command()
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Any name, alias, spelling or id of an actor.")],
    as_json: JsonOption = False,
) -> None:
    """Show one actor with its names, attributes, relations, events, figures and claims, all cited."""
    from torkham.cli import render
    from torkham.params import InvalidParameter
    from torkham.store import queries

    with open_store(settings(ctx)) as con:
        actor_id = resolve_actor(con, name, "")
        if actor_id is None:
            raise InvalidParameter("", "give a name, alias or id of an actor, e.g. torkham show TTP")
        detail = queries.actor_detail(con, actor_id)
        names = queries.actor_names(con)
    if as_json:
        return render.write_json(detail)
    print_actor(detail, names, relation_labels())


@app.command()
def timeline(
    ctx: typer.Context,
    start: Annotated[str | None, typer.Option("--from", help="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Latest date: YYYY, YYYY-MM or YYYY-MM-DD.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Only events involving this actor (any name).")] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help="Only events of this type (attack, airstrike, state-based, …).")
    ] = None,
    layer: Annotated[
        str, typer.Option("--layer", help="kb: the paper's events; data: dataset events (UCDP …); both.")
    ] = "kb",
    as_json: JsonOption = False,
) -> None:
    """Dated events in order: the knowledge base's (dates keep their precision) and/or the datasets'."""
    from torkham.cli import render
    from torkham.params import EventQuery
    from torkham.store import queries
    from torkham.store.events import find_events, listing_coverage, select_events

    query = EventQuery.parse(layer=layer, actor=actor, event_type=event_type, start=start, end=end)
    with open_store(settings(ctx)) as con:
        chosen = select_events(con, query)
        events = find_events(con, chosen, limit=None).items
        covered = listing_coverage(con, chosen)
        names = queries.actor_names(con)
    if as_json:
        return render.write_json(events)
    rows = []
    for e in events:
        actors = ", ".join(names.get(a, a) for a in e["actors"]) or ", ".join(e.get("actor_names", []))
        rows.append(
            [e["date"] + ("~" if e["approximate"] else ""), e["type"] or "", e["title"], actors, _event_source(e)]
        )
    data = sum(e.get("layer") == "data" for e in events)
    title = f"{len(events)} events"
    if layer != "kb" and not data and not covered.complete:
        title = "No dataset events in this range" + (f" ({len(events)} of the paper)" if events else "")
    render.console().print(render.table(title, ["date", "type", "event", "actors", "source"], rows))
    if layer != "kb" and covered.notes:
        render.console().print("What the data covers: " + " · ".join(covered.notes) + ".", highlight=False)


def _event_source(event: dict) -> str:
    from torkham.cli import render

    if event.get("layer") == "data":
        deaths = event["fatalities"]["best"]
        mark = " (preliminary)" if event.get("dataset_status") == "preliminary" else ""
        return f"{event['source']}{mark} #{event['event_id']}" + (f", {deaths} killed" if deaths is not None else "")
    return render.cite(event)


@app.command()
def figures(
    ctx: typer.Context,
    actor: Annotated[str | None, typer.Option("--actor", help="Only figures about this actor.")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Only figures in this unit (person, attack, …).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Figures the text gives: value, unit, what is counted, period; vague amounts kept as words."""
    from torkham.cli import render
    from torkham.store import queries

    check_term("units", unit, "unit")
    with open_store(settings(ctx)) as con:
        actor_id = resolve_actor(con, actor, "actor")
        rows = queries.figures(con, actor_id, unit)
    if as_json:
        return render.write_json(rows)
    render.console().print(
        render.table(
            f"{len(rows)} figures",
            ["value", "as written", "unit", "counts", "period", "source"],
            [
                [
                    _number(f["value"]),
                    str(f["value_text"]),
                    f["unit"],
                    f["counts"] + (" (in a tweet)" if f["context"] == "tweet" else ""),
                    _period(f.get("period")),
                    render.cite(f),
                ]
                for f in rows
            ],
        )
    )


def _number(value: object) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if isinstance(value, (int, float)) and float(value).is_integer() else str(value)


def _period(period: dict | None) -> str:
    if not period:
        return ""
    if "as_of" in period:
        return f"as of {period['as_of']}"
    return f"{period.get('from', '…')} – {period.get('to', '…')}"


@app.command()
def claims(
    ctx: typer.Context,
    by: Annotated[str | None, typer.Option("--by", help="Only claims asserted by this actor.")] = None,
    topic: Annotated[str | None, typer.Option("--topic", help="Only claims on this topic.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Attributed claims: who asserts what, with the quote, and who disputes it."""
    from torkham.cli import render
    from torkham.store import queries

    check_term("claim_topics", topic, "topic")
    with open_store(settings(ctx)) as con:
        actor_id = resolve_actor(con, by, "by")
        rows = queries.claims(con, actor_id, topic)
        names = queries.actor_names(con)
    if as_json:
        return render.write_json(rows)
    render.console().print(
        render.table(
            f"{len(rows)} claims",
            ["topic", "claim", "asserted by", "disputed by", "source"],
            [
                [
                    c["topic"],
                    f"{c['statement']}\n{render.quoted(c, 200)}",
                    ", ".join(names.get(a, a) for a in c["asserted_by"]),
                    ", ".join(names.get(a, a) for a in c["disputed_by"]),
                    render.cite(c),
                ]
                for c in rows
            ],
        )
    )


@app.command()
def recommendations(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """The paper's recommendations, numbered as printed."""
    from torkham.cli import render
    from torkham.store import queries

    with open_store(settings(ctx)) as con:
        rows = queries.records_of(con, "recommendations")
    if as_json:
        return render.write_json(rows)
    render.console().print(
        render.table(
            f"{len(rows)} recommendations",
            ["no.", "recommendation", "source"],
            [[str(r["number"]), f"{r['title']}: {r['text']}", render.cite(r)] for r in rows],
        )
    )


@app.command()
def sources(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Sources: the paper, its bibliography (with the passages citing each), the posts it shows, and the
    datasets held with their licence and required attribution."""
    from torkham.cli import render
    from torkham.store import queries

    with open_store(settings(ctx)) as con:
        rows = queries.records_of(con, "sources")
        held = queries.datasets(con)
    if as_json:
        return render.write_json(rows + held)
    out = render.console()
    out.print(
        render.table(
            f"{len(rows)} sources",
            ["id", "kind", "source", "date", "cited"],
            [
                [s["id"], s["kind"], _source_label(s), str(s.get("date") or ""), str(len(s.get("citations") or []))]
                for s in rows
            ],
        )
    )
    out.print(
        render.table(
            f"{len(held)} datasets",
            ["dataset", "version", "status", "events", "coverage", "licence and attribution"],
            [
                [
                    d["dataset"],
                    d["version"],
                    d.get("status") or "",
                    f"{d['events']:,}" if d.get("events") is not None else f"{d.get('months') or 0:,} months (totals)",
                    d["coverage"],
                    f"{d['licence'] or ''} {d['attribution'] or ''}".strip(),
                ]
                for d in held
            ],
        )
    )


def _source_label(source: dict) -> str:
    authors = ", ".join(source.get("authors") or [])
    head = f"{authors}: " if authors else ""
    tail = f" ({source['publisher']})" if source.get("publisher") else ""
    url = f"\n{source['url']}" if source.get("url") else ""
    return f"{head}{source['title']}{tail}{url}"
