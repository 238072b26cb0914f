"""The knowledge graph: records, hashtags, provinces and system-map nodes joined by relations.

Edges come from the schemas' `x-ref` fields (so a new reference field needs no code here) and
are named by RELATIONS; hashtags and provinces become nodes of their own so that pages sharing
them can be found in one hop.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

import networkx as nx

from ..cache import gc_paused
from ..records.load import Record
from ..records.schemas import Pattern, field_plan, values_at
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


@cache  # a few hundred tags written tens of thousands of times
def tag_node(tag: str) -> str:
    return f"tag:{normalize_hashtag(tag)}"


def province_node(name: str) -> str:
    return f"province:{name}"


# What a record adds to the graph, read from its own kind and data alone:
#   (REF, target, relation)            an edge when the target's record (a map node's map) is given
#   (SOFT, target, kind)               a "reported" edge when the target is a given record of that kind
#   (TAG, node, label), (PROVINCE, node, label)   an edge to a tag or province node
#   (MAPNODE, node, label, node kind)  a system map's own node and the edge to it
Link = tuple[Any, ...]
REF, SOFT, TAG, PROVINCE, MAPNODE = "ref", "soft", "tag", "province", "mapnode"


def build_graph(records: Iterable[Record], links: list[tuple[Link, ...]] | None = None) -> nx.MultiDiGraph:
    """One node per record (attrs kind, title), edges named by relation. A reference to a record
    not given (a draft, left out of the public build) draws no edge and leaves no node.
    `links`: each record's record_links(), when known already (kept between builds)."""
    records = list(records)
    if links is None:
        links = [record_links(record) for record in records]
    with gc_paused():  # half a million new dicts: the collector would sweep them again and again
        return assemble(records, links)


@cache
def link_fields(kind: str) -> tuple[tuple[Pattern, str, str | None, str | None], ...]:
    """(pattern, relation, kind referred to, kind soft-referred to) of a kind's reference fields."""
    return tuple((field.pattern, relation_of(field.pattern), field.ref, field.soft_ref)
                 for field in field_plan(kind) if field.ref is not None or field.soft_ref is not None)


def record_links(record: Record) -> tuple[Link, ...]:
    """Everything a record adds to the graph, in the order it adds it: a pure function of its
    kind and data, so a record whose text is unchanged keeps its links (graph/kept.py)."""
    data = record.data
    found: list[Link] = []
    for pattern, relation, ref, soft_ref in link_fields(record.kind):
        for _, target in values_at(data, pattern):
            if isinstance(target, str):
                found.append((REF, target, relation) if ref else (SOFT, target, soft_ref))
    found += [(TAG, tag_node(tag), tag) for tag in data.get("hashtags") or [] if isinstance(tag, str)]
    found += [(PROVINCE, province_node(province), province) for province in provinces_of(data)]
    if record.kind == "systemmap":
        for node in data.get("nodes") or []:
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                found.append((MAPNODE, f"{record.id}#{node['id']}", str(node.get("label", node["id"])),
                              node.get("kind")))
    return tuple(found)


def assemble(records: list[Record], links: list[tuple[Link, ...]]) -> nx.MultiDiGraph:
    """The graph networkx's add_node and add_edge would make from the links, in the same order,
    written into its adjacency dicts directly (networkx's calls cost three times the walk)."""
    graph = nx.MultiDiGraph()
    nodes, succ, pred = graph._node, graph._succ, graph._pred

    def add_node(name: str, attrs: dict[str, Any]) -> None:
        if name in nodes:
            nodes[name].update(attrs)
        else:
            nodes[name], succ[name], pred[name] = attrs, {}, {}

    def add_edge(source: str, target: str, relation: str, kind: str = "mapnode", label: str = "") -> None:
        if target not in nodes:  # a tag, a province, or a map node its map has not added yet
            nodes[target], succ[target], pred[target] = {"kind": kind, "title": label or target}, {}, {}
        keys = succ[source].get(target)
        if keys is None:
            keys = succ[source][target] = pred[target][source] = {}
        if relation not in keys:
            keys[relation] = {"relation": relation}

    for record in records:
        add_node(record.id, {"kind": record.kind, "title": record.title})
    for record, found in zip(records, links, strict=True):
        source = record.id
        for link in found:
            what, target = link[0], link[1]
            if what == REF:
                if target.partition("#")[0] in nodes:  # a record given (a map node: its map)
                    add_edge(source, target, link[2])
            elif what == SOFT:
                if target in nodes and nodes[target].get("kind") == link[2]:
                    add_edge(source, target, "reported")
            elif what == TAG:
                add_edge(source, target, "tagged", "tag", link[2])
            elif what == PROVINCE:
                add_edge(source, target, "in_province", "province", link[2])
            else:
                add_node(target, {"kind": "mapnode", "title": link[2], "node_kind": link[3], "systemmap": source})
                add_edge(source, target, "has_node")
    return graph


def provinces_of(data: dict[str, Any]) -> list[str]:
    found = [data["province"]] if isinstance(data.get("province"), str) else []
    found += [p for p in data.get("provinces") or [] if isinstance(p, str) and p not in found]
    return found


def neighbours(graph: nx.MultiDiGraph, node: str, relation: str, incoming: bool = False) -> list[str]:
    """Ids linked to node by relation, in either direction."""
    edges = graph.in_edges(node, keys=True) if incoming else graph.out_edges(node, keys=True)
    return sorted({(u if incoming else v) for u, v, k in edges if k == relation})


def stakeholder_graph(graph: nx.MultiDiGraph, members: NetworkInput | None = None) -> nx.Graph:
    """Stakeholders joined when they share a meeting, a proposal or an area, weighted by count.
    Pairs are counted first and added once each, in the order they first occur (written into the
    adjacency as networkx's add_edges_from would: its calls cost more than the counting)."""
    stakeholders, hubs = members if members is not None else network_input(graph)
    nodes = graph._node
    people = nx.Graph()
    with gc_paused():
        for person in stakeholders:
            people._node[person], people._adj[person] = dict(nodes[person]), {}
        pairs = Counter(itertools.chain.from_iterable(itertools.combinations(hub, 2) for hub in hubs))
        adjacency = people._adj
        for (a, b), weight in pairs.items():
            adjacency[a][b] = adjacency[b][a] = {"weight": weight}
    return people


NetworkInput = tuple[list[str], list[list[str]]]


def network_input(graph: nx.MultiDiGraph) -> NetworkInput:
    """All the stakeholder network is made of: the stakeholders, and each meeting's, proposal's
    or area's stakeholders (sorted), both in the graph's order. Equal inputs, equal networks."""
    nodes, succ, pred = graph._node, graph._succ, graph._pred
    stakeholders = [n for n, d in nodes.items() if d.get("kind") == "stakeholder"]
    known = set(stakeholders)
    hubs = [n for n, d in nodes.items() if d.get("kind") in ("meeting", "proposal", "area")]
    return stakeholders, [sorted(known.intersection(itertools.chain(succ[hub], pred[hub]))) for hub in hubs]


def graph_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """A stable JSON form: nodes and edges sorted, so exports diff cleanly."""
    nodes = [{"id": n, **dict(sorted(d.items()))} for n, d in sorted(graph.nodes(data=True))]
    edges = [{"source": u, "target": v, "relation": k} for u, v, k in sorted(graph.edges(keys=True))]
    return {"directed": True, "nodes": nodes, "edges": edges}
