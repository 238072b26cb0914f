"""The related model kept between builds: what RelatedFinder works out from every record, kept
in columns (bytes: they pickle fast) and brought up to date for the records that changed, so
an edit of one meeting costs the work of the few pages it reaches, not the whole site's.

What each of a page's inputs reads, so which change reaches it:
- its own features: its graph neighbours (links go both ways: a record whose links changed
  changes its old and new neighbours' features too) and its region;
- what proposals, areas and maps inherit: the own features and dates of their meetings;
- its links: its neighbours, and the meeting series (worked out whole: it is cheap);
- its terms: its own record's text only.
A feature's weight reads how many pages hold it, a term's weight how many pages hold the term
(both banded, similarity.banded): a change of one count moves only that feature's or term's.

The model is built anew (update() returns None) when a record comes or goes, a record changes
kind, a feature appears or is no longer held by any page (page and feature numbers would move,
and pages are numbered in id order so that comparing numbers breaks ties like comparing ids),
or when many records changed (then the full build costs less).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..graph.index import SiteIndex
from .features import INHERIT, Features
from .related import (
    FAMILY_ORDER,
    HALVES,
    LEADS,
    MAX_POSTING,
    PLACE_CANDIDATES,
    PLACES,
    RelatedFinder,
    day_number,
    feature_weights,
    top_of,
)
from .series import series_of
from .similarity import banded, document_text, idf, weighed, with_equivalents

K = TypeVar("K")
V = TypeVar("V")
MOST_CHANGED = 0.1  # of the records: past this share, the full build costs less than the updates


class Lazy(dict[K, V], Generic[K, V]):
    """A table whose values are worked out when first asked for (a page's vector, a feature's
    postings): a build after an edit reads only the few its rankings touch."""

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: K) -> V:
        value = self[key] = self.make(key)
        return value


def ints(data: bytes) -> memoryview[int]:
    return memoryview(data).cast("i")


def packed(values: Iterable[int]) -> bytes:
    return array("i", values).tobytes()


def floats_of(data: bytes) -> memoryview[float]:
    return memoryview(data).cast("d")


@dataclass
class Model:
    """RelatedFinder's inputs and numbering, one entry a page (in id order), a feature or a term."""

    ids: list[str]
    kinds: list[str]
    records: list[bytes]  # the digest of each page's record (tracking.Digests): the changed are the others
    names: list[tuple[str, str]]  # features, sorted: their numbers
    own: list[bytes]  # a page's own features (before inheriting)
    features: list[bytes]
    postings: list[bytes]  # a feature's pages, in order
    days: list[int | None]
    linked: list[bytes]
    series: dict[str, tuple[list[str], list[str]]]
    terms: list[str]  # a term's number is its place (new terms go last: only their names are compared)
    df: list[int]  # pages holding each term
    words: list[bytes]  # a page's terms, in the order they first occur in its text ...
    counts: list[bytes]  # ... and how often each occurs
    top: list[bytes]  # a page's top terms ...
    weights: list[bytes]  # ... and their weights (doubles)
    top_postings: list[bytes]  # a term's pages holding it among their top terms
    texts: list[bytes]  # a digest of each page's text: an edit that keeps it is not cut into words again


def model_of(finder: RelatedFinder, records: list[bytes]) -> Model:
    """The model of a finder built from every record."""
    number = {name: n for n, name in enumerate(finder.names)}
    term = {t: n for n, t in enumerate(finder.terms)}
    pages = range(len(finder.ids))
    top = [finder.top_terms[p] for p in pages]
    top_postings: list[list[int]] = [[] for _ in finder.terms]
    for page, terms in enumerate(top):
        for t in terms:
            top_postings[t].append(page)
    return Model(
        ids=finder.ids, kinds=finder.kinds, records=records, names=finder.names,
        own=[packed(sorted(map(number.__getitem__, finder.own[i]))) for i in finder.ids],
        features=[packed(sorted(finder.features[p])) for p in pages],
        postings=list(map(packed, finder.postings)), days=finder.days,
        linked=[packed(sorted(finder.linked[p])) for p in pages], series=finder.series,
        terms=finder.terms, df=[finder.df[t] for t in finder.terms],
        words=[packed(map(term.__getitem__, counts)) for counts in finder.counts],
        counts=[packed(counts.values()) for counts in finder.counts],
        top=list(map(packed, top)),
        weights=[array("d", map(finder.vectors[p].__getitem__, top[p])).tobytes() for p in pages],
        top_postings=list(map(packed, top_postings)),
        texts=[text_digest(document_text(finder.index, i)) for i in finder.ids])


def text_digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def vector_of(model: Model, page: int, idf_of: Callable[[int], float]) -> dict[int, float]:
    """A page's TF-IDF vector, weighed again from its kept counts (the floats of a build from nothing)."""
    return weighed(dict(zip(ints(model.words[page]), ints(model.counts[page]), strict=True)), idf_of)


def idf_table(model: Model) -> Lazy[int, float]:
    documents = banded(len(model.ids) or 1)
    return Lazy(lambda t: idf(documents, model.df[t]))


def attach(finder: RelatedFinder, model: Model, index: SiteIndex) -> None:
    """Give a finder the model's values, each worked out when first read."""
    finder.index, finder.ids, finder.kinds, finder.names = index, model.ids, model.kinds, model.names
    finder.page_of = {i: n for n, i in enumerate(model.ids)}
    finder.lead = [kind in LEADS for kind in model.kinds]
    finder.family = family = [FAMILY_ORDER[kind] for kind, _ in model.names]
    finder.features = Lazy(lambda p: frozenset(ints(model.features[p])))
    finder.others = Lazy(lambda p: finder.features[p] - {feature_number(model, model.kinds[p], model.ids[p])})
    weights: Lazy[int, tuple[float, int]] = Lazy(
        lambda f: feature_weights(family[f], len(model.postings[f]) // 4, len(model.ids)))
    finder.rarity = Lazy(lambda f: weights[f][0])
    finder.place_weight = Lazy(lambda f: weights[f][1] / HALVES)
    finder.spread = Lazy(lambda f: list(ints(model.postings[f])) * weights[f][1]
                         if spread(family[f], len(model.postings[f]) // 4) else [])
    finder.places = {f for f, kind in enumerate(family) if kind in PLACES}
    finder.place_pages = Lazy(lambda f: list(ints(model.postings[f])[:PLACE_CANDIDATES]))
    finder.days, finder.series = model.days, model.series
    finder.linked = Lazy(lambda p: frozenset(ints(model.linked[p])))
    finder.terms = model.terms
    weigh = idf_table(model)
    finder.vectors = Lazy(lambda p: vector_of(model, p, weigh.__getitem__))
    finder.top_terms = Lazy(lambda p: list(ints(model.top[p])))
    top_weight: Lazy[int, dict[int, float]] = Lazy(
        lambda p: dict(zip(ints(model.top[p]), floats_of(model.weights[p]), strict=True)))
    finder.term_postings = Lazy(lambda t: [(p, top_weight[p][t]) for p in ints(model.top_postings[t])]
                                if len(model.top_postings[t]) // 4 <= MAX_POSTING else [])


def spread(family: int, holders: int) -> bool:
    """Whether candidates are found by the feature (RelatedFinder.spread)."""
    return holders <= MAX_POSTING and family not in PLACES


def feature_number(model: Model, kind: str, node: str) -> int | None:
    at = bisect.bisect_left(model.names, (kind, node))
    return at if at < len(model.names) and model.names[at] == (kind, node) else None


@dataclass
class Changes:
    """What an update reached: pages whose values were worked out again (they may be the same),
    features whose weights or first pages changed, terms now looked up that were not or the
    other way."""

    pages: set[int]
    features: set[int]
    places: set[int]
    terms: set[int]


class Stale(Exception):
    """The model cannot be updated: build it anew."""


def update(model: Model, index: SiteIndex, changed: list[int]) -> Changes | None:
    """Bring the model up to date for the changed pages (the records whose digest changed), in
    place; None when it must be built anew (the model is then left half updated)."""
    if len(changed) > MOST_CHANGED * len(model.ids):
        return None
    try:
        if any(index.records[model.ids[p]].kind != model.kinds[p] for p in changed):
            raise Stale
        pages, features, places = update_features(model, index, changed)
        texts, terms = update_terms(model, index, changed)
    except Stale:
        return None
    return Changes(pages | texts | set(changed), features, places, terms)


class Graphed:
    """The new values of pages' graph inputs, from the current index."""

    def __init__(self, model: Model, index: SiteIndex) -> None:
        self.model, self.index = model, index
        self.page_of = {i: n for n, i in enumerate(model.ids)}
        self.features = Features(index)
        self.own: Lazy[str, set[tuple[str, str]]] = Lazy(self.features.own)

    def numbered(self, names: Iterable[tuple[str, str]]) -> bytes:
        found = []
        for kind, node in names:
            number = feature_number(self.model, kind, node)
            if number is None:  # a feature no page had: numbers would move
                raise Stale
            found.append(number)
        return packed(sorted(found))

    def neighbours(self, page: int) -> set[int]:
        """Records next to the page now, and those that were (they held its own feature)."""
        record_id, graph = self.model.ids[page], self.index.graph
        found = {self.page_of[n] for n in itertools.chain(graph._succ[record_id], graph._pred[record_id])
                 if n in self.page_of}
        own = feature_number(self.model, self.model.kinds[page], record_id)
        if own is not None:
            found.update(ints(self.model.postings[own]))
        return found

    def linked(self, page: int, series: dict[str, tuple[list[str], list[str]]]) -> bytes:
        record_id = self.model.ids[page]
        previous, following = series.get(record_id, ([], []))
        return packed(sorted(self.page_of[r] for r in self.features.linked(record_id) | {*previous, *following}
                             if r in self.page_of))


def update_features(model: Model, index: SiteIndex, changed: list[int]) -> tuple[set[int], set[int], set[int]]:
    """Own features, features, dates and links of the pages a change reaches; the postings and
    weights of the features they gained or lost."""
    new = Graphed(model, index)
    series = series_of(index)
    moved = {new.page_of[m] for m in model.series.keys() | series.keys() if model.series.get(m) != series.get(m)}
    # a link is written in the record it starts from: only a changed record's links change, and
    # with them those of its old and new neighbours (not their other neighbours')
    reached = set(changed)
    for page in changed:
        if new.numbered(new.own[model.ids[page]]) != model.own[page] or new.linked(page, series) != model.linked[page]:
            reached |= new.neighbours(page)
    heirs: set[int] = set()  # pages inheriting from a meeting whose own features or date changed
    for page in reached:
        own, links = new.numbered(new.own[model.ids[page]]), new.linked(page, series)
        if model.kinds[page] == "meeting" and (own != model.own[page] or page in changed):
            heirs |= {p for p in new.neighbours(page) if model.kinds[p] in INHERIT}
        model.own[page], model.linked[page] = own, links
    for page in moved - reached:
        model.linked[page] = new.linked(page, series)
    model.series = series
    return reached | heirs | moved, *repost(model, new, reached | heirs)


def repost(model: Model, new: Graphed, pages: set[int]) -> tuple[set[int], set[int]]:
    """Features and dates of the pages anew, and the features whose postings that moved."""
    gained: dict[int, list[int]] = {}
    lost: dict[int, list[int]] = {}
    for page in pages:
        record_id = model.ids[page]
        features = new.numbered(new.features.of(record_id, new.own))
        model.days[page] = day_number(new.features.date(record_id))
        old = set(ints(model.features[page]))
        now = set(ints(features))
        for f in now - old:
            gained.setdefault(f, []).append(page)
        for f in old - now:
            lost.setdefault(f, []).append(page)
        model.features[page] = features
    weighed, places = set(), set()
    for f in gained.keys() | lost.keys():
        before = list(ints(model.postings[f]))
        after = sorted(set(before).difference(lost.get(f, ())).union(gained.get(f, ())))
        if not after:  # no page holds it now: a build from nothing would not number it
            raise Stale
        model.postings[f] = packed(after)
        kind = FAMILY_ORDER[model.names[f][0]]
        if (feature_weights(kind, len(before), len(model.ids)), spread(kind, len(before))) != (
                feature_weights(kind, len(after), len(model.ids)), spread(kind, len(after))):
            weighed.add(f)
        if kind in PLACES and before[:PLACE_CANDIDATES] != after[:PLACE_CANDIDATES]:
            places.add(f)
    return weighed, places


def update_terms(model: Model, index: SiteIndex, changed: list[int]) -> tuple[set[int], set[int]]:
    """Counts of the changed pages' terms; vectors and top terms of every page holding a term
    whose weight moved; the terms whose looking up changed."""
    number = {t: n for n, t in enumerate(model.terms)}
    texts = {p: document_text(index, model.ids[p]) for p in changed}
    rewritten = [p for p, text in texts.items() if text_digest(text) != model.texts[p]]
    documents = with_equivalents([texts[p] for p in rewritten]) if rewritten else []  # (loads the cutter)
    recounted, moved = set(), set()
    for page, words in zip(rewritten, documents, strict=True):
        model.texts[page] = text_digest(texts[page])
        counts = Counter(words)
        for word in counts.keys() - number.keys():
            number[word] = len(model.terms)
            model.terms.append(word)
            model.df.append(0)
        terms = packed(map(number.__getitem__, counts))
        if terms == model.words[page] and packed(counts.values()) == model.counts[page]:
            continue
        before, after = set(ints(model.words[page])), set(ints(terms))
        for t, step in itertools.chain(((t, -1) for t in before - after), ((t, 1) for t in after - before)):
            if banded(model.df[t]) != banded(model.df[t] + step):
                moved.add(t)
            model.df[t] += step
        model.words[page], model.counts[page] = terms, packed(counts.values())
        recounted.add(page)
    reweighed = recounted | ({p for p, words in enumerate(model.words) if not moved.isdisjoint(ints(words))}
                             if moved else set())
    return reweighed, retop(model, reweighed, number)


def retop(model: Model, pages: set[int], number: dict[str, int]) -> set[int]:
    """Top terms and their weights of the pages anew; the terms whose looking up that changed."""
    weigh = idf_table(model)
    gained: dict[int, list[int]] = {}
    lost: dict[int, list[int]] = {}
    for page in pages:
        vector = vector_of(model, page, weigh.__getitem__)
        top = [number[t] for t in top_of({model.terms[t]: w for t, w in vector.items()})]
        old = set(ints(model.top[page]))
        for t in set(top) - old:
            gained.setdefault(t, []).append(page)
        for t in old - set(top):
            lost.setdefault(t, []).append(page)
        model.top[page] = packed(top)
        model.weights[page] = array("d", map(vector.__getitem__, top)).tobytes()
    while len(model.top_postings) < len(model.terms):
        model.top_postings.append(b"")
    flipped = set()
    for t in gained.keys() | lost.keys():
        before = list(ints(model.top_postings[t]))
        after = sorted(set(before).difference(lost.get(t, ())).union(gained.get(t, ())))
        model.top_postings[t] = packed(after)
        if looked_up(len(before)) != looked_up(len(after)):
            flipped.add(t)
    return flipped


def looked_up(holders: int) -> bool:
    return 0 < holders <= MAX_POSTING
