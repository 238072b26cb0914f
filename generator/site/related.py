"""Related pages ("เรื่องที่เกี่ยวข้อง"): shared stakeholders, topics, tags, areas, proposals,
places and Thai text similarity, with a short reason. Deterministic: ties break by id."""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..text import terms_of_all
from .index import SiteIndex

MAX_RELATED = 5
MAX_POSTING = 120  # a feature shared by more pages than this says little; skip it for candidates
CANDIDATES = 25  # pages per record that get the exact score
TOP_TERMS = 12
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
DIRECT_FACTOR = 0.5
DIRECT_REASON = "อ้างถึงกัน"
MAX_REASONS = 3
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
    """Ranks related pages for the whole site, like a search engine ranks documents: scores
    accumulate along posting lists of shared features and top terms, then only the best
    few candidates get the exact score and a reason."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.ids = sorted(index.records)
        self.features = {i: features(index, i) for i in self.ids}
        self.postings: dict[tuple[str, str], list[str]] = defaultdict(list)
        for i in self.ids:
            for f in self.features[i]:
                self.postings[f].append(i)
        self.vectors = tfidf(terms_of_all({i: document_text(index, i) for i in self.ids}))
        self.top_terms = {i: sorted(v, key=lambda t: (-v[t], t))[:TOP_TERMS] for i, v in self.vectors.items()}
        self.term_postings: dict[str, list[str]] = defaultdict(list)
        for i, top in self.top_terms.items():
            for term in top:
                self.term_postings[term].append(i)

    def candidates(self, record_id: str) -> list[str]:
        """The few pages most likely to score best, by a cheap accumulated estimate."""
        estimate: dict[str, float] = defaultdict(float)
        for f in self.features[record_id]:
            posting = self.postings[f]
            if len(posting) <= MAX_POSTING:
                for other in posting:
                    estimate[other] += FAMILIES[f[0]][0]
        vector = self.vectors[record_id]
        for term in self.top_terms[record_id]:
            posting = self.term_postings[term]
            if len(posting) <= MAX_POSTING:
                for other in posting:
                    estimate[other] += TEXT_WEIGHT * vector[term] * self.vectors[other][term]
        estimate.pop(record_id, None)
        ranked = heapq.nsmallest(CANDIDATES, estimate.items(), key=lambda kv: (-kv[1], kv[0]))
        return [other for other, _ in ranked]

    def related(self, record_id: str) -> list[Related]:
        manual = [r for r in self.index.records[record_id].data.get("related") or []
                  if r in self.index.records and r != record_id]
        scored = [self.score(record_id, other) for other in self.candidates(record_id)]
        scored = [s for s in scored if s.score > 0.05 and s.id not in manual]
        scored.sort(key=lambda s: (-s.score, s.id))
        picked = [Related(m, math.inf, "เลือกโดยผู้เขียน") for m in manual] + scored
        return picked[:MAX_RELATED]

    def score(self, a: str, b: str) -> Related:
        """What the two pages share besides each other, weighted; the reason names the
        strongest ties. Pages already linked from this one count for less: the reader has
        them already, related pages are for what they would not find."""
        shared = {f for f in self.features[a] & self.features[b] if f[1] not in (a, b)}
        ties: list[tuple[float, str]] = []
        by_family = Counter(kind for kind, _ in shared)
        for kind, (weight, reason, counted) in FAMILIES.items():
            n = by_family.get(kind, 0)
            if n:
                ties.append((weight * (1 + math.log(n)), f"{reason} {n} แห่ง" if counted else reason))
        text = cosine(self.vectors[a], self.vectors[b])
        if text >= 0.1:
            ties.append((TEXT_WEIGHT * text, TEXT_REASON))
        total = sum(value for value, _ in ties)
        if any(f[1] == b for f in self.features[a]):
            total *= DIRECT_FACTOR
        ties.sort(key=lambda tie: -tie[0])
        reason = " · ".join(r for _, r in ties[:MAX_REASONS]) or DIRECT_REASON
        return Related(b, round(total, 6), reason)


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
