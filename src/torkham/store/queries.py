"""Read the knowledge layer of the store. Every function returns records in their export form
(with id, source, locator and quote), so the CLI, the API and exports show the same thing."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from torkham.model.dates import parse_partial_date
from torkham.store.clauses import Where
from torkham.store.memo import remembered

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

Record = dict[str, Any]  # a knowledge record in its export form

EXPORT_KINDS = (
    "actors",
    "relations",
    "events",
    "figures",
    "claims",
    "priorities",
    "factors",
    "recommendations",
    "sources",
    "questions",
    "ambiguities",
    "mentions",
    "dates",
    "citations",
    "corroborations",
)


def _records(con: DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[Record]:
    return [json.loads(row[0]) for row in con.execute(sql, params or []).fetchall()]


def records_of(con: DuckDBPyConnection, kind: str) -> list[Record]:
    return _records(con, "SELECT record FROM kb_records WHERE kind = ? ORDER BY seq", [kind])


def records_by_id(con: DuckDBPyConnection, ids: list[str]) -> dict[str, Record]:
    if not ids:
        return {}
    rows = _records(con, "SELECT record FROM kb_records WHERE id IN (SELECT unnest(?))", [list(ids)])
    return {r["id"]: r for r in rows}


def record_kinds(con: DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    """The kind of each record id given (records, not proposals)."""
    rows = con.execute("SELECT id, kind FROM kb_records WHERE id IN (SELECT unnest(?))", [ids]).fetchall()
    return {str(i): str(k) for i, k in rows}


def record_counts(con: DuckDBPyConnection) -> dict[str, int]:
    """How many records of each kind the knowledge holds."""
    return {str(k): int(n) for k, n in con.execute("SELECT kind, count(*) FROM kb_records GROUP BY kind").fetchall()}


def ambiguity_notes(con: DuckDBPyConnection, normalized: str) -> list[str]:
    """The notes of the declared ambiguities of a name (normalised with kb.names.normalize)."""
    sql = "SELECT DISTINCT note FROM kb_ambiguities WHERE normalized = ? AND note IS NOT NULL"
    return [str(n) for (n,) in con.execute(sql, [normalized]).fetchall()]


def actor_names(con: DuckDBPyConnection) -> dict[str, str]:
    """Actor id -> name (a copy: the lookup is kept per opening of the store, store.memo)."""
    rows = remembered(con, ("actor names",), lambda: tuple(con.execute("SELECT id, name FROM kb_actors").fetchall()))
    return dict(rows)


def list_actors(con: DuckDBPyConnection, kind: str | None = None) -> list[Record]:
    sql = "SELECT r.record FROM kb_records r JOIN kb_actors a USING (id)"
    params: list[Any] = []
    if kind:
        sql += " WHERE a.kind = ?"
        params.append(kind)
    return _records(con, sql + " ORDER BY a.kind, lower(a.name)", params)


# Every record about one actor in one statement: (part, rank within the part, record, name, actor id).
_ACTOR_DETAIL = """
SELECT 0 AS part, 0 AS n, record, NULL AS name, NULL AS other FROM kb_records WHERE id = $1 AND kind = 'actors'
UNION ALL SELECT 1, row_number() OVER (ORDER BY r.seq), r.record, NULL, NULL
    FROM kb_records r JOIN kb_relations l USING (id) WHERE l.from_id = $1 OR l.to_id = $1
UNION ALL SELECT 2, row_number() OVER (ORDER BY e.first_day, r.seq), r.record, NULL, NULL
    FROM kb_records r JOIN kb_events e USING (id) WHERE e.id IN (SELECT event_id FROM kb_event_actors WHERE actor_id = $1)
UNION ALL SELECT 3, row_number() OVER (ORDER BY r.seq), r.record, NULL, NULL
    FROM kb_records r WHERE r.id IN (SELECT figure_id FROM kb_figure_actors WHERE actor_id = $1)
UNION ALL SELECT 4, row_number() OVER (ORDER BY r.seq), r.record, NULL, NULL
    FROM kb_records r WHERE r.id IN (SELECT claim_id FROM kb_claim_actors WHERE actor_id = $1)
UNION ALL SELECT 5, row_number() OVER (ORDER BY seq), record, NULL, NULL FROM kb_records
    WHERE kind IN ('priorities', 'recommendations') AND (json_extract_string(record, '$.holder') = $1
    OR list_contains(CAST(json_extract(record, '$.addressed_to') AS VARCHAR[]), $1))
UNION ALL SELECT 6, row_number() OVER (ORDER BY m.source_id, m.page NULLS LAST, r.seq), r.record, NULL, NULL
    FROM kb_records r JOIN kb_mentions m USING (id) WHERE m.actor_id = $1
UNION ALL SELECT 7, row_number() OVER (ORDER BY name, other), NULL, name, other FROM (SELECT DISTINCT b.name,
    b.actor_id AS other FROM kb_ambiguities a JOIN kb_ambiguities b ON a.id = b.id WHERE a.actor_id = $1
    AND b.actor_id <> $1)
ORDER BY part, n"""


def actor_detail(con: DuckDBPyConnection, actor_id: str) -> dict[str, Any]:
    parts: dict[int, list[Any]] = {}
    for part, _, record, name, other in con.execute(_ACTOR_DETAIL, [actor_id]).fetchall():
        parts.setdefault(part, []).append(json.loads(record) if part < 7 else (name, other))
    (actor,) = parts.get(0, [])
    relations, events, figures, claims, other, mentions = (parts.get(i, []) for i in range(1, 7))
    ambiguous = parts.get(7, [])
    return {
        "actor": actor,
        "relations": relations,
        "events": events,
        "figures": figures,
        "claims": claims,
        "priorities_and_recommendations": other,
        "mentions": mentions,
        "shares_names_with": [{"name": n, "actor": a} for n, a in ambiguous],
    }


def proposals(con: DuckDBPyConnection, source: str | None = None, kind: str | None = None) -> list[tuple[str, Record]]:
    """Records awaiting review (status: proposed): (kind, record in its export form)."""
    where = Where().add("source = ?", source or None).add("kind = ?", kind or None)
    sql = f"SELECT kind, record FROM kb_proposals {where.sql()} ORDER BY source, kind, id"
    rows = con.execute(sql, where.params).fetchall()
    return [(kind, json.loads(record)) for kind, record in rows]


def figures(con: DuckDBPyConnection, actor_id: str | None = None, unit: str | None = None) -> list[Record]:
    where = Where().add("f.id IN (SELECT figure_id FROM kb_figure_actors WHERE actor_id = ?)", actor_id)
    where.add("f.unit = ?", unit)
    sql = f"SELECT r.record FROM kb_records r JOIN kb_figures f USING (id) {where.sql()} ORDER BY r.seq"
    return _records(con, sql, where.params)


def claims(con: DuckDBPyConnection, by: str | None = None, topic: str | None = None) -> list[Record]:
    where = Where().add("c.id IN (SELECT claim_id FROM kb_claim_actors WHERE actor_id = ? AND role = 'asserts')", by)
    where.add("c.topic = ?", topic)
    sql = f"SELECT r.record FROM kb_records r JOIN kb_claims c USING (id) {where.sql()} ORDER BY c.topic, r.seq"
    return _records(con, sql, where.params)


def export_all(con: DuckDBPyConnection) -> dict[str, list[Record]]:
    return {kind: records_of(con, kind) for kind in EXPORT_KINDS}


# The columns of a dataset event as `data_event` reads them (e is the `events` table): its fields, then the
# actor ids of its two names (DATA_EVENT_FIELDS and `dataset_actor_ids` give the same without the subqueries).
DATA_EVENT_FIELDS = """e.dataset, e.dataset_version, e.event_id, e.date_start, e.date_end, e.date_precision,
    e.event_type, e.actor1, e.actor2, e.place, e.country, e.admin1, e.admin2, e.fatalities_best, e.fatalities_low,
    e.fatalities_high, e.latitude, e.longitude"""
DATA_EVENT_COLUMNS = f"""{DATA_EVENT_FIELDS},
    (SELECT m.actor_id FROM dataset_actor_names m WHERE m.dataset = e.dataset AND m.raw_name = e.actor1),
    (SELECT m.actor_id FROM dataset_actor_names m WHERE m.dataset = e.dataset AND m.raw_name = e.actor2)"""


def dataset_actor_ids(con: DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """(dataset, raw name) -> the actor id it maps to (dataset_actor_names); kept per opening of the store
    (store.memo)."""
    rows = remembered(
        con,
        ("dataset actor ids",),
        lambda: {(str(d), str(n)): str(a) for d, n, a in con.execute(
            "SELECT dataset, raw_name, actor_id FROM dataset_actor_names").fetchall()},
    )  # fmt: skip
    return rows


def data_event(row: tuple[Any, ...]) -> Record:
    """A dataset event (a row of DATA_EVENT_COLUMNS) in the shape of a knowledge event."""
    (dataset, version, event_id, first, last, precision, kind, a1, a2, place, country, admin1, admin2,
     best, low, high, latitude, longitude, id1, id2) = row  # fmt: skip
    return {
        "layer": "data", "id": f"{dataset}:{event_id}", "dataset": dataset, "dataset_version": version,
        "event_id": event_id, "date": first.isoformat(), "end_date": last.isoformat(), "precision": precision,
        "approximate": precision not in ("day",), "type": kind, "title": " – ".join(n for n in (a1, a2) if n),
        "actors": [a for a in (id1, id2) if a], "actor_names": [n for n in (a1, a2) if n], "place": place,
        "country": country, "admin1": admin1, "admin2": admin2, "latitude": latitude, "longitude": longitude,
        "fatalities": {"best": best, "low": low, "high": high},
        "source": f"{dataset} {version}", "locator": {"event_id": event_id},
    }  # fmt: skip


def datasets(con: DuckDBPyConnection) -> list[Record]:
    """The datasets held, by dataset and version: events (or months of country totals), what they cover
    per country and the status of their figures, with the attribution bundled datasets require."""
    from torkham.datasets.bundled import bundled_datasets
    from torkham.datasets.catalog import catalog
    from torkham.store.coverage import Coverage, read_coverage

    attribution = {(b.dataset, b.version): b for b in bundled_datasets()}
    spans = read_coverage(con).spans
    rows = con.execute(
        """SELECT dataset, dataset_version, count(*) FROM events GROUP BY ALL
           UNION ALL SELECT dataset, dataset_version, count(DISTINCT month) FROM country_month GROUP BY ALL
           ORDER BY 1, 2"""
    ).fetchall()
    out = []
    for dataset, version, count in rows:
        bundled, info = attribution.get((dataset, version)), catalog().get(dataset)
        covered = Coverage(tuple(s for s in spans if s.dataset == dataset and s.version == version))
        aggregate = info is not None and info.is_aggregate
        out.append({
            "id": f"{dataset}:{version}", "kind": "dataset", "dataset": dataset, "version": version,
            "events": None if aggregate else count, "months": count if aggregate else None,
            "status": info.status if info else "final", "coverage": "; ".join(covered.sentences()),
            "coverage_spans": [s.to_json() for s in covered.spans],
            "title": bundled.title if bundled else dataset,
            "licence": bundled.licence if bundled else None, "attribution": bundled.attribution if bundled else None,
            "source": f"{dataset} {version}", "locator": {"dataset": dataset, "version": version},
        })  # fmt: skip
    from torkham.refugees.queries import datasets as refugee_datasets

    return out + refugee_datasets(con)


def relations(
    con: DuckDBPyConnection,
    relation_type: str | None = None,
    actor_id: str | None = None,
    valid_at: date | None = None,
) -> list[Record]:
    """Relations of one type and/or one actor (either end), and/or valid on a day: a relation without
    dates is always valid; valid_from and valid_to are partial dates taken as whole periods."""
    where = Where().add("l.type = ?", relation_type).add("? IN (l.from_id, l.to_id)", actor_id)
    sql = f"SELECT r.record FROM kb_records r JOIN kb_relations l USING (id) {where.sql()} ORDER BY r.seq"
    rows = _records(con, sql, where.params)
    if valid_at is None:
        return rows
    return [r for r in rows if _valid_on(r, valid_at)]


def _valid_on(relation: Record, day: date) -> bool:
    first, last = relation.get("valid_from"), relation.get("valid_to")
    return (first is None or parse_partial_date(first).first_day <= day) and (
        last is None or parse_partial_date(last).last_day >= day
    )
