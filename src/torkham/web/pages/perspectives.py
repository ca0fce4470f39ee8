"""Perspectives and claims: every side of each disputed question, quoted and cited (anchors #claim-<id>),
and the claim checks against the data held with their evidence (anchors #check-<id>)."""

from __future__ import annotations

from types import SimpleNamespace
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, Request

from torkham.params import InvalidParameter, literal
from torkham.web.deps import Store
from torkham.web.pages.cache import HasApp, cached, warm_up_lifespan
from torkham.web.templating import templates

CHECKS_KEY = ("checks",)


def all_checks(request: HasApp, con) -> dict:
    """run_checks over the whole knowledge base: slow (seconds), so computed once per process."""
    from torkham.evidence.checks import run_checks

    return cached(request, CHECKS_KEY, lambda: run_checks(con))


def _warm(app: FastAPI, con) -> None:
    all_checks(SimpleNamespace(app=app), con)


router = APIRouter(lifespan=warm_up_lifespan("claim checks", _warm))


@router.get("/perspectives")
def perspectives_page(request: Request, con: Store, topic: str | None = None, actor: str | None = None):
    from torkham.evidence.perspectives import perspectives
    from torkham.model.vocabulary import default_vocabulary
    from torkham.store import queries

    topic, actor = topic or None, actor or None
    vocabulary = default_vocabulary()
    if topic is not None and topic not in vocabulary["claim_topics"]:
        raise InvalidParameter(
            "topic", f"unknown question '{literal(topic)}'; choose one of: {', '.join(vocabulary['claim_topics'])}"
        )
    actor_id = _actor(con, actor)
    names = queries.actor_names(con)
    result = perspectives(con, topic, actor_id)
    checks = all_checks(request, con)
    checks_about: dict[str, list[dict]] = {}
    for check in checks["checks"]:
        for about in check["about"]:
            checks_about.setdefault(about["id"], []).append(check)
    filtered = topic is not None or actor_id is not None
    shown_checks = checks["checks"] if not filtered else _checks_for(checks["checks"], result["topics"])
    return templates.TemplateResponse(
        request,
        "perspectives.html",
        {
            "title": "Perspectives and claims",
            "topics": result["topics"],
            "all_topics": {k: vocabulary.describe("claim_topics", k) or k for k in vocabulary["claim_topics"]},
            "topic": topic,
            "actor": actor,
            "actor_id": actor_id,
            "names": names,
            "checks": shown_checks,
            "summary": checks["summary"],
            "filtered": filtered,
            "checks_about": checks_about,
            "claim_texts": {c["id"]: c["statement"] for c in queries.claims(con)},
            "event_links": {c["id"]: _event_link(c) for c in shown_checks if c.get("evidence")},
        },
    )


def _actor(con, actor: str | None) -> str | None:
    from torkham.web.api.common import actor_id_of

    return actor_id_of(con, actor)


def _checks_for(checks: list[dict], topics: list[dict]) -> list[dict]:
    """The checks about claims shown (when the page is filtered to some questions)."""
    shown = {c["id"] for t in topics for side in t["sides"] for c in side["claims"]}
    return [c for c in checks if any(a["id"] in shown for a in c["about"])]


def _event_link(check: dict) -> str | None:
    """The timeline showing the events a check counted: same dataset, actor, country and period."""
    evidence = check.get("evidence") or {}
    if "events" not in evidence or not check.get("period"):
        return None
    filters = check.get("filters") or {}
    params = {
        "layer": "data",
        "dataset": check["dataset"],
        "from": check["period"]["from"],
        "to": check["period"]["to"],
    }
    if filters.get("actor"):
        params["actor"] = filters["actor"]
    if filters.get("country"):
        params["country"] = filters["country"]
    return "/timeline?" + urlencode(params)
