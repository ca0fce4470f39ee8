"""The actor network as GEXF or GraphML (through networkx): a node per actor (name, kind, provenance), an
edge per relation (relation_type, sign, source, quote). A relation valid for a period keeps it: GraphML as
valid_from/valid_to (partial dates as written), GEXF in dynamic mode as the edge's start and end (the
first and last day of those partial dates); an edge with no period holds for all time. The GEXF
header's date is the fixed export epoch, so the same knowledge gives the same bytes."""

from __future__ import annotations

import io
import re
from typing import Any

from torkham.kb.formats.common import EPOCH, Material, Record, day_bounds, provenance


def network(material: Material, dynamic: bool = False) -> Any:
    import networkx as nx

    graph = nx.MultiDiGraph(name="torkham actor network")
    if dynamic:
        graph.graph["mode"] = "dynamic"
    for actor in material.document.get("actors", []):
        graph.add_node(actor["id"], label=actor["name"], kind=actor["kind"], **_provenance(actor))
    for relation in material.document.get("relations", []):
        attributes = {"label": relation["type"].replace("_", " "), "relation_type": relation["type"],
                      "sign": relation.get("sign"), **_provenance(relation), **_period(relation, dynamic)}  # fmt: skip
        graph.add_edge(relation["from"], relation["to"], key=relation["id"], id=relation["id"],
                       **{k: v for k, v in attributes.items() if v is not None})  # fmt: skip
    return graph


def _provenance(record: Record) -> dict[str, Any]:
    return {"source": record.get("source"), "quote": record.get("quote"), "provenance": provenance(record)}


def _period(relation: Record, dynamic: bool) -> dict[str, Any]:
    start, end = relation.get("valid_from"), relation.get("valid_to")
    if not dynamic:
        return {"valid_from": start, "valid_to": end}
    first = day_bounds(start) if start else None
    last = day_bounds(end) if end else None
    return {"start": first[0].isoformat() if first else None, "end": last[1].isoformat() if last else None}


def gexf_bytes(material: Material) -> bytes:
    import networkx as nx

    out = io.BytesIO()
    nx.write_gexf(_clean(network(material, dynamic=True)), out, prettyprint=True)
    return re.sub(
        rb'lastmodifieddate="[^"]*"', f'lastmodifieddate="{EPOCH.date().isoformat()}"'.encode(), out.getvalue()
    )


def graphml_bytes(material: Material) -> bytes:
    import networkx as nx

    out = io.BytesIO()
    nx.write_graphml(_clean(network(material)), out, prettyprint=True)
    return out.getvalue()


def _clean(graph: Any) -> Any:
    """Attributes the formats can hold: None left out."""
    for _, data in graph.nodes(data=True):
        for key in [k for k, v in data.items() if v is None]:
            del data[key]
    return graph
