"""`torkham show`'s page of one actor, shared by the command and its quick path (cli/quick.py), which
prints it from the actor index without loading Typer or DuckDB.

The page is built once as lines of (text, Rich style) pieces. Printed to a terminal, Rich styles it;
anywhere else Rich would print the bare text wrapped at the console's width, and cli/plain.py writes
exactly that without loading Rich. Every text is printed as given: no markup, no emoji codes."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`show` answers without it)
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

Piece = tuple[str, str]  # a text and its Rich style ("" for none)
Line = list[Piece]


def relation_labels() -> dict[str, str]:
    """The label of every relation type of the vocabulary."""
    from torkham.model.vocabulary import default_vocabulary

    vocabulary = default_vocabulary()
    return {term: vocabulary.label("relation_types", term) for term in vocabulary.terms["relation_types"]}


def print_actor(detail: dict, names: dict[str, str], labels: Mapping[str, str]) -> None:
    """An actor with everything the knowledge says of it, each item with its citation."""
    print_actor_page(actor_page(detail, names, labels))


def print_actor_page(page: list[Line]) -> None:
    """Styled by Rich on a terminal; elsewhere the bare text, wrapped exactly as Rich would wrap it."""
    from torkham.cli.plain import plain_width, wrapped

    width = plain_width()
    if width is None:
        print_with_rich(page)
    else:
        sys.stdout.write("".join(wrapped("".join(text for text, _ in line), width) for line in page))


def print_with_rich(page: list[Line]) -> None:
    from rich.text import Text

    from torkham.cli import render

    out = render.console()
    for line in page:
        out.print(Text.assemble(*line))


def actor_page(detail: dict, names: dict[str, str], labels: Mapping[str, str]) -> list[Line]:
    """The lines of the page, each printed on its own (a long one wraps)."""
    actor = detail["actor"]
    page: list[Line] = [[(actor["name"], "bold"), (f"  ({actor['kind'].replace('_', ' ')})  id: {actor['id']}", "")]]
    if actor.get("description"):
        page.append([(actor["description"], "")])
    page.append(_evidence(actor))
    if actor["aliases"]:
        page.append(_heading("Names"))
        for alias in actor["aliases"]:
            note = f" — {alias['note']}" if alias.get("note") else ""
            page.append([(f"  {alias['name']} ({alias.get('type') or 'alias'}){note}", "")])
    if actor.get("attributes"):
        page.append(_heading("Attributes"))
        for key, value in actor["attributes"].items():
            shown = ", ".join(map(str, value)) if isinstance(value, list) else value
            page.append([(f"  {key}: {shown}", "")])
    page.extend([(f"  note: {note}", "")] for note in actor.get("notes") or [])
    if detail["shares_names_with"]:
        page.append(_heading("Shares a name with"))
        for item in detail["shares_names_with"]:
            other = f"{names.get(item['actor'], item['actor'])} ({item['actor']})"
            page.append([(f"  '{item['name']}' also names {other}", "")])
    for title, items, line in _sections(detail, names, labels):
        if items:
            page.append([*_heading(title), (f" ({len(items)})", "")])
        for item in items:
            page.append([("  " + line(item), "")])
            page.append([("    ", ""), *_evidence(item)])
            for other in item.get("corroborated_by") or []:  # a second source accepted by `torkham accept`
                page.append([("    also ", ""), *_evidence(other)])
    return page


def _sections(detail: dict, names: dict[str, str], labels: Mapping[str, str]) -> list[tuple[str, list, Callable]]:
    actor = detail["actor"]
    return [
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


def _heading(title: str) -> Line:
    return [("\n", ""), (title, "bold")]


def _evidence(record: dict) -> Line:
    from torkham.cli.render import evidence

    return evidence(record)


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
