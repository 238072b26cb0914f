"""The system-map kind: nodes and signed links; links must join nodes of the same map."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic, nearest
from ..loader import Record
from . import Kind


def node_ids(data: dict[str, Any]) -> list[str]:
    nodes = data.get("nodes")
    if not isinstance(nodes, list):
        return []
    return [n["id"] for n in nodes if isinstance(n, dict) and isinstance(n.get("id"), str)]


def check(record: Record) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen: set[str] = set()
    for i, node_id in enumerate(node_ids(record.data)):
        if node_id in seen:
            found.append(record.diagnostic(("nodes", i, "id"), "duplicate-node",
                                           f"โหนด '{node_id}' ซ้ำในแผนที่นี้",
                                           f"node '{node_id}' appears twice in this map"))
        seen.add(node_id)
    links = record.data.get("links")
    for i, link in enumerate(links if isinstance(links, list) else []):
        for end in ("from", "to"):
            target = link.get(end) if isinstance(link, dict) else None
            if isinstance(target, str) and target not in seen:
                found.append(record.diagnostic(
                    ("links", i, end), "unknown-node",
                    f"ไม่มีโหนด '{target}' ในแผนที่ '{record.id}'",
                    f"no node '{target}' in map '{record.id}'", nearest(target, seen)))
    return found


KIND = Kind("systemmap", "systemmaps", "แผนที่ระบบ", "System maps", check=check,
            icon="material/graph-outline")
