"""What a record touches, for related pages: its graph neighbours (stakeholders, topics, tags,
areas, proposals, map nodes...), its health region, and for proposals, areas and maps what
they inherit from the meetings that raised, presented or addressed them."""

from __future__ import annotations

import itertools
from typing import Any

from ..graph.index import SiteIndex
from ..thai import province_by_name

FAMILIES = {  # family of a shared feature → (weight, reason in Thai: {n} shared, {name} the one)
    "stakeholder": (1.5, "ภาคีร่วม {n} แห่ง"),
    "topic": (2.0, "ประเด็นเดียวกัน"),
    "tag": (1.0, "แท็กเดียวกัน"),
    "area": (2.0, "พื้นที่ต้นแบบเดียวกัน"),
    "proposal": (2.0, "ข้อเสนอเดียวกัน"),
    "meeting": (1.5, "การประชุมเดียวกัน"),
    "systemmap": (1.0, "แผนที่ระบบเดียวกัน"),
    "mapnode": (2.0, "จุดคานงัดเดียวกัน"),
    "region": (1.0, "เขตสุขภาพที่ {name}"),
    "province": (0.75, "จ.{name}"),
}
INHERIT = frozenset({"proposal", "area", "systemmap"})  # they take their meetings' place and time


def region_of(data: dict[str, Any]) -> int | None:
    if isinstance(data.get("health_region"), int):
        return int(data["health_region"])
    info = province_by_name(data["province"]) if isinstance(data.get("province"), str) else None
    return int(info["health_region"]) if info else None


class Features:
    """(family, name) of everything a record touches: its graph neighbours, its region, and
    what it inherits from the meetings that raised, presented or addressed it. Also what the
    page links (never related) and its date."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.kind = dict(index.graph.nodes(data="kind", default=""))
        self._meetings: dict[str, list[str]] = {}

    def own(self, record_id: str) -> set[tuple[str, str]]:
        graph, kind = self.index.graph, self.kind  # (its adjacency dicts, as in linked())
        found = {(kind[n], n) for n in itertools.chain(graph._succ[record_id], graph._pred[record_id])}
        found.add((self.index.records[record_id].kind, record_id))
        for family, node in list(found):
            if family == "mapnode":  # a system-map node stands for its map too
                found.add(("systemmap", node.partition("#")[0]))
        data = self.index.records[record_id].data
        region = region_of(data)
        if region is not None:
            found.add(("region", f"region:{region}"))
        return {f for f in found if f[0] in FAMILIES}

    def meetings_of(self, record_id: str) -> list[str]:
        if record_id not in self._meetings:
            graph, kind = self.index.graph, self.kind
            near = itertools.chain(graph._succ[record_id], graph._pred[record_id])
            self._meetings[record_id] = sorted({n for n in near if kind.get(n) == "meeting"})
        return self._meetings[record_id]

    def of(self, record_id: str, own: dict[str, set[tuple[str, str]]]) -> set[tuple[str, str]]:
        found = set(own[record_id])
        if self.index.records[record_id].kind in INHERIT:
            inherited = set().union(*(own[m] for m in self.meetings_of(record_id)))
            for family in ("region", "province", "topic"):
                if not any(f[0] == family for f in found):
                    found |= {f for f in inherited if f[0] == family}
        return found

    def date(self, record_id: str) -> str:
        if self.index.records[record_id].kind not in INHERIT:
            return self.index.date_of(record_id)
        return max((self.index.date_of(m) for m in self.meetings_of(record_id)), default="")

    def linked(self, record_id: str) -> set[str]:
        """Records the page links to outside its related list (every relation but `related`)."""
        graph, records = self.index.graph, self.index.records
        found = set()  # (the graph's own adjacency dicts: its views cost more than the walk)
        for node, edges in itertools.chain(graph._succ[record_id].items(), graph._pred[record_id].items()):
            if len(edges) == 1 and "related" in edges:
                continue
            if node in records:
                found.add(node)
            elif self.kind.get(node) == "mapnode":
                found.add(node.partition("#")[0])
        return found
