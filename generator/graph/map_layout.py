"""System maps shaped to the page (issue 25): a drawing that fits a column at full size.

Graphviz lays a map out left to right as wide as it likes; scaled into a 690-pixel column its
labels came out at 4 px. Here the map runs top to bottom, labels are wrapped between Thai words,
and we choose the ranks ourselves with a width budget: a rank that would be too wide passes
nodes down to the next one. Graphviz then orders the nodes in each rank and draws the edges.
If the drawing still comes out too wide (long edges take room too), the budget shrinks.
The print drawing (A4) keeps the classic left-to-right layout of diagrams.systemmap_dot.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import networkx as nx

from ..records.load import Record
from .diagrams import FONT, link_line, map_graph, node_line, quote, systemmap_dot

CELL = 7.0  # points per letter cell at 12 pt in Garuda (measured on the demo map)
NODE_PAD = 16  # a box's margins, in points
GAP = 18  # between neighbours in a rank (nodesep)
EDGE_ROOM = 20  # an edge passing through a rank takes room too
WRAP_CELLS = 15  # letters per label line: about 120 points
# the page drawing's shapes: a hexagon is half as wide again as a box around the same text,
# so a mechanism is a box with cut corners (the legend tells kinds by their colour)
SCREEN_STYLE = {"mechanism": 'shape=box, style="filled,diagonals", fillcolor="#f3dcf5"'}
WIDER = {"actor": 1.3}  # an ellipse around its text
COLUMN = 880  # points: the map page's column at 1280 px is 890 px wide (kb.css), so 1 point >= 1 px
BUDGETS = (800, 680, 580, 500, 430, 370, 310, 250)  # room for nodes in a rank, widest first
FIT_MOST = 80  # nodes: a bigger map never fits the column, and each try costs seconds
MARGIN = 8  # points around the drawing
SCALE = re.compile(r'transform="scale\(([\d.]+)')


def cells(text: str) -> int:
    """Letter cells a line takes: Thai vowel and tone marks sit above or below a letter."""
    return sum(not unicodedata.category(ch).startswith("M") for ch in text)


def words(label: str) -> list[str]:
    """The label's words: spaces, and Thai words cut by nlpO3 (Graphviz cannot wrap text)."""
    from pythainlp.tokenize.nlpo3 import segment

    found: list[str] = []
    for word in label.split():
        pieces = segment(word) if cells(word) > WRAP_CELLS else [word]
        found += pieces if "".join(pieces) == word else [word]
    return found


def wrap_label(label: str, width: int = WRAP_CELLS) -> list[str]:
    """Lines of at most `width` cells; Thai words join without a space, as Thai is written."""
    lines: list[str] = []
    for word in words(label):
        if lines and cells(lines[-1]) + cells(word) <= width:
            glued = is_thai(lines[-1][-1]) and is_thai(word[0]) and not was_spaced(label, lines[-1], word)
            lines[-1] += ("" if glued else " ") + word
        else:
            lines.append(word)
    return lines or [""]


def is_thai(ch: str) -> bool:
    return "\u0e00" <= ch <= "\u0e7f"


def was_spaced(label: str, before: str, word: str) -> bool:
    """Whether the label had a space between these two (a space in Thai ends a phrase)."""
    return f"{before.split()[-1]} {word}" in label


def node_width(lines: list[str], kind: str) -> float:
    return (max(map(cells, lines)) * CELL + NODE_PAD) * WIDER.get(kind, 1.0) + GAP


def acyclic(graph: nx.DiGraph) -> nx.DiGraph:
    """The map without the links that close its loops: a depth-first walk from the causes
    leaves out each link back to a node still on its path."""
    dag = nx.DiGraph()
    dag.add_nodes_from(graph)
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    for root in sorted(graph, key=lambda n: (graph.in_degree(n) > 0, n)):  # sources first
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(sorted(graph.successors(root))))]
        while stack:
            node, todo = stack[-1]
            following = next(todo, None)
            if following is None:
                state[node] = 2
                stack.pop()
            elif state.get(following) != 1:
                dag.add_edge(node, following)
                if following not in state:
                    state[following] = 1
                    stack.append((following, iter(sorted(graph.successors(following)))))
    return dag


def ranks(dag: nx.DiGraph, widths: dict[str, float], budget: float,
          lifted: frozenset[str] = frozenset()) -> dict[str, int]:
    """Rank of each node, counted up from the bottom (0 holds the outcomes): each node goes as
    low as its successors allow, into the lowest rank that still has room. Sinks sit at the
    bottom, a cause sits just above what it drives. A `lifted` node, whose every link closes a
    loop, sits just below its nearest cause instead: at the bottom its loop would span the map."""
    rank: dict[str, int] = {}
    used: dict[int, float] = {}
    for node in reversed(list(nx.lexicographical_topological_sort(dag))):
        level = max((rank[s] + 1 for s in dag.successors(node)), default=0)
        while used.get(level, 0) and used[level] + widths[node] > budget:
            level += 1
        rank[node] = level
        used[level] = used.get(level, 0) + widths[node]
        for following in dag.successors(node):
            for passed in range(rank[following] + 1, level):
                used[passed] = used.get(passed, 0) + EDGE_ROOM
    for node in lifted:
        causes = [rank[p] for p in dag.predecessors(node)]
        if causes:
            rank[node] = min(causes) - 1
    return rank


def ranked_lines(rank: dict[str, int]) -> list[str]:
    """rank=same groups, top rank first."""
    top = max(rank.values(), default=0)
    groups = [sorted(n for n, r in rank.items() if r == level) for level in range(top, -1, -1)]
    return ["  { rank=same; " + " ".join(f'"{n}";' for n in group) + " }" for group in groups if group]


def shrink(svg: bytes) -> float:
    scale = SCALE.search(svg.decode("utf-8"))
    return float(scale.group(1)) if scale else 1.0


def unscaled(svg: bytes) -> bool:
    """Graphviz fitted the drawing to `size` without shrinking it (its text keeps 12 pt)."""
    return shrink(svg) >= 0.999


def page_drawing(record: Record, links: dict[str, str], render: Any) -> tuple[str, bytes]:
    """The DOT and SVG of the page drawing: the widest rank budget whose drawing Graphviz can
    compress into the column at full size (Graphviz results are cached by input). A map that
    fits none is drawn at full size with the budget that came closest, a little wider than the
    column, and the page lets the reader pan it. A big map is drawn once, as for print (dot
    takes seconds on a few hundred nodes, half a minute with our ranks), and panned."""
    if len(record.data.get("nodes") or []) > FIT_MOST:
        dot = systemmap_dot(record, links)
        return dot, render(dot, "svg")
    tries = []
    for budget in BUDGETS:
        dot, svg = drawn(record, links, render, budget, COLUMN)
        if unscaled(svg):
            return dot, svg
        tries.append((shrink(svg), budget))
    return drawn(record, links, render, max(tries)[1], None)


def drawn(record: Record, links: dict[str, str], render: Any, budget: float,
          width: float | None) -> tuple[str, bytes]:
    dot = screen_dot(record, links, budget, width)
    return dot, render(dot, "svg")


def screen_dot(record: Record, links: dict[str, str], budget: float, width: float | None) -> str:
    """DOT of the page drawing: top to bottom in our ranks, signs at the arrow heads (a label
    in the middle of an edge would take a rank of its own)."""
    graph = map_graph(record)
    kinds = {n: str(graph.nodes[n].get("kind", "factor")) for n in graph}
    labels = {n: wrap_label(str(graph.nodes[n].get("label", n))) for n in graph}
    dag = acyclic(graph)
    lifted = frozenset(n for n in graph if graph.out_degree(n) and not dag.out_degree(n))
    rank = ranks(dag, {n: node_width(lines, kinds[n]) for n, lines in labels.items()}, budget, lifted)
    # ratio=compress packs the ranks into `size` (margins included) before Graphviz would shrink it
    fit = f', ratio=compress, size="{width / 72:.2f},60"' if width else ""
    lines = [f"digraph {quote(record.id)} {{",
             f'  graph [rankdir=TB, bgcolor=transparent, fontname="{FONT}", newrank=true, nodesep=0.25,'
             f' ranksep=0.45, pad={MARGIN / 72:.3f}{fit}];',
             f'  node [fontname="{FONT}", fontsize=12, margin="0.12,0.06"];',
             f'  edge [fontname="{FONT}", labelfontsize=14, labeldistance=1.6, labelangle=35, arrowsize=0.8];']
    lines += ["  " + node_line(graph.nodes[n], links.get(n), "\n".join(labels[n]), SCREEN_STYLE) for n in sorted(graph)]
    lines += ranked_lines(rank)
    for u, v, link in graph.edges(data=True):
        # a link that closes a loop runs upward and must not pull the ranks about
        extra = f"minlen={max(1, rank[u] - rank[v])}" if dag.has_edge(u, v) else "constraint=false"
        lines.append("  " + link_line(link, "headlabel", extra))
    lines.append("}")
    return "\n".join(lines) + "\n"
