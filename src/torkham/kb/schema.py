"""The record kinds, declared as data: the fields every record has (COMMON) and the tables every
record fills, then each kind (kb/kinds.py), checked here when they load (kb/declaration.py). kb/fields.py
checks records field by field; the store derives its kb_* tables and rows from the declaration."""

from __future__ import annotations

from typing import Any

from torkham.kb.declaration import declare
from torkham.kb.kinds import KINDS

# Field types: text, int, number (int or float or null), bool, date (partial ISO), locator,
# ref:<kind> (one id), refs:<kind> (list of ids), term:<vocabulary section>, aliases, attributes,
# texts (list of text), mapping, period, citations, textfile, about (one id or a list of ids),
# anyref (the id of a record of any kind), ingested (the document file a source was ingested from).
COMMON = {
    "id": "text",
    "status": "choice:proposed",  # absent = curated; `proposed` = written by `torkham ingest`, awaiting review
    "corroborates": "anyref",  # a proposal only: the curated record it matches (see ingest.corroborate)
    "source": "ref:sources",
    "locator": "locator",
    "quote": "text",
    "notes": "texts",
    "cites": "refs:sources",
}
PROPOSED = "proposed"

COMMON_TABLES: list[dict[str, Any]] = [
    {  # every curated record in its export form, with its provenance
        "table": "kb_records",
        "columns": [
            ("id", "VARCHAR PRIMARY KEY"),
            ("kind", "VARCHAR NOT NULL", "@kind"),
            ("seq", "INTEGER NOT NULL", "@seq"),
            ("source", "VARCHAR NOT NULL"),
            ("section", "VARCHAR", "locator.section"),
            ("page", "INTEGER", "locator.page"),
            ("figure", "INTEGER", "locator.figure"),
            ("line", "INTEGER", "locator.line"),
            ("quote", "VARCHAR"),
            ("file", "VARCHAR NOT NULL", "@file"),
            ("record", "JSON NOT NULL", "@record"),
        ],
    },
    {  # the sources a record cites (a source's own citations: kb/kinds.py)
        "table": "kb_citations",
        "each": "cites",
        "columns": [
            ("source_id", "VARCHAR NOT NULL", "@item"),
            ("record_id", "VARCHAR", "id"),
            ("section", "VARCHAR", "locator.section"),
            ("line", "INTEGER", "locator.line"),
            ("quote", "VARCHAR"),
        ],
    },
    {  # proposals of `torkham ingest` awaiting review: validated, never facts
        "table": "kb_proposals",
        "records": "proposed",
        "columns": [
            ("id", "VARCHAR PRIMARY KEY"),
            ("kind", "VARCHAR NOT NULL", "@kind"),
            ("source", "VARCHAR NOT NULL"),
            ("corroborates", "VARCHAR"),
            ("file", "VARCHAR NOT NULL", "@file"),
            ("record", "JSON NOT NULL", "@record"),
        ],
    },
]
DECLARATION = declare(COMMON, COMMON_TABLES, KINDS)

RECORD_KINDS = tuple(KINDS)
CHECK_FILTERS = {  # filter keys of a check, by dataset family
    "events": ("actor", "country", "admin1", "event_type"),
    "refugees": ("origin", "asylum"),
    "figures": (),  # a figure check takes no filters: the figures say what they count
}
# `document`: a short document (a web page, an update) quoted without a section: the quote locates it.
SECTION_NAMES = (
    "imprint",
    "series",
    "abbreviations",
    "contents",
    "abstract",
    "implications",
    "about-author",
    "document",
)
ALIAS_FIELDS = {"name", "type", "note", "in_text"}
