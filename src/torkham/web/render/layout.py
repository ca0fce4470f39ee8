"""Deterministic graph layouts: a force layout (Fruchterman–Reingold) seeded by actor kind, and a
radial layout for one actor's neighbourhood. Same input, same picture: no random numbers."""

from __future__ import annotations

import math
import zlib
from functools import lru_cache

Positions = dict[str, tuple[float, float]]


def _jitter(key: str) -> float:
    """A stable number in [0, 1) from a text (crc32, not hash(): hash() changes between runs)."""
    return (zlib.crc32(key.encode("utf-8")) % 10_000) / 10_000


@lru_cache(maxsize=8)
def force_layout(
    nodes: tuple[tuple[str, str], ...],
    edges: tuple[tuple[str, str], ...],
    width: float,
    height: float,
    iterations: int = 300,
    margin: float = 40,
) -> Positions:
    """Positions of `nodes` ((id, kind), …) in [margin, width - margin] × [margin, height - margin].
    Each kind starts in its own sector of a circle, so related kinds begin near each other."""
    import numpy as np  # here, not at the top: a server whose layouts were prepared never loads numpy

    if not nodes:
        return {}
    ids = [node_id for node_id, _ in nodes]
    index = {node_id: i for i, node_id in enumerate(ids)}
    kinds = sorted({kind for _, kind in nodes})
    start = np.zeros((len(ids), 2))
    for i, (node_id, kind) in enumerate(nodes):
        angle = 2 * math.pi * (kinds.index(kind) + 0.8 * _jitter(node_id)) / len(kinds)
        radius = 0.3 + 0.7 * _jitter(node_id[::-1])
        start[i] = (radius * math.cos(angle), radius * math.sin(angle))
    pairs = np.array([(index[a], index[b]) for a, b in edges if a in index and b in index and a != b], dtype=int)
    position = start
    k = math.sqrt(4.0 / len(ids))  # ideal edge length in a 2 × 2 square
    temperature = 0.2
    for step in range(iterations):
        delta = position[:, None, :] - position[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        force = (delta / distance[..., None] * (k * k / distance)[..., None]).sum(axis=1)
        if len(pairs):
            pull = position[pairs[:, 0]] - position[pairs[:, 1]]
            length = np.maximum(np.linalg.norm(pull, axis=1), 1e-3)
            attraction = pull * (length / k)[:, None]
            np.add.at(force, pairs[:, 0], -attraction)
            np.add.at(force, pairs[:, 1], attraction)
        force -= position * 0.02 * len(ids) * k  # gravity: keeps loose parts of the graph in view
        size = np.maximum(np.linalg.norm(force, axis=1), 1e-9)
        position = position + force / size[:, None] * np.minimum(size, temperature)[:, None]
        temperature = 0.2 * (1 - (step + 1) / iterations) + 0.002
    return _fit(ids, position, width, height, margin)


def components(nodes: list[str], edges: list[tuple[str, str]]) -> list[list[str]]:
    """Connected components, largest first (ties by first id)."""
    parent = {n: n for n in nodes}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        if a in parent and b in parent:
            parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for n in nodes:
        groups.setdefault(root(n), []).append(n)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


@lru_cache(maxsize=8)
def packed_layout(
    nodes: tuple[tuple[str, str], ...], edges: tuple[tuple[str, str], ...], width: float, height: float
) -> Positions:
    """The largest component by force layout on the left; the small ones, each laid out on its own,
    stacked in a column on the right (so they do not squeeze the main picture)."""
    kinds = dict(nodes)
    groups = components(list(kinds), list(edges))
    if not groups:
        return {}
    rest = groups[1:]
    main_width = width * (0.78 if rest else 1.0)
    out = dict(force_layout(_sub(groups[0], kinds), _edges_in(groups[0], edges), main_width, height))
    if rest:
        unit, top = height / sum(len(g) for g in rest), 0.0
        for group in rest:
            slot = unit * len(group)
            local = force_layout(_sub(group, kinds), _edges_in(group, edges), width - main_width, slot, 100, 14)
            out.update({n: (round(x + main_width, 1), round(y + top, 1)) for n, (x, y) in local.items()})
            top += slot
    return out


def _sub(group: list[str], kinds: dict[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((n, kinds[n]) for n in group)


def _edges_in(group: list[str], edges) -> tuple[tuple[str, str], ...]:
    members = set(group)
    return tuple(e for e in edges if e[0] in members)


def _fit(ids: list[str], position, width: float, height: float, margin: float) -> Positions:
    import numpy as np

    low, high = position.min(axis=0), position.max(axis=0)
    span = np.where(high - low > 1e-9, high - low, 1.0)
    scaled = (position - low) / span
    out = {}
    for i, node_id in enumerate(ids):
        x = margin + scaled[i, 0] * (width - 2 * margin)
        y = margin + scaled[i, 1] * (height - 2 * margin)
        out[node_id] = (round(float(x), 1), round(float(y), 1))
    return out


def radial_layout(centre: str, neighbours: list[str], width: float, height: float, margin: float = 60) -> Positions:
    """The centre in the middle, its neighbours evenly on an ellipse in the order given."""
    cx, cy = width / 2, height / 2
    rx, ry = width / 2 - margin, height / 2 - margin / 2
    out = {centre: (cx, cy)}
    for i, node_id in enumerate(neighbours):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(neighbours), 1)
        out[node_id] = (round(cx + rx * math.cos(angle), 1), round(cy + ry * math.sin(angle), 1))
    return out
