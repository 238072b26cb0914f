"""A feedback loop drawn on its own, its factors round an ellipse (issue 25, presentation).

The presentation view fits a chosen loop's factors to the screen, but in the page drawing
(top to bottom) a long loop runs down most of the map: seven factors fitted to 1280×800 came
out at 17-px labels. Drawn alone, the way causal loop diagrams are usually drawn, the same
factors fit a landscape screen at 20 px and more. We place the factors ourselves, clockwise
round an ellipse shaped for the screen beside the loop list, in the loop's own order (a reader
follows it clockwise from the top), and Graphviz (neato, positions pinned) draws the boxes and
the loop's links.
"""

from __future__ import annotations

import math
from typing import Any

from ..records.load import Record
from .diagrams import FONT, FeedbackLoop, inline_svg, link_line, map_graph, node_line, quote
from .map_layout import CELL, SCREEN_STYLE, cells, wrap_label

WRAP = 12  # letters a line: narrower boxes fit more of them round the ellipse
LINE = 15  # points a label line takes at 12 pt
ASPECT = 1.2  # the ellipse's width over its height: the view beside the loop list at 1280×800
GAP = 22  # points between neighbouring boxes, room for an arrow and its sign
LEAST = 70  # points: the smallest half-height, so a loop of two is not squeezed flat


def box(lines: list[str]) -> tuple[float, float]:
    """A node's width and height in points, as Graphviz draws it at margin 0.12,0.06."""
    # two cells more for a leverage point's star
    return (max(map(cells, lines)) + 2) * CELL + 16, len(lines) * LINE + 10


def spots(count: int, ry: float) -> list[tuple[float, float]]:
    """Clockwise from the top, in points (y up, as Graphviz's pos counts)."""
    turn = [2 * math.pi * i / count for i in range(count)]
    return [(ASPECT * ry * math.sin(a), ry * math.cos(a)) for a in turn]


def crowded(points: list[tuple[float, float]], sizes: list[tuple[float, float]]) -> bool:
    """Whether two neighbours round the ellipse would come within GAP of each other."""
    pairs = zip(range(len(points)), [*range(1, len(points)), 0], strict=True)
    for a, b in pairs:
        if a == b:
            continue
        dx = abs(points[a][0] - points[b][0]) - (sizes[a][0] + sizes[b][0]) / 2
        dy = abs(points[a][1] - points[b][1]) - (sizes[a][1] + sizes[b][1]) / 2
        if max(dx, dy) < GAP:
            return True
    return False


def ellipse(sizes: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The smallest ellipse (in steps of 5 points) round which no neighbours crowd."""
    ry = LEAST
    while crowded(spots(len(sizes), ry), sizes) and ry < 2000:  # 2000: a loop of some 60 factors
        ry += 5
    return spots(len(sizes), ry)


def loop_dot(record: Record, loop: FeedbackLoop, links: dict[str, str]) -> str:
    """DOT of the loop alone: its factors styled as in the page drawing (so a leverage point
    still stands out), linked to the same pages, and only the loop's own links."""
    graph = map_graph(record)
    labels = {n: wrap_label(str(graph.nodes[n].get("label", n)), WRAP) for n in loop.nodes}
    places = ellipse([box(labels[n]) for n in loop.nodes])
    lines = [f"digraph {quote(record.id + '-' + loop.name)} {{",
             f'  graph [bgcolor=transparent, fontname="{FONT}", splines=curved, inputscale=72, pad=0.1];',
             f'  node [fontname="{FONT}", fontsize=12, margin="0.12,0.06"];',
             f'  edge [fontname="{FONT}", labelfontsize=14, labeldistance=1.8, labelangle=30, penwidth=2];']
    for node, (x, y) in zip(loop.nodes, places, strict=True):
        line = node_line(graph.nodes[node], links.get(node), "\n".join(labels[node]), SCREEN_STYLE)
        lines.append(f'  {line[:-2]}, pos="{x:.0f},{y:.0f}!"];')  # inside node_line's closing "];"
    for a, b in zip(loop.nodes, loop.nodes[1:] + loop.nodes[:1], strict=True):
        lines.append("  " + link_line(graph.edges[a, b], "headlabel"))
    lines.append("}")
    return "\n".join(lines) + "\n"


def loop_svg(record: Record, loop: FeedbackLoop, links: dict[str, str], render: Any) -> bytes:
    """The loop's drawing with the page drawing's Thai font stack (Graphviz results are cached
    by input, like every drawing's)."""
    return inline_svg(render(loop_dot(record, loop, links), "svg", engine="neato")).encode("utf-8")
