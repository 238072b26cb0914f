"""kb map SYSTEMMAP -o FILE.{svg,png,pdf,dot}: a system map for print or slides."""

from __future__ import annotations

import argparse
import sys

from ..graph.diagrams import DiagramError, inline_svg, render, systemmap_dot
from ..records.drafts import drawable
from . import output_and_content

FORMATS = (".svg", ".png", ".pdf", ".dot")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("map", help="วาดแผนที่ระบบ / render a system map")
    p.add_argument("systemmap", help="id of the system map (content/systemmaps/<id>.yaml)")
    p.add_argument("-o", "--output", required=True, help="FILE.svg, .png, .pdf (A4 landscape) or .dot")
    p.add_argument("--content", default="content", help="content folder (default: content)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ready = output_and_content(args, FORMATS, drafts=True)  # one map asked for by id: a draft too
    if ready is None:
        return 1
    output, content = ready
    from ..cli import UsageError

    maps = {r.id: r for r in content.of_kind("systemmap")}
    if args.systemmap not in maps:
        known = ", ".join(sorted(maps)) or "-"
        raise UsageError(f"ไม่พบแผนที่ระบบ '{args.systemmap}' / no system map '{args.systemmap}' "
                         f"(มี / known: {known})")
    fmt = output.suffix.lower()[1:]
    dot = systemmap_dot(drawable(maps[args.systemmap]), print_a4=fmt == "pdf")
    try:
        data = dot.encode("utf-8") if fmt == "dot" else render(dot, fmt)
    except DiagramError as exc:
        print(f"kb map: {exc}", file=sys.stderr)
        return 1
    if fmt == "svg":
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + inline_svg(data)).encode("utf-8")
    output.write_bytes(data)
    print(f"เขียน {output} แล้ว ({len(data):,} ไบต์) / wrote {output} ({len(data):,} bytes)")
    return 0
