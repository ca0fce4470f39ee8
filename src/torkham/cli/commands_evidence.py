"""Evidence commands: perspectives, claim checks, briefings."""

from __future__ import annotations

from typing import Annotated

import typer

from torkham.cli.base import JsonOption, app, resolve_actor, settings
from torkham.params import check_term
from torkham.store.access import open_store


@app.command()
def perspectives(
    ctx: typer.Context,
    topic: Annotated[
        str | None, typer.Option("--topic", help="Only this question (a claim topic: ttp-origin, deportations, …).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only the questions on which this actor asserts or disputes a claim.")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Every side of each question: who asserts what (quoted and cited), who disputes it, and which
    claims dispute which. Disputed questions first."""
    from torkham.cli import render
    from torkham.evidence.perspectives import perspectives as build
    from torkham.store import queries

    check_term("claim_topics", topic, "topic")
    with open_store(settings(ctx)) as con:
        actor_id = resolve_actor(con, actor, "actor")
        document = build(con, topic, actor_id)
        actor_name = queries.actor_names(con).get(actor_id, actor_id) if actor_id else None
    if as_json:
        return render.write_json(document)
    _print(document, actor_name)


def _print(document: dict, actor_name: str | None) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from torkham.cli import render

    out = render.console()
    topics = document["topics"]
    disputed = sum(t["disputed"] for t in topics)
    if not topics:
        out.print(f"{actor_name} asserts or disputes no claim in the knowledge base.", markup=False)
        return
    scope = f" on which {actor_name} takes a position" if actor_name else ""
    out.print(f"{len(topics)} question(s){scope}, {disputed} disputed", markup=False)
    for topic in topics:
        out.print()
        heading = Text(topic["question"], style="bold")
        state = "disputed" if topic["disputed"] else "not disputed in the text"
        claims = sum(len(s["claims"]) for s in topic["sides"])
        heading.append(f"  [{topic['topic']} · {state} · {claims} claim(s), {len(topic['sides'])} side(s)]")
        out.print(heading)
        if not topic["sides"]:
            out.print("  No claims on this question in the knowledge base.", markup=False)
        for side in topic["sides"]:
            out.print(Panel(_side_body(side), title=Text(side["label"], style="bold"), title_align="left"))
        if topic["disputes"]:
            out.print(Text(f"Disputes ({len(topic['disputes'])})", style="bold"))
            for first, second in topic["disputes"]:
                out.print(f"  {_who(first, topic)} ⟷ {_who(second, topic)}", markup=False)


def _side_body(side: dict):
    from rich.console import Group
    from rich.text import Text

    from torkham.cli import render

    parts = []
    for n, claim in enumerate(side["claims"]):
        body = Text()
        if n:
            body.append("\n")
        body.append(claim["statement"], style="bold")
        body.append(f"  ({claim['id']})\n", style="dim")
        body.append(render.quoted(claim), style="italic")
        body.append(f"  — {render.cite(claim)}\n", style="cyan")
        disputers = ", ".join(a["name"] for a in claim["disputed_by"]) or "nobody in the text"
        body.append(f"disputed by: {disputers}")
        if claim["disputes"]:
            body.append("\n⟷ disputes: " + ", ".join(claim["disputes"]))
        for note in claim["notes"]:
            body.append(f"\nnote: {note}", style="dim")
        parts.append(body)
    return Group(*parts)


def _who(claim_id: str, topic: dict) -> str:
    for side in topic["sides"]:
        if any(c["id"] == claim_id for c in side["claims"]):
            return f"{claim_id} [{side['label']}]"
    for other in topic["related_claims"]:
        if other["id"] == claim_id:
            return f"{claim_id} [{other['label']}; on question {other['topic']}]"
    return claim_id
