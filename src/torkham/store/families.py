"""Families of factions: an actor and every actor declared a faction of it (relation type
`faction_of`, each link a knowledge record with its source and quote), followed transitively."""

from __future__ import annotations

from duckdb import DuckDBPyConnection

FACTION_RELATION = "faction_of"  # vocabulary relation type: from = the faction, to = the larger group


def faction_family(con: DuckDBPyConnection, actor_id: str) -> list[tuple[str, str]]:
    """(actor_id, name) of the actor, first, then of its factions and theirs, by name.

    An unknown actor gives an empty list; a cycle of declarations is followed once."""
    rows = con.execute(
        """WITH RECURSIVE family(actor_id) AS (
             SELECT ? UNION
             SELECT r.from_id FROM kb_relations r JOIN family f ON r.to_id = f.actor_id WHERE r.type = ?)
           SELECT a.id, a.name FROM family f JOIN kb_actors a ON a.id = f.actor_id
           ORDER BY a.id <> ?, a.name, a.id""",
        [actor_id, FACTION_RELATION, actor_id],
    ).fetchall()
    return [(str(found), str(name)) for found, name in rows]
