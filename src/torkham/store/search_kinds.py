"""The record kinds `store.search` looks through, each declared once as data: where its rows come from, the text
its words are matched in, how it is tied to actors and which years it speaks for; store.search_match matches them
(the knowledge base's kinds held in memory per store generation, the dataset events in SQL).

A row matches when it holds every word of the query as a whole word (a plural -s/-es ending allowed), or when it
is tied to an actor the query names exactly. It ranks: tied to the named actor, then the whole phrase, then the
words apart. With years in the query only rows dated in one of them are kept; an undated row is left out."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from torkham.store.search_match import HeldKind, Hit, Kind, Row, TableKind

SNIPPET = 160  # characters of context shown around a hit


def _year(column: str) -> str:
    return f"TRY_CAST(substr({column}, 1, 4) AS INTEGER)"


def snippet(text: str, query: str) -> str:
    """The part of `text` around the first word of `query`, at most SNIPPET characters."""
    words = query.lower().split()
    at = max(text.lower().find(words[0]), 0) if words else 0
    start = max(at - SNIPPET // 3, 0)
    piece = text[start : start + SNIPPET]
    return ("…" if start else "") + piece + ("…" if start + SNIPPET < len(text) else "")


def cut(text: str) -> str:
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def make_hit(kind: str, hit_id: str, label: str, text: str, url: str, **extra: Any) -> Hit:
    return {"kind": kind, "id": hit_id, "label": label, "snippet": text, "url": url, **extra}


def _event(row: Row, text: str) -> Hit:
    day, event_id = row["day"], row["id"]
    url = "/timeline?" + urlencode({"layer": "kb", "from": day, "to": day}) + f"#event-{event_id}"
    body = snippet(row["quote"] or row["title"], text)
    return make_hit("events", event_id, f"{day} {row['title']}", body, url, date=day, type=row["type"])


def _claim(row: Row, text: str) -> Hit:
    body = snippet(row["quote"] or row["statement"], text)
    return make_hit("claims", row["id"], row["statement"], body, f"/perspectives#claim-{row['id']}", topic=row["topic"])


def _figure(row: Row, text: str) -> Hit:
    period = " – ".join(dict.fromkeys(p for p in (row["period_from"], row["period_to"]) if p))
    label = f"{row['value_text']} {row['counts']}" + (f" ({period})" if period else "")
    url = f"/sources/{quote(row['source'])}#record-{quote(row['id'])}"
    return make_hit("figures", row["id"], label, snippet(row["quote"] or row["counts"], text), url, unit=row["unit"])


def _source(row: Row, text: str) -> Hit:
    body = row["cited_as"] or ", ".join(str(p) for p in (row["publisher"], row["date"]) if p)
    return make_hit("sources", row["id"], row["title"], body, f"/sources/{quote(row['id'])}", date=row["date"])


def _relation(row: Row, text: str) -> Hit:
    label = f"{row['from_name']} {row['type'].replace('_', ' ')} {row['to_name']}"
    url = f"/actors/{quote(row['from_id'])}#relation-{quote(row['id'])}"
    return make_hit("relations", row["id"], label, snippet(row["quote"] or label, text), url, type=row["type"])


def _data_event(row: Row, text: str) -> Hit:
    day = row["date_start"].isoformat()
    event = f"{row['dataset']}:{row['event_id']}"
    shown = ", ".join(p for p in (row["place"], row["admin1"]) if p)
    deaths = row["fatalities_best"]
    body = f"{shown}; {deaths} killed (best estimate)" if deaths is not None else shown
    url = "/timeline?" + urlencode({"layer": "data", "from": day, "to": day}) + f"#event-{event}"
    label = f"{day} " + " – ".join(n for n in (row["actor1"], row["actor2"]) if n)
    return make_hit("data_events", event, label, body, url, date=day)


KB_KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        HeldKind(
            "events",
            "kb_events e JOIN kb_records r USING (id)",
            ("e.id",),
            "e.id, e.date AS day, e.title, e.type, r.quote, e.first_day, r.seq",
            "concat_ws(' ', e.title, e.place, r.quote)",
            ("year(e.first_day)", "year(e.last_day)"),
            "first_day, seq",
            _event,
            ties="SELECT event_id, actor_id FROM kb_event_actors",
        ),
        HeldKind(
            "claims",
            "kb_claims c JOIN kb_records r USING (id)",
            ("c.id",),
            "c.id, c.topic, c.statement, r.quote, r.seq",
            "concat_ws(' ', c.statement, r.quote)",
            None,
            "topic, seq",
            _claim,
            ties="SELECT claim_id, actor_id FROM kb_claim_actors",
        ),
        HeldKind(
            "figures",
            "kb_figures f JOIN kb_records r USING (id)",
            ("f.id",),
            "f.id, f.value_text, f.counts, f.unit, f.period_from, f.period_to, r.source, r.quote, r.seq",
            "concat_ws(' ', f.value_text, f.counts, r.quote)",
            (_year("f.period_from"), _year("coalesce(f.period_to, f.period_from)")),
            "period_from NULLS LAST, seq",
            _figure,
            ties="SELECT figure_id, actor_id FROM kb_figure_actors",
        ),
        HeldKind(
            "sources",
            "kb_sources s JOIN kb_records r USING (id)",
            ("s.id",),
            "s.id, s.title, s.cited_as, s.publisher, s.date, r.seq",
            "concat_ws(' ', s.title, s.authors, s.cited_as, s.publisher, r.quote)",
            (_year("s.date"), _year("s.date")),
            "seq",
            _source,
        ),
        HeldKind(
            "relations",
            "kb_relations l JOIN kb_records r USING (id) JOIN kb_actors a ON a.id = l.from_id "
            "JOIN kb_actors b ON b.id = l.to_id",
            ("l.id",),
            "l.id, l.type, l.from_id, l.to_id, a.name AS from_name, b.name AS to_name, r.quote, r.seq",
            "concat_ws(' ', a.name, replace(l.type, '_', ' '), b.name, r.quote)",
            (
                "CASE WHEN l.valid_from IS NULL AND l.valid_to IS NULL THEN NULL "
                f"ELSE coalesce({_year('l.valid_from')}, 0) END",
                "CASE WHEN l.valid_from IS NULL AND l.valid_to IS NULL THEN NULL "
                f"ELSE coalesce({_year('l.valid_to')}, 9999) END",
            ),
            "seq",
            _relation,
            ties="SELECT id, from_id FROM kb_relations UNION ALL SELECT id, to_id FROM kb_relations",
        ),
        TableKind(
            "data_events",
            "events e",
            ("e.dataset", "e.event_id"),
            "e.dataset, e.event_id, e.date_start, e.actor1, e.actor2, e.place, e.admin1, e.fatalities_best",
            "concat_ws(' ', e.place, e.actor1, e.actor2, e.admin1, e.admin2)",
            ("year(e.date_start)", "year(coalesce(e.date_end, e.date_start))"),
            "date_start DESC, dataset, event_id",
            _data_event,
            linked="EXISTS (SELECT 1 FROM dataset_actor_names n WHERE n.dataset = e.dataset "
            "AND n.raw_name IN (e.actor1, e.actor2) AND list_contains($actors::VARCHAR[], n.actor_id))",
        ),
    )
}
