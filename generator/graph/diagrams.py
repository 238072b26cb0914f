"""System maps as Graphviz diagrams: DOT we write ourselves, rendered by Debian's `dot`.

Feedback loops are found with networkx and named by their polarity: an even number of
negative links makes a reinforcing loop (R), an odd number a balancing one (B).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..cache import Store
from ..records.load import Record

FONT = "Garuda"  # from fonts-thai-tlwg: shapes Thai correctly in PNG and PDF
NODE_STYLE = {
    "leverage": 'shape=box, style="rounded,filled,bold", fillcolor="#ffe08a", penwidth=2.5',
    "outcome": 'shape=box, style="rounded,filled", fillcolor="#b9e6c9"',
    "factor": 'shape=box, style="rounded,filled", fillcolor="#e8eef8"',
    "mechanism": 'shape=hexagon, style=filled, fillcolor="#f3dcf5"',
    "actor": 'shape=ellipse, style=filled, fillcolor="#fde2cf"',
    "resource": 'shape=cylinder, style=filled, fillcolor="#e2e2e2"',
}
MAX_LOOPS = 50


class DiagramError(RuntimeError):
    """Graphviz is missing or failed: the message says which and why."""


@dataclass
class FeedbackLoop:
    nodes: list[str]
    negatives: int
    name: str = ""  # R1, R2, ... B1, ...
    drawing: str = ""  # the loop drawn alone (loop_drawing), for the presentation view

    @property
    def kind(self) -> str:
        return "reinforcing" if self.negatives % 2 == 0 else "balancing"

    @property
    def label_th(self) -> str:
        return "วงจรเสริมแรง (R)" if self.kind == "reinforcing" else "วงจรสมดุล (B)"


@dataclass
class Diagram:
    dot: str
    svg: str = ""
    width: int = 4
    height: int = 3
    loops: list[FeedbackLoop] = field(default_factory=list)
    downloads: list[tuple[str, str]] = field(default_factory=list)


def quote(text: Any) -> str:
    """A DOT double-quoted string: escape backslashes and quotes, no raw newlines."""
    value = str(text).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(value.split()) + '"'


def wrap(label: str, width: int = 18) -> str:
    """Break long Thai labels at spaces so boxes stay narrow (Graphviz cannot wrap)."""
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def map_graph(record: Record) -> nx.DiGraph:
    graph = nx.DiGraph()
    for node in record.data.get("nodes") or []:
        graph.add_node(node["id"], **node)
    for link in record.data.get("links") or []:
        if link["from"] in graph and link["to"] in graph:
            graph.add_edge(link["from"], link["to"], **link)
    return graph


def feedback_loops(record: Record) -> list[FeedbackLoop]:
    graph = map_graph(record)
    found = []
    for cycle in nx.simple_cycles(graph):
        start = cycle.index(min(cycle))
        cycle = cycle[start:] + cycle[:start]
        pairs = zip(cycle, cycle[1:] + cycle[:1], strict=True)
        negatives = sum(graph.edges[a, b].get("polarity") == "-" for a, b in pairs)
        found.append(FeedbackLoop(cycle, negatives))
        if len(found) >= MAX_LOOPS:
            break
    found.sort(key=lambda loop: (loop.kind != "reinforcing", len(loop.nodes), loop.nodes))
    counters = {"reinforcing": 0, "balancing": 0}
    for loop in found:
        counters[loop.kind] += 1
        loop.name = ("R" if loop.kind == "reinforcing" else "B") + str(counters[loop.kind])
    return found


DOMAIN_TH = {"health": "สุขภาพ", "economy": "เศรษฐกิจ", "social": "สังคม", "environment": "สิ่งแวดล้อม",
             "education": "การศึกษา", "governance": "การจัดการ", "culture": "วัฒนธรรม", "data": "ข้อมูล"}
FONT_STACK = "Garuda, 'Noto Sans Thai', Loma, Tahoma, sans-serif"


def systemmap_dot(record: Record, links: dict[str, str] | None = None, print_a4: bool = False) -> str:
    """DOT for a system map: nodes styled by kind and grouped by domain, signed links.
    `links` maps a node id to the URL it should open (pages that address it)."""
    links = links or {}
    title = quote(record.data.get("title", record.id))
    lines = [f"digraph {quote(record.id)} {{",
             f'  graph [rankdir=LR, bgcolor=transparent, fontname="{FONT}", label={title}, labelloc=t,'
             ' fontsize=16, newrank=true, nodesep=0.3, ranksep=0.5'
             + (', size="11.2,7.78!", ratio=fill, margin="0.24,0.24"' if print_a4 else "") + "];",
             f'  node [fontname="{FONT}", fontsize=12, margin="0.15,0.08"];',
             f'  edge [fontname="{FONT}", fontsize=14];']
    nodes = [n for n in record.data.get("nodes") or [] if isinstance(n, dict)]
    for domain in sorted({str(n.get("domain", "")) for n in nodes}):
        members = [n for n in nodes if str(n.get("domain", "")) == domain]
        if domain:
            lines.append(f"  subgraph {quote('cluster_' + domain)} {{")
            lines.append(f'    graph [label={quote(DOMAIN_TH.get(domain, domain))}, style="rounded,dashed",'
                         ' color="#9aa5b1", fontcolor="#52606d", fontsize=12];')
        lines += ["    " + node_line(n, links.get(n["id"])) for n in members]
        if domain:
            lines.append("  }")
    for link in record.data.get("links") or []:
        lines.append("  " + link_line(link))
    lines.append("}")
    return "\n".join(lines) + "\n"


def node_line(node: dict[str, Any], url: str | None, wrapped: str | None = None,
              styles: dict[str, str] | None = None) -> str:
    styles = {**NODE_STYLE, **(styles or {})}
    style = styles.get(node.get("kind", "factor"), NODE_STYLE["factor"])
    label = wrapped or wrap(str(node.get("label", node["id"])))
    if node.get("kind") == "leverage":
        label = "★ " + label
    extra = f", href={quote(url)}, target=_top" if url else ""
    return (f"{quote(node['id'])} [label={quote_label(label)}, id={quote('svg-' + node['id'])}, "
            f"tooltip={quote(node.get('note') or node.get('label', ''))}, {style}{extra}];")


def link_line(link: dict[str, Any], where: str = "label", more: str = "") -> str:
    """A signed link; its sign is the edge's `where` label (label, or headlabel by the arrow)."""
    sign = "+" if link.get("polarity") == "+" else "−"
    color = "#1a7f37" if sign == "+" else "#cf222e"
    extra = f", {more}" if more else ""
    if link.get("delay"):  # the system-dynamics delay mark
        extra += ", style=dashed"
        sign += " ‖"
    font = "fontcolor" if where == "label" else "labelfontcolor"
    return (f"{quote(link['from'])} -> {quote(link['to'])} [{where}={quote(sign)}, "
            f'color="{color}", {font}="{color}"{extra}];')


def quote_label(label: str) -> str:
    return "\\n".join(quote(part)[1:-1] for part in label.split("\n")).join('""')


def render(dot: str, fmt: str, engine: str = "dot") -> bytes:
    """Run Graphviz (dot, or sfdp for large undirected networks); fmt is svg, png or pdf.
    The same input always gives the same picture, so results are cached by input."""
    store = Store("graphviz")
    data = store.get_or_make(f"{engine}\0{fmt}\0{dot}", lambda: run_graphviz(dot, fmt, engine))
    store.save()
    return bytes(data)


def run_graphviz(dot: str, fmt: str, engine: str) -> bytes:
    program = shutil.which(engine)
    if program is None:
        raise DiagramError("ไม่พบโปรแกรม Graphviz (dot) / Graphviz 'dot' is not installed "
                           "(apt-get install graphviz)")
    fmt = "pdf:cairo" if fmt == "pdf" else ("png:cairo" if fmt == "png" else fmt)
    result = subprocess.run([program, f"-T{fmt}"], input=dot.encode("utf-8"),
                            capture_output=True, timeout=120, check=False)
    if result.returncode != 0:
        raise DiagramError(f"Graphviz ล้มเหลว / Graphviz failed: {result.stderr.decode(errors='replace')}")
    return PDF_DATE.sub(FIXED_DATE, result.stdout) if fmt == "pdf:cairo" else result.stdout


# cairo stamps a PDF with the time it was drawn: the same map would differ from build to build
# (a cold build never equals a warm one). A date of the same length keeps the byte offsets.
PDF_DATE = re.compile(rb"/CreationDate \(D:\d{14}Z\)")
FIXED_DATE = b"/CreationDate (D:20000101000000Z)"


def inline_svg(svg: bytes) -> str:
    """The <svg> element alone (no XML prolog or doctype), ready to sit inside a page, with a
    Thai-capable font stack (Graphviz names only the one font it laid out with)."""
    text = svg.decode("utf-8")
    text = text.replace(f'font-family="{FONT}"', f'font-family="{FONT_STACK}"')
    return text[text.index("<svg"):]


def systemmap_diagram(record: Record, links: dict[str, str] | None = None) -> Diagram:
    """The map as a page shows it: drawn for the page's column (map_layout), inline-ready SVG."""
    from .map_layout import page_drawing  # it draws with this module's nodes and links

    dot, svg_bytes = page_drawing(record, links or {}, render)
    svg = inline_svg(svg_bytes)
    size = re.search(r'viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', svg)
    diagram = Diagram(dot, svg, loops=feedback_loops(record))
    if size:
        diagram.width, diagram.height = round(float(size.group(1))), round(float(size.group(2)))
    return diagram
