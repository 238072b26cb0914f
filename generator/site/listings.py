"""Listing pages: sections (paginated), hashtags, provinces, health regions, timeline, home."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from ..diagrams import inline_svg
from ..kinds import Kind, kinds
from ..network import network_dot, render_network, summary
from ..thai import load_provinces, load_regions, thai_sorted
from .index import SiteIndex, province_slug
from .links import Linker
from .model import Page, Site, meta_text
from .render import render

PER_PAGE = 50


def page(index: SiteIndex, src_uri: str, title: str, description: str, template: str,
         **context: Any) -> Page:
    depth = src_uri.count("/") + (0 if src_uri.endswith("index.md") else 1)
    html = render(template, site=Linker(index, depth), title=title, **context)
    return Page(src_uri, meta_text(title), meta_text(description), "listing", html)


def section_pages(index: SiteIndex, kind: Kind) -> Iterator[Page]:
    ids = index.of_kind(kind.name)
    chunks = [ids[i:i + PER_PAGE] for i in range(0, len(ids), PER_PAGE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        src = f"{kind.folder}/index.md" if number == 1 else f"{kind.folder}/page/{number}.md"
        title = kind.label_th if number == 1 else f"{kind.label_th} (หน้า {number})"
        pager = pagination(kind.folder, number, len(chunks))
        yield page(index, src, title, f"{kind.label_th}ทั้งหมด {len(ids)} รายการ", "listing.html",
                   ids=chunk, total=len(ids), pager=pager, kind=kind)


def pagination(folder: str, number: int, count: int) -> list[tuple[str, str, bool]]:
    """(label, url, current) for every page of a section."""
    def url(n: int) -> str:
        return f"{folder}/" if n == 1 else f"{folder}/page/{n}/"

    return [(str(n), url(n), n == number) for n in range(1, count + 1)] if count > 1 else []


def tag_pages(index: SiteIndex) -> Iterator[Page]:
    tags = thai_sorted(index.tags.values(), key=lambda t: t.label)
    yield page(index, "tags/index.md", "แฮชแท็ก", f"แฮชแท็กทั้งหมด {len(tags)} แท็ก", "tags.html", tags=tags)
    for tag in tags:
        yield page(index, f"tags/{tag.slug}.md", f"#{tag.label}",
                   f"{len(tag.ids)} เรื่องที่ติดแท็ก #{tag.label}", "tag.html", tag=tag, ids=tag.ids)


def province_pages(index: SiteIndex) -> Iterator[Page]:
    regions = []
    for number, region in sorted(load_regions().items()):
        names = thai_sorted(n for n, p in load_provinces().items() if p["health_region"] == number)
        regions.append((number, region, [(n, len(index.by_province.get(n, []))) for n in names]))
    yield page(index, "provinces/index.md", "จังหวัดและเขตสุขภาพ",
               "เรื่องทั้งหมดแยกตามจังหวัดและเขตสุขภาพ 1–13", "provinces.html", regions=regions)
    for name, ids in index.by_province.items():
        info = load_provinces()[name]
        yield page(index, f"provinces/{province_slug(name)}.md", f"จังหวัด{name}",
                   f"{len(ids)} เรื่องในจังหวัด{name} เขตสุขภาพที่ {info['health_region']}",
                   "place.html", ids=index.ordered(ids), info=info, region=info["health_region"])
    for number, _region, provinces in regions:
        ids = index.ordered(index.by_region.get(number, []))
        yield page(index, f"regions/{number}.md", f"เขตสุขภาพที่ {number}",
                   f"{len(ids)} เรื่องในเขตสุขภาพที่ {number}", "region.html", ids=ids,
                   number=number, provinces=provinces)


def timeline_page(index: SiteIndex) -> Page:
    years: dict[int, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for kind in kinds().values():
        if kind.date_field:
            for record_id in index.of_kind(kind.name):
                year, month = (int(p) for p in index.date_of(record_id).split("-")[:2])
                years[year][month].append(record_id)
    ordered = [(y, sorted(months.items(), reverse=True)) for y, months in sorted(years.items(), reverse=True)]
    return page(index, "timeline.md", "ลำดับเวลา", "การประชุมเรียงตามปีและเดือน (พ.ศ.)",
                "timeline.html", years=ordered)


def home_page(index: SiteIndex) -> Page:
    registry = kinds()
    counts = [(k, len(index.of_kind(k.name))) for k in registry.values()]
    meetings = index.of_kind("meeting")
    regions = sorted(index.by_region.items())
    return page(index, "index.md", "คลังความรู้ กขป.",
                "บันทึกการประชุม พื้นที่ต้นแบบ ภาคี และข้อเสนอเชิงนโยบายของคณะกรรมการเขตสุขภาพเพื่อประชาชน",
                "home.html", counts=counts, latest=meetings[:10],
                topics=index.of_kind("topic"), maps=index.of_kind("systemmap"),
                regions=[(n, len(ids)) for n, ids in regions],
                tags=sorted(index.tags.values(), key=lambda t: (-len(t.ids), t.key))[:20])


def listing_pages(index: SiteIndex) -> Iterator[Page]:
    yield home_page(index)
    for kind in kinds().values():
        yield from section_pages(index, kind)
    yield from tag_pages(index)
    yield from province_pages(index)
    yield timeline_page(index)
    yield page(index, "search.md", "ค้นหา", "ค้นหาการประชุม พื้นที่ต้นแบบ ภาคี และข้อเสนอ", "search.html")


def network_page(index: SiteIndex, site: Site) -> Page:
    """The whole stakeholder network (sfdp), its bridges and most central members."""
    metrics = index.metrics
    titles = {n: index.title_of(n) for n in metrics}
    urls = {n: "../" + index.url_of(n) for n in metrics}
    svg = ""
    if metrics:
        data = render_network(network_dot(index.network, titles, urls, metrics))
        site.files["network/stakeholders.svg"] = data
        svg = inline_svg(data)
    central = sorted(metrics, key=lambda n: (-metrics[n].betweenness, -metrics[n].strength, n))[:30]
    return page(index, "network/index.md", "เครือข่ายภาคี",
                f"ภาคี {len(metrics)} แห่งที่ทำงานร่วมกันในการประชุม ข้อเสนอ และพื้นที่ต้นแบบ", "network.html",
                svg=Markup(svg), central=central, metrics=metrics, info=summary(metrics),  # noqa: S704
                edges=index.network.number_of_edges() if index.network is not None else 0)
