"""The record kinds in one registry table: folder, Thai and English labels, the field that
orders records newest first, the icon, and the kind's own checks beyond its schema.

Adding a kind = one row here + one schema in schemas/ + one fixture in the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from .diagnostics import Diagnostic, nearest
from .load import Record

Check = Callable[[Record], list[Diagnostic]]


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    label_th: str
    label_en: str
    check: Check | None = None
    date_field: str | None = None  # the field that orders records newest first
    icon: str = "material/file-document-outline"


def node_ids(data: dict[str, Any]) -> list[str]:
    """A system map's node ids, in the order written."""
    nodes = data.get("nodes")
    if not isinstance(nodes, list):
        return []
    return [n["id"] for n in nodes if isinstance(n, dict) and isinstance(n.get("id"), str)]


def check_systemmap(record: Record) -> list[Diagnostic]:
    """Node ids are unique within a map, and links join nodes of the same map."""
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


KINDS = (  # in the order the site presents them
    Kind("meeting", "meetings", "การประชุม", "Meetings", date_field="date", icon="material/account-group"),
    Kind("area", "areas", "พื้นที่ต้นแบบ", "Model areas", icon="material/map-marker-radius"),
    Kind("stakeholder", "stakeholders", "ภาคี", "Stakeholders", icon="material/account-network"),
    Kind("proposal", "proposals", "ข้อเสนอเชิงนโยบาย", "Policy proposals", icon="material/lightbulb-on-outline"),
    Kind("systemmap", "systemmaps", "แผนที่ระบบ", "System maps", check=check_systemmap,
         icon="material/graph-outline"),
    Kind("topic", "topics", "ประเด็น", "Topics", icon="material/tag-multiple"),
)


@cache
def kinds() -> dict[str, Kind]:
    """Kind name → Kind, in the order the site presents them."""
    return {kind.name: kind for kind in KINDS}


@cache
def folders() -> dict[str, str]:
    """Content folder → kind name."""
    return {kind.folder: kind.name for kind in kinds().values()}
