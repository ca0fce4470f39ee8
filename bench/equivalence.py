"""Before timing anything: our faceted query and Datasette's must give the same answer (same total,
same admin1 counts, same first rows), else the comparison means nothing."""

from __future__ import annotations

from typing import Any

from loadgen import fetch_json


def _total(body: Any) -> int | None:
    """Our lists answer {total, count, items, next}."""
    return body.get("total") if isinstance(body, dict) else None


def _items(body: Any) -> list[dict] | None:
    items = body.get("items") if isinstance(body, dict) else None
    return items if isinstance(items, list) and all(isinstance(i, dict) for i in items) else None


def check_equivalence(host: str, ours_port: int, theirs_port: int, query) -> list[str]:
    """Problems found comparing one run of `query` on both servers (empty: they agree)."""
    (page_path,) = query.ours  # the page with its admin1 counts (`facet=admin1`), one request as Datasette's
    status, theirs = fetch_json(host, theirs_port, query.datasette)
    if status != 200 or not isinstance(theirs, dict):
        return [f"equivalence: Datasette answered {status} to {query.datasette}: {str(theirs)[:300]}"]
    if theirs.get("facets_timed_out"):
        return [f"equivalence: Datasette's facet timed out: {theirs['facets_timed_out']}"]
    columns = theirs["columns"]
    their_ids = [row[columns.index("event_id")] for row in theirs["rows"]]
    their_counts = {r["value"]: r["count"] for r in theirs["facet_results"]["admin1"]["results"]}
    problems = []
    status, page = fetch_json(host, ours_port, page_path)
    if status != 200:
        return [f"equivalence: we answered {status} to {page_path}: {str(page)[:300]}"]
    if _total(page) != theirs["filtered_table_rows_count"]:
        problems.append(
            f"equivalence: total {_total(page)} (ours) vs {theirs['filtered_table_rows_count']} (Datasette)"
        )
    facets = page.get("facets", {}) if isinstance(page, dict) else {}
    facet_items = _items({"items": facets.get("admin1")})
    ours_counts = {i.get("value"): i.get("count") for i in facet_items} if facet_items is not None else None
    if ours_counts is None:
        problems.append(f"equivalence: cannot read the admin1 counts in our answer: {str(facets)[:300]}")
    elif {k: v for k, v in ours_counts.items() if k is not None} != their_counts:
        problems.append(f"equivalence: admin1 counts differ: ours {ours_counts}, Datasette {their_counts}")
    events = _items(page)
    ours_ids = [e.get("event_id") for e in events] if events is not None else None
    if ours_ids is None:
        problems.append(f"equivalence: cannot read the events in our answer: {str(page)[:300]}")
    elif ours_ids != their_ids:
        problems.append(f"equivalence: first rows differ: ours {ours_ids[:5]}…, Datasette {their_ids[:5]}…")
    return problems
