"""The evidence sections of a briefing: perspectives on the disputed questions
(torkham.evidence.perspectives) and claim verdicts with their evidence (torkham.evidence.checks).
A section whose module is not installed says so instead of failing."""

from __future__ import annotations

from torkham.briefing.cite import Citations


def perspectives_section(con, actor_id: str | None, cites: Citations) -> dict:
    try:
        from torkham.evidence.perspectives import perspectives
    except ImportError:
        return {"available": False, "note": "Perspectives are not available in this version of torkham.", "topics": []}
    topics = [t for t in perspectives(con, None, actor_id)["topics"] if t["disputed"]]
    shown = []
    for topic in topics:
        sides = []
        for side in topic["sides"]:
            claims = [
                {
                    "id": c["id"],
                    "statement": c["statement"],
                    "cite": cites.record(c),
                    "disputed_by": [a["name"] for a in c["disputed_by"]],
                    "notes": c["notes"],
                }
                for c in side["claims"]
            ]
            sides.append({"label": side["label"], "claims": claims})
        shown.append({"topic": topic["topic"], "question": topic["question"], "sides": sides,
                      "disputes": len(topic["disputes"])})  # fmt: skip
    note = None
    if not shown:
        note = "No disputed question in the knowledge base" + (
            " on which this actor takes a position." if actor_id else "."
        )
    return {"available": True, "note": note, "topics": shown}


def checks_section(con, scope, cites: Citations) -> dict:
    """The verdicts of the claim checks whose period overlaps the range (and, with --actor, that count
    the actor's events or check its claims), each with its evidence cited."""
    try:
        from torkham.evidence.checks import run_checks
    except ImportError:
        return {
            "available": False,
            "note": "Claim checks are not available in this version of torkham: no claim of the paper is "
            "checked against the data in this briefing.",
            "verdicts": [],
        }
    results = run_checks(con)["checks"]
    checkable = [r for r in results if r.get("checkable") and r.get("period")]
    chosen = [r for r in checkable if _overlaps(r["period"], scope) and _about_actor(r, scope.actor_id)]
    verdicts = [_verdict(r, cites) for r in chosen]
    notes = []
    if not verdicts:
        notes.append(
            "No claim check of the knowledge base concerns this range" + (" and actor." if scope.actor_id else ".")
        )
    elsewhere = len(checkable) - len(chosen)
    if elsewhere:
        notes.append(f"{elsewhere} further check(s) concern other periods or actors ('torkham check' runs them all).")
    unchecked = len(results) - len(checkable)
    if unchecked:
        notes.append(
            f"{unchecked} group(s) of figures and claims of the paper cannot be checked with any data held; "
            "'torkham check' gives the reason for each."
        )
    counts = {
        key: n
        for key in ("supported", "contradicted", "undecided")
        if (n := sum(v["verdict"] == key for v in verdicts))
    }
    return {"available": True, "note": " ".join(notes) or None, "verdicts": verdicts, "counts": counts}


def _overlaps(period: dict, scope) -> bool:
    from torkham.model.dates import parse_partial_date

    first = parse_partial_date(str(period["from"])).first_day
    last = parse_partial_date(str(period["to"])).last_day
    return first <= scope.end and last >= scope.start


def _about_actor(result: dict, actor_id: str | None) -> bool:
    if actor_id is None:
        return True
    if (result.get("filters") or {}).get("actor") == actor_id:
        return True
    return any(actor_id in (a.get("asserted_by") or []) for a in result.get("about") or [])


def _verdict(result: dict, cites: Citations) -> dict:
    about = []
    for record in result.get("about") or []:
        text = record.get("text") or record.get("id")
        if record.get("kind") == "figure" and record.get("value_text"):
            text = f"{record['value_text']}: {text}"
        about.append({"text": text, "cite": cites.record(record)})
    evidence = result.get("evidence") or {}
    reasons = list(result.get("reasons") or [])
    caveats = [c for c in result.get("caveats") or [] if not any(c in r for r in reasons)]
    period = result["period"]
    if_matched = result.get("if_definitions_matched")
    return {
        "id": result["id"],
        "verdict": result["verdict"],
        "label": result.get("verdict_label") or result["verdict"],
        "about": about,
        "test": f"{result.get('metric_label')} in {result.get('dataset_label')}, {_span(period)}: "
        f"{result.get('comparator_label')}",
        "comparison": result.get("comparison"),
        "reasons": reasons,
        "caveats": caveats,
        "if_matched": if_matched,
        "evidence": _evidence_cites(result, evidence, cites),
    }


def _span(period: dict) -> str:
    return str(period["from"]) if period["from"] == period["to"] else f"{period['from']} to {period['to']}"


def _evidence_cites(result: dict, evidence: dict, cites: Citations) -> list[int]:
    """The computed value with its dataset, version and query, then the baseline when there is one."""
    label = (
        f"{result.get('dataset_label') or evidence.get('dataset')} {', '.join(evidence.get('versions') or [])}".strip()
    )
    query = evidence.get("query") or {}
    value = evidence.get("value")
    shown = "no value (cannot be decided)" if value is None else f"{value:,}"
    detail = f"{query.get('description') or result['id']}: {shown}"
    if evidence.get("licence"):
        detail += f" (licence {evidence['licence']})"
    events = evidence.get("events") or {}
    rows = (evidence.get("rows") or {}).get("shown") or []
    ids = [f"{evidence.get('dataset')}:{i}" for i in events.get("ids") or []]
    ids += [f"{r.get('year')} {r.get('coo_iso') or '*'}→{r.get('coa_iso') or '*'} {r.get('value')}" for r in rows]
    if events.get("count", 0) > len(events.get("ids") or []):
        ids.append(f"… {events['count']:,} in all")
    out = [cites.evidence(label, detail, ids, query.get("listing") or query.get("sql"))]
    baseline = evidence.get("baseline")
    if baseline:
        behind = baseline.get("events") or {}
        base_ids = [f"{evidence.get('dataset')}:{i}" for i in behind.get("ids") or []]
        if behind.get("count", 0) > len(base_ids):
            base_ids.append(f"… {behind['count']:,} in all")
        value = baseline.get("value")
        base = f"baseline {baseline.get('from')} to {baseline.get('to')} of check {result['id']}: "
        base += "no value" if value is None else f"{value:,}"
        out.append(cites.evidence(label, base, base_ids, baseline.get("listing")))
    return out
