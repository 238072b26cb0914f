"""Listing pages: sections (paginated), hashtags, provinces, health regions, timeline, home."""

from __future__ import annotations

import pickle
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from ..graph.diagrams import inline_svg
from ..graph.explorer import Facets, aspect, explorer_data, layout, network_groups
from ..graph.index import SiteIndex, province_slug
from ..graph.network import network_dot, summary
from ..records.kinds import Kind, kinds
from ..thai import THAI_MONTHS, buddhist_year, load_provinces, load_regions, thai_sorted
from .labels import LABELS
from .links import Linker
from .model import Page, Site, meta_text
from .outcomes import STATUS_FOLDER, states, status_chunks, status_counts
from .render import render
from .story import story
from .thailand_map import ThailandMap
from .tracking import PageIndex

PER_PAGE = 50


@dataclass
class Listing:
    """A listing page before rendering: what it shows (its cache key) and its template."""

    src_uri: str
    title: str
    description: str
    template: str
    context: dict[str, Any]
    # the records whose story the page tells: told while rendering, so a cached page costs
    # nothing and what the story reads is noted like any other read
    story_of: tuple[str, ...] = ()
    # a key of all its context is made of, when the caller has one: the network page's (its
    # context holds every stakeholder's metrics: printing them took 0.4 s a build at 10k)
    inputs: str = ""
    packed_context: bytes = b""  # the context pickled (packed()), read only when rendered

    def key(self) -> str | None:
        """Its own inputs as text; None when some value has no stable text (never cached)."""
        if self.inputs:
            return repr((self.src_uri, self.template, self.inputs))
        text = repr((self.src_uri, self.title, self.description, self.template,
                     {k: stable(v) for k, v in self.context.items()}, self.story_of))
        return None if " at 0x" in text else text

    def render(self, index: PageIndex) -> Page:
        folder_index = self.src_uri == "index.md" or self.src_uri.endswith("/index.md")  # not tags/zindex.md
        depth = self.src_uri.count("/") + (0 if folder_index else 1)
        told = story(index, list(self.story_of)).context() if self.story_of else {}
        context = pickle.loads(self.packed_context) if self.packed_context else self.context  # noqa: S301 - ours
        html = render(self.template, site=Linker(index, depth), title=self.title, **context, **told)
        return Page.of(self.src_uri, meta_text(self.title), meta_text(self.description), "listing", html)


def packed(listing: Listing) -> Listing:
    """The listing with its context pickled, for a cache that keeps it: the page cache holds the
    page while its inputs are the same, and the context is then never read (the network page's
    is 4 MB at 10,000 meetings, a third of a second to unpickle at every build)."""
    assert listing.inputs, "a packed listing's key is its inputs, not its context"
    return replace(listing, context={}, packed_context=pickle.dumps(listing.context, pickle.HIGHEST_PROTOCOL))


def stable(value: Any) -> Any:
    """Kinds carry functions (their checks): a kind is known by its name."""
    if isinstance(value, Kind):
        return ("kind", value.name)
    if isinstance(value, list | tuple):
        return [stable(v) for v in value]
    return value


def page(src_uri: str, title: str, description: str, template: str,
         **context: Any) -> Listing:
    return Listing(src_uri, title, description, template, context)


def section_pages(index: SiteIndex, kind: Kind) -> Iterator[Listing]:
    ids = index.of_kind(kind.name)
    chunks = chunked(ids)
    proposals = kind.name == "proposal"  # each shows its status; the listing filters by status
    counts = status_counts(index.records, ids) if proposals else []
    for number, chunk in enumerate(chunks, start=1):
        pager = pagination(kind.folder, number, len(chunks))
        yield page(page_src(kind.folder, number, f"{kind.folder}/index.md"), numbered(kind.label_th, number),
                   f"{kind.label_th}ทั้งหมด {len(ids)} รายการ", "listing.html",
                   ids=chunk, total=len(ids), pager=pager, kind=kind, statuses=counts,
                   states=states(index.records, chunk) if proposals else {})
    if proposals:
        yield from status_pages(index, kind, ids, counts)


def status_pages(index: SiteIndex, kind: Kind, ids: list[str], counts: list[Any]) -> Iterator[Listing]:
    """proposals/status/<status>/: the proposals standing at one status (pages of PER_PAGE)."""
    for status, chunks in status_chunks(index.records, ids, PER_PAGE):
        shown = next(c for c in counts if c.status == status)
        folder = f"{STATUS_FOLDER}/{status}"
        for number, chunk in enumerate(chunks, start=1):
            yield page(page_src(folder, number, f"{folder}/index.md"),
                       numbered(f"{kind.label_th}: {shown.label}", number),
                       f"{kind.label_th}ที่มีสถานะ{shown.label} {shown.count} รายการ",
                       "listing.html", ids=chunk, total=shown.count, kind=kind, statuses=counts,
                       current=status, pager=pagination(folder, number, len(chunks)),
                       states=states(index.records, chunk))


@dataclass(frozen=True)
class Pager:
    """(label, url, current) for every page of a section, made as the page is rendered: a
    section of 200 pages would otherwise hold (and print into its cache key) 200 × 200 links."""

    folder: str
    number: int
    count: int

    def __bool__(self) -> bool:
        return self.count > 1

    def __iter__(self) -> Iterator[tuple[str, str, bool]]:
        for n in range(1, self.count + 1) if self else ():
            yield str(n), f"{self.folder}/" if n == 1 else f"{self.folder}/page/{n}/", n == self.number


def pagination(folder: str, number: int, count: int) -> Pager:
    return Pager(folder, number, count)


def tag_pages(index: SiteIndex) -> Iterator[Listing]:
    tags = thai_sorted(index.tags.values(), key=lambda t: t.label)
    yield page("tags/index.md", "แฮชแท็ก", f"แฮชแท็กทั้งหมด {len(tags)} แท็ก", "tags.html", tags=tags)
    for tag in tags:  # the tag's story over time, told when the page is rendered
        listing = page(f"tags/{tag.slug}.md", f"#{tag.label}", f"{len(tag.ids)} เรื่องที่ติดแท็ก #{tag.label}",
                       "tag.html", tag=tag, ids=tag.ids)
        listing.story_of = tuple(tag.ids)
        yield listing


def province_pages(index: SiteIndex) -> Iterator[Listing]:
    regions = []
    for number, region in sorted(load_regions().items()):
        names = thai_sorted(n for n, p in load_provinces().items() if p["health_region"] == number)
        regions.append((number, region, [(n, len(index.by_province.get(n, []))) for n in names]))
    yield page("provinces/index.md", "จังหวัดและเขตสุขภาพ",
               "เรื่องทั้งหมดแยกตามจังหวัดและเขตสุขภาพ 1–13", "provinces.html", regions=regions,
               thai_map=ThailandMap.of(index, text_list=False))
    for name, ids in index.by_province.items():
        info = load_provinces()[name]
        yield from paged(f"provinces/{province_slug(name)}", f"จังหวัด{name}",
                         f"{len(ids)} เรื่องในจังหวัด{name} เขตสุขภาพที่ {info['health_region']}",
                         "place.html", index.ordered(ids), info=info, region=info["health_region"],
                         thai_map=ThailandMap.of(index, highlight=name, text_list=False))
    for number, _region, provinces in regions:
        ids = index.ordered(index.by_region.get(number, []))
        yield from paged(f"regions/{number}", f"เขตสุขภาพที่ {number}", f"{len(ids)} เรื่องในเขตสุขภาพที่ {number}",
                         "region.html", ids, number=number, provinces=provinces,
                         thai_map=ThailandMap.of(index, region=number))


def paged(folder: str, title: str, description: str, template: str, ids: list[str],
          thai_map: ThailandMap, **context: Any) -> Iterator[Listing]:
    """A place's records in pages of PER_PAGE (a health region holds a thousand at 10,000
    meetings): the first at folder/ with the map, the others at folder/page/N/."""
    chunks = chunked(ids)
    for number, chunk in enumerate(chunks, start=1):
        yield page(page_src(folder, number, f"{folder}.md"), numbered(title, number), description, template,
                   **context, thai_map=thai_map if number == 1 else None,
                   ids=chunk, total=len(ids), pager=pagination(folder, number, len(chunks)))


def chunked(ids: list[str]) -> list[list[str]]:
    """The ids in pages of PER_PAGE (one empty page when there are none)."""
    return [ids[i:i + PER_PAGE] for i in range(0, len(ids), PER_PAGE)] or [[]]


def page_src(folder: str, number: int, first: str) -> str:
    """Page `number` of a listing: `first`, then folder/page/N.md."""
    return first if number == 1 else f"{folder}/page/{number}.md"


def numbered(title: str, number: int) -> str:
    return title if number == 1 else f"{title} (หน้า {number})"


def timeline_pages(index: SiteIndex) -> Iterator[Listing]:
    """The years (พ.ศ.) with their months, and a page per year with its records month by month:
    at 10,000 meetings one page of them all was 2.6 MB, and any edit of a title drew it again."""
    years = dated_by_month(index)
    summary = [(year, buddhist_year(year), [(month, THAI_MONTHS[month - 1], len(ids)) for month, ids in months],
                sum(len(ids) for _, ids in months)) for year, months in years]
    yield page("timeline.md", "ลำดับเวลา", "การประชุมเรียงตามปีและเดือน (พ.ศ.)", "timeline.html",
               years=summary)
    for year, months in years:
        shown = buddhist_year(year)
        yield page(f"timeline/{shown}.md", f"ลำดับเวลา พ.ศ. {shown}", f"การประชุมปี พ.ศ. {shown} เรียงตามเดือน",
                   "timeline_year.html", year=year, months=months,
                   pager=[(f"พ.ศ. {buddhist_year(y)}", f"timeline/{buddhist_year(y)}/", y == year) for y, _ in years])


def dated_by_month(index: SiteIndex) -> list[tuple[int, list[tuple[int, list[str]]]]]:
    """Dated records by year, then month, newest first (a draft not yet dated has no place)."""
    years: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for kind in kinds().values():
        if kind.date_field:
            for record_id in index.of_kind(kind.name):
                if not index.date_of(record_id):
                    continue
                year, month = (int(p) for p in index.date_of(record_id).split("-")[:2])
                years[year][month].append(record_id)
    return [(y, sorted(months.items(), reverse=True)) for y, months in sorted(years.items(), reverse=True)]


def home_page(index: SiteIndex) -> Listing:
    registry = kinds()
    counts = [(k, len(index.of_kind(k.name))) for k in registry.values()]
    meetings = index.of_kind("meeting")
    regions = sorted(index.by_region.items())
    return page("index.md", index.site_name,
                "บันทึกการประชุม พื้นที่ต้นแบบ ภาคี และข้อเสนอเชิงนโยบายของคณะกรรมการเขตสุขภาพเพื่อประชาชน",
                "home.html", counts=counts, latest=meetings[:10], thai_map=ThailandMap.of(index),
                outcomes=status_counts(index.records, index.of_kind("proposal")),
                topics=index.of_kind("topic"), maps=index.of_kind("systemmap"),
                regions=[(n, len(ids)) for n, ids in regions],
                tags=sorted(index.tags.values(), key=lambda t: (-len(t.ids), t.key))[:20])


def listing_pages(index: SiteIndex) -> Iterator[Listing]:
    yield home_page(index)
    for kind in kinds().values():
        yield from section_pages(index, kind)
    yield from tag_pages(index)
    yield from province_pages(index)
    yield from timeline_pages(index)
    yield page("search.md", "ค้นหา", "ค้นหาการประชุม พื้นที่ต้นแบบ ภาคี และข้อเสนอ", "search.html")


def network_page(index: SiteIndex, site: Site) -> Listing:
    """The stakeholder network: the explorer (its data fetched as network/explorer.json), the
    static sfdp drawing for readers without JavaScript, groups, bridges and central members."""
    metrics = index.metrics
    titles = {n: index.title_of(n) for n in metrics}
    urls = {n: "../" + index.url_of(n) for n in metrics}
    drawn = drawn_network(index.network)
    facets, groups, shape = Facets(), [], (4, 3)
    if metrics:
        placed = layout(network_dot(drawn, titles, urls, metrics))
        site.files["network/stakeholders.svg"] = (XML_PROLOG + inline_svg(placed.svg)).encode("utf-8")
        data = explorer_data(index.records, index.graph, index.network, metrics, placed,
                             "../" + kinds()["stakeholder"].folder + "/")
        site.files["network/explorer.json"] = data.json()
        facets, groups, shape = data.facets, network_groups(metrics, placed.colours), aspect(placed)
    central = sorted(metrics, key=lambda n: (-metrics[n].betweenness, -metrics[n].strength, n))[:30]
    return page("network/index.md", "เครือข่ายภาคี",
                f"ภาคี {len(metrics)} แห่งที่ทำงานร่วมกันในการประชุม ข้อเสนอ และพื้นที่ต้นแบบ", "network.html",
                central=central, metrics=metrics, info=summary(metrics), facets=facets, groups=groups, labels=LABELS,
                shape=shape,
                edges=index.network.number_of_edges() if index.network is not None else 0,
                drawn_edges=drawn.number_of_edges() if drawn is not None else 0, drawn_ties=DRAWN_TIES)


XML_PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n'
DRAW_WHOLE_UP_TO = 3000  # ties; a bigger network is drawn as its backbone
DRAWN_TIES = 3  # per stakeholder in the backbone: its strongest ties


def drawn_network(network: nx.Graph | None) -> nx.Graph | None:
    """The network to draw: whole while it is small; else every stakeholder with its few
    strongest ties (thousands of stakeholders with all their ties make an unreadable
    drawing of tens of megabytes, and hours of sfdp)."""
    if network is None or network.number_of_edges() <= DRAW_WHOLE_UP_TO:
        return network
    backbone = nx.Graph()
    backbone.add_nodes_from(network.nodes(data=True))
    for node, ties in network.adj.items():
        strongest = sorted(ties.items(), key=lambda tie: (-tie[1].get("weight", 1), tie[0]))[:DRAWN_TIES]
        backbone.add_edges_from((node, other, data) for other, data in strongest)
    return backbone
