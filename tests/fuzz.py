"""Whatever validates, builds: generated corpora built end to end (issue 19).

For every corpus tests/corpora.py draws:
- it validates, and reads back exactly as written;
- `kb build` succeeds, and `kb graph` writes GraphML and GEXF;
- feed.xml, sitemap.xml, GraphML and GEXF are well-formed XML (networkx reads both graphs back);
- every link, script, stylesheet and image of every page, the feed and the sitemap leads to a
  file of the site, and a link to #anchor to an element of that page;
- each record page shows its title, and search (window.kbSearch in Chromium) finds each title.

`./run fuzz [--examples N] [--seed S]` runs it long and prints how many corpora it built and
what it found; tests/test_fuzz.py runs a few examples in the suite.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import posixpath
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree as ET

import networkx as nx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as seeded

from generator.cli import main
from generator.records.kinds import kinds
from generator.records.load import load_file
from generator.records.validate import validate_content
from tests.corpora import Corpus, corpora, write

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url: absolute links to it are ours


@dataclass
class Built:
    content: Path
    site: Path
    graphs: dict[str, Path]


def build_corpus(corpus: Corpus, work: Path, tally: Tally) -> Built:
    content = work / "content"
    write(corpus, content)
    for kind, data in corpus.all():
        record, problems = load_file(content / kinds()[kind].folder / f"{data['id']}.yaml", data["id"], kind)
        assert record is not None and record.data == data, (problems, data)  # read back as written
    checked = validate_content(content)
    assert [d.format() for d in checked.diagnostics if d.severity == "error"] == []
    site = work / "site"
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        assert main(["build", str(content), "-o", str(site), "-q"]) == 0, quiet.getvalue()
        tally.built += 1
        graphs = {suffix: work / f"graph.{suffix}" for suffix in ("graphml", "gexf")}
        for path in graphs.values():
            assert main(["graph", "--content", str(content), "-o", str(path)]) == 0, quiet.getvalue()
    return Built(content, site, graphs)


# ---- what every built corpus must satisfy --------------------------------------------------

class Page(HTMLParser):
    """The links (href, src, xlink:href) and element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.h1: list[str] | None = None
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "xlink:href") and value is not None:
                self.links.append(value)
            elif name in ("id", "name") and value:
                self.ids.add(value)
        if tag == "h1" and not self.titles:
            self.h1 = []

    def handle_data(self, data: str) -> None:
        if self.h1 is not None:
            self.h1.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self.h1 is not None:
            self.titles.append("".join(self.h1))
            self.h1 = None


def parse_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text("utf-8"))
    return page


def target_of(site: Path, page_url: str, link: str) -> tuple[Path, str] | None:
    """The file a link leads to and its #anchor; None for links leaving the site."""
    if link.startswith(SITE_URL):
        link = "/" + link[len(SITE_URL):]
    parts = urlsplit(link)
    if parts.scheme in ("http", "https", "mailto") or parts.netloc:
        return None
    assert parts.scheme == "", f"{page_url}: link with scheme {parts.scheme}: {link}"
    path = unquote(parts.path)
    if path.startswith("/"):
        joined = posixpath.normpath("." + path)
    elif path:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), path))
    else:
        joined = page_url  # "#anchor": this page
    assert not joined.startswith(".."), f"{page_url}: link leaves the site: {link}"
    file = site / joined
    return (file / "index.html" if file.is_dir() else file), unquote(parts.fragment)


def check_links(site: Path) -> int:
    """Every internal link of every page leads to a file, and its #anchor to an element."""
    pages = {p.relative_to(site).as_posix(): parse_page(p) for p in site.rglob("*.html")}
    checked = 0
    for url, page in pages.items():
        for link in page.links:
            target = target_of(site, url, link)
            if target is None:
                continue
            file, anchor = target
            assert file.is_file(), f"{url}: broken link {link}"
            rel = file.relative_to(site).as_posix()
            if anchor and rel in pages:
                assert anchor in pages[rel].ids, f"{url}: no #{anchor} in {rel} ({link})"
            checked += 1
    return checked


def check_xml(built: Built) -> None:
    """The feed, the sitemap and both graph files are well-formed; their links lead to pages."""
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.parse(built.site / "feed.xml").getroot()
    for link in feed.iter(f"{atom}link"):
        found = target_of(built.site, "feed.xml", link.attrib["href"])
        assert found is None or found[0].is_file(), f"feed.xml: broken link {link.attrib['href']}"
    sitemap = ET.parse(built.site / "sitemap.xml").getroot()
    for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        found = target_of(built.site, "sitemap.xml", loc.text or "")
        assert found is not None and found[0].is_file(), f"sitemap.xml: broken link {loc.text}"
    for suffix, path in built.graphs.items():
        ET.parse(path)  # well-formed
        graph = nx.read_graphml(path) if suffix == "graphml" else nx.read_gexf(path)
        records = {p.stem for p in built.content.rglob("*.yaml")}
        assert records <= set(graph.nodes), f"{suffix}: records missing {sorted(records - set(graph.nodes))}"


def check_titles(corpus: Corpus, site: Path) -> None:
    """Each record page shows its title as written (spaces collapsed, as HTML shows them)."""
    for kind, data in corpus.all():
        page = parse_page(site / kinds()[kind].folder / data["id"] / "index.html")
        assert page.titles and " ".join(page.titles[0].split()) == " ".join(data["title"].split()), \
            f"{kind} {data['id']}: page shows {page.titles[:1]!r}, title {data['title']!r}"


FIND_ALL = """
const [queries, done] = [arguments[0], arguments[arguments.length - 1]];
Promise.all(queries.map(q => kbSearch(q).then(r => [kbSearchNormalize(q).length, r.map(x => x.url)])))
  .then(done, e => done({error: String(e)}));
"""


def check_search(corpus: Corpus, site: Path, tally: Tally) -> None:
    """Search finds each record by its whole title (a title of fewer than two letters or
    digits after normalising is not a query the search takes)."""
    from tests.browser import serve

    driver = _driver
    with serve(site) as base:
        driver.get(base + "search/")
        records = list(corpus.all())
        found = driver.execute_async_script(FIND_ALL, [data["title"] for _, data in records])
        assert not isinstance(found, dict), found
        for (kind, data), (length, urls) in zip(records, found, strict=True):
            url = f"{base}{kinds()[kind].folder}/{data['id']}/"
            assert length < 2 or url in urls, f"search for {data['title']!r} misses {url}: {urls}"
            tally.searched += length >= 2


def check_corpus(corpus: Corpus, work: Path, tally: Tally) -> int:
    """Build one corpus and check it all; the number of internal links checked."""
    built = build_corpus(corpus, work, tally)
    links = check_links(built.site)
    check_xml(built)
    check_titles(corpus, built.site)
    check_search(corpus, built.site, tally)
    return links


# ---- running ---------------------------------------------------------------------------------

@dataclass
class Tally:
    generated: int = 0
    built: int = 0
    passed: int = 0
    links: int = 0
    searched: int = 0  # titles looked up in the search box's function


@contextlib.contextmanager
def quiet_builds(work: Path) -> Iterator[None]:
    """One cache for the run (kept between corpora, as between a reporter's builds) and
    MkDocs' own warnings silenced."""
    saved = os.environ.get("KB_CACHE_DIR")
    os.environ["KB_CACHE_DIR"] = str(work / "cache")
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
        if saved is None:
            del os.environ["KB_CACHE_DIR"]
        else:
            os.environ["KB_CACHE_DIR"] = saved


def run_property(driver: Any, work: Path, examples: int, seed: int | None = None,
                 shrink: bool = True, tally: Tally | None = None) -> Tally:
    """The property over `examples` corpora (the same ones every time when seed is given)."""
    tally = tally if tally is not None else Tally()
    phases = [Phase.explicit, Phase.generate, *([Phase.shrink] if shrink else [])]

    @settings(max_examples=examples, deadline=None, database=None, phases=phases, print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(corpora())
    def whatever_validates_builds(corpus: Corpus) -> None:
        tally.generated += 1
        folder = Path(tempfile.mkdtemp(dir=work))
        try:
            tally.links += check_corpus(corpus, folder, tally)
            tally.passed += 1
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    test = seeded(seed)(whatever_validates_builds) if seed is not None else whatever_validates_builds
    global _driver
    _driver = driver
    with quiet_builds(work):
        try:
            test()
        finally:
            _driver = None
    return tally


_driver: Any = None  # the browser of the run in progress (search is checked in Chromium)


def command_line(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./run fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=200, help="corpora to generate (default 200)")
    parser.add_argument("--seed", type=int, help="draw the same corpora as an earlier run")
    parser.add_argument("--no-shrink", action="store_true", help="report a failing corpus as found")
    args = parser.parse_args(argv)
    from tests.browser import chromium

    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    started, tally = time.perf_counter(), Tally()
    found = "no failure found"
    with tempfile.TemporaryDirectory(prefix="kb-fuzz-") as tmp, chromium(Path(tmp)) as driver:
        try:
            run_property(driver, Path(tmp), args.examples, seed, not args.no_shrink, tally)
        except Exception as exc:  # noqa: BLE001 - what the property found is the report
            found = "FAILURE found:\n" + described(exc)
    print(f"fuzz: {tally.generated} corpora generated, {tally.built} built, {tally.passed} passed every "
          f"check ({tally.links:,} internal links followed, {tally.searched} titles searched) in "
          f"{time.perf_counter() - started:.0f} s, "
          f"seed {seed}")
    print(found)
    return 0 if found == "no failure found" else 1


def described(exc: BaseException) -> str:
    """Where it failed, what, and the corpus (Hypothesis notes the falsifying example)."""
    where = "".join(traceback.format_tb(exc.__traceback__)[-3:])
    return f"{where}{type(exc).__name__}: {exc}\n" + "\n".join(getattr(exc, "__notes__", []))


if __name__ == "__main__":
    sys.exit(command_line())
