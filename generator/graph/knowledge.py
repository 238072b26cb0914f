"""The knowledge graph: records, hashtags, provinces and system-map nodes joined by relations.

Edges come from the schemas' `x-ref` fields (so a new reference field needs no code here) and
are named by RELATIONS; hashtags and provinces become nodes of their own so that pages sharing
them can be found in one hop.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..records.load import Record
from ..records.schemas import field_plan, values_at
from ..thai import normalize_hashtag

# field pattern (first key, last key) → relation name, read "source <relation> target"
RELATIONS = {
    "organizers": "organized", "attendees.who": "attended", "areas": "presented",
    "proposals": "raised", "leverage_points": "addresses", "leads": "leads",
    "partners": "partners", "mechanisms.by": "mechanism", "origin": "origin",
    "history.meeting": "history", "organizations": "works_in", "topics": "topic",
    "related": "related", "parent": "parent", "actions.owners": "owns_action",
    "nodes.stakeholders": "map_actor", "next_meetings.meeting": "follow_up",
}


def relation_of(pattern: tuple[str, ...]) -> str:
    names = [p for p in pattern if p != "*"]
    key = ".".join(names[:1] + names[-1:]) if len(names) > 1 else names[0]
    return RELATIONS.get(key, key)


def tag_node(tag: str) -> str:
    return f"tag:{normalize_hashtag(tag)}"


def province_node(name: str) -> str:
    return f"province:{name}"


def build_graph(records: Iterable[Record]) -> nx.MultiDiGraph:
    """One node per record (attrs kind, title), edges named by relation. A reference to a record
    not given (a draft, left out of the public build) draws no edge and leaves no node."""
    records = list(records)
    graph = nx.MultiDiGraph()
    for record in records:
        graph.add_node(record.id, kind=record.kind, title=record.title)
    for record in records:
        add_record_edges(graph, record)
    return graph


def add_record_edges(graph: nx.MultiDiGraph, record: Record) -> None:
    data = record.data
    for field in field_plan(record.kind):
        if field.ref is None and field.soft_ref is None:
            continue
        relation = relation_of(field.pattern)
        for _, target in values_at(data, field.pattern):
            if not isinstance(target, str):
                continue
            if field.ref:
                if target.partition("#")[0] in graph:  # a record given (a map node: its map)
                    add_edge(graph, record.id, target, relation)
            elif target in graph and graph.nodes[target].get("kind") == field.soft_ref:
                add_edge(graph, record.id, target, "reported")
    for tag in data.get("hashtags") or []:
        if isinstance(tag, str):
            add_edge(graph, record.id, tag_node(tag), "tagged", kind="tag", label=tag)
    for province in provinces_of(data):
        add_edge(graph, record.id, province_node(province), "in_province", kind="province",
                 label=province)
    if record.kind == "systemmap":
        add_map_nodes(graph, record)


def provinces_of(data: dict[str, Any]) -> list[str]:
    found = [data["province"]] if isinstance(data.get("province"), str) else []
    found += [p for p in data.get("provinces") or [] if isinstance(p, str) and p not in found]
    return found


def add_edge(graph: nx.MultiDiGraph, source: str, target: str, relation: str,
             kind: str | None = None, label: str | None = None) -> None:
    if target not in graph:  # a tag, a province, or a map node its map has not added yet
        graph.add_node(target, kind=kind or "mapnode", title=label or target)
    if not graph.has_edge(source, target, key=relation):
        graph.add_edge(source, target, key=relation, relation=relation)


def add_map_nodes(graph: nx.MultiDiGraph, record: Record) -> None:
    for node in record.data.get("nodes") or []:
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            name = f"{record.id}#{node['id']}"
            graph.add_node(name, kind="mapnode", title=str(node.get("label", node["id"])),
                           node_kind=node.get("kind"), systemmap=record.id)
            add_edge(graph, record.id, name, "has_node")


def neighbours(graph: nx.MultiDiGraph, node: str, relation: str, incoming: bool = False) -> list[str]:
    """Ids linked to node by relation, in either direction."""
    edges = graph.in_edges(node, keys=True) if incoming else graph.out_edges(node, keys=True)
    return sorted({(u if incoming else v) for u, v, k in edges if k == relation})


def stakeholder_graph(graph: nx.MultiDiGraph) -> nx.Graph:
    """Stakeholders joined when they share a meeting, a proposal or an area, weighted by count.
    Pairs are counted first and added once each, in the order they first occur."""
    people = nx.Graph()
    people.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if d.get("kind") == "stakeholder")
    hubs = [n for n, d in graph.nodes(data=True) if d.get("kind") in ("meeting", "proposal", "area")]
    pairs = Counter(itertools.chain.from_iterable(
        itertools.combinations(sorted(people.nbunch_iter(set(graph.succ[hub]) | set(graph.pred[hub]))), 2)
        for hub in hubs))
    people.add_edges_from((a, b, {"weight": weight}) for (a, b), weight in pairs.items())
    return people


def graph_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """A stable JSON form: nodes and edges sorted, so exports diff cleanly."""
    nodes = [{"id": n, **dict(sorted(d.items()))} for n, d in sorted(graph.nodes(data=True))]
    edges = [{"source": u, "target": v, "relation": k} for u, v, k in sorted(graph.edges(keys=True))]
    return {"directed": True, "nodes": nodes, "edges": edges}
