"""Rich output for the listing commands; `--json` bypasses all of this."""

from __future__ import annotations

import json
import sys

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`show` answers without it)
if TYPE_CHECKING:  # Rich is imported when something is printed with it (`--json` never loads it)
    from rich.console import Console
    from rich.table import Table


def console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def write_json(payload: object) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def cite(record: dict) -> str:
    """A short citation: source, section, page, figure and line of the text."""
    locator = record.get("locator") or {}
    parts = [str(record.get("source", "?"))]
    if locator.get("section"):
        parts.append(f"§{locator['section']}")
    if locator.get("page"):
        parts.append(f"p.{locator['page']}")
    if locator.get("figure"):
        parts.append(f"fig.{locator['figure']}")
    if locator.get("line"):
        parts.append(f"l.{locator['line']}")
    if locator.get("row"):  # a cell of a dataset: the row's id and the column
        parts.append(f"row {locator['row']}, {locator.get('column', '?')}")
    return " ".join(parts)


def quoted(record: dict, width: int = 0) -> str:
    quote = " ".join(str(record.get("quote") or "").split())
    if width and len(quote) > width:
        quote = quote[: width - 1] + "…"
    return f"“{quote}”" if quote else ""


def table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    from rich.table import Table

    out = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        out.add_column(column, overflow="fold")
    for row in rows:
        out.add_row(*row)
    return out


def evidence(record: dict) -> list[tuple[str, str]]:
    """The citation, then the quote, as (text, Rich style) pieces: the quote in the citation's colour, dimmed."""
    pieces = [(cite(record), "cyan")]
    if record.get("quote"):
        pieces.append(("  " + quoted(record, 160), "cyan dim"))
    return pieces
