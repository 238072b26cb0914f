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

The model is kept too (related_model.py). When the set of records is the same, it is updated
for the records whose digest changed, and the update says what moved: the pages whose values
it worked out again (only those whose digest then differs count as changed), the features
whose weight or first pages moved, the terms whose looking up did; the lists to rank again are
those reading one of these (a page's own features and top terms are in its own values, its
scored pages in its column), with no digest over every list. Otherwise the model is built
from every record and each kept list's digest is checked.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..cache import cache_dir, read_checked, write_checked
from ..graph.index import SiteIndex
from ..parallel import parallel_map
from .related import CANDIDATES, PLACES, Related, RelatedFinder
from .related_model import Model, attach, ints, model_of, packed, update
from .similarity import document_text
from .tracking import Digests

Dep = str  # "p" + page id, "f" + feature, "t" + term, "l" + place (its first pages)
SLACK = 1e-9  # estimates summed in another order may differ in their last bits
FILE = "related-lists.pickle"


@dataclass
class Kept:
    """The last build's lists, in columns by page (in id order: the model's numbering)."""

    key: str  # the whole content's key: equal, and the lists are the answer
    code: str
    ids: list[str]
    found: list[bytes]  # each list, encoded (Found): 14,840 lists of tuples pickle slowly
    scored: list[bytes]  # the pages each ranking gave the exact score
    digests: list[bytes]  # of the values each ranking read (TracedFinder.deps), then
    floors: list[float]  # the lowest estimate a candidate had (-inf: every page it gathered was one)
    gathered: list[int]  # pages it gathered: at most CANDIDATES, and its places fill in
    pages: list[bytes]  # digest of each page's own values, to find the pages that changed
    model: Model
    reasons: list[str]  # the reasons the lists give, numbered


@dataclass
class Entry:
    scored: bytes
    digest: bytes
    floor: float
    gathered: int
    found: list[Related]


class TracedFinder(RelatedFinder):
    """The finder (from every record, or from a kept model), noting what each ranking reads,
    and the digests of those values."""

    def __init__(self, index: SiteIndex, model: Model | None = None) -> None:
        if model is None:
            super().__init__(index)
        else:
            attach(self, model, index)
        self.scored: set[int] = set()
        self.floor, self.count = math.inf, 0
        self.floors: list[float] = []  # the last build's, by page
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
        deps = self.deps(page, [self.ids[b] for b in sorted(self.scored)])
        return Entry(packed(sorted(self.scored)), self.digest(deps), self.floor, self.count, found)

    def deps(self, page: int, scored: list[str]) -> list[Dep]:
        """What ranking the page read: its own values (they hold its features and top terms,
        so while they are the same so are these), its features' weights, its places' first
        pages, whether its top terms are looked up, and the values of the pages it scored."""
        deps = ["p" + self.ids[page]]
        names = self.feature_deps
        for f in sorted(self.features[page]):
            deps += names[f]  # its weight, and its first pages for a place (read when the page shares little else)
        deps += ["t" + self.terms[t] for t in self.top_terms[page]]
        return deps + ["p" + i for i in scored]

    @functools.cached_property
    def feature_deps(self) -> list[tuple[str, ...]]:
        """Each feature's deps, named once (not once per page that has it)."""
        return [("f" + name, "l" + name) if self.family[f] in PLACES else ("f" + name,)
                for f, name in enumerate("\t".join(names) for names in self.names)]

    def reached(self, changed: Iterable[int]) -> set[int]:
        """Pages that a changed page now gathers an estimate for that could make it a candidate."""
        floors = self.floors
        return {other for page in changed for other, value in self.gathered(page).items()
                if value >= floors[other] - SLACK}

    def digest(self, deps: list[Dep]) -> bytes:
        """The deps' values' digests, joined and hashed (as one update each would hash them)."""
        memo = self.memo
        for dep in [dep for dep in deps if dep not in memo]:
            memo[dep] = hashlib.blake2b(self.value(dep), digest_size=16).digest()
        return hashlib.blake2b(b"".join(map(memo.__getitem__, deps)), digest_size=16).digest()

    def own_digest(self, record_id: str) -> bytes:
        """The digest of a page's own values, as its rankings' digests read it (kept by page)."""
        dep = "p" + record_id
        found = self.memo.get(dep)
        if found is None:
            found = self.memo[dep] = hashlib.blake2b(self.page_value(record_id), digest_size=16).digest()
        return found

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
            return self.pages_value(self.place_pages[feature] if feature in self.places else [])
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
Say = Callable[[str], None]


def kept_related(index: SiteIndex, key: str, code: str, say: Say = lambda message: None,
                 digests: Digests | None = None) -> dict[str, list[Related]]:
    """Every record's related list: the last build's where nothing it read changed. The
    model comes from the last build's too, updated for the records whose digest changed
    (digests: the build's, which has them all already)."""
    global _finder
    base = cache_dir()
    stored = read_checked(base / FILE) if base else None
    last = stored if isinstance(stored, Kept) and stored.code == code else None
    if last is not None and last.key == key:
        return Found(last).lists()
    ids = sorted(index.records)
    records = record_digests(digests or Digests(index), ids)
    try:
        kept = updated(last, index, records, say) if last is not None and last.ids == ids else None
        kept = kept or rebuilt(last, index, records, say)
    finally:
        _finder = None
    kept.key, kept.code = key, code
    if base:
        write_checked(base / FILE, kept)
    return Found(kept).lists()


def record_digests(digests: Digests, ids: list[str]) -> list[bytes]:
    return [digests.digest_of(("record", i)) for i in ids]  # (the build asked for every record's already)


def updated(last: Kept, index: SiteIndex, records: list[bytes], say: Say) -> Kept | None:
    """The last build's lists and model, updated for the records that changed; None when the
    model must be built anew."""
    global _finder
    model = last.model
    changes = update(model, index, [p for p, (a, b) in enumerate(zip(model.records, records, strict=True)) if a != b])
    if changes is None:
        return None
    model.records = records
    finder = _finder = TracedFinder(index, model)
    changed = set()
    for page in sorted(changes.pages):
        digest = finder.own_digest(model.ids[page])
        if digest != last.pages[page]:
            changed.add(page)
            last.pages[page] = digest
    # the update worked out again every page whose values could move: the rest are as kept,
    # and the rankings below read their digests instead of working their values out again
    finder.memo.update(zip(["p" + i for i in model.ids], last.pages, strict=True))
    due = set(changed)
    for f in changes.features | changes.places:  # its holders read its weight and first pages
        due.update(ints(model.postings[f]))
    for t in changes.terms:
        due.update(ints(model.top_postings[t]))
    if changed:
        due.update(p for p, scored in enumerate(last.scored) if not changed.isdisjoint(ints(scored)))
        finder.floors = last.floors
        due |= finder.reached(changed)
        # only changed pages leave a page's gathered ones: if they were enough, its places fill in
        due.update(p for p, count in enumerate(last.gathered) if count - len(changed) <= CANDIDATES < count)
    ranked = rank(finder, sorted(due), say)
    columns = Found(last)
    for page, entry in zip(sorted(due), ranked, strict=True):
        set_entry(columns, page, entry)
    return last


def rebuilt(last: Kept | None, index: SiteIndex, records: list[bytes], say: Say) -> Kept:
    """The model from every record; the last build's lists kept where nothing they read changed."""
    global _finder
    finder = _finder = TracedFinder(index)
    ids = finder.ids
    pages = [finder.own_digest(i) for i in ids]
    old = dict(zip(last.ids, range(len(last.ids)), strict=True)) if last else {}
    kept = {}  # page → its list's place in the last build's columns
    if last is not None:
        for i, n in old.items():
            page = finder.page_of.get(i)
            if page is not None and finder.digest(finder.deps(page, [last.ids[b] for b in ints(last.scored[n])])) \
                    == last.digests[n]:
                kept[page] = n
        changed = [p for p, i in enumerate(ids) if i not in old or last.pages[old[i]] != pages[p]]
        left = len(changed) + len(old.keys() - finder.page_of.keys())
        kept = {p: n for p, n in kept.items() if not last.gathered[n] - left <= CANDIDATES < last.gathered[n]}
        finder.floors = [last.floors[old[i]] if i in old else -math.inf for i in ids]
        for page in finder.reached(changed) if kept else ():  # (a cold build has none to look at)
            kept.pop(page, None)
    due = [p for p in range(len(ids)) if p not in kept]
    ranked = dict(zip(due, rank(finder, due, say), strict=True))
    fresh = Found(Kept("", "", ids, [], [], [], [], [], pages, model_of(finder, records), []))
    old_lists = Found(last) if last is not None else None
    for page in range(len(ids)):
        if page in ranked:
            set_entry(fresh, page, ranked[page], append=True)
        else:
            assert last is not None and old_lists is not None
            n = kept[page]
            scored = last.scored[n] if last.ids == ids else packed(sorted(
                finder.page_of[last.ids[b]] for b in ints(last.scored[n])))
            found = old_lists.decoded(last.found[n])
            set_entry(fresh, page, Entry(scored, last.digests[n], last.floors[n], last.gathered[n], found),
                      append=True)
    return fresh.kept


def set_entry(lists: Found, page: int, entry: Entry, append: bool = False) -> None:
    kept = lists.kept
    columns = (kept.scored, kept.digests, kept.floors, kept.gathered, kept.found)
    found = lists.encoded(entry.found)
    for column, value in zip(columns, (entry.scored, entry.digest, entry.floor, entry.gathered, found),
                             strict=True):
        if append:
            column.append(value)  # type: ignore[attr-defined]
        else:
            column[page] = value  # type: ignore[index]


ROLES = ("", "previous", "next")


class Found:
    """A Kept's lists, each kept as bytes: its scores (doubles), then page, reason and role
    numbers (ints). Made once a build (the numbering tables are not pickled)."""

    make = functools.partial(tuple.__new__, Related)

    def __init__(self, kept: Kept) -> None:
        self.kept = kept
        self.page_of = {i: n for n, i in enumerate(kept.ids)}
        self.number = {r: n for n, r in enumerate(kept.reasons)}

    def encoded(self, found: list[Related]) -> bytes:
        reasons, number = self.kept.reasons, self.number
        for related in found:
            if related.reason not in number:
                number[related.reason] = len(reasons)
                reasons.append(related.reason)
        page_of = self.page_of
        return array("d", [r.score for r in found]).tobytes() + packed(itertools.chain.from_iterable(
            (page_of[r.id], number[r.reason], ROLES.index(r.role)) for r in found))

    def decoded(self, data: bytes) -> list[Related]:
        return self.items([data], [len(data) // 20])

    def items(self, found: list[bytes], sizes: list[int]) -> list[Related]:
        """The lists' items, one after another: their scores and numbers joined, then read
        together (tuple.__new__ is Related._make less its Python call)."""
        scores = memoryview(b"".join([d[:8 * n] for d, n in zip(found, sizes, strict=True)])).cast("d")
        rest = memoryview(b"".join([d[8 * n:] for d, n in zip(found, sizes, strict=True)])).cast("i")
        ids, reasons = self.kept.ids, self.kept.reasons
        columns = zip(map(ids.__getitem__, rest[0::3]), scores, map(reasons.__getitem__, rest[1::3]),
                      map(ROLES.__getitem__, rest[2::3]), strict=True)
        return list(map(self.make, columns))

    def lists(self) -> dict[str, list[Related]]:
        sizes = [len(d) // 20 for d in self.kept.found]
        items = self.items(self.kept.found, sizes)
        found, at = {}, 0
        for i, n in zip(self.kept.ids, sizes, strict=True):
            found[i] = items[at:at + n]
            at += n
        return found


def rank(finder: TracedFinder, pages: list[int], say: Say) -> list[Entry]:
    say(f"related lists: {len(finder.ids) - len(pages)} unchanged (kept), {len(pages)} to rank")
    wanted = [finder.ids[p] for p in pages]
    return parallel_map(_traced, wanted, chunksize=64, serial=len(wanted) < PARALLEL_FROM)


def _traced(record_id: str) -> Entry:
    assert _finder is not None
    return _finder.traced(record_id)
