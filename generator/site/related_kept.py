"""Related lists kept between builds: after an edit, only the pages whose list could change are
ranked again.

A page's list is worked out from a few things only: its own features, text vector, date,
links and series; the weights of its features and whether its top terms are too common to
look up; and, for each candidate given the exact score, that candidate's features, vector and
date. Ranking a page notes which of these it read (as the page cache does for pages,
tracking.py) and the lowest estimate a candidate had; its list is kept with a digest of their
values, and reused while the digest is the same and no changed page now gathers an estimate
that reaches that lowest one (estimates are the same both ways: a changed page's own estimate
finds every page it could now be a candidate of), nor leaves it with too few pages gathered
to go without its places. Weights come from banded counts
(similarity.banded), so an edit leaves almost every value as it was: a body edit reaches the
edited page and the pages that had it, or could now have it, among their candidates. The
lists equal a ranking from nothing, byte for byte (tests/site/test_related_kept.py).
"""

from __future__ import annotations

import hashlib
import math
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..cache import cache_dir, read_checked, write_checked
from ..graph.index import SiteIndex
from ..parallel import parallel_map
from .related import CANDIDATES, PLACES, Related, RelatedFinder
from .similarity import document_text

Dep = str  # "p" + page id, "f" + feature, "t" + term, "l" + place (its first pages)
SLACK = 1e-9  # estimates summed in another order may differ in their last bits


@dataclass
class Kept:
    key: str  # the whole content's key: equal, and the lists are the answer
    code: str
    lists: dict[str, Entry]
    pages: dict[str, bytes]  # id → digest of the page's own values, to find the pages that changed


@dataclass
class Entry:
    deps: str  # what its ranking read, joined by NUL (one string pickles far quicker than many)
    digest: bytes  # of their values then
    floor: float  # the lowest estimate a candidate had (-inf: every page it gathered was one)
    gathered: int  # pages it gathered: at most CANDIDATES, and its places fill in
    found: list[Related]


class TracedFinder(RelatedFinder):
    """The finder, noting what each ranking reads, and the digests of those values."""

    def __init__(self, index: SiteIndex) -> None:
        super().__init__(index)
        self.scored: set[int] = set()
        self.floor, self.count = math.inf, 0
        self.floors: dict[str, float] = {}  # the last build's, by page
        self.memo: dict[Dep, bytes] = {}
        self.feature_of = {f"{kind}\t{node}": n for n, (kind, node) in enumerate(self.names)}
        self.term_of = {t: n for n, t in enumerate(self.terms)}

    def total(self, a: int, b: int) -> tuple[float, float]:
        self.scored.add(b)
        return super().total(a, b)

    def gathered(self, page: int) -> dict[int, float]:
        found = super().gathered(page)
        self.count = len(found)
        return found

    def estimates(self, page: int) -> dict[int, float]:
        found = super().estimates(page)
        if self.count <= CANDIDATES:  # its places filled in: any page might count
            self.floor = -math.inf
        return found

    def ranked(self, page: int, estimate: dict[int, float], wanted: int) -> list[Related]:
        if wanted > 0:
            values = sorted(estimate.values(), reverse=True)
            self.floor = min(self.floor, values[CANDIDATES - 1] if len(values) >= CANDIDATES else -math.inf)
        return super().ranked(page, estimate, wanted)

    def traced(self, record_id: str) -> Entry:
        self.scored, self.floor = set(), math.inf
        found = self.related(record_id)
        page = self.page_of[record_id]
        deps = ["p" + record_id]
        for f in sorted(self.features[page]):
            deps.append("f" + "\t".join(self.names[f]))
            if self.family[f] in PLACES:  # read when the page shares little else
                deps.append("l" + "\t".join(self.names[f]))
        deps += ["t" + self.terms[t] for t in self.top_terms[page]]
        deps += ["p" + self.ids[b] for b in sorted(self.scored)]
        return Entry("\0".join(deps), self.digest(deps), self.floor, self.count, found)

    def reached(self, changed: list[str]) -> set[str]:
        """Pages that a changed page now gathers an estimate for that could make it a candidate."""
        return {self.ids[other] for page in changed for other, value in self.gathered(self.page_of[page]).items()
                if value >= self.floors.get(self.ids[other], -math.inf) - SLACK}

    def digest(self, deps: list[Dep]) -> bytes:
        h = hashlib.blake2b(digest_size=16)
        for dep in deps:
            if dep not in self.memo:
                self.memo[dep] = hashlib.blake2b(self.value(dep), digest_size=16).digest()
            h.update(self.memo[dep])
        return h.digest()

    def value(self, dep: Dep) -> bytes:
        """A page's own values; a feature's weight and whether it is looked up; whether a term is
        (who holds them is in the pages' own values); the first pages of a place."""
        kind, name = dep[0], dep[1:]
        if kind == "p":
            return self.page_value(name)
        if kind == "t":
            term = self.term_of.get(name)
            return b"looked up" if term is not None and self.term_postings[term] else b"not"
        feature = self.feature_of.get(name)
        if feature is None:
            return b"gone"
        if kind == "l":
            return self.pages_value(self.place_pages.get(feature, []))
        weights = (self.family[feature], self.place_weight[feature], bool(self.spread[feature]))
        return repr(weights).encode() + floats([self.rarity[feature]])

    def page_value(self, record_id: str) -> bytes:
        page = self.page_of.get(record_id)
        if page is None:
            return b"gone"
        record = self.index.records[record_id]
        manual = [r for r in record.data.get("related") or [] if r in self.page_of]
        own = (self.kinds[page], self.lead[page], sorted(map(self.names.__getitem__, self.features[page])),
               self.days[page], sorted(self.ids[p] for p in self.linked[page]), manual, self.series.get(record_id))
        # the record's text as read holds all its vector is made of (the terms, in their order)
        text = record.text if record.text is not None else document_text(self.index, record_id)
        return repr(own).encode() + text.encode() + floats(self.vectors[page].values())

    def pages_value(self, pages: list[int]) -> bytes:
        return repr([(self.ids[p], self.lead[p]) for p in pages]).encode()


def floats(values: Iterable[float]) -> bytes:
    """Floats as their exact bits (repr would cost more, for the same answer)."""
    return array("d", values).tobytes()


PARALLEL_FROM = 400  # pages to rank; below this, forking workers costs more than it saves
_finder: TracedFinder | None = None  # read by forked workers


def kept_related(index: SiteIndex, key: str, code: str,
                 say: Callable[[str], None] = lambda message: None) -> dict[str, list[Related]]:
    """Every record's related list: the last build's where nothing it read changed."""
    global _finder
    base = cache_dir()
    stored = read_checked(base / "related-lists.pickle") if base else None
    last = stored if isinstance(stored, Kept) and stored.code == code else Kept("", code, {}, {})
    if last.key == key:
        return {i: entry.found for i, entry in last.lists.items()}
    finder = _finder = TracedFinder(index)
    try:
        pages = {i: finder.digest(["p" + i]) for i in finder.ids}
        finder.floors = {i: entry.floor for i, entry in last.lists.items()}
        lists = {i: entry for i, entry in last.lists.items()
                 if i in pages and finder.digest(entry.deps.split("\0")) == entry.digest}
        changed = [i for i in finder.ids if last.pages.get(i) != pages[i]]
        # only changed pages leave a page's gathered ones: if they were enough, its places fill in
        left = len(changed) + len(last.pages.keys() - pages.keys())
        for i in [i for i, entry in lists.items() if entry.gathered - left <= CANDIDATES < entry.gathered]:
            del lists[i]
        for i in finder.reached(changed) if lists else ():  # (a cold build has none to look at)
            lists.pop(i, None)
        due = [i for i in finder.ids if i not in lists]
        say(f"related lists: {len(lists)} unchanged (kept), {len(due)} to rank")
        ranked = parallel_map(_traced, due, chunksize=64, serial=len(due) < PARALLEL_FROM)
    finally:
        _finder = None
    lists.update(zip(due, ranked, strict=True))
    if base:
        write_checked(base / "related-lists.pickle", Kept(key, code, lists, pages))
    return {i: lists[i].found for i in finder.ids}


def _traced(record_id: str) -> Entry:
    assert _finder is not None
    return _finder.traced(record_id)

