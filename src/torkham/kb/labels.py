"""Labels drawn beside an actor: short (an abbreviation when the name is long) and unique among the actors
drawn together. Two actors never share a label: where they would (the paper's two "Dostom"s), each falls
back to its full name, then to its name with its kind, then with its id."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from torkham.kb.names import normalize

Actor = Mapping[str, Any]  # an actor record in its export form: id, name, kind, aliases …
SHORT = 18  # a name this long or shorter is its own label
LONGEST = 22  # an abbreviation longer than this is cut


def short_label(actor: Actor) -> str:
    """The name, or its shortest abbreviation / short name when the name is long."""
    name = str(actor["name"])
    if len(name) <= SHORT:
        return name
    aliases = actor.get("aliases") or []
    shorter = [str(a["name"]) for a in aliases if a.get("type") in ("abbreviation", "short_name")]
    shorter = [s for s in shorter if len(s) < len(name)]
    best = min(shorter, key=len) if shorter else name
    return best if len(best) <= LONGEST else best[: LONGEST - 1] + "…"


def _full_name(actor: Actor) -> str:
    return str(actor["name"])


def _with_kind(actor: Actor) -> str:
    return f"{actor['name']} ({str(actor.get('kind') or 'actor').replace('_', ' ')})"


def _with_id(actor: Actor) -> str:
    return f"{actor['name']} ({actor['id']})"


QUALIFIERS: tuple[Callable[[Actor], str], ...] = (_full_name, _with_kind, _with_id)


def clashes(labels: Mapping[str, str]) -> set[str]:
    """The ids whose label another id shares (compared as names are: case, accents, punctuation aside)."""
    holders: dict[str, list[str]] = {}
    for actor_id, label in labels.items():
        holders.setdefault(normalize(label), []).append(actor_id)
    return {i for ids in holders.values() if len(ids) > 1 for i in ids}


def unique_labels(actors: Iterable[Actor]) -> dict[str, str]:
    """One label per actor id, no two alike: the short label, qualified only where it clashes."""
    records = {str(a["id"]): a for a in actors}
    labels = {actor_id: short_label(a) for actor_id, a in records.items()}
    for qualify in QUALIFIERS:
        clashing = clashes(labels)
        if not clashing:
            break
        labels.update({actor_id: qualify(records[actor_id]) for actor_id in clashing})
    return labels
