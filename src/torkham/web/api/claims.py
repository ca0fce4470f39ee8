"""/api/v1/claims and /api/v1/perspectives: who asserts what, and every side of each disputed question."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from torkham.params import check_term
from torkham.store import queries
from torkham.web.api.common import actor_id_of
from torkham.web.api.paging import (
    DEFAULT_LIMIT,
    MAX_TEXT,
    Cursor,
    Format,
    Limit,
    csv_download,
    decode_offset,
    page_of,
    to_csv,
)
from torkham.web.api.responses import CSV
from torkham.web.deps import Store

router = APIRouter(tags=["claims"])
Topic = Annotated[str | None, Query(max_length=MAX_TEXT, description="A claim topic: ttp-origin, deportations, …")]


def _claim_row(claim: dict) -> dict:
    return {
        "id": claim["id"], "topic": claim["topic"], "statement": claim["statement"],
        "asserted_by": "; ".join(claim.get("asserted_by") or []), "disputed_by": "; ".join(claim.get("disputed_by") or []),
        "disputes": "; ".join(claim.get("disputes") or []), "source": claim.get("source"),
        "section": (claim.get("locator") or {}).get("section"), "line": (claim.get("locator") or {}).get("line"),
        "quote": claim.get("quote"),
    }  # fmt: skip


@router.get(
    "/claims",
    responses=CSV,
    summary="Attributed claims with their quote, by who asserts them and topic",
    openapi_extra={"x-example": "/api/v1/claims?by=Sohail%20Shaheen"},
)
def list_claims(
    request: Request,
    con: Store,
    by: Annotated[str | None, Query(max_length=MAX_TEXT, description="Asserted by this actor (any name).")] = None,
    topic: Topic = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
):
    check_term("claim_topics", topic, "topic")
    rows = queries.claims(con, actor_id_of(con, by, "by"), topic)
    return page_of(request, rows, limit=limit, cursor=cursor, fmt=format, name="claims", row=_claim_row)


PERSPECTIVE_COLUMNS = ["topic", "question", "disputed", "side", "claim", "statement", "quote", "source", "section",
                       "line", "disputed_by", "disputes"]  # fmt: skip


def _perspective_rows(topic: dict) -> list[dict]:
    rows = []
    for side in topic["sides"]:
        for claim in side["claims"]:
            rows.append({
                "topic": topic["topic"], "question": topic["question"], "disputed": topic["disputed"],
                "side": side["label"], "claim": claim["id"], "statement": claim["statement"],
                "quote": claim.get("quote"), "source": claim.get("source"),
                "section": (claim.get("locator") or {}).get("section"),
                "line": (claim.get("locator") or {}).get("line"),
                "disputed_by": "; ".join(a["name"] for a in claim.get("disputed_by") or []),
                "disputes": "; ".join(claim.get("disputes") or []),
            })  # fmt: skip
    return rows


@router.get(
    "/perspectives",
    responses=CSV,
    summary="Every side of each question, quoted and cited; disputed questions first",
    openapi_extra={"x-example": "/api/v1/perspectives?topic=ttp-origin"},
)
def perspectives(
    request: Request,
    con: Store,
    topic: Topic = None,
    actor: Annotated[
        str | None, Query(max_length=MAX_TEXT, description="Questions on which this actor asserts or disputes.")
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
    format: Format = "json",
):
    """Items are the questions (topics) as `torkham perspectives --json` gives them; the CSV has one row
    per claim of each question of the page."""
    from torkham.evidence.perspectives import perspectives as build

    check_term("claim_topics", topic, "topic")
    document = build(con, topic, actor_id_of(con, actor))
    topics = document.pop("topics")
    if format == "csv":  # one row per claim, so the page is read as questions, then flattened
        start = decode_offset(cursor)
        rows = [row for t in topics[start : start + limit] for row in _perspective_rows(t)]
        return csv_download(to_csv(rows, PERSPECTIVE_COLUMNS), "perspectives")
    return page_of(request, topics, limit=limit, cursor=cursor, fmt=format, name="perspectives", extra=document)
