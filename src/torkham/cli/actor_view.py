"""`torkham show`'s page of one actor, shared by the command and its quick path (cli/quick.py), which
prints it from the actor index without loading Typer or DuckDB."""

from __future__ import annotations

from collections.abc import Mapping


def relation_labels() -> dict[str, str]:
    """The label of every relation type of the vocabulary."""
    from torkham.model.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    return {term: vocabulary.label("relation_types", term) for term in vocabulary.terms["relation_types"]}


def print_actor(detail: dict, names: dict[str, str], labels: Mapping[str, str]) -> None:
    """An actor with everything the knowledge says of it, each item with its citation."""
    from rich.text import Text

    from torkham.cli import render

    out = render.console()
    actor = detail["actor"]
    out.print(Text.assemble((actor["name"], "bold"), f"  ({actor['kind'].replace('_', ' ')})  id: {actor['id']}"))
    if actor.get("description"):
        out.print(actor["description"])
    out.print(render.evidence(actor))
    if actor["aliases"]:
        out.print("\n[bold]Names[/bold]")
        for alias in actor["aliases"]:
            note = f" — {alias['note']}" if alias.get("note") else ""
            out.print(f"  {alias['name']} ({alias.get('type') or 'alias'}){note}", markup=False)
    if actor.get("attributes"):
        out.print("\n[bold]Attributes[/bold]")
        for key, value in actor["attributes"].items():
            shown = ", ".join(map(str, value)) if isinstance(value, list) else value
            out.print(f"  {key}: {shown}", markup=False)
    for note in actor.get("notes") or []:
        out.print(f"  note: {note}", markup=False)
    if detail["shares_names_with"]:
        out.print("\n[bold]Shares a name with[/bold]")
        for item in detail["shares_names_with"]:
            out.print(
                f"  '{item['name']}' also names {names.get(item['actor'], item['actor'])} ({item['actor']})",
                markup=False,
            )
    sections = [
        ("Relations", detail["relations"], lambda r: _relation_line(r, actor["id"], names, labels)),
        (
            "Events",
            detail["events"],
            lambda e: f"{e['date']}{'~' if e['approximate'] else ''}  {e['type']}  {e['title']}",
        ),
        ("Figures", detail["figures"], lambda f: f"{f['value_text']} — {f['counts']}"),
        ("Claims", detail["claims"], lambda c: _claim_line(c, actor["id"])),
        (
            "Priorities and recommendations",
            detail["priorities_and_recommendations"],
            lambda p: p.get("title") or p.get("text"),
        ),
        ("Mentions", detail.get("mentions", []), lambda m: f"named as '{m.get('name') or actor['name']}'"),
    ]
    for title, items, line in sections:
        if not items:
            continue
        out.print(f"\n[bold]{title}[/bold] ({len(items)})")
        for item in items:
            out.print("  " + line(item), markup=False)
            out.print(Text("    ").append_text(render.evidence(item)))
            for other in item.get("corroborated_by") or []:  # a second source accepted by `torkham accept`
                out.print(Text("    also ").append_text(render.evidence(other)))


def _relation_line(relation: dict, actor_id: str, names: dict[str, str], labels: Mapping[str, str]) -> str:
    label = labels.get(relation["type"], relation["type"])  # Vocabulary.label: the term itself when unlabelled
    span = ""
    if relation.get("valid_from") or relation.get("valid_to"):
        span = f"  [{relation.get('valid_from', '…')} – {relation.get('valid_to', '…')}]"
    if relation["from"] == actor_id:
        return f"→ {label} {names.get(relation['to'], relation['to'])}{span}"
    return f"← {names.get(relation['from'], relation['from'])} {label} this actor{span}"


def _claim_line(claim: dict, actor_id: str) -> str:
    role = (
        "disputes" if actor_id in claim.get("disputed_by", []) and actor_id not in claim["asserted_by"] else "asserts"
    )
    return f"[{claim['topic']}] {role}: {claim['statement']}"
