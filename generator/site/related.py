"""Related pages ("เรื่องที่เกี่ยวข้อง"): shared stakeholders, topics, tags, areas, proposals,
places and Thai text similarity, with a short reason. Deterministic: ties break by id."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..text import terms
from .index import SiteIndex

MAX_RELATED = 5
MAX_POSTING = 300  # a feature shared by more pages than this says little; skip it for candidates
FAMILIES = {  # kind of the shared neighbour → (weight, Thai reason, counted?)
    "stakeholder": (1.0, "ภาคีร่วม", True),
    "topic": (1.5, "ประเด็นเดียวกัน", False),
    "tag": (1.5, "แท็กเดียวกัน", False),
    "area": (2.0, "พื้นที่เดียวกัน", False),
    "proposal": (2.0, "ข้อเสนอเดียวกัน", False),
    "meeting": (1.0, "การประชุมเดียวกัน", False),
    "systemmap": (1.5, "แผนที่ระบบเดียวกัน", False),
    "mapnode": (2.0, "จุดคานงัดเดียวกัน", False),
    "province": (0.5, "จังหวัดเดียวกัน", False),
}
TEXT_WEIGHT = 3.0
DIRECT_WEIGHT = 1.0
DIRECT_REASON = "อ้างถึงกัน"
TEXT_REASON = "เนื้อหาใกล้เคียง"


@dataclass(frozen=True)
class Related:
    id: str
    score: float
    reason: str


def features(index: SiteIndex, record_id: str) -> set[tuple[str, str]]:
    """(kind, node) for every neighbour of the record in the graph, and the record itself."""
    graph = index.graph
    found = {(graph.nodes[n].get("kind", ""), n) for n in graph.successors(record_id)}
    found |= {(graph.nodes[n].get("kind", ""), n) for n in graph.predecessors(record_id)}
    found.add((index.records[record_id].kind, record_id))
    for kind, node in list(found):
        if kind == "mapnode":  # a system-map node stands for its map too
            found.add(("systemmap", node.partition("#")[0]))
    return {f for f in found if f[0] in FAMILIES}


class RelatedFinder:
    """Scores every pair of pages that share something, once, for the whole site."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.ids = sorted(index.records)
        self.features = {i: features(index, i) for i in self.ids}
        self.postings: dict[tuple[str, str], list[str]] = defaultdict(list)
        for i in self.ids:
            for f in self.features[i]:
                self.postings[f].append(i)
        self.vectors = tfidf({i: terms(document_text(index, i)) for i in self.ids})
        self.term_postings: dict[str, list[str]] = defaultdict(list)
        for i, vector in self.vectors.items():
            for term, _ in Counter(vector).most_common(12):
                self.term_postings[term].append(i)

    def candidates(self, record_id: str) -> set[str]:
        found: set[str] = set()
        for f in self.features[record_id]:
            if len(self.postings[f]) <= MAX_POSTING:
                found.update(self.postings[f])
        for term, _ in Counter(self.vectors[record_id]).most_common(12):
            if len(self.term_postings[term]) <= MAX_POSTING:
                found.update(self.term_postings[term])
        found.discard(record_id)
        return found

    def related(self, record_id: str) -> list[Related]:
        manual = [r for r in self.index.records[record_id].data.get("related") or []
                  if r in self.index.records and r != record_id]
        scored = [self.score(record_id, other) for other in self.candidates(record_id)]
        scored = [s for s in scored if s.score > 0.05 and s.id not in manual]
        scored.sort(key=lambda s: (-s.score, s.id))
        picked = [Related(m, math.inf, "เลือกโดยผู้เขียน") for m in manual] + scored
        return picked[:MAX_RELATED]

    def score(self, a: str, b: str) -> Related:
        """What the two pages share besides each other, weighted; a direct link counts a little."""
        pair = {f for f in self.features[a] | self.features[b] if f[1] in (a, b)}
        shared = (self.features[a] & self.features[b]) - pair
        total, parts = 0.0, []
        if any(f[1] == b for f in self.features[a]):
            total += DIRECT_WEIGHT
            parts.append(DIRECT_REASON)
        by_family = Counter(kind for kind, _ in shared)
        for kind, (weight, reason, counted) in FAMILIES.items():
            n = by_family.get(kind, 0)
            if n:
                total += weight * (1 + math.log(n))
                parts.append(f"{reason} {n} แห่ง" if counted else reason)
        text = cosine(self.vectors[a], self.vectors[b])
        if text >= 0.1:
            total += TEXT_WEIGHT * text
            parts.append(TEXT_REASON)
        return Related(b, round(total, 6), " · ".join(parts))


def document_text(index: SiteIndex, record_id: str) -> str:
    data = index.records[record_id].data
    parts = [data.get(k) for k in ("title", "summary", "statement", "body")]
    return "\n".join(str(p) for p in parts if isinstance(p, str))


def tfidf(documents: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    df: Counter[str] = Counter()
    for words in documents.values():
        df.update(set(words))
    n = len(documents) or 1
    vectors = {}
    for doc, words in documents.items():
        counts = Counter(words)
        vector = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors[doc] = {t: v / norm for t, v in vector.items()}
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def related_pages(index: SiteIndex, ids: Iterable[str] | None = None) -> dict[str, list[Related]]:
    finder = RelatedFinder(index)
    return {i: finder.related(i) for i in (ids or finder.ids)}
