"""The fields of each record kind, declared as data. `kb.checks` applies them field by field."""

from __future__ import annotations

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

KINDS: dict[str, dict] = {
    "actors": {
        "required": ["name", "kind"],
        "fields": {
            "name": "text",
            "kind": "term:actor_kinds",
            "aliases": "aliases",
            "attributes": "attributes",
            "description": "text",
        },
    },
    "ambiguities": {
        "required": ["name", "actors"],
        "quote_optional": True,
        "locator_optional": True,
        "fields": {"name": "text", "actors": "refs:actors", "note": "text"},
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
            "place": "text",
            "country": "text",
            "admin1": "text",
        },
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
    },
    "claims": {
        "required": ["asserted_by", "topic", "statement"],
        "fields": {
            "asserted_by": "refs:actors",
            "topic": "term:claim_topics",
            "statement": "text",
            "disputed_by": "refs:actors",
            "disputes": "refs:claims",
        },
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
        },
    },
    # "Actor X is named in source S at this place": what `torkham ingest` finds for a known actor.
    "mentions": {
        "required": ["actor"],
        "open_in_proposals": ["actor"],  # a name of several actors: the reviewer sets the actor
        "fields": {"actor": "ref:actors", "name": "text"},  # name: the form the text uses
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
        },
    },
}

RECORD_KINDS = tuple(KINDS)
CHECK_FILTERS = {  # filter keys of a check, by dataset family
    "events": ("actor", "country", "admin1", "event_type"),
    "refugees": ("origin", "asylum"),
}
SECTION_NAMES = ("imprint", "series", "abbreviations", "contents", "abstract", "implications", "about-author")
ALIAS_FIELDS = {"name", "type", "note", "in_text"}
