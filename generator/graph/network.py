"""The stakeholder network: who works with whom, how central each is, who bridges groups.

Stakeholders are joined when they share a meeting, a proposal or an area (weight = how many).
Betweenness (sampled sources on large networks, fixed seed) and Leiden groups come from
python-igraph's C core; networkx stays the graph model and the export format.
"""

from __future__ import annotations

import math
import operator
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .diagrams import FONT, FONT_STACK, quote, render
from .knowledge import stakeholder_graph

if TYPE_CHECKING:  # igraph is imported when metrics are made: a build whose links are kept never is
    import igraph as ig

BETWEENNESS_SAMPLE = 100  # sources sampled (fixed seed): exact up to 100 stakeholders
BRIDGE_BETWEENNESS = 0.05  # on the shortest paths between at least 5% of pairs
EGO_TIES = 10  # the strongest ties drawn around a stakeholder on its page


@dataclass
class Metrics:
    degree: int = 0
    strength: int = 0
    betweenness: float = 0.0
    community: int = 0
    bridge: bool = False
    neighbours: list[tuple[str, int]] = field(default_factory=list)  # (id, weight), strongest first
    # pairs (by place) of the first EGO_TIES neighbours tied to each other: a page draws them
    # without reading the network, which an edit's build then need not load (0.2 s at 10k)
    ties: list[tuple[int, int]] = field(default_factory=list)


def network_metrics(network: nx.Graph) -> dict[str, Metrics]:
    if network.number_of_nodes() == 0:
        return {}
    between, communities = centrality(network)
    group = {n: i for i, members in enumerate(sorted(communities, key=lambda c: (-len(c), min(c))))
             for n in members}
    result = {}
    for node, nbrs in network.adjacency():
        linked = sorted(zip(nbrs, map(int, map(operator.itemgetter("weight"), nbrs.values())), strict=True))
        linked.sort(key=operator.itemgetter(1), reverse=True)  # stable: strongest first, then by id
        other_groups = {group[v] for v, _ in linked} - {group[node]}
        bridge = bool(other_groups) and between[node] >= BRIDGE_BETWEENNESS
        result[node] = Metrics(len(linked), sum(w for _, w in linked), round(between[node], 4),
                               group[node], bridge, linked, ego_ties(network, linked))
    return result


def ego_ties(network: nx.Graph, linked: list[tuple[str, int]]) -> list[tuple[int, int]]:
    shown = [node for node, _ in linked[:EGO_TIES]]
    return [(i, j) for i, a in enumerate(shown) for j in range(i + 1, len(shown)) if shown[j] in network._adj[a]]


def centrality(network: nx.Graph) -> tuple[dict[str, float], list[set[str]]]:
    """Betweenness (sampled sources on big networks) and Leiden groups, both from igraph's C
    core on one igraph copy of the network; a fixed seed makes every build give the same."""
    import igraph as ig

    names = list(network)
    graph = ig.Graph(n=len(names), edges=_numbered_edges(network, names))
    graph.es["weight"] = [w for _, _, w in network.edges(data="weight", default=1)]
    return betweenness(graph, names), leiden(graph, names)


def _numbered_edges(network: nx.Graph, names: list[str]) -> list[tuple[int, int]]:
    number = {v: i for i, v in enumerate(names)}
    return [(number[a], number[b]) for a, b in network.edges()]


def betweenness(graph: ig.Graph, names: list[str]) -> dict[str, float]:
    """Share of shortest paths through each stakeholder, as networkx normalises it for an
    undirected graph; from BETWEENNESS_SAMPLE sampled sources (fixed seed) on big networks."""
    n = len(names)
    if n < 3:
        return dict.fromkeys(names, 0.0)
    if n <= BETWEENNESS_SAMPLE:
        values, scale = graph.betweenness(directed=False), 2 / ((n - 1) * (n - 2))
    else:  # igraph halves each source's dependencies on an undirected graph
        sources = random.Random(12).sample(range(n), BETWEENNESS_SAMPLE)
        values = graph.betweenness(directed=False, sources=sources)
        scale = 2 / (BETWEENNESS_SAMPLE * (n - 2))
    return {v: x * scale for v, x in zip(names, values, strict=True)}


def leiden(graph: ig.Graph, names: list[str]) -> list[set[str]]:
    """Leiden communities maximising modularity (weighted): unlike Louvain's, each group is
    guaranteed connected. igraph draws from the generator given here, seeded for repeatability."""
    import igraph as ig

    ig.set_random_number_generator(random.Random(12))
    try:
        clusters = graph.community_leiden(objective_function="modularity", weights="weight", n_iterations=-1)
    finally:
        ig.set_random_number_generator(random)
    return [{names[i] for i in members} for members in clusters]


def network_dot(network: nx.Graph, titles: dict[str, str], urls: dict[str, str],
                metrics: dict[str, Metrics]) -> str:
    """The whole network for sfdp: node size by weighted degree, colour by group."""
    palette = ["#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69",
               "#fccde5", "#d9d9d9", "#bc80bd"]
    lines = ["graph stakeholders {",
             f'  graph [overlap=prism, splines=false, outputorder=edgesfirst, fontname="{FONT}"];',
             f'  node [shape=ellipse, style=filled, fontname="{FONT}", fontsize=10, margin="0.04,0.02"];',
             '  edge [color="#9aa5b1"];']
    for node in sorted(network.nodes):
        m = metrics.get(node, Metrics())
        size = 10 + min(14, 2 * math.log(1 + m.strength))
        colour = palette[m.community % len(palette)]
        lines.append(f"  {quote(node)} [label={quote(titles.get(node, node))}, fontsize={size:.1f}, "
                     f'fillcolor="{colour}", penwidth={3 if m.bridge else 1}, '
                     f"href={quote(urls.get(node, ''))}, target=_top, "
                     f"tooltip={quote(titles.get(node, node))}];")
    for a, b, data in sorted(network.edges(data=True)):
        lines.append(f"  {quote(a)} -- {quote(b)} [penwidth={min(6, 0.6 + 0.6 * data['weight']):.1f}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_network(dot: str, fmt: str = "svg") -> bytes:
    return render(dot, fmt, engine="sfdp")


def ego_svg(center: str, metrics: dict[str, Metrics], titles: dict[str, str],
            urls: dict[str, str], limit: int = EGO_TIES) -> str:
    """A small radial diagram of one stakeholder and its strongest ties (and theirs to each
    other), drawn directly (no layout engine needed for a star); every text is XML-escaped."""
    neighbours = metrics[center].neighbours[:limit]
    width, height = 680, 420
    cx, cy = width / 2, height / 2
    spots = {}
    for i, (node, _) in enumerate(neighbours):
        angle = 2 * math.pi * i / max(1, len(neighbours)) - math.pi / 2
        spots[node] = (cx + 250 * math.cos(angle), cy + 170 * math.sin(angle))
    size = f'viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" {size} role="group" '
             f'aria-label={quoteattr("เครือข่ายของ " + titles.get(center, center))} '
             f'font-family={quoteattr(FONT_STACK)} font-size="13">']
    for i, j in metrics[center].ties:
        if j < len(neighbours):
            (x1, y1), (x2, y2) = spots[neighbours[i][0]], spots[neighbours[j][0]]
            parts.append(f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" '
                         'stroke="#d0d7de" stroke-width="1"/>')
    for node, weight in neighbours:
        x, y = spots[node]
        parts.append(f'<line x1="{cx:.0f}" y1="{cy:.0f}" x2="{x:.0f}" y2="{y:.0f}" stroke="#57606a" '
                     f'stroke-width="{min(6, 0.8 + weight):.1f}"/>')
    for node, weight in neighbours:
        x, y = spots[node]
        parts.append(node_svg(x, y, titles.get(node, node), urls.get(node), f"{weight} ครั้ง", "#e8eef8"))
    parts.append(node_svg(cx, cy, titles.get(center, center), None, "", "#ffe08a"))
    parts.append("</svg>")
    return "".join(parts)


def node_svg(x: float, y: float, title: str, url: str | None, note: str, fill: str) -> str:
    label = title if len(title) <= 20 else title[:19] + "…"
    box = (f'<rect x="{x - 80:.0f}" y="{y - 15:.0f}" width="160" height="30" rx="8" fill="{fill}" '
           f'stroke="#57606a"/><text x="{x:.0f}" y="{y + 4:.0f}" text-anchor="middle">'
           f"{escape(label)}</text>")
    tip = f"<title>{escape(title + (' · ' + note if note else ''))}</title>"
    if url:
        return f"<a href={quoteattr(url)}>{tip}{box}</a>"
    return f"<g>{tip}{box}</g>"


def stakeholder_network(graph: nx.MultiDiGraph) -> tuple[nx.Graph, dict[str, Metrics]]:
    network = stakeholder_graph(graph)
    return network, network_metrics(network)


def summary(metrics: dict[str, Metrics]) -> dict[str, Any]:
    bridges = sorted((n for n, m in metrics.items() if m.bridge),
                     key=lambda n: (-metrics[n].betweenness, n))
    return {"bridges": bridges, "groups": len({m.community for m in metrics.values()})}
