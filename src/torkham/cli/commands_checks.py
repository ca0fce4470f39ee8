"""`torkham check [ID…]`: run the claim checks of the knowledge base against the data held."""

from __future__ import annotations

from typing import Annotated

import typer

from torkham.cli.base import JsonOption, app, settings
from torkham.store.access import open_store

COLOURS = {"supported": "green", "contradicted": "red", "undecided": "yellow", "not-checkable": "bright_black"}


@app.command()
def check(
    ctx: typer.Context,
    ids: Annotated[
        list[str] | None,
        typer.Argument(help="Check ids, or ids of the figures and claims checked (default: every check)."),
    ] = None,
    sql: Annotated[bool, typer.Option("--sql", help="Also print the SQL each event check ran (Ibis).")] = False,
    as_json: JsonOption = False,
) -> None:
    """Check the knowledge base's figures and claims against the data held: supported, contradicted or
    cannot be decided with the data held — always with the computed value, dataset and version, the
    query and the events or rows behind it."""
    from torkham.cli import render
    from torkham.evidence.checks import run_checks
    from torkham.params import CheckQuery

    query = CheckQuery.parse(ids)
    with open_store(settings(ctx.find_root())) as con:
        document = run_checks(con, query)
    if as_json:
        return render.write_json(document)
    out = render.console()
    if not document["checks"]:
        out.print("The knowledge base has no checks: add a checks file (docs/knowledge-format.md, checks).")
        return None
    for result in document["checks"]:
        out.print(_block(result, sql))
    out.print(_summary(document["summary"]), markup=False)


def _summary(summary: dict) -> str:
    from torkham.evidence.checks import VERDICTS

    run = sum(n for key, n in summary.items() if key != "not-checkable")
    parts = [f"{summary[key]} {VERDICTS[key]}" for key in ("supported", "contradicted", "undecided")]
    text = f"{run} check(s) run: " + ", ".join(parts)
    if summary.get("not-checkable"):
        text += f"; {summary['not-checkable']} not checkable (reason given)"
    return text


def _block(result: dict, sql: bool):
    from rich.panel import Panel
    from rich.text import Text

    colour = COLOURS[result["verdict"]]
    body = Text()
    for about in result["about"][:3]:
        _about(body, about)
    if len(result["about"]) > 3:
        body.append(f"… and {len(result['about']) - 3} more: {', '.join(a['id'] for a in result['about'][3:])}\n")
    body.append("verdict: ", style="bold")
    body.append(result["verdict_label"].upper(), style=f"bold {colour}")
    body.append("\n")
    if not result["checkable"]:
        body.append(f"reason: {result['reason']}")
        return Panel(body, title=Text(result["id"], style="bold"), title_align="left", border_style=colour)
    _checked(body, result)
    if sql and result["evidence"].get("query", {}).get("sql"):
        body.append("SQL run:\n", style="bold")
        body.append(result["evidence"]["query"]["sql"] + "\n", style="dim")
    body.rstrip()
    return Panel(body, title=Text(result["id"], style="bold"), title_align="left", border_style=colour)


def _about(body, about: dict) -> None:
    from torkham.cli import render

    if about["kind"] == "missing":
        body.append(f"{about['id']}: not in the knowledge base\n", style="red")
        return
    body.append(f"{about['kind']} {about['id']}: ", style="bold")
    stated = f" — stated: {about['value_text']}" if about["kind"] == "figure" else ""
    body.append(f"{about['text']}{stated}\n")
    body.append(render.quoted(about, 200), style="italic")
    body.append(f"  — {render.cite(about)}\n", style="cyan")


def _checked(body, result: dict) -> None:
    evidence = result["evidence"]
    value = evidence.get("value")
    computed = f"{value:,} {result['unit']}" if isinstance(value, int) else "none (no value for the period)"
    if value is None and isinstance(evidence.get("value_of_whole_years"), int):
        computed += f"; the whole years read give {evidence['value_of_whole_years']:,}"
    versions = ", ".join(evidence.get("versions") or []) or "?"
    body.append("computed: ", style="bold")
    body.append(f"{computed}  ·  stated: {_stated(result)}\n")
    if result["comparison"]:
        body.append(f"comparison: {result['comparison']}")
        if result.get("if_definitions_matched"):
            body.append(f" (would be {result['if_definitions_matched']} if the definitions matched)")
        body.append("\n")
    read = result.get("read_from")
    if read:
        body.append(f"read from: {read['label']} ({read['dataset']}), basis {read['basis']}")
        if result.get("preliminary"):
            body.append(" — PRELIMINARY", style="bold yellow")
        body.append(f" — through coverage, for the check's {result['dataset_label']} ({result['dataset']})")
    elif evidence.get("figures") is not None:
        body.append(f"set against: {result['dataset_label']} ({result['dataset']}) of {versions}")
    else:
        body.append(f"dataset: {result['dataset_label']} ({result['dataset']}) version {versions}")
    if evidence.get("data_covers"):
        first, last = evidence["data_covers"]
        body.append(f", data held covers {first} to {last}")
    body.append(f"; definitions: {result['definitions']}\n")
    for sentence in result.get("coverage") or []:
        if not any(sentence in reason for reason in result["reasons"]):
            body.append(f"coverage: {sentence}\n", style="dim")
    for reason in result["reasons"]:
        body.append(f"why: {reason}\n", style="yellow")
    for line in result["assumes"]:
        body.append(f"assumes: {line}\n", style="dim")
    for line in result["caveats"]:
        if not any(line in reason for reason in result["reasons"]):  # already given as a reason
            body.append(f"caveat: {line}\n", style="magenta")
    query = evidence.get("query") or {}
    if query.get("description"):
        body.append(f"query: {query['description']}\n")
    _behind(body, evidence)


def _stated(result: dict) -> str:
    stated, comparator = result["stated"], result["comparator"]
    period = result["period"]
    when = period["from"] if period["from"] == period["to"] else f"{period['from']} to {period['to']}"
    if comparator == "equals":
        kind, amount = next(iter(stated["tolerance"].items()))
        margin = f"{amount * 100:g}%" if kind == "relative" else f"{amount:,}"
        return f"{stated['value']:,} ± {margin} in {when}"
    if comparator in ("at_least", "at_most"):
        sign = {"at_least": "≥", "at_most": "≤"}[comparator]
        sign = {"≥": ">", "≤": "<"}[sign] if stated.get("strict") else sign
        return f"{sign} {stated['value']:,} in {when}"
    if comparator == "highest_in":
        kind, amount = next(iter(stated["window"].items()))
        span = f"since {amount}" if kind == "since" else f"{amount} {kind}"
        return f"{when} highest in {span} (at least {stated.get('min_size', 1)})"
    baseline = stated["baseline"]
    change = f" by {stated['min_change']}%+" if "min_change" in stated else ""
    return f"{when} {comparator}{change} against {baseline['from']} to {baseline['to']}"


def _behind(body, evidence: dict) -> None:
    values = evidence.get("periods")
    if values:
        shown = " · ".join(f"{p['period']} {_number(p['value'])}" for p in values)
        body.append(f"values ({evidence.get('basis')}): {shown}\n")
        body.append(f"query it: {evidence['query']['sql']}\n", style="dim")
        body.append(f"list them: {evidence['query']['listing']}\n", style="dim")
    events = evidence.get("events")
    if events is not None and not events["count"] and evidence.get("value") is None:
        body.append("events: none held for the period\n")
        body.append(f"list them: {events['listing']}\n", style="dim")
    elif events is not None:
        ids = ", ".join(events["ids"]) or "none"
        more = f" (first {len(events['ids'])})" if events["count"] > len(events["ids"]) else ""
        body.append(f"events: {events['count']:,}{more}: {ids}\n")
        body.append(f"list them: {events['listing']}\n", style="dim")
    for entry in evidence.get("side_by_side") or []:
        body.append(f"{entry['role']}: ", style="bold")
        body.append(
            f"{entry['value_text']} {entry['counts']} ({entry['id']}, {entry['source']}; {entry['qualifier'] or 'exact'}, "
            f"{'undated' if entry['dated'] == 'undated' else 'dated ' + entry['dated']})"
        )
        if entry.get("publisher"):
            body.append(f" — {entry['publisher']}, {entry.get('published') or 'undated'}")
        if entry.get("secondary"):
            body.append(f" — SECONDARY: relays {entry.get('relays') or 'another organisation'}", style="bold yellow")
        body.append("\n")
        if entry.get("quote"):
            body.append(f'  "{entry["quote"]}"\n', style="italic")
    if evidence.get("figures") is not None:
        body.append(f"list them: {evidence['query']['sql']}\n", style="dim")
    rows = evidence.get("rows")
    if rows is not None:
        shown = "; ".join(
            f"{r['year']} {r['coo_iso'] or '*'}→{r['coa_iso'] or '*'} {_number(r['value'])}" for r in rows["shown"]
        )
        more = f" (first {len(rows['shown'])})" if rows["count"] > len(rows["shown"]) else ""
        body.append(f"rows: {rows['count']:,}{more}: {shown or 'none'}\n")
        body.append(f"list them: {evidence['query']['listing']}\n", style="dim")


def _number(value) -> str:
    return f"{value:,}" if isinstance(value, int) else "not recorded"
