"""Dataset actor names → knowledge-base actors: the reviewed crosswalk first, then an exact name or
alias that denotes exactly one actor. Anything else stays unmatched; fuzzy candidates are proposed,
never applied."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from torkham.errors import TorkhamError
from torkham.kb.loader import shown_path
from torkham.kb.resolve import NameIndex
from torkham.kb.workspace import crosswalk_files
from torkham.model.yamlfile import Located, load_yaml


@dataclass(frozen=True)
class CrosswalkEntry:
    dataset: str
    name: str
    actor_id: str | None
    where: str


def load_crosswalks(kb_root: Path, known_actors: set[str]) -> list[CrosswalkEntry]:
    entries: list[CrosswalkEntry] = []
    for path in crosswalk_files(kb_root):
        data = load_yaml(path)
        if (
            not isinstance(data, Located)
            or not isinstance(data.get("dataset"), str)
            or not isinstance(data.get("names"), list)
        ):
            raise TorkhamError(f"{shown_path(path)}:1: a crosswalk has 'dataset: NAME' and a 'names:' list")
        for item in data["names"]:
            where = f"{shown_path(path)}:{getattr(item, 'line', 1)}"
            if not isinstance(item, dict) or not isinstance(item.get("name"), str) or "actor" not in item:
                raise TorkhamError(f"{where}: each crosswalk entry is {{name: …, actor: id or null, note: …}}")
            actor = item["actor"]
            if actor is not None and actor not in known_actors:
                raise TorkhamError(
                    f"{where}: crosswalk maps '{item['name']}' to unknown actor '{actor}'; fix the id or use null"
                )
            entries.append(CrosswalkEntry(data["dataset"], item["name"], actor, where))
    return entries


def names_dataset(dataset: str) -> str:
    """The dataset whose crosswalk names `dataset`'s actors (catalog `actor_names_from`; itself by default)."""
    from torkham.datasets.catalog import catalog

    info = catalog().get(dataset)
    return info.names_dataset if info else dataset


def refresh_actor_names(con, kb_root: Path) -> None:
    """Rebuild dataset_actor_names from the crosswalks and the knowledge base (inside the caller's transaction)."""
    index = NameIndex.from_store(con)
    crosswalk = load_crosswalks(kb_root, set(index.canonical))
    reviewed = {(e.dataset, e.name): e.actor_id for e in crosswalk}
    rows = []
    raw = con.execute(
        """SELECT DISTINCT dataset, name FROM (SELECT dataset, actor1 AS name FROM events UNION ALL
           SELECT dataset, actor2 FROM events) WHERE name IS NOT NULL"""
    ).fetchall()
    for dataset, name in raw:
        # a dataset's own crosswalk entry overrides the one it borrows (actor_names_from)
        key = (dataset, name) if (dataset, name) in reviewed else (names_dataset(dataset), name)
        if key in reviewed:
            if reviewed[key]:
                rows.append((dataset, name, reviewed[key], "crosswalk"))
            continue
        result = index.resolve(name)
        if result.how == "exact" and result.actor_id:
            rows.append((dataset, name, result.actor_id, "alias"))
    con.execute("DELETE FROM dataset_actor_names")
    if rows:
        con.executemany("INSERT INTO dataset_actor_names VALUES (?, ?, ?, ?)", rows)


def unmatched_names(con, kb_root: Path, dataset: str | None = None) -> list[dict]:
    """Dataset names mapped to no actor and not reviewed as 'not an actor', with event counts and proposals."""
    index = NameIndex.from_store(con)
    reviewed = {(e.dataset, e.name) for e in load_crosswalks(kb_root, set(index.canonical)) if e.actor_id is None}
    rows = con.execute(
        """SELECT dataset, name, count(*) AS events FROM (
             SELECT dataset, actor1 AS name FROM events UNION ALL SELECT dataset, actor2 FROM events) n
           WHERE name IS NOT NULL AND (? IS NULL OR dataset = ?) AND NOT EXISTS (
             SELECT 1 FROM dataset_actor_names m WHERE m.dataset = n.dataset AND m.raw_name = n.name)
           GROUP BY dataset, name ORDER BY events DESC, name""",
        [dataset, dataset],
    ).fetchall()
    out = []
    for ds, name, events in rows:
        if (ds, name) in reviewed or (names_dataset(ds), name) in reviewed:
            continue
        result = index.resolve(name)
        proposals = result.candidates or ([result.actor_id] if result.actor_id else []) or result.suggestions
        out.append({"dataset": ds, "name": name, "events": events, "proposals": proposals[:3]})
    return out
