"""Related pages ("เรื่องที่เกี่ยวข้อง"): shared stakeholders, topics, tags, areas, proposals,
places and Thai text similarity, with a short reason. Deterministic: ties break by id."""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..graph.index import SiteIndex
from ..parallel import parallel_map
from ..text import terms_of_all

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
FAMILY_ORDER = {kind: n for n, kind in enumerate(FAMILIES)}
WEIGHTS, REASONS, COUNTED = zip(*FAMILIES.values(), strict=True)
HALVES = [int(2 * w) for w in WEIGHTS]  # every weight is a multiple of ½: exact sums by counting
assert [2 * w for w in WEIGHTS] == HALVES
TEXT_WEIGHT = 3.0
TEXT = len(FAMILIES)  # the text tie's place after the families
DIRECT_FACTOR = 0.5
DIRECT_REASON = "อ้างถึงกัน"
MAX_REASONS = 3
TEXT_REASON = "เนื้อหาใกล้เคียง"


Tie = tuple[float, int, int]  # (weight, family or TEXT, shared count)


@dataclass(frozen=True)
class Related:
    id: str
    score: float
    reason: str


def features(index: SiteIndex, record_id: str, kinds: dict[str, str] | None = None) -> set[tuple[str, str]]:
    """(kind, node) for every neighbour of the record in the graph, and the record itself.
    `kinds` (node → kind, for the whole graph) saves looking each node up."""
    graph = index.graph
    kind = kinds if kinds is not None else dict(graph.nodes(data="kind", default=""))
    found = {(kind[n], n) for n in itertools.chain(graph.succ[record_id], graph.pred[record_id])}
    found.add((index.records[record_id].kind, record_id))
    for family, node in list(found):
        if family == "mapnode":  # a system-map node stands for its map too
            found.add(("systemmap", node.partition("#")[0]))
    return {f for f in found if f[0] in FAMILIES}


class RelatedFinder:
    """Ranks related pages for the whole site, like a search engine ranks documents: scores
    accumulate along posting lists of shared features and top terms, then only the best
    few candidates get the exact score and a reason. Pages, features and terms are numbered
    (pages in id order, so comparing numbers breaks ties like comparing ids): the hot loops
    work on small ints."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.ids = sorted(index.records)
        self.page_of = {i: n for n, i in enumerate(self.ids)}
        kinds = dict(index.graph.nodes(data="kind", default=""))
        self._number_features([features(index, i, kinds) for i in self.ids])
        self._weigh_terms(list(terms_of_all({i: document_text(index, i) for i in self.ids}).values()))

    def _number_features(self, found: list[set[tuple[str, str]]]) -> None:
        names = sorted(set().union(*found))
        number = {f: n for n, f in enumerate(names)}
        self.features = [frozenset(map(number.__getitem__, fs)) for fs in found]
        self.family = [FAMILY_ORDER[kind] for kind, _ in names]
        by_node: dict[str, set[int]] = defaultdict(set)
        for n, (_, node) in enumerate(names):
            by_node[node].add(n)
        self.own = [frozenset(by_node.get(i, ())) for i in self.ids]  # the page's own node
        self.others = [fs - own for fs, own in zip(self.features, self.own, strict=True)]
        postings: list[list[int]] = [[] for _ in names]
        for page, fs in enumerate(self.features):
            for f in fs:
                postings[f].append(page)
        # each page repeated by its feature's weight in halves: one Counter sums them all
        self.spread = [p * HALVES[self.family[f]] if len(p) <= MAX_POSTING else []
                       for f, p in enumerate(postings)]

    def _weigh_terms(self, documents: list[list[str]]) -> None:
        """TF-IDF vectors on numbered terms, each in the order its terms first occur (so that
        cosines sum in a fixed order), and each page's top terms."""
        number = {t: n for n, t in enumerate(dict.fromkeys(itertools.chain.from_iterable(documents)))}
        weigh = Weigher(documents)
        self.vectors, self.top_terms = [], []
        for words in documents:
            vector = weigh(words)
            self.vectors.append(dict(zip(map(number.__getitem__, vector), vector.values(), strict=True)))
            top = sorted(vector.items())  # by term, then (a stable sort) by weight, highest first
            top.sort(key=operator.itemgetter(1), reverse=True)
            self.top_terms.append([number[t] for t, _ in top[:TOP_TERMS]])
        postings: list[list[tuple[int, float]]] = [[] for _ in number]
        for page, terms in enumerate(self.top_terms):
            for term in terms:
                postings[term].append((page, self.vectors[page][term]))
        self.term_postings = [p if len(p) <= MAX_POSTING else [] for p in postings]

    def candidates(self, page: int) -> list[int]:
        """The few pages most likely to score best, by a cheap accumulated estimate."""
        halves = Counter(itertools.chain.from_iterable(map(self.spread.__getitem__, self.features[page])))
        estimate = dict(zip(halves, map(0.5.__mul__, halves.values()), strict=True))
        vector = self.vectors[page]
        for term in self.top_terms[page]:
            factor = TEXT_WEIGHT * vector[term]
            for other, value in self.term_postings[term]:
                estimate[other] = estimate.get(other, 0.0) + factor * value
        estimate.pop(page, None)
        return best(estimate, CANDIDATES)

    def related(self, record_id: str) -> list[Related]:
        manual = [r for r in self.index.records[record_id].data.get("related") or []
                  if r in self.index.records and r != record_id]
        page, skip = self.page_of[record_id], {self.page_of[m] for m in manual}
        scored = []
        for other in self.candidates(page):
            ties = self.ties(page, other)
            total = self.total(page, other, ties)
            if total > 0.05 and other not in skip:
                scored.append((-total, other, ties))
        scored.sort(key=lambda s: s[:2])
        picked = [Related(m, math.inf, "เลือกโดยผู้เขียน") for m in manual]
        picked += [Related(self.ids[b], -total, reason(ties)) for total, b, ties in scored[:MAX_RELATED]]
        return picked[:MAX_RELATED]

    def ties(self, a: int, b: int) -> list[Tie]:
        """What the two pages share besides each other: (weight, family, count) in FAMILIES
        order, then the text."""
        shared = self.others[a] & self.others[b]
        counts: dict[int, int] = {}
        for f in shared:
            counts[self.family[f]] = counts.get(self.family[f], 0) + 1
        ties = [(WEIGHTS[f] * (1 + math.log(n)), f, n) for f, n in sorted(counts.items())]
        text = cosine(self.vectors[a], self.vectors[b])
        if text >= 0.1:
            ties.append((TEXT_WEIGHT * text, TEXT, 1))
        return ties

    def total(self, a: int, b: int, ties: list[Tie]) -> float:
        """Pages already linked from this one count for less: the reader has them already,
        related pages are for what they would not find."""
        total = sum(value for value, _, _ in ties)
        if not self.own[b].isdisjoint(self.features[a]):
            total *= DIRECT_FACTOR
        return round(total, 6)


def best(estimate: dict[int, float], n: int) -> list[int]:
    """The n keys of highest value, ties by key: only keys reaching the n-th highest value
    (found by a sort of bare floats, in C) are sorted in full."""
    values = sorted(estimate.values(), reverse=True)
    if len(values) > n:
        floor = values[n - 1]
        estimate = {k: v for k, v in estimate.items() if v >= floor}
    return [k for _, k in sorted(zip(map(operator.neg, estimate.values()), estimate, strict=True))[:n]]


def reason(ties: list[Tie]) -> str:
    """The strongest ties, in words."""
    ranked = sorted(ties, key=lambda tie: -tie[0])[:MAX_REASONS]
    return " · ".join(words(f, n) for _, f, n in ranked) or DIRECT_REASON


def words(family: int, n: int) -> str:
    if family == TEXT:
        return TEXT_REASON
    return f"{REASONS[family]} {n} แห่ง" if COUNTED[family] else REASONS[family]


def document_text(index: SiteIndex, record_id: str) -> str:
    data = index.records[record_id].data
    parts = [data.get(k) for k in ("title", "summary", "statement", "body")]
    return "\n".join(str(p) for p in parts if isinstance(p, str))


class Weigher:
    """TF-IDF weights over a set of documents, normalised to unit length. Each weight is
    (1 + log count) · log(1 + documents / documents with the term), one table look-up each."""

    def __init__(self, documents: list[list[str]]) -> None:
        df = Counter(itertools.chain.from_iterable(map(set, documents)))
        n = len(documents) or 1
        self.idf = {t: math.log(1 + n / d) for t, d in df.items()}
        most = max(map(len, documents), default=0)  # no count is higher
        self.tf = [0.0] + [1 + math.log(c) for c in range(1, most + 1)]

    def __call__(self, words: list[str]) -> dict[str, float]:
        counts = Counter(words)
        values = list(map(operator.mul, map(self.tf.__getitem__, counts.values()), map(self.idf.__getitem__, counts)))
        norm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
        return dict(zip(counts, map(norm.__rtruediv__, values), strict=True))


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Summed over the shorter vector's shared terms in its order: the same float every time."""
    if len(a) > len(b):
        a, b = b, a
    shared = list(filter(b.__contains__, a))
    return sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


PARALLEL_FROM = 400  # pages; below this, forking workers costs more than it saves
_finder: RelatedFinder | None = None  # read by forked workers


def related_pages(index: SiteIndex, ids: Iterable[str] | None = None) -> dict[str, list[Related]]:
    """Related pages of every record (or of ids), ranked on every core for big sites."""
    global _finder
    finder = RelatedFinder(index)
    wanted = list(ids or finder.ids)
    _finder = finder
    try:
        ranked = parallel_map(_related_of, wanted, chunksize=64, serial=len(wanted) < PARALLEL_FROM)
        return dict(zip(wanted, ranked, strict=True))
    finally:
        _finder = None


def _related_of(record_id: str) -> list[Related]:
    assert _finder is not None
    return _finder.related(record_id)
