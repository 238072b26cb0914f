"""What a page read while it was rendered, so its cached HTML is reused only while all of it
is unchanged (a verifying trace, as build systems like Shake keep).

A record page sees the site only through `TrackedIndex`: every read of a record, of a node's
links, of a tag, a province, a metric or a network edge is noted as a dependency. Anything a
page could read that is not noted would make the cache serve stale pages, so the tracked index
offers only these reads (others raise AttributeError) and tests compare warm builds with
cold ones byte for byte.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any

from ..graph.index import SiteIndex, Tag
from ..records.load import Record

Dep = tuple[str, ...]


class TrackedMapping(Mapping[str, Any]):
    """A read-only view of one of the index's tables that notes each key it is asked for."""

    def __init__(self, table: Mapping[Any, Any], kind: str, deps: set[Dep]) -> None:
        self.table, self.kind, self.deps = table, kind, deps

    def __getitem__(self, key: Any) -> Any:
        self.deps.add((self.kind, key))
        return self.table[key]

    def __contains__(self, key: object) -> bool:
        self.deps.add((self.kind, key))  # type: ignore[arg-type]
        return key in self.table

    def __iter__(self) -> Iterator[Any]:
        raise TypeError("a page may not list a whole index table: its cache key could not cover it")

    def __len__(self) -> int:
        raise TypeError("a page may not count a whole index table: its cache key could not cover it")


class TrackedGraph:
    """The few graph reads pages make: a node's attributes and its incoming links."""

    def __init__(self, graph: Any, deps: set[Dep]) -> None:
        self._graph, self.deps = graph, deps
        self.nodes = TrackedMapping(graph.nodes, "node", deps)

    def __contains__(self, node: str) -> bool:
        self.deps.add(("node", node))
        return node in self._graph

    def in_edges(self, node: str, keys: bool = False) -> Any:
        self.deps.add(("links", node))
        return self._graph.in_edges(node, keys=keys)


class TrackedNetwork:
    def __init__(self, network: Any, deps: set[Dep]) -> None:
        self._network, self.deps = network, deps

    def has_edge(self, a: str, b: str) -> bool:
        self.deps.add(("edge", *sorted((a, b))))
        return bool(self._network is not None and self._network.has_edge(a, b))


class TrackedIndex:
    """The SiteIndex as record pages see it, noting what they read."""

    def __init__(self, index: SiteIndex) -> None:
        self._index = index
        self.deps: set[Dep] = set()
        self.records = TrackedMapping(index.records, "record", self.deps)
        self.tags = TrackedMapping(index.tags, "tag", self.deps)
        self.by_province = TrackedMapping(index.by_province, "province", self.deps)
        self.diagrams = TrackedMapping(index.diagrams, "diagram", self.deps)
        self.media = TrackedMapping(index.media, "media", self.deps)
        self.drafts = TrackedMapping(index.drafts, "draft", self.deps)
        self.graph = TrackedGraph(index.graph, self.deps)

    @cached_property
    def metrics(self) -> TrackedMapping:  # (the network is read from the cache only when a page reads it)
        return TrackedMapping(self._index.metrics, "metric", self.deps)

    @cached_property
    def network(self) -> TrackedNetwork:
        return TrackedNetwork(self._index.network, self.deps)

    def _read(self, ids: Iterable[str]) -> None:
        self.deps.update(("record", i) for i in ids)

    def _heads(self, ids: Iterable[str]) -> None:
        """Only what links and listings show was read (SiteIndex.head_of): a body edit leaves
        the pages that list the record as they were."""
        self.deps.update(("head", i) for i in ids)

    def has(self, record_id: str) -> bool:
        self.deps.add(("head", record_id))
        return self._index.has(record_id)

    def kind_of(self, record_id: str) -> str:
        self.deps.add(("head", record_id))
        return self._index.kind_of(record_id)

    def summary_of(self, record_id: str) -> str:
        self.deps.add(("head", record_id))
        return self._index.summary_of(record_id)

    def url_of(self, record_id: str) -> str:
        self.deps.add(("head", record_id))
        return self._index.url_of(record_id)

    def title_of(self, record_id: str) -> str:
        self.deps.add(("head", record_id))
        return self._index.title_of(record_id)

    def date_of(self, record_id: str) -> str:
        self.deps.add(("head", record_id))
        return self._index.date_of(record_id)

    def fields_of(self, record_id: str, names: tuple[str, ...]) -> tuple[Any, ...]:
        self.deps.add(("fields", record_id, *names))
        return self._index.fields_of(record_id, names)

    def ordered(self, ids: Iterable[str]) -> list[str]:
        ids = list(ids)
        self._heads(ids)
        return self._index.ordered(ids)

    def linked(self, record_id: str, relation: str, incoming: bool = False) -> list[str]:
        self.deps.add(("links", record_id))
        found = self._index.linked(record_id, relation, incoming)
        self._heads(found)
        return found

    def neighbours(self, record_id: str, relations: tuple[str, ...]) -> set[str]:
        self.deps.add(("links", record_id))
        found = self._index.neighbours(record_id, relations)
        self._heads(found)
        return found

    def tags_of(self, record: Record) -> list[Tag]:
        self._read([record.id])
        found = self._index.tags_of(record)
        self.deps.update(("tag", t.key) for t in found)
        return found


PageIndex = SiteIndex | TrackedIndex  # what page code reads the site through


class Digests:
    """The current value of each dependency, as a short hash, computed once per build."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index
        self.memo: dict[Dep, bytes] = {}

    def of(self, deps: Iterable[Dep]) -> str:
        """One hash of the values' hashes in order (the content's key, the network page's)."""
        return hashlib.blake2b(self.joined(tuple(deps)), digest_size=16).hexdigest()

    def digest_of(self, dep: Dep) -> bytes:
        """The hash of one thing's value (once per build)."""
        found = self.memo.get(dep)
        if found is None:
            found = self.memo[dep] = self.digest(dep)
        return found

    def joined(self, deps: tuple[Dep, ...]) -> bytes:
        """The hashes of these things' values, in their order, joined."""
        return b"".join(map(self.digest_of, deps))

    def digest(self, dep: Dep) -> bytes:
        record = self.index.records.get(dep[1]) if dep[0] == "record" else None
        if record is not None and record.text is not None:  # its data is read from this text
            data = f"{record.kind}\0{record.text}".encode()
        else:  # repr, not pickle: equal values always print alike, whatever objects they share
            data = repr(self.value(dep)).encode()
        return hashlib.blake2b(data, digest_size=16).digest()

    def value(self, dep: Dep) -> Any:
        kind, key = dep[0], dep[1]
        index = self.index
        if kind == "record":
            record = index.records.get(key)
            return (record.kind, record.data) if record else None
        if kind == "head":
            return index.head_of(key)
        if kind == "fields":
            return index.fields_of(key, dep[2:]) if key in index.records else None
        if kind == "links":  # (its in_edges and out_edges, read from the adjacency: its views cost more)
            graph = index.graph
            if key not in graph:
                return None
            return (sorted((u, key, k) for u, keys in graph._pred[key].items() for k in keys)
                    + sorted((key, v, k) for v, keys in graph._succ[key].items() for k in keys))
        if kind == "node":
            return dict(index.graph.nodes[key]) if key in index.graph else None
        if kind == "tag":
            tag = index.tags.get(key)
            return (tag.label, tag.slug) if tag else None
        if kind == "province":
            return key in index.by_province
        if kind == "metric":
            return index.metrics.get(key)
        if kind == "diagram":
            diagram = index.diagrams.get(key)
            return vars(diagram) if diagram is not None else None
        if kind == "media":  # published photos are named by their content's hash
            return index.media.get(key)
        if kind == "draft":
            return index.drafts.get(key)
        if kind == "edge":
            return bool(index.network is not None and index.network.has_edge(key, dep[2]))
        raise ValueError(f"unknown dependency {dep!r}")
