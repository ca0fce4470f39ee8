"""The sources pages: the bibliography and the datasets held (/sources), and one source with every
passage the knowledge base draws from it (/sources/{id}, anchors #record-<id> and #citation-<n>)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request

from torkham.web.deps import Store
from torkham.web.errors import NotFound
from torkham.web.templating import templates

router = APIRouter()


def record_summary(kind: str, record: dict, names: dict[str, str]) -> str:
    """One line saying what a knowledge-base record states, in plain words."""
    if kind == "actors":
        return record["name"]
    if kind == "relations":
        kind_label = record["type"].replace("_", " ")
        return f"{names.get(record['from'], record['from'])} {kind_label} {names.get(record['to'], record['to'])}"
    if kind == "events":
        return f"{record['date']}: {record['title']}"
    if kind == "figures":
        return f"{record['value_text']}: {record['counts']}"
    if kind == "mentions":
        return f"{record.get('name') or names.get(record['actor'], record['actor'])} named"
    for key in ("statement", "title", "text", "name", "cited_as", "date_text"):
        if record.get(key):
            return str(record[key])
    return record["id"]


def record_home(kind: str, record: dict) -> str | None:
    """The page where a record is shown in its context, or None."""
    rid = record["id"]
    if kind == "actors":
        return f"/actors/{rid}"
    if kind == "relations":
        return f"/actors/{record['from']}#relations"
    if kind == "events":
        return "/timeline?" + urlencode({"from": record["date"], "to": record["date"], "layer": "kb"}) + f"#event-{rid}"
    if kind == "claims":
        return f"/perspectives#claim-{rid}"
    if kind == "checks":
        return f"/perspectives#check-{rid}"
    if kind == "sources":
        return f"/sources/{rid}"
    if kind == "priorities" and record.get("holder"):
        return f"/actors/{record['holder']}#priorities"
    if kind == "recommendations" and record.get("addressed_to"):
        return f"/actors/{record['addressed_to'][0]}#priorities"
    if kind == "figures" and record.get("actors"):
        return f"/actors/{record['actors'][0]}#figures"
    if kind == "mentions":
        return f"/actors/{record['actor']}#mentions"
    return None


KIND_LABELS = {
    "actors": "actor",
    "relations": "relation",
    "events": "event",
    "figures": "figure",
    "claims": "claim",
    "priorities": "priority",
    "factors": "failure factor",
    "recommendations": "recommendation",
    "sources": "bibliography entry",
    "questions": "question",
    "mentions": "mention",
    "dates": "date",
    "citations": "citation",
    "corroborations": "corroboration",
}


# The downloads the sources page offers (/api/v1/export?format=…): format, what it holds, who reads it.
EXPORTS = [
    ("stix", "STIX 2.1 bundle", "actors, relations, events, claims and sources, for OpenCTI, MISP and other CTI tools"),
    ("ftm", "FollowTheMoney entities", "one entity a line, for Aleph, OpenAleph and nomenklatura"),
    ("gexf", "GEXF", "the actor network with the periods of its relations, for Gephi"),
    ("graphml", "GraphML", "the actor network, for yEd, Cytoscape and networkx"),
    ("geojson", "GeoJSON", "events with their places: dataset events as points, with dataset and licence"),
]


@router.get("/sources")
def sources_index(request: Request, con: Store):
    from torkham.store import queries
    from torkham.store.sources import citation_counts, record_counts

    bibliography = queries.records_of(con, "sources")
    return templates.TemplateResponse(
        request,
        "sources.html",
        {
            "title": "Sources",
            "bibliography": bibliography,
            "records": record_counts(con),
            "cited": citation_counts(con),
            "datasets": queries.datasets(con),
            "exports": EXPORTS,
        },
    )


@router.get("/sources/{source_id}")
def source_page(request: Request, con: Store, source_id: str):
    from torkham.ingest.documents import document_passages
    from torkham.store import queries
    from torkham.store.sources import source_detail

    detail = source_detail(con, source_id)
    if detail is None:
        dataset = next((d for d in queries.datasets(con) if d["id"] == source_id), None)
        if dataset is None:
            raise NotFound(f"no source or dataset with id '{source_id}'; the sources page lists them all")
        return templates.TemplateResponse(
            request, "source.html", {"title": dataset["title"], "dataset": dataset, "detail": None}
        )
    names = queries.actor_names(con)
    for group in ("records", "citing"):
        for entry in detail[group]:
            entry["summary"] = record_summary(entry["kind"], entry["record"], names)
            entry["home"] = record_home(entry["kind"], entry["record"])
            entry["label"] = KIND_LABELS.get(entry["kind"], entry["kind"])
    return templates.TemplateResponse(
        request,
        "source.html",
        {
            "title": detail["source"]["title"],
            "detail": detail,
            "dataset": None,
            "source": detail["source"],
            "passages": document_passages(con, source_id),
        },
    )
