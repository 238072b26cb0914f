"""kb graph -o FILE.{graphml,gexf,json,svg,png,pdf} [filters]: the knowledge graph for Gephi."""

from __future__ import annotations

import argparse
import sys

from ..graph.diagrams import DiagramError
from ..graph.exports import GraphFilter, filter_graph, write_graph
from ..graph.knowledge import build_graph
from ..records.kinds import kinds
from . import output_and_content

FORMATS = (".graphml", ".gexf", ".json", ".svg", ".png", ".pdf")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("graph", help="ส่งออกกราฟความสัมพันธ์ / export the knowledge graph")
    p.add_argument("-o", "--output", required=True, help="FILE " + " ".join(FORMATS))
    p.add_argument("--content", default="content")
    p.add_argument("--topic", action="append", default=[], help="topic id (repeatable)")
    p.add_argument("--province", action="append", default=[], help="Thai province name (repeatable)")
    p.add_argument("--region", action="append", type=int, default=[], help="health region 1-13")
    p.add_argument("--since", help="only records dated on or after YYYY-MM-DD (and their neighbours)")
    p.add_argument("--kind", action="append", default=[],
                   help="keep only these node kinds: " + ", ".join([*kinds(), "tag", "province", "mapnode"]))
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ready = output_and_content(args, FORMATS)
    if ready is None:
        return 1
    output, content = ready
    print(f"อ่าน {len(content.records)} ระเบียน / read {len(content.records)} records", file=sys.stderr)
    graph = build_graph(content.records)
    dates = {r.id: r.data["date"] for r in content.records if isinstance(r.data.get("date"), str)}
    regions = {r.id: r.data["health_region"] for r in content.records
               if isinstance(r.data.get("health_region"), int)}
    rule = GraphFilter(args.topic, args.province, args.region, args.since, args.kind)
    graph = filter_graph(graph, rule, dates, regions)
    print(f"กราฟ {graph.number_of_nodes()} โหนด {graph.number_of_edges()} เส้น / "
          f"graph of {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", file=sys.stderr)
    try:
        write_graph(graph, output)
    except DiagramError as exc:
        print(f"kb graph: {exc}", file=sys.stderr)
        return 1
    print(f"เขียน {output} แล้ว / wrote {output}")
    return 0
