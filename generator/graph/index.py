"""Where every record lives on the site, and the groupings pages are built from."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..records.kinds import kinds
from ..records.load import Record
from ..thai import hashtag_slug, load_provinces, normalize_hashtag, province_by_name, thai_sorted


@dataclass
class Tag:
    key: str
    label: str
    slug: str
    ids: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"tags/{self.slug}/"


@dataclass
class SiteIndex:
    records: dict[str, Record]
    graph: nx.MultiDiGraph
    tags: dict[str, Tag] = field(default_factory=dict)
    by_province: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_region: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    diagrams: dict[str, Any] = field(default_factory=dict)  # systemmap id → Diagram
    _network: Any = field(default=None, repr=False)  # the stakeholder network (networkx Graph)
    _metrics: dict[str, Any] = field(default_factory=dict, repr=False)  # and its metrics
    _network_later: Callable[[], Any] | None = field(default=None, repr=False, compare=False)
    _metrics_later: Callable[[], dict[str, Any]] | None = field(default=None, repr=False, compare=False)
    media: dict[str, Any] = field(default_factory=dict)  # record id → its published media (site/media.py)
    drafts: dict[str, str] = field(default_factory=dict)  # id → title of a draft left out: links show it as text
    site_name: str = "คลังความรู้ กขป."  # mkdocs.yml's site_name: a committee's own site says its own name
    site_url: str = ""  # mkdocs.yml's site_url: record pages' share links carry it
    links: str = ""  # the key of every record's links (graph/kept.py): equal keys, equal edges
    # whole-index results made once a build (records are not changed once indexed): of_kind's
    # lists (listings ask 30 times), the meetings' series (related pages ask twice)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def network_later(self, network: Callable[[], Any], metrics: Callable[[], dict[str, Any]]) -> None:
        """The network and its metrics, each read from the cache when a page first reads it: after
        an edit that moves no link, no page that reads them may be rendered at all (a second at
        10k), and a stakeholder's page reads only metrics (they hold the ties it draws)."""
        self._network, self._metrics = None, {}
        self._network_later, self._metrics_later = network, metrics

    @property
    def network(self) -> Any:
        if self._network_later is not None:
            load, self._network_later = self._network_later, None
            self._network = load()
        return self._network

    @network.setter
    def network(self, value: Any) -> None:
        self._network_later, self._network = None, value

    @property
    def metrics(self) -> dict[str, Any]:
        if self._metrics_later is not None:
            load, self._metrics_later = self._metrics_later, None
            self._metrics = load()
        return self._metrics

    @metrics.setter
    def metrics(self, value: dict[str, Any]) -> None:
        self._metrics_later, self._metrics = None, value

    def url_of(self, record_id: str) -> str:
        record = self.records[record_id]
        return f"{kinds()[record.kind].folder}/{record_id}/"

    def title_of(self, record_id: str) -> str:
        record = self.records.get(record_id)
        return record.title if record else record_id

    def has(self, record_id: str) -> bool:
        return record_id in self.records

    def kind_of(self, record_id: str) -> str:
        record = self.records.get(record_id)
        return record.kind if record else ""

    def summary_of(self, record_id: str) -> str:
        record = self.records.get(record_id)
        value = record.data.get("summary") if record else None
        return value if isinstance(value, str) else ""

    def head_of(self, record_id: str) -> tuple[str, str, str, str] | None:
        """What listings and links show of a record (not its body): kind, title, date, summary."""
        if record_id not in self.records:
            return None
        return (self.kind_of(record_id), self.title_of(record_id), self.date_of(record_id),
                self.summary_of(record_id))

    def of_kind(self, kind: str) -> list[str]:
        """Ids of a kind: newest first for dated kinds, else Thai dictionary order."""
        key = ("of_kind", kind)
        if key not in self.memo:
            self.memo[key] = self.ordered([i for i, r in self.records.items() if r.kind == kind])
        return list(self.memo[key])

    def ordered(self, ids: Iterable[str]) -> list[str]:
        dates = {i: self.date_of(i) for i in ids}  # (each read once: tags list thousands)
        dated = [i for i, date in dates.items() if date]
        undated = thai_sorted([i for i, date in dates.items() if not date], key=self.title_of)
        return sorted(dated, key=lambda i: (dates[i], i), reverse=True) + undated

    def fields_of(self, record_id: str, names: tuple[str, ...]) -> tuple[Any, ...]:
        """These fields of a record's data (None where absent), for pages that show only them: a
        stakeholder's page shows of each meeting its roles in it, not the meeting's text."""
        record = self.records[record_id]
        return tuple(record.data.get(name) for name in names)

    def date_of(self, record_id: str) -> str:
        dates = self.memo.get("dates")
        if dates is None:  # every record's at once: listings and tags ask 90,000 times at 10k
            dates = self.memo["dates"] = {i: record_date(r) for i, r in self.records.items()}
        return str(dates.get(record_id, ""))

    def linked(self, record_id: str, relation: str, incoming: bool = False) -> list[str]:
        """Record ids joined to this one by a relation, ordered for display."""
        return self.ordered(self.neighbours(record_id, (relation,), incoming))

    def neighbours(self, record_id: str, relations: tuple[str, ...], incoming: bool = False) -> set[str]:
        """Record ids joined to this one by any of the relations, unordered (for counting)."""
        # the graph's adjacency dicts (node → {relation: data}), not its edge views: a third of the time
        near = (self.graph._pred if incoming else self.graph._succ).get(record_id, {})
        ids = {n for n, joined_by in near.items() if not joined_by.keys().isdisjoint(relations)}
        return ids & self.records.keys()

    def tags_of(self, record: Record) -> list[Tag]:
        found = []
        for tag in record.data.get("hashtags") or []:
            key = normalize_hashtag(tag)
            if key in self.tags and self.tags[key] not in found:
                found.append(self.tags[key])
        return found


def record_date(record: Record) -> str:
    field_name = kinds()[record.kind].date_field
    value = record.data.get(field_name) if field_name else None
    return value if isinstance(value, str) else ""


def build_index(records: list[Record], graph: nx.MultiDiGraph, drafts: Iterable[Record] = ()) -> SiteIndex:
    index = SiteIndex({r.id: r for r in records}, graph, drafts={r.id: r.title for r in drafts})
    labels: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    written: dict[str, tuple[str, str, str]] = {}  # a tag as written → key, label, slug (once each)
    places: dict[str, dict[str, Any] | None] = {}  # a province as written → its facts
    for record_id, record in index.records.items():
        for tag in record.data.get("hashtags") or []:
            if tag not in written:
                written[tag] = (normalize_hashtag(tag), tag.strip().lstrip("#"), hashtag_slug(tag))
            key, label, slug = written[tag]
            if not key:
                continue
            labels[key][label] += 1
            entry = index.tags.get(key)
            if entry is None:
                entry = index.tags[key] = Tag(key, "", slug)
            if record_id not in entry.ids:
                entry.ids.append(record_id)
        add_places(index, record_id, record.data, places)
    for key, entry in index.tags.items():
        # the form writers used most often is the one shown
        entry.label = sorted(labels[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        entry.ids = index.ordered(entry.ids)
    return index


def add_places(index: SiteIndex, record_id: str, data: dict[str, Any],
               places: dict[str, dict[str, Any] | None]) -> None:
    names = [data.get("province"), *(data.get("provinces") or [])]
    regions = set()
    for name in dict.fromkeys(n for n in names if isinstance(n, str)):
        if name not in places:
            places[name] = province_by_name(name)
        info = places[name]
        if info:
            index.by_province[info["name"]].append(record_id)
            regions.add(info["health_region"])
    if isinstance(data.get("health_region"), int):
        regions.add(data["health_region"])
    for region in regions:
        index.by_region[region].append(record_id)


def province_slug(name: str) -> str:
    info = load_provinces()[name]
    return str(info["name_en"]).casefold().replace(" ", "-")
