"""The whole site from validated content: graph → index → pages. No MkDocs here."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import networkx as nx
from jinja2 import FileSystemBytecodeCache

from ..cache import Store, cache_dir, gc_paused
from ..graph.diagrams import render, systemmap_diagram, systemmap_dot
from ..graph.index import SiteIndex, build_index
from ..graph.kept import kept_graph, kept_network, known_network_key, network_code, network_of_key
from ..graph.loop_drawing import loop_svg
from ..graph.network import network_metrics
from ..parallel import checkpoint, meanwhile, parallel_map
from ..records.drafts import drawable
from ..records.kinds import node_ids
from ..records.load import Record
from ..records.validate import Content
from ..search.kept import kept_search_index
from .feeds import atom_feed
from .links import anchor_html
from .listings import Listing, listing_pages, network_page, packed
from .media import add_images, publish_media
from .model import Page, Settle, Site, as_made
from .page_cache import PageCache, code_fingerprint, dep_ids, own_key
from .record_pages import record_src, traced_record_page
from .related import Related
from .related_kept import kept_related
from .render import environment
from .tracking import Dep, Digests, TrackedIndex

Progress = Callable[[str], None]
T = TypeVar("T")
Rendered = tuple[Page, tuple[Dep, ...], bytes, bytes]  # a page, what it read, their values' hashes, their numbers


def build_site(content: Content, site_url: str = "", site_name: str = "คลังความรู้ กขป.",
               progress: Progress | None = None, settle: Settle = as_made) -> Site:
    """Records (and everything made from them so far) are frozen out of the cyclic garbage
    collector while the site is built: its full passes would sweep the whole growing heap
    again and again, and forked workers would copy every page they touch doing so. `settle`
    parts the search index's files where they are made (Site.held)."""
    gc.freeze()
    try:
        return build_frozen(content, site_url, site_name, progress or (lambda message: None), settle)
    finally:
        gc.unfreeze()


def build_frozen(content: Content, site_url: str, site_name: str, say: Progress, settle: Settle) -> Site:
    started = time.perf_counter()
    environment.cache_clear()  # templates may have changed since the last build (kb serve)
    keep_compiled(environment())
    anchor_html.cache_clear()  # and titles
    index = build_index(content.records, nx.MultiDiGraph(), content.drafts)  # its graph below
    index.site_name = site_name
    index.site_url = site_url  # in share links: part of the fingerprint below
    digests = Digests(index)
    # whole-site results are kept by the hash of every record (and the code): a rebuild of
    # unchanged content computes none of them again
    fingerprint = code_fingerprint() + site_url  # read once: the page cache checks it too
    content_key = digests.of(("record", i) for i in sorted(index.records)) + fingerprint
    # each record's links are kept by its digest: an edit reads only the edited record's
    index.graph, index.links = frozen(lambda: kept_graph(content.records,
                                                         lambda r: digests.digest_of(("record", r.id)), say))
    index.media, copies = publish_media(content.root, content.records, say)  # before pages show them
    # the search index reads only records and links: on big sites a second process builds it
    # (or updates the last build's) meanwhile, on the core the serial stages below leave idle
    with meanwhile(lambda: settle(kept_search_index(index, content_key, fingerprint,
                                                    lambda i: digests.digest_of(("record", i)))),
                   background=len(index.records) >= PARALLEL_FROM) as job:
        site = build_pages(content, index, digests, (fingerprint, content_key), say, started)
        site.copies.update(copies)
        add_images(site.pages, index.media)
        site.files["feed.xml"] = atom_feed(index, site_url, site_name)
        files, site.held = job.result()
        site.files.update(files)
    say(f"search index built ({time.perf_counter() - started:.1f}s)")
    return site


def frozen(make: Callable[[], T]) -> T:
    """make() with the collector paused, and all it made (and the index before it) frozen out of
    the collector before it runs again: its next pass would sweep every new object (the graph's
    half a million dicts, the network's 200,000 ties at 10k meetings), and every full pass after."""
    with gc_paused():
        value = make()
        gc.freeze()
    return value


def keep_compiled(env: Any) -> None:
    """Templates compiled once, kept in the cache folder (each checked against its source):
    a build after an edit does not compile the page and theme templates again (about a second)."""
    base = cache_dir()
    if base is not None and env.bytecode_cache is None:
        (base / "templates").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(base / "templates"))


def build_pages(content: Content, index: SiteIndex, digests: Digests, keys: tuple[str, str],
                say: Progress, started: float) -> Site:
    """Network, related pages, diagrams, then every page (the page cache's or rendered)."""
    fingerprint, content_key = keys
    network_of = stakeholder_network(index)
    say(f"graph: {index.graph.number_of_nodes()} nodes, {edge_count(index.graph)} edges")
    checkpoint()  # between stages (and in every pool), kb serve gives up for a newer edit
    related = kept_related(index, content_key, fingerprint, say, digests)
    say(f"related pages ranked ({time.perf_counter() - started:.1f}s)")
    checkpoint()
    site = Site(index=index, related=related)
    for record in content.records:
        if record.kind == "systemmap":
            add_diagram(site, index, drawable(record))  # a draft's map: as far as it is written
    cache = PageCache(digests, fingerprint)
    page_key = network_page_key(index, digests, network_of + fingerprint)
    network, files = kept("network-page", page_key, lambda: network_listing(index, page_key))
    site.files.update(files)
    say(f"network page drawn ({time.perf_counter() - started:.1f}s)")
    jobs: list[Job] = [*content.records, *listing_pages(index), network]
    site.pages.extend(render_pages(index, jobs, related, cache, say))
    cache.save()
    say(f"{len(site.pages)} pages rendered ({time.perf_counter() - started:.1f}s)")
    checkpoint()
    return site


def stakeholder_network(index: SiteIndex) -> str:
    """The stakeholder network's key. The network and its metrics made now, or, with every
    record's links the last build's, read from the cache when a page first reads them."""
    known = known_network_key(index.links, network_code())
    if known is not None:
        index.network_later(lambda: frozen(lambda: network_of_key(index.graph, known)),
                            lambda: metrics_read(index, known))
        return known
    network, key = frozen(lambda: kept_network(index.graph, index.links))
    index.network = network
    index.metrics = kept("network", key, lambda: network_metrics(network))
    return key


def metrics_read(index: SiteIndex, key: str) -> dict[str, Any]:
    """The metrics of the network of that key, as kept (nothing written: see network_of_key)."""
    metrics = Store("network").get(key)
    return metrics if metrics is not None else network_metrics(index.network)


def edge_count(graph: Any) -> int:
    """A multigraph's edges, counted from its adjacency (networkx sums degrees: a second at 10k)."""
    return sum(len(keys) for targets in graph._succ.values() for keys in targets.values())


def network_listing(index: SiteIndex, inputs: str) -> tuple[Listing, dict[str, bytes]]:
    """The network page, known by `inputs` (its context packed: kept, it is read only if the
    page is rendered again), and its files (sfdp over every stakeholder: costly to redo)."""
    holder = Site()
    return packed(replace(network_page(index, holder), inputs=inputs)), holder.files


def kept(namespace: str, key: str, make: Callable[[], T]) -> T:
    """A whole-site result from the cache when its key (a hash of all it depends on) is known."""
    return kept_in(Store(namespace), key, make)


def kept_in(store: Store, key: str, make: Callable[[], T]) -> T:
    value: T = store.get_or_make(key, make)
    store.save()
    return value


def network_page_key(index: SiteIndex, digests: Digests, network_and_code: str) -> str:
    """All the network page reads: the network, the records of its stakeholders and of the
    topics, and the graph's links (topics reach stakeholders through meetings, proposals and
    areas). A meeting's text edited leaves it as it was: its sfdp layout and data are kept.
    The links by the key of every record's links (equal keys, equal edges: graph/kept.py)."""
    shown = sorted(i for i, record in index.records.items() if record.kind in ("stakeholder", "topic"))
    return repr((digests.of(("record", i) for i in shown), index.links, network_and_code))


PARALLEL_FROM = 400  # pages; below this, forking workers costs more than it saves
Job = Record | Listing  # a record page or a listing page to render
_shared: tuple[SiteIndex, list[Job], dict[str, list[Related]], Digests] | None = None  # read by workers


def render_pages(index: SiteIndex, jobs: list[Job], related: dict[str, list[Related]],
                 cache: PageCache, say: Progress) -> list[Page]:
    """Every page: from the page cache when nothing it shows changed, the rest rendered."""
    owns = [own_of(job, related) for job in jobs]
    pages = [cache.get(src_of(job), own) if own else None for job, own in zip(jobs, owns, strict=True)]
    todo = [i for i, page in enumerate(pages) if page is None]
    for name, kind in (("record", Record), ("listing", Listing)):
        count = sum(isinstance(job, kind) for job in jobs)
        due = sum(isinstance(jobs[i], kind) for i in todo)
        say(f"{name} pages: {count - due} unchanged (cached), {due} to render")
    for position, (page, deps, digest, numbers) in zip(
            todo, render_many(index, jobs, related, cache.digests, todo), strict=True):
        own = owns[position]
        if own:
            cache.put(page, own, deps, digest, numbers)
        pages[position] = page
    return [page for page in pages if page is not None]


def own_of(job: Job, related: dict[str, list[Related]]) -> str | None:
    return own_key(job, related[job.id]) if isinstance(job, Record) else job.key()


def src_of(job: Job) -> str:
    return record_src(job) if isinstance(job, Record) else job.src_uri


def render_many(index: SiteIndex, jobs: list[Job], related: dict[str, list[Related]],
                digests: Digests, positions: list[int]) -> list[Rendered]:
    """Rendered on every core for many pages (workers fork with the index)."""
    global _shared
    _shared = (index, jobs, related, digests)
    try:
        return parallel_map(_render_one, positions, chunksize=32, serial=len(positions) < PARALLEL_FROM)
    finally:
        _shared = None


def _render_one(position: int) -> Rendered:
    assert _shared is not None
    index, jobs, related, digests = _shared
    job = jobs[position]
    if isinstance(job, Record):
        page, deps = traced_record_page(index, job, related[job.id])
    else:
        tracked = TrackedIndex(index)
        page, deps = job.render(tracked), tracked.deps
    ordered = tuple(deps)  # hashed and numbered here, on every core
    return page, ordered, digests.joined(ordered), dep_ids(ordered)


def node_links(index: SiteIndex, record: Record) -> dict[str, str]:
    """Node → where its SVG box leads: the one page addressing it, or its row listing several."""
    links = {}
    for node in node_ids(record.data):
        pages = index.linked(f"{record.id}#{node}", "addresses", incoming=True)
        if len(pages) == 1:
            links[node] = "../../" + index.url_of(pages[0])
        elif pages:
            links[node] = f"./#node-{node}"  # the map page's row listing them (from the SVG file)
    return links


def add_diagram(site: Site, index: SiteIndex, record: Record) -> None:
    links = node_links(index, record)
    diagram = systemmap_diagram(record, links)
    base = f"systemmaps/{record.id}/{record.id}"
    site.files[f"{base}.svg"] = diagram.svg.encode("utf-8")
    site.files[f"{base}.dot"] = diagram.dot.encode("utf-8")
    site.files[f"{base}.pdf"] = render(systemmap_dot(record, print_a4=True), "pdf")  # for print: A4
    diagram.downloads = [("svg", f"{base}.svg"), ("pdf", f"{base}.pdf"), ("dot", f"{base}.dot")]
    for loop in diagram.loops:  # beside the map's own file, so the nodes' relative links hold
        loop.drawing = f"{base}-{loop.name}.svg"
        site.files[loop.drawing] = loop_svg(record, loop, links, render)
    index.diagrams[record.id] = diagram
