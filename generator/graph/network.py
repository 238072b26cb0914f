"""The stakeholder network: who works with whom, how central each is, who bridges groups.

Stakeholders are joined when they share a meeting, a proposal or an area (weight = how many).
Betweenness is sampled on large networks (fixed seed) so the build stays fast and repeatable.
Betweenness and Louvain groups are networkx's (same results), computed on numbered nodes with
the inner loops in C: networkx took most of a minute on 10,000 meetings' network.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from .diagrams import FONT, FONT_STACK, quote, render
from .knowledge import stakeholder_graph
from ..parallel import WORKERS, fork_pool

BETWEENNESS_SAMPLE = 100  # sources sampled (fixed seed): exact below 100 stakeholders
BRIDGE_BETWEENNESS = 0.05  # on the shortest paths between at least 5% of pairs
LOUVAIN_THRESHOLD = 0.0000001  # networkx's default: stop when modularity gains less


@dataclass
class Metrics:
    degree: int = 0
    strength: int = 0
    betweenness: float = 0.0
    community: int = 0
    bridge: bool = False
    neighbours: list[tuple[str, int]] = field(default_factory=list)  # (id, weight), strongest first


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
                               group[node], bridge, linked)
    return result


PARALLEL_FROM = 5000  # edges; below this, forking a worker costs more than it saves
_network: nx.Graph | None = None  # read by the forked worker


def centrality(network: nx.Graph) -> tuple[dict[str, float], list[set[str]]]:
    """Betweenness and Louvain groups; on two cores for big networks (a forked worker
    computes the betweenness meanwhile)."""
    global _network
    if network.number_of_edges() < PARALLEL_FROM or WORKERS < 2:
        return betweenness(network, BETWEENNESS_SAMPLE, seed=12), louvain(network, seed=12)
    _network = network
    try:
        with fork_pool(1) as pool:
            pending = pool.apply_async(_shared_betweenness)
            communities = louvain(network, seed=12)
            return pending.get(), communities
    finally:
        _network = None


def _shared_betweenness() -> dict[str, float]:
    assert _network is not None
    return betweenness(_network, BETWEENNESS_SAMPLE, seed=12)


def betweenness(network: nx.Graph, sample: int, seed: int) -> dict[str, float]:
    """nx.betweenness_centrality(network, k=sample, seed=seed) (exact below `sample` nodes):
    the same sources and scaling, but each source's paths are counted a level at a time,
    summing over neighbour lists in C; the values agree to the last few bits."""
    names = list(network)
    n = len(names)
    number = {v: i for i, v in enumerate(names)}
    adj = [list(map(number.__getitem__, nbrs)) for _, nbrs in network.adjacency()]
    bits = [_bitset(a, n) for a in adj]
    k = sample if sample < n else None
    sources = [number[v] for v in random.Random(seed).sample(names, k)] if k else range(n)
    total = [0.0] * n
    for s in sources:
        _add_dependencies(adj, bits, s, total)
    if n < 3:
        return dict(zip(names, total, strict=True))
    if k is None:  # the share of the (n-1)(n-2) ordered pairs of other nodes
        scale = [1 / ((n - 1) * (n - 2))] * n
    else:  # a sampled source is never its own target
        scale = [1 / (k * (n - 2))] * n
        for s in sources:
            scale[s] = 1 / ((k - 1) * (n - 2)) if k > 1 else math.nan
    return {v: total[i] * scale[i] for i, v in enumerate(names)}


def _add_dependencies(adj: list[list[int]], bits: list[int], s: int, total: list[float]) -> None:
    """Brandes' accumulation from one source, a BFS level at a time: path counts summed
    from the level above, dependencies from the level below."""
    levels = _levels(bits, s)
    sigma = [0] * len(adj)
    sigma[s] = 1
    for above, level in itertools.pairwise(levels):
        for w, count in zip(level, _level_sums(level, above, sigma, adj, bits), strict=True):
            sigma[w] = count
    share = [0.0] * len(adj)  # (1 + dependency) / paths
    below: list[int] = []
    for level in reversed(levels[1:]):
        sums = _level_sums(level, below, share, adj, bits) if below else [0.0] * len(level)
        for v, found in zip(level, sums, strict=True):
            delta = sigma[v] * found
            share[v] = (1 + delta) / sigma[v]
            total[v] += delta
        below = level


def _levels(bits: list[int], s: int) -> list[list[int]]:
    """Nodes by distance from s, found with bitsets (one OR per node, not per edge)."""
    levels, seen = [[s]], 1 << s
    while reach := functools.reduce(operator.or_, map(bits.__getitem__, levels[-1]), 0) & ~seen:
        seen |= reach
        levels.append(list(itertools.compress(range(reach.bit_length()), map("1".__eq__, bin(reach)[:1:-1]))))
    return levels


def _level_sums(level: list[int], other: list[int], value: list[Any], adj: list[list[int]],
                bits: list[int]) -> list[Any]:
    """For each node of `level`, the sum of `value` over its neighbours in the adjacent level
    `other`. When `other` holds few distinct values (path counts often do), count the
    neighbours holding each with a bitset AND; else sum whole neighbour lists (`value` is zero
    outside `other` there: a neighbour is never more than one level away)."""
    groups: dict[Any, list[int]] = defaultdict(list)
    for v in other:
        groups[value[v]].append(v)
    if 4 * len(groups) * len(level) < sum(map(len, map(adj.__getitem__, level))):
        masks = [(x, _bitset(nodes, len(adj))) for x, nodes in groups.items()]
        return [sum(x * (bits[w] & mask).bit_count() for x, mask in masks) for w in level]
    return [sum(map(value.__getitem__, adj[w])) for w in level]


def _bitset(nodes: list[int], n: int) -> int:
    row = bytearray(b"0") * n
    for v in nodes:
        row[n - 1 - v] = 49  # "1"
    return int(row, 2)


def louvain(network: nx.Graph, seed: int) -> list[set[str]]:
    """nx.community.louvain_communities(network, weight="weight", seed=seed), step for step
    (same random order, same sums, same moves, so the same groups) on numbered nodes, with
    each node's weight per neighbouring group counted in C."""
    names = list(network)
    number = {v: i for i, v in enumerate(names)}
    adj: list[dict[int, int]] = [{} for _ in names]
    for u, (_, nbrs) in enumerate(network.adjacency()):  # each edge once, in networkx's order
        for v, w in zip(map(number.__getitem__, nbrs), map(_weight, nbrs.values()), strict=True):
            if v >= u:
                adj[u][v] = adj[v][u] = w
    members = [{u} for u in range(len(names))]
    if network.number_of_edges() == 0:
        return [{v} for v in names]
    rng = random.Random(seed)
    mod = _modularity(adj, members)
    m = sum(_degrees(adj)) / 2
    partition, inner, _ = _one_level(adj, m, [set(c) for c in members], members, rng)
    improved = True
    while improved:
        found = [c.copy() for c in partition]
        new_mod = _modularity(adj, inner)
        if new_mod - mod <= LOUVAIN_THRESHOLD:
            break
        mod = new_mod
        adj, members = _merge(adj, members, inner)
        partition, inner, improved = _one_level(adj, m, partition, members, rng)
    return [{names[u] for u in c} for c in found]


def _weight(data: dict[str, Any]) -> Any:
    return data.get("weight", 1)


def _degrees(adj: list[dict[int, int]]) -> list[int]:
    return [sum(a.values()) + a.get(u, 0) for u, a in enumerate(adj)]  # a self-loop counts twice


def _edges(adj: list[dict[int, int]]) -> Iterator[tuple[int, int, int]]:
    """Each edge once, in the order networkx lists a graph's edges."""
    for u, a in enumerate(adj):
        for v, w in a.items():
            if v >= u:
                yield u, v, w


def _modularity(adj: list[dict[int, int]], communities: list[set[int]]) -> float:
    degree = _degrees(adj)
    total = sum(degree)
    m, norm = total / 2, 1 / total**2

    def share(group: set[int]) -> float:
        # inner edges counted from both ends, a loop from its one end twice: halve
        twice = sum(sum(map(adj[u].__getitem__, adj[u].keys() & group)) + adj[u].get(u, 0) for u in group)
        inside = twice // 2
        strength = sum(degree[u] for u in group)
        return inside / m - strength * strength * norm

    return sum(map(share, communities))


def _one_level(adj: list[dict[int, int]], m: float, partition: list[set[int]], members: list[set[int]],
               rng: random.Random) -> tuple[list[set[int]], list[set[int]], bool]:
    """Move nodes to the neighbouring group that gains most modularity until none moves."""
    node2com = list(range(len(adj)))
    inner = [{u} for u in range(len(adj))]
    degrees = _degrees(adj)
    stot = list(degrees)
    weights = _GroupWeights(adj, node2com)
    order = list(range(len(adj)))
    rng.shuffle(order)
    moves, improved = 1, False
    while moves:
        moves = 0
        for u in order:
            own = node2com[u]
            best = _best_group(weights[u], own, degrees[u], stot, m)
            if best != own:
                partition[own] -= members[u]
                inner[own].remove(u)
                partition[best] |= members[u]
                inner[best].add(u)
                improved, moves = True, moves + 1
                node2com[u] = best
                weights.moved(u)
    return [c for c in partition if c], [c for c in inner if c], improved


def _best_group(weights: dict[int, int], own: int, degree: int, stot: list[int], m: float) -> int:
    """networkx's choice, with its float operations in its order."""
    stot[own] -= degree
    remove_cost = -weights.get(own, 0) / m + (stot[own] * degree) / (2 * m**2)
    best_mod, best = 0.0, own
    # networkx's own-group lookup adds that group last when no neighbour is in it
    for com, wt in itertools.chain(weights.items(), () if own in weights else ((own, 0),)):
        gain = remove_cost + wt / m - (stot[com] * degree) / (2 * m**2)
        if gain > best_mod:
            best_mod, best = gain, com
    stot[best] += degree
    return best


class _GroupWeights:
    """Each node's edge weight to each neighbouring group, in the order networkx meets them,
    kept until a neighbour moves (late passes move few nodes but weigh all)."""

    def __init__(self, adj: list[dict[int, int]], node2com: list[int]) -> None:
        self.nbrs = [{v: w for v, w in a.items() if v != u} for u, a in enumerate(adj)]
        self.node2com = node2com
        self.known: list[dict[int, int] | None] = [None] * len(adj)
        # light whole weights (the first level's): each neighbour repeated by its weight, so
        # that one Counter sums the weights per group in C
        weights = list(itertools.chain.from_iterable(map(dict.values, self.nbrs)))
        light = all(type(w) is int for w in weights) and sum(weights) <= 4 * len(weights)
        self.spread = [list(itertools.chain.from_iterable(map(itertools.repeat, a, a.values())))
                       for a in self.nbrs] if light else None

    def __getitem__(self, u: int) -> dict[int, int]:
        found = self.known[u]
        if found is None:
            found = self.known[u] = (Counter(map(self.node2com.__getitem__, self.spread[u])) if self.spread
                                     else _summed(self.nbrs[u], self.node2com))
        return found

    def moved(self, u: int) -> None:
        for v in self.nbrs[u]:
            self.known[v] = None


def _summed(nbrs: dict[int, int], node2com: list[int]) -> dict[int, int]:
    weights: dict[int, int] = {}
    for v, w in nbrs.items():
        weights[node2com[v]] = weights.get(node2com[v], 0) + w
    return weights


def _merge(adj: list[dict[int, int]], members: list[set[int]],
           groups: list[set[int]]) -> tuple[list[dict[int, int]], list[set[int]]]:
    """The graph of groups: one node per group, edge weights summed, inner edges as loops."""
    com = {}
    merged: list[set[int]] = []
    for i, group in enumerate(groups):
        merged.append(set())
        for node in group:
            com[node] = i
            merged[i] |= members[node]
    new: list[dict[int, int]] = [{} for _ in groups]
    for u, v, w in _edges(adj):
        a, b = com[u], com[v]
        new[a][b] = new[b][a] = w + new[a].get(b, 0)
    return new, merged


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
            urls: dict[str, str], network: nx.Graph, limit: int = 10) -> str:
    """A small radial diagram of one stakeholder and its strongest ties, drawn directly
    (no layout engine needed for a star); every text is XML-escaped."""
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
    for i, (a, _) in enumerate(neighbours):
        for b, _ in neighbours[i + 1:]:
            if network.has_edge(a, b):
                (x1, y1), (x2, y2) = spots[a], spots[b]
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
