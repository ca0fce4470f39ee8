"""The commands as data: each command's name, the modules that define it and the first paragraph of its
help, so that `torkham --help` lists them and a command loads only its own modules (cli/lazy.py).
tests/test_cli_listing.py checks this table against the commands themselves; a command added to
app.COMMAND_MODULES without a line here still runs (all modules are loaded to find it) but is not listed.

`root_help` writes `torkham --help` from this data exactly as click's HelpFormatter lays it out."""

from __future__ import annotations

import shutil
import textwrap
from typing import NamedTuple


class Listed(NamedTuple):
    name: str
    modules: tuple[str, ...]  # modules of torkham.cli that register the command (or the group and its commands)
    help: str  # the first paragraph of the command's help


ROOT_HELP = "Evidence workbench for the Afghanistan–Pakistan security situation."
_BOTH_PLACES = "Also taken after the command; given before and after it, the one after wins."
DB_HELP = f"Store file (default ./torkham.duckdb, or TORKHAM_DB). {_BOTH_PLACES}"
KB_HELP = f"Knowledge folder (default: the bundled one, or TORKHAM_KB). {_BOTH_PLACES}"
ROOT_OPTIONS = (
    ("--db <str>", DB_HELP),
    ("--kb <str>", KB_HELP),
    ("--version", "Show the version."),
    ("--help", "Show this message and exit."),
)

COMMANDS = (
    Listed(
        "series",
        ("commands_analysis",),
        "Events or fatalities per week, month or year, with a rolling mean; a period no data covers is unknown.",
    ),
    Listed(
        "signals",
        ("commands_analysis",),
        "Escalation signals: this week against the previous 4 and 52, record months, change points, new actors.",
    ),
    Listed(
        "check",
        ("commands_checks",),
        "Check the knowledge base's figures and claims against the data held: supported, contradicted or cannot be decided with the data held — always with the computed value, dataset and version, the query and the events or rows behind it.",
    ),
    Listed(
        "show",
        ("commands_query",),
        "Show one actor with its names, attributes, relations, events, figures and claims, all cited.",
    ),
    Listed(
        "timeline",
        ("commands_query",),
        "Dated events in order: the knowledge base's (dates keep their precision) and/or the datasets'.",
    ),
    Listed(
        "figures",
        ("commands_query",),
        "Figures the text gives: value, unit, what is counted, period; vague amounts kept as words.",
    ),
    Listed("claims", ("commands_query",), "Attributed claims: who asserts what, with the quote, and who disputes it."),
    Listed("recommendations", ("commands_query",), "The paper's recommendations, numbered as printed."),
    Listed(
        "sources",
        ("commands_query",),
        "Sources: the paper, its bibliography (with the passages citing each), the posts it shows, and the datasets held with their licence and required attribution.",
    ),
    Listed(
        "import",
        ("commands_data",),
        "Import dataset files into the store. Bad rows go to quarantine; re-importing a file changes nothing.",
    ),
    Listed("imports", ("commands_data",), "The import log: every file imported, its hash, version and counts."),
    Listed("quarantine", ("commands_data",), "Rows that could not be imported, with file, row, field and reason."),
    Listed(
        "perspectives",
        ("commands_evidence",),
        "Every side of each question: who asserts what (quoted and cited), who disputes it, and which claims dispute which. Disputed questions first.",
    ),
    Listed(
        "ingest",
        ("commands_ingest",),
        "Extract a document's text, register it as a source and propose knowledge for review; a STIX 2.1 bundle (.json) is registered as a source and its actors and relationships proposed.",
    ),
    Listed(
        "review",
        ("commands_ingest",),
        "List the proposals awaiting review: id, kind, page, what each says, notes, corroboration.",
    ),
    Listed(
        "accept",
        ("commands_ingest",),
        "Move proposals into the knowledge base (a corroboration becomes a second source of its record).",
    ),
    Listed(
        "reject", ("commands_ingest",), "Discard proposals; the review log keeps what was rejected, by whom and when."
    ),
    Listed(
        "search",
        ("commands_search",),
        "Search the knowledge base, the datasets and every ingested document; best matches first.",
    ),
    Listed(
        "serve",
        ("commands_serve",),
        "Start the web workbench (pages and /api/v1; read-only unless --write) at http://HOST:PORT/.",
    ),
    Listed("kb", ("commands_kb",), "Check, build and export the knowledge base."),
    Listed("chart", ("commands_analysis", "commands_fanchart"), "Draw charts of the event data (SVG or PNG)."),
    Listed(
        "brief",
        ("commands_brief",),
        "Situation reports as HTML or PDF: the briefing of a range, or 'summary' (one page per country).",
    ),
    Listed("actors", ("commands_data", "commands_query"), "List the actors of the knowledge base."),
    Listed("export", ("commands_export",), "Write the store's data for other engines (Parquet for Spark)."),
    Listed(
        "fetch",
        ("commands_fetch",),
        "Download events from the UCDP or ACLED API into the store (needs the internet and an account).",
    ),
    Listed(
        "forecast",
        ("commands_forecast",),
        "Forecast monthly fatalities (predictive distributions, with the field's baselines); 'evaluate' backtests.",
    ),
    Listed(
        "refugees",
        ("commands_refugees",),
        "UNHCR refugee statistics: import Refugee Data Finder exports, show yearly series and measures.",
    ),
)
LISTED = {c.name: c for c in COMMANDS}


def help_width() -> int:
    """click's HelpFormatter width: the terminal's (or COLUMNS), at most 80, less 2; at least 50."""
    return max(min(shutil.get_terminal_size().columns, 80) - 2, 50)


def root_help(width: int | None = None) -> str:
    """`torkham --help`, without its final newline (as click's get_help gives it)."""
    width = width or help_width()
    out = ["Usage: torkham [OPTIONS] COMMAND [ARGS]...\n", "\n", _wrap(ROOT_HELP, width, "  ") + "\n"]
    out += ["\n", "Options:\n", *_definitions(ROOT_OPTIONS, width)]
    limit = width - 6 - max(len(c.name) for c in COMMANDS)
    rows = tuple((c.name, short_help(c.help, limit)) for c in COMMANDS)
    out += ["\n", "Commands:\n", *_definitions(rows, width)]
    return "".join(out).rstrip("\n")


def _definitions(rows: tuple[tuple[str, str], ...], width: int, indent: int = 2) -> list[str]:
    """click's HelpFormatter.write_dl (col_max 30, col_spacing 2) inside a section."""
    first_col = min(max(len(first) for first, _ in rows), 30) + 2
    out: list[str] = []
    for first, second in rows:
        out.append(" " * indent + first)
        if len(first) <= first_col - 2:
            out.append(" " * (first_col - len(first)))
        else:
            out.append("\n" + " " * (first_col + indent))
        lines = _wrap(second, max(width - first_col - 2, 10)).splitlines()
        out.append(lines[0] + "\n")
        out += [" " * (first_col + indent) + line + "\n" for line in lines[1:]]
    return out


class _Wrapper(textwrap.TextWrapper):
    def _handle_long_word(self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int) -> None:
        """click's: a word longer than the line is cut where the line ends."""
        space_left = max(width - cur_len, 1)
        last = reversed_chunks[-1]
        cur_line.append(last[:space_left])
        reversed_chunks[-1] = last[space_left:]


def _wrap(text: str, width: int, indent: str = "") -> str:
    wrapper = _Wrapper(width, initial_indent=indent, subsequent_indent=indent, replace_whitespace=False)
    return wrapper.fill(text.expandtabs())


def short_help(text: str, limit: int) -> str:
    """click's make_default_short_help: up to the first sentence's end, else cut to `limit` with '...'."""
    words = text.split()
    if not words:
        return ""
    total = 0
    for i, word in enumerate(words):
        total += len(word) + (i > 0)
        if total > limit:
            break
        if word[-1] == ".":
            return " ".join(words[: i + 1])
        if total == limit and i != len(words) - 1:
            break
    else:
        return " ".join(words)
    total += len("...")
    while i > 0:
        total -= len(words[i]) + (i > 0)
        if total <= limit:
            break
        i -= 1
    return " ".join(words[:i]) + "..."
