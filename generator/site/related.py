"""Related pages ("เรื่องที่เกี่ยวข้อง"): what a reader goes on to read, with the reason in Thai.

Two pages are scored by what they share: stakeholders, topics, tags, areas, proposals, map
nodes, health region and provinces, each weighted by how rare it is (a region-wide body that
every meeting has counts little), then closeness in time and Thai text similarity. A page never
lists what it already links elsewhere (its attendees, topic, areas, proposals...). A meeting's
list is made of other meetings, proposals, model areas and system maps while there are any; its
series (the meetings it schedules next, and back) is given apart, as ครั้งก่อน / ครั้งต่อไป.
Proposals, areas and maps take the region, provinces, topics and date of the meetings that
raised, presented or addressed them when they have none of their own.

Deterministic: ties break by id.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple, Protocol, TypeVar

from ..graph.index import SiteIndex
from ..parallel import parallel_map
from .features import FAMILIES, Features
from .series import series_of
from .similarity import Weigher, banded, cosine, document_text, with_equivalents_all

MAX_RELATED = 5
MIN_RELATED = 3  # a meeting's list is filled from other kinds up to this many
LEADS = frozenset({"meeting", "proposal", "area", "systemmap"})  # what a meeting's reader reads next
MAX_POSTING = 120  # a feature shared by more pages than this says little; skip it for candidates
CANDIDATES = 25  # pages per record that get the exact score
PLACE_CANDIDATES = 200  # pages of a region or province a page sharing little else looks at
TOP_TERMS = 12
FAMILY_ORDER = {kind: n for n, kind in enumerate(FAMILIES)}
WEIGHTS, REASONS = zip(*FAMILIES.values(), strict=True)
TEXT_WEIGHT = 3.0
TEXT_MIN = 0.05  # cosine below this is noise
TEXT_REASON_MIN = 0.1  # ... and below this too faint to give as a reason
TIME_WEIGHT = 1.0
HALF_LIFE = 365.0  # days: meetings a year apart count half as close in time as the same week
TIME_REASON_WITHIN = 120  # days
TEXT, TIME = len(FAMILIES), len(FAMILIES) + 1  # places of the text and time ties after families
MAX_REASONS = 4
TEXT_REASON, TIME_REASON, MANUAL_REASON = "เนื้อหาใกล้เคียง", "ช่วงเวลาใกล้กัน", "เลือกโดยผู้เขียน"
PREVIOUS, NEXT = "ครั้งก่อน", "ครั้งต่อไป"
# sharing several places says no more than sharing the rarest of them
PLACES = frozenset({FAMILY_ORDER["region"], FAMILY_ORDER["province"]})
HALVES = 2  # candidate estimates count feature weights in halves: exact sums of ints


V_co = TypeVar("V_co", covariant=True)


class Table(Protocol[V_co]):
    """A list by number, or a table working values out when asked (related_model.Lazy)."""

    def __getitem__(self, key: int, /) -> V_co: ...


Tie = tuple[float, int, int, str]  # (weight, family or TEXT/TIME, shared count, name shown)


class Related(NamedTuple):  # (a tuple: 14,840 lists of them are kept between builds)
    id: str
    score: float
    reason: str
    role: str = ""  # "", or "previous" / "next" for a meeting's series


class RelatedFinder:
    """Ranks related pages for the whole site, like a search engine ranks documents: scores
    accumulate along posting lists of shared features and top terms, then only the best
    few candidates get the exact score and a reason. Pages, features and terms are numbered
    (pages in id order, so comparing numbers breaks ties like comparing ids): the hot loops
    work on small ints."""

    features: Table[frozenset[int]]
    others: Table[frozenset[int]]
    rarity: Table[float]
    place_weight: Table[float]
    spread: Table[list[int]]
    place_pages: Table[list[int]]
    linked: Table[frozenset[int]]
    vectors: Table[dict[int, float]]
    top_terms: Table[list[int]]
    term_postings: Table[list[tuple[int, float]]]

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.ids = sorted(index.records)
        self.page_of = {i: n for n, i in enumerate(self.ids)}
        self.kinds = [index.records[i].kind for i in self.ids]
        self.lead = [kind in LEADS for kind in self.kinds]
        features = Features(index)
        self.own = own = {i: features.own(i) for i in self.ids}
        self._number_features([features.of(i, own) for i in self.ids])
        self.days = [day_number(features.date(i)) for i in self.ids]
        self.series = series_of(index)
        self.linked = [frozenset(self.page_of[r] for r in features.linked(i) | self.series_ids(i)
                                 if r in self.page_of) for i in self.ids]
        self._weigh_terms(with_equivalents_all({i: document_text(index, i) for i in self.ids}))

    def series_ids(self, record_id: str) -> set[str]:
        previous, following = self.series.get(record_id, ([], []))
        return {*previous, *following}

    def _number_features(self, found: list[set[tuple[str, str]]]) -> None:
        names = sorted(set().union(*found))
        number = {f: n for n, f in enumerate(names)}
        self.names = names
        self.features = [frozenset(map(number.__getitem__, fs)) for fs in found]
        self.family = [FAMILY_ORDER[kind] for kind, _ in names]
        by_node: dict[str, int] = {node: n for n, (_, node) in enumerate(names)}
        own = [by_node.get(i) for i in self.ids]
        self.others = [fs - {o} for fs, o in zip(self.features, own, strict=True)]  # not the page itself
        postings: list[list[int]] = [[] for _ in names]
        for page, fs in enumerate(self.features):
            for f in fs:
                postings[f].append(page)
        self.postings = postings
        weights = [feature_weights(self.family[f], len(p), len(self.ids)) for f, p in enumerate(postings)]
        self.rarity = [rarity for rarity, _ in weights]
        halves = [h for _, h in weights]
        # each page repeated by its feature's weight in halves: one Counter sums them all;
        # places (a region, a province) are shared too widely to find candidates by: they only
        # fill in for a page that shares little else (a post imported without stakeholders)
        self.spread = [p * halves[f] if len(p) <= MAX_POSTING and self.family[f] not in PLACES else []
                       for f, p in enumerate(postings)]
        self.place_pages = {f: p[:PLACE_CANDIDATES] for f, p in enumerate(postings) if self.family[f] in PLACES}
        self.places = set(self.place_pages)
        self.place_weight = [h / HALVES for h in halves]

    def _weigh_terms(self, documents: list[list[str]]) -> None:
        """TF-IDF vectors on numbered terms, each in the order its terms first occur (so that
        cosines sum in a fixed order), and each page's top terms."""
        self.terms = list(dict.fromkeys(itertools.chain.from_iterable(documents)))
        number = {t: n for n, t in enumerate(self.terms)}
        self.counts = [Counter(words) for words in documents]  # kept by the related model
        self.df = Counter(itertools.chain.from_iterable(self.counts))
        weigh = Weigher.of(self.df, len(documents))
        vectors, top_terms = [], []
        for counts in self.counts:
            vector = weigh.counted(counts)
            vectors.append(dict(zip(map(number.__getitem__, vector), vector.values(), strict=True)))
            top_terms.append([number[t] for t in top_of(vector)])
        self.vectors, self.top_terms = vectors, top_terms
        postings: list[list[tuple[int, float]]] = [[] for _ in number]
        for page, terms in enumerate(self.top_terms):
            for term in terms:
                postings[term].append((page, self.vectors[page][term]))
        self.term_postings = [p if len(p) <= MAX_POSTING else [] for p in postings]

    def gathered(self, page: int) -> dict[int, float]:
        """A cheap accumulated score of every page sharing a feature or a top term (the same
        both ways: what page a gathers for page b, b gathers for a)."""
        halves = Counter(itertools.chain.from_iterable(map(self.spread.__getitem__, self.features[page])))
        estimate = dict(zip(halves, map((1 / HALVES).__mul__, halves.values()), strict=True))
        vector = self.vectors[page]
        for term in self.top_terms[page]:
            factor = TEXT_WEIGHT * vector[term]
            for other, value in self.term_postings[term]:
                estimate[other] = estimate.get(other, 0.0) + factor * value
        return estimate

    def estimates(self, page: int) -> dict[int, float]:
        """The pages gathered, and those of its places when it shares little with any."""
        estimate = self.gathered(page)
        if len(estimate) <= CANDIDATES:  # little in common with any page: its places fill in
            for f in sorted(self.features[page] & self.places):  # in one order: floats
                for other in self.place_pages[f]:
                    estimate[other] = estimate.get(other, 0.0) + self.place_weight[f]
        for skip in (page, *self.linked[page]):
            estimate.pop(skip, None)
        return estimate

    def related(self, record_id: str) -> list[Related]:
        page = self.page_of[record_id]
        manual = [r for r in self.index.records[record_id].data.get("related") or []
                  if r in self.page_of and r != record_id]
        estimate = self.estimates(page)
        for chosen in manual:
            estimate.pop(self.page_of[chosen], None)
        picked = [Related(m, math.inf, MANUAL_REASON) for m in manual]
        if self.kinds[page] == "meeting":
            lead = self.lead
            leads = {p: v for p, v in estimate.items() if lead[p]}
            picked += self.ranked(page, leads, MAX_RELATED - len(picked))
            if len(picked) < MIN_RELATED:
                taken = {self.page_of[r.id] for r in picked}
                rest = {p: v for p, v in estimate.items() if p not in taken}
                picked += self.ranked(page, rest, MIN_RELATED - len(picked))
        else:
            picked += self.ranked(page, estimate, MAX_RELATED - len(picked))
        return picked[:MAX_RELATED] + self.series_links(record_id)

    def ranked(self, page: int, estimate: dict[int, float], wanted: int) -> list[Related]:
        """The exact score of the best few candidates; reasons for those picked."""
        if wanted <= 0:
            return []
        scored = [(-total, other, text) for other in best(estimate, CANDIDATES)
                  for total, text in [self.total(page, other)] if total > 0.05]
        scored.sort()
        return [Related(self.ids[b], -total, reason(self.ties(page, b, text))) for total, b, text in scored[:wanted]]

    def series_links(self, record_id: str) -> list[Related]:
        previous, following = self.series.get(record_id, ([], []))
        return ([Related(i, 0.0, PREVIOUS, "previous") for i in previous]
                + [Related(i, 0.0, NEXT, "next") for i in following])

    def shared(self, a: int, b: int) -> dict[int, float]:
        """Family → the rarity of what the two pages share in it (summed; for places, the rarest)."""
        found: dict[int, list[float]] = {}
        family, rarity = self.family, self.rarity
        for f in self.others[a] & self.others[b]:
            found.setdefault(family[f], []).append(rarity[f])
        # summed exactly, so in any order (features are numbered anew when one comes or goes)
        return {kind: max(values) if kind in PLACES else math.fsum(values) for kind, values in found.items()}

    def total(self, a: int, b: int) -> tuple[float, float]:
        """The pair's score (shared features, then, when they share any, the time) with the text
        similarity; and that similarity (the reason needs it again)."""
        found = self.shared(a, b)
        total = math.fsum([WEIGHTS[f] * damped(v) for f, v in found.items()])  # exact: any order, same float
        text = cosine(self.vectors[a], self.vectors[b])
        if text >= TEXT_MIN:
            total += TEXT_WEIGHT * text
        day_a, day_b = self.days[a], self.days[b]
        if found and day_a is not None and day_b is not None:
            total += closeness(abs(day_a - day_b))
        return round(total, 6), text

    def days_apart(self, a: int, b: int) -> int | None:
        day_a, day_b = self.days[a], self.days[b]
        return abs(day_a - day_b) if day_a is not None and day_b is not None else None

    def ties(self, a: int, b: int, text: float) -> list[Tie]:
        """The parts of the score, strongest first: (weight, family, count, name shown) per
        family (the name of its rarest shared feature), then the text and the time."""
        count: dict[int, int] = {}
        rarest: dict[int, int] = {}
        for f in sorted(self.others[a] & self.others[b], key=lambda f: (-self.rarity[f], self.names[f])):
            family = self.family[f]
            count[family] = count.get(family, 0) + 1
            rarest.setdefault(family, f)
        ties = [(WEIGHTS[family] * damped(value), family, count[family], self.names[rarest[family]][1])
                for family, value in self.shared(a, b).items()]
        if text >= TEXT_MIN:
            ties.append((TEXT_WEIGHT * text, TEXT, 1, ""))
        apart = self.days_apart(a, b)
        if ties and apart is not None:
            ties.append((closeness(apart), TIME, apart, ""))
        return sorted(ties, key=lambda t: (-t[0], t[1]))


def feature_weights(family: int, holders: int, pages: int) -> tuple[float, int]:
    """A feature's rarity (the IDF of the feature over all pages, banded, at most 1: rarer
    features weigh more) and its weight in halves."""
    total = banded(pages or 1)
    rarity = math.log(1 + total / banded(holders)) / math.log(1 + total)
    return rarity, max(1, round(HALVES * WEIGHTS[family] * rarity))


def top_of(vector: dict[Any, float]) -> list[Any]:
    """The top terms: by weight, highest first, ties by term."""
    top = sorted(vector.items())  # by term, then (a stable sort) by weight, highest first
    top.sort(key=operator.itemgetter(1), reverse=True)
    return [t for t, _ in top[:TOP_TERMS]]


def closeness(days: int) -> float:
    return TIME_WEIGHT * 0.5 ** (days / HALF_LIFE)


def damped(total: float) -> float:
    """Many shared features count for more than one, but less than their sum."""
    return total if total <= 1 else 1 + math.log(total)


def day_number(value: str) -> int | None:
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


def best(estimate: dict[int, float], n: int) -> list[int]:
    """The n keys of highest value, ties by key: only keys reaching the n-th highest value
    (found by a sort of bare floats, in C) are sorted in full."""
    values = sorted(estimate.values(), reverse=True)
    if len(values) > n:
        floor = values[n - 1]
        estimate = {k: v for k, v in estimate.items() if v >= floor}
    return [k for _, k in sorted(zip(map(operator.neg, estimate.values()), estimate, strict=True))[:n]]


def reason(ties: list[Tie]) -> str:
    """The strongest ties, in words (the text and the time only when they are close)."""
    shown = [t for t in ties if (t[1] != TIME or t[2] <= TIME_REASON_WITHIN)
             and (t[1] != TEXT or t[0] >= TEXT_WEIGHT * TEXT_REASON_MIN)]
    return " · ".join(words(family, n, name) for _, family, n, name in shown[:MAX_REASONS])


def words(family: int, n: int, name: str) -> str:
    if family == TEXT:
        return TEXT_REASON
    if family == TIME:
        return TIME_REASON
    if family == FAMILY_ORDER["province"]:
        name = name.removeprefix("province:")
    if family == FAMILY_ORDER["region"]:
        name = name.removeprefix("region:")
    return REASONS[family].format(n=n, name=name)


PARALLEL_FROM = 400  # pages; below this, forking workers costs more than it saves
_finder: RelatedFinder | None = None  # read by forked workers


def related_pages(index: SiteIndex, ids: Iterable[str] | None = None) -> dict[str, list[Related]]:
    """Related pages of every record (or of ids), ranked on every core for big sites; a
    meeting's series (role previous / next) follows its related list."""
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
