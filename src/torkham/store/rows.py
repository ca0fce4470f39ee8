"""The rows of the knowledge layer: each record in its export form (kb_records) and in the typed
tables the queries use. Proposals (status: proposed) go to kb_proposals only, never to the facts."""

from __future__ import annotations

import json

from torkham.kb.loader import Record
from torkham.kb.names import normalize
from torkham.kb.validate import Validation
from torkham.model.dates import parse_partial_date


def _locator(record: Record, validation: Validation) -> dict:
    locator = dict(record.get("locator") or {})
    text = validation.texts.get(str(record.get("source")))
    quote = record.get("quote")
    if text is not None and isinstance(quote, str):
        locator["line"] = text.line_of(quote)
    if "section" in locator:
        locator["section"] = str(locator["section"])
    return locator


def export_form(record: Record, locator: dict) -> dict:
    """The record as `kb export` and the API give it: every field, with normalised defaults."""
    data = {"id": record.id, **{k: v for k, v in record.data.items() if k != "id"}}
    data["locator"] = locator
    if record.kind == "events":
        data["precision"] = "approximate" if data.get("approximate") else parse_partial_date(data["date"]).precision
        data["date_precision"] = parse_partial_date(data["date"]).precision
        data.setdefault("approximate", False)
        data.setdefault("actors", [])
    elif record.kind == "actors":
        data["aliases"] = [a if isinstance(a, dict) else {"name": a} for a in data.get("aliases") or []]
        data.setdefault("attributes", {})
    elif record.kind == "figures":
        data.setdefault("context", "text")
        data.setdefault("actors", [])
    elif record.kind == "claims":
        data.setdefault("disputed_by", [])
        data.setdefault("disputes", [])
    elif record.kind == "checks":
        data["about"] = data["about"] if isinstance(data["about"], list) else [data["about"]]
        data.setdefault("checkable", True)
        if data["checkable"]:
            data.setdefault("filters", {})
            data.setdefault("definitions", "same")
            data.setdefault("assumes", [])
            data.setdefault("caveats", [])
    return json.loads(json.dumps(data, default=str))


def insert_all(con, validation: Validation) -> None:
    """Insert every validated record: curated ones as facts, proposals apart (kb_proposals)."""
    rows: dict[str, list[tuple]] = {}

    def add(table: str, *values: object) -> None:
        rows.setdefault(table, []).append(values)

    corroborations: dict[str, list[dict]] = {}
    for record in validation.kb.curated("corroborations"):
        entry = {"id": record.id, "source": record.get("source"), "locator": _locator(record, validation)}
        corroborations.setdefault(str(record.get("record")), []).append({**entry, "quote": record.get("quote")})
    for record in validation.kb.records:
        locator = _locator(record, validation)
        data = export_form(record, locator)
        if record.proposed:  # validated, kept for review, never a fact
            add("kb_proposals", record.id, record.kind, data["source"], data.get("corroborates"), record.file,
                json.dumps(data))  # fmt: skip
            continue
        if record.id in corroborations:
            data["corroborated_by"] = corroborations[record.id]
        add(
            "kb_records",
            record.id,
            record.kind,
            record.seq,
            data["source"],
            locator.get("section"),
            locator.get("page"),
            locator.get("figure"),
            locator.get("line"),
            data.get("quote"),
            record.file,
            json.dumps(data),
        )
        _insert_kind(add, record, data, validation)
    for table, values in rows.items():
        _insert_columns(con, table, values)


def _insert_columns(con, table: str, values: list[tuple]) -> None:
    """One statement per table, the rows passed as one list per column (executemany goes row by row,
    which made a build of a few thousand records take seconds)."""
    types = [
        "VARCHAR" if kind == "JSON" else kind
        for (kind,) in con.execute(
            "SELECT data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [table]
        ).fetchall()
    ]
    columns = [list(column) for column in zip(*values, strict=True)]
    selects = ", ".join(f"unnest(?::{kind}[])" for kind in types)
    con.execute(f"INSERT INTO {table} SELECT {selects}", columns)


def _insert_kind(add, record: Record, data: dict, validation: Validation) -> None:
    kind, rid = record.kind, record.id
    for cited in data.get("cites") or []:
        add("kb_citations", cited, rid, data["locator"].get("section"), data["locator"].get("line"), data.get("quote"))
    if kind == "mentions":
        add("kb_mentions", rid, data["actor"], data["source"], data["locator"].get("page"))
    elif kind == "corroborations":
        add("kb_corroborations", rid, data["record"], data["source"])
    elif kind == "actors":
        add("kb_actors", rid, data["name"], data["kind"], data.get("description"))
        for alias in [{"name": data["name"], "type": "name"}, *data["aliases"]]:
            add(
                "kb_names",
                rid,
                alias["name"],
                alias.get("type") or "alias",
                normalize(alias["name"]),
                alias.get("note"),
                alias.get("in_text", True) is not False,
            )
    elif kind == "ambiguities":
        for actor in data["actors"]:
            add("kb_ambiguities", rid, data["name"], normalize(data["name"]), actor, data.get("note"))
    elif kind == "relations":
        add(
            "kb_relations",
            rid,
            data["type"],
            data["from"],
            data["to"],
            data.get("sign"),
            data.get("valid_from"),
            data.get("valid_to"),
        )
    elif kind == "events":
        start = parse_partial_date(data["date"])
        end = parse_partial_date(data["end_date"]) if data.get("end_date") else start
        add(
            "kb_events",
            rid,
            data["date"],
            data["precision"],
            data["approximate"],
            start.first_day,
            end.last_day,
            data["type"],
            data["title"],
            data.get("place"),
            data.get("country"),
            data.get("admin1"),
        )
        for position, actor in enumerate(data["actors"]):
            add("kb_event_actors", rid, actor, position)
    elif kind == "figures":
        period = data.get("period") or {}
        add(
            "kb_figures",
            rid,
            data.get("value"),
            str(data["value_text"]),
            data.get("qualifier"),
            data.get("low"),
            data.get("high"),
            data["unit"],
            data["counts"],
            data["context"],
            data.get("event"),
            period.get("from") or period.get("as_of"),
            period.get("to") or period.get("as_of"),
            data.get("country"),
        )
        for actor in data["actors"]:
            add("kb_figure_actors", rid, actor)
    elif kind == "claims":
        add("kb_claims", rid, data["topic"], data["statement"])
        for role, key in (("asserts", "asserted_by"), ("disputes", "disputed_by")):
            for actor in data.get(key) or []:
                add("kb_claim_actors", rid, actor, role)
        for other in data["disputes"]:
            add("kb_claim_disputes", rid, other)
    elif kind == "checks":
        period = data.get("period") or {}
        add(
            "kb_checks",
            rid,
            data["checkable"],
            data.get("metric"),
            data.get("dataset"),
            data.get("comparator"),
            data.get("value"),
            period.get("from"),
            period.get("to"),
            data.get("definitions"),
            data.get("reason"),
        )
        for about in data["about"]:
            add("kb_check_about", rid, about)
    elif kind == "sources":
        add(
            "kb_sources",
            rid,
            data["kind"],
            data["title"],
            json.dumps(data.get("authors") or []),
            data.get("publisher"),
            data.get("date"),
            data.get("url"),
            data.get("cited_as"),
        )
        text = validation.texts.get(str(data.get("source")))
        for citation in data.get("citations") or []:
            line = text.line_of(citation["quote"]) if text else None
            add("kb_citations", rid, None, str(citation["locator"].get("section")), line, citation["quote"])
