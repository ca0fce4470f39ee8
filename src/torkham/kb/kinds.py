"""Each record kind declared once: its fields (checked by kb/fields.py), how its export form completes
a record, and the store tables its records become. kb/declaration.py says how the declaration is
read and checks it when kb/schema.py loads; field types are listed in kb/schema.py."""

from __future__ import annotations

from typing import Any

KINDS: dict[str, dict[str, Any]] = {
    "actors": {
        "required": ["name", "kind"],
        "fields": {
            "name": "text",
            "kind": "term:actor_kinds",
            "aliases": "aliases",
            "attributes": "attributes",
            "description": "text",
        },
        "export": {"computed": {"aliases": "alias_mappings()"}, "defaults": {"attributes": {}}},
        "tables": [
            {
                "table": "kb_actors",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("name", "VARCHAR NOT NULL"),
                    ("kind", "VARCHAR NOT NULL"),
                    ("description", "VARCHAR"),
                ],
            },
            {
                "table": "kb_names",
                "each": "names()",
                "columns": [
                    ("actor_id", "VARCHAR NOT NULL", "id"),
                    ("name", "VARCHAR NOT NULL", "@item.name"),
                    ("name_type", "VARCHAR NOT NULL", "@item.type"),
                    ("normalized", "VARCHAR NOT NULL", "@item.normalized"),
                    ("note", "VARCHAR", "@item.note"),
                    ("in_text", "BOOLEAN NOT NULL", "@item.in_text"),
                ],
            },
        ],
    },
    "ambiguities": {
        "required": ["name", "actors"],
        "quote_optional": True,
        "locator_optional": True,
        "fields": {"name": "text", "actors": "refs:actors", "note": "text"},
        "tables": [
            {
                "table": "kb_ambiguities",
                "each": "actors",
                "columns": [
                    ("id", "VARCHAR NOT NULL"),
                    ("name", "VARCHAR NOT NULL"),
                    ("normalized", "VARCHAR NOT NULL", "normalized_name()"),
                    ("actor_id", "VARCHAR NOT NULL", "@item"),
                    ("note", "VARCHAR"),
                ],
            },
        ],
    },
    "relations": {
        "required": ["type", "from", "to"],
        "fields": {
            "type": "term:relation_types",
            "from": "ref:actors",
            "to": "ref:actors",
            "sign": "choice:positive,negative,neutral",
            "valid_from": "date",
            "valid_to": "date",
            "attributes": "mapping",
        },
        "tables": [
            {
                "table": "kb_relations",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("type", "VARCHAR NOT NULL"),
                    ("from_id", "VARCHAR NOT NULL", "from"),
                    ("to_id", "VARCHAR NOT NULL", "to"),
                    ("sign", "VARCHAR"),
                    ("valid_from", "VARCHAR"),
                    ("valid_to", "VARCHAR"),
                ],
            },
        ],
    },
    "events": {
        "required": ["date", "type", "title"],
        "fields": {
            "date": "date",
            "approximate": "bool",
            "date_text": "text",
            "end_date": "date",
            "type": "term:event_types",
            "title": "text",
            "actors": "refs:actors",
            "place": "text",  # as the text names it
            "country": "text",  # ISO 3166-1 alpha-3
            "admin1": "text",  # the province: ISO 3166-2 (AF-NAN, PK-KP) or a name geo/admin1.yaml lists
            # what `torkham ingest` resolves the place to (ingest/extract/event_places.py)
            "place_level": "choice:country,province,division,district,town,region",
            "district": "text",  # Pakistan's districts have names, not codes
            "place_candidates": "texts",  # a name of several places: each "Name (level, code)"; none chosen
        },
        "export": {
            "computed": {"precision": "event_precision()", "date_precision": "date_precision()"},
            "defaults": {"approximate": False, "actors": []},
        },
        "tables": [
            {
                "table": "kb_events",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("date", "VARCHAR NOT NULL"),
                    ("precision", "VARCHAR NOT NULL"),
                    ("approximate", "BOOLEAN NOT NULL"),
                    ("first_day", "DATE NOT NULL", "first_day()"),
                    ("last_day", "DATE NOT NULL", "last_day()"),
                    ("type", "VARCHAR NOT NULL"),
                    ("title", "VARCHAR NOT NULL"),
                    ("place", "VARCHAR"),
                    ("country", "VARCHAR"),
                    ("admin1", "VARCHAR"),
                ],
            },
            {
                "table": "kb_event_actors",
                "each": "actors",
                "columns": [
                    ("event_id", "VARCHAR NOT NULL", "id"),
                    ("actor_id", "VARCHAR NOT NULL", "@item"),
                    ("position", "INTEGER NOT NULL", "@position"),
                ],
            },
        ],
    },
    "figures": {
        "required": ["value", "value_text", "unit", "counts"],
        "fields": {
            "value": "number",
            "value_text": "text",
            "qualifier": "term:figure_qualifiers",
            "low": "number",
            "high": "number",
            "unit": "term:units",
            "counts": "text",
            "period": "period",
            "country": "text",
            "actors": "refs:actors",
            "event": "ref:events",
            "context": "term:figure_contexts",
        },
        "export": {"defaults": {"context": "text", "actors": []}},
        "tables": [
            {
                "table": "kb_figures",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("value", "DOUBLE"),
                    ("value_text", "VARCHAR NOT NULL"),
                    ("qualifier", "VARCHAR"),
                    ("low", "DOUBLE"),
                    ("high", "DOUBLE"),
                    ("unit", "VARCHAR NOT NULL"),
                    ("counts", "VARCHAR NOT NULL"),
                    ("context", "VARCHAR NOT NULL"),
                    ("event_id", "VARCHAR", "event"),
                    ("period_from", "VARCHAR", "period_start()"),
                    ("period_to", "VARCHAR", "period_end()"),
                    ("country", "VARCHAR"),
                ],
            },
            {
                "table": "kb_figure_actors",
                "each": "actors",
                "columns": [("figure_id", "VARCHAR NOT NULL", "id"), ("actor_id", "VARCHAR NOT NULL", "@item")],
            },
        ],
    },
    "claims": {
        "required": ["asserted_by", "topic", "statement"],
        "fields": {
            "asserted_by": "refs:actors",
            "topic": "term:claim_topics",
            "statement": "text",
            "date": "date",  # when it was said, when the text says (a news report's dateline)
            "disputed_by": "refs:actors",
            "disputes": "refs:claims",
        },
        "export": {"defaults": {"disputed_by": [], "disputes": []}},
        "tables": [
            {
                "table": "kb_claims",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("topic", "VARCHAR NOT NULL"),
                    ("statement", "VARCHAR NOT NULL"),
                ],
            },
            {
                "table": "kb_claim_actors",
                "each": {"asserted_by": "asserts", "disputed_by": "disputes"},
                "columns": [
                    ("claim_id", "VARCHAR NOT NULL", "id"),
                    ("actor_id", "VARCHAR NOT NULL", "@item"),
                    ("role", "VARCHAR NOT NULL", "@tag"),
                ],
            },
            {
                "table": "kb_claim_disputes",
                "each": "disputes",
                "columns": [("claim_id", "VARCHAR NOT NULL", "id"), ("disputed_claim_id", "VARCHAR NOT NULL", "@item")],
            },
        ],
    },
    "priorities": {
        "required": ["holder", "text"],
        "fields": {"holder": "ref:actors", "rank": "int", "text": "text"},
    },
    "factors": {
        "required": ["framework", "number", "title"],
        "fields": {
            "framework": "term:factor_frameworks",
            "number": "int",
            "title": "text",
            "text": "text",
        },
    },
    "recommendations": {
        "required": ["number", "title", "text"],
        "fields": {
            "number": "int",
            "title": "text",
            "text": "text",
            "addressed_to": "refs:actors",
        },
    },
    "questions": {
        "required": ["number", "text"],
        "fields": {"number": "int", "text": "text"},
    },
    "sources": {
        "required": ["kind", "title"],
        "fields": {
            "kind": "term:source_kinds",
            "title": "text",
            "authors": "texts",
            "editors": "texts",
            "publisher": "text",
            "series": "text",
            "place": "text",
            "keywords": "texts",
            "licence_note": "text",
            "date": "date",
            "url": "text",
            "cited_as": "text",
            "citations": "citations",
            "text": "textfile",
            "ingested": "ingested",
            # a page reporting another organisation's document (named in `relays`): weaker, say so
            "secondary": "bool",
            "relays": "text",
        },
        "export": {"defaults": {"secondary": False}},
        "tables": [
            {
                "table": "kb_sources",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("kind", "VARCHAR NOT NULL"),
                    ("title", "VARCHAR NOT NULL"),
                    ("authors", "VARCHAR", "authors_json()"),
                    ("publisher", "VARCHAR"),
                    ("date", "VARCHAR"),
                    ("url", "VARCHAR"),
                    ("cited_as", "VARCHAR"),
                    ("secondary", "BOOLEAN"),
                ],
            },
            {  # where the document a source is listed in cites it (the `cites` of any record: kb/schema.py)
                "table": "kb_citations",
                "each": "citations",
                "columns": [
                    ("source_id", "VARCHAR NOT NULL", "id"),
                    ("record_id", "VARCHAR", None),
                    ("section", "VARCHAR", "citation_section()"),
                    ("line", "INTEGER", "citation_line()"),
                    ("quote", "VARCHAR", "@item.quote"),
                ],
            },
        ],
    },
    # "Actor X is named in source S at this place": what `torkham ingest` finds for a known actor.
    "mentions": {
        "required": ["actor"],
        "open_in_proposals": ["actor"],  # a name of several actors: the reviewer sets the actor
        "fields": {"actor": "ref:actors", "name": "text"},  # name: the form the text uses
        "tables": [
            {
                "table": "kb_mentions",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("actor_id", "VARCHAR NOT NULL", "actor"),
                    ("source_id", "VARCHAR NOT NULL", "source"),
                    ("page", "INTEGER", "locator.page"),
                ],
            },
        ],
    },
    # A date expression of a document, resolved to a partial date (reviewed with the events it dates).
    "dates": {
        "required": ["date"],
        "fields": {"date": "date", "approximate": "bool", "date_text": "text"},
    },
    # An in-text citation such as "(Dawn, 2023)"; `cites` links it to the source it names when known.
    "citations": {
        "required": ["cited_as"],
        "fields": {"cited_as": "text", "entry": "text"},  # entry: the bibliography entry as written
    },
    # Another source's passage confirming a curated record (an accepted corroborating proposal).
    "corroborations": {
        "required": ["record"],
        "fields": {"record": "anyref"},
        "tables": [
            {
                "table": "kb_corroborations",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("record_id", "VARCHAR NOT NULL", "record"),
                    ("source_id", "VARCHAR NOT NULL", "source"),
                ],
            },
        ],
    },
    # A claim check: how a figure or claim is checked against a dataset (kb/checkspecs.py checks the
    # fields that depend on each other: comparator needs, metric and dataset families, filters).
    "checks": {
        "required": ["about"],
        "quote_optional": True,  # a check rests on the record in `about`, which has the quote
        "locator_optional": True,
        "fields": {
            "about": "about",
            "checkable": "bool",
            "reason": "text",
            "metric": "term:check_metrics",
            "dataset": "term:check_datasets",
            "filters": "mapping",
            "period": "period",
            "aggregate": "choice:sum,max,last",
            "comparator": "term:check_comparators",
            "value": "number",
            "tolerance": "mapping",
            "strict": "bool",
            "window": "mapping",
            "min_size": "int",
            "baseline": "period",
            "min_change": "number",
            "definitions": "choice:same,proxy,differ",
            "assumes": "texts",
            "caveats": "texts",
            # the data an event check may read: auto (its dataset's family, through coverage) or one basis
            "basis": "choice:auto,events,aggregate,candidate",
            # a figure check (dataset of family figures): the figures set against the stated one
            "against": "refs:figures",
        },
        "export": {
            "computed": {"about": "about_list()"},
            "defaults": {"checkable": True},
            "defaults_if": {"checkable": {"filters": {}, "definitions": "same", "assumes": [], "caveats": []}},
        },
        "tables": [
            {
                "table": "kb_checks",
                "columns": [
                    ("id", "VARCHAR PRIMARY KEY"),
                    ("checkable", "BOOLEAN NOT NULL"),
                    ("metric", "VARCHAR"),
                    ("dataset", "VARCHAR"),
                    ("comparator", "VARCHAR"),
                    ("value", "DOUBLE"),
                    ("period_from", "VARCHAR", "period.from"),
                    ("period_to", "VARCHAR", "period.to"),
                    ("definitions", "VARCHAR"),
                    ("reason", "VARCHAR"),
                ],
            },
            {
                "table": "kb_check_about",
                "each": "about",
                "columns": [("check_id", "VARCHAR NOT NULL", "id"), ("record_id", "VARCHAR NOT NULL", "@item")],
            },
        ],
    },
}
