"""Graph exports for Gephi and other tools, with filters staff ask for."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ..thai import province_by_name
from .diagrams import FONT, quote, render
from .knowledge import graph_json

COLOURS = {"meeting": "#80b1d3", "stakeholder": "#fdb462", "area": "#b3de69", "proposal": "#fb8072",
           "systemmap": "#bebada", "topic": "#8dd3c7", "tag": "#d9d9d9", "province": "#ffffb3",
           "mapnode": "#fccde5"}


@dataclass
class GraphFilter:
    topics: list[str] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    regions: list[int] = field(default_factory=list)
    since: str | None = None
    kinds: list[str] = field(default_factory=list)

    @property
    def narrows(self) -> bool:
        return bool(self.topics or self.provinces or self.regions or self.since)


def matches(graph: nx.MultiDiGraph, node: str, data: dict, rule: GraphFilter) -> bool:
    """Does a record satisfy every place, topic and date filter given?"""
    if rule.topics and not any(graph.has_edge(node, t, key="topic") or node == t for t in rule.topics):
        return False
    places = {v.removeprefix("province:") for _, v, k in graph.out_edges(node, keys=True)
              if k == "in_province"}
    if rule.provinces and not places & set(rule.provinces):
        return False
    if rule.regions:
        regions = {info["health_region"] for p in places if (info := province_by_name(p))}
        if data.get("health_region") is not None:
            regions.add(data["health_region"])
        if not regions & set(rule.regions):
            return False
    return not (rule.since and (not data.get("date") or data["date"] < rule.since))


def filter_graph(graph: nx.MultiDiGraph, rule: GraphFilter, dates: dict[str, str],
                 regions: dict[str, int]) -> nx.MultiDiGraph:
    """Records matching the filters and their direct neighbours, then only the kinds asked for."""
    keep = set(graph.nodes)
    if rule.narrows:
        anchors = {n for n, d in graph.nodes(data=True)
                   if d.get("kind") not in ("tag", "province", "mapnode")
                   and matches(graph, n, {"date": dates.get(n), "health_region": regions.get(n)}, rule)}
        keep = set(anchors)
        for node in anchors:
            keep |= set(graph.successors(node)) | set(graph.predecessors(node))
    if rule.kinds:
        keep = {n for n in keep if graph.nodes[n].get("kind") in rule.kinds}
    return graph.subgraph(keep).copy()


def clean_for_export(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML and GEXF take only plain values: drop empty attributes."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: v for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: val for k, val in data.items() if val is not None})
    return out


def graph_dot(graph: nx.MultiDiGraph) -> str:
    lines = ["digraph kb {",
             f'  graph [overlap=prism, splines=false, fontname="{FONT}", outputorder=edgesfirst];',
             f'  node [shape=box, style="rounded,filled", fontname="{FONT}", fontsize=10];',
             '  edge [color="#9aa5b1", arrowsize=0.5];']
    for node, data in sorted(graph.nodes(data=True)):
        colour = COLOURS.get(str(data.get("kind")), "#ffffff")
        lines.append(f'  {quote(node)} [label={quote(data.get("title", node))}, fillcolor="{colour}"];')
    for u, v, key in sorted(graph.edges(keys=True)):
        lines.append(f"  {quote(u)} -> {quote(v)} [tooltip={quote(key)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_graph(graph: nx.MultiDiGraph, output: Path) -> None:
    suffix = output.suffix.lower()
    if suffix == ".graphml":
        nx.write_graphml(clean_for_export(graph), output)
    elif suffix == ".gexf":
        nx.write_gexf(clean_for_export(graph), output)
    elif suffix == ".json":
        output.write_text(json.dumps(graph_json(graph), ensure_ascii=False, indent=1) + "\n", "utf-8")
    elif suffix in (".svg", ".png", ".pdf"):
        output.write_bytes(render(graph_dot(graph), suffix[1:], engine="sfdp"))
    else:
        raise ValueError(suffix)
