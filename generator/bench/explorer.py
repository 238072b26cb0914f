"""Network explorer benchmark: the size of network/explorer.json and the explorer's first draw
in headless Chromium (page opened → every stakeholder and tie drawn), at 1,000 and 10,000
meetings, and on a network of 10,000 stakeholders and 50,000 ties.

    ./run bench --explorer
"""

from __future__ import annotations

import gzip
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import networkx as nx

from ..graph.index import build_index
from ..graph.knowledge import build_graph, stakeholder_graph
from ..graph.network import network_metrics
from ..records.load import Record
from ..records.validate import validate_content
from ..site.listings import network_page
from ..site.model import Site
from ..thai import load_provinces
from .synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[2]  # the source checkout: benchmarks run from it
ASSETS = ROOT / "site_templates" / "docs" / "assets"
OPENS = 3  # the page is opened this many times; the median is reported
PAGE = ('<!doctype html><html lang="th"><head><meta charset="utf-8"><title>bench</title>'
        '<link rel="stylesheet" href="../assets/kb.css"></head><body class="md-typeset">{}</body></html>')


def write_explorer_site(records: list[Record], target: Path, network: nx.Graph | None = None) -> dict[str, Any]:
    """The network page (its own HTML, as the site renders it) and its files; returns figures."""
    started = time.perf_counter()
    index = build_index(records, build_graph(records))
    index.network = network if network is not None else stakeholder_graph(index.graph)
    index.metrics = network_metrics(index.network)
    metrics_s = time.perf_counter() - started
    site = Site()
    started = time.perf_counter()
    listing = network_page(index, site)
    page_s = time.perf_counter() - started
    for name, data in site.files.items():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (target / name).write_bytes(data)
    (target / "network" / "index.html").write_text(PAGE.format(listing.render(index).html), "utf-8")
    (target / "assets").mkdir(exist_ok=True)
    for name in ("kb.css", "kb-diagrams.js", "kb-network-draw.js", "kb-network.js"):
        shutil.copy(ASSETS / name, target / "assets" / name)
    data = site.files["network/explorer.json"]
    return {"nodes": index.network.number_of_nodes(), "ties": index.network.number_of_edges(),
            "json_mb": len(data) / 2**20, "gzip_mb": len(gzip.compress(data, 6)) / 2**20,
            "metrics_s": metrics_s, "page_s": page_s}


def measure_draw(site: Path) -> dict[str, float]:
    """Median over fresh page loads: ms from navigation to the first full drawing, of it the
    drawing alone, one full redraw (after a filter, or when a pan pauses) and one pan step."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import chromium, serve

    first, drawing, redraw, pan = [], [], [], []
    driver: Any
    with tempfile.TemporaryDirectory() as tmp, serve(site) as base, chromium(Path(tmp)) as driver:
        driver.set_script_timeout(60)
        for attempt in range(OPENS):
            driver.get(f"{base}network/?open={attempt}")
            driver.execute_cdp_cmd("Network.clearBrowserCache", {})
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "kbNetwork.ready.then(() => done({first: kbNetwork.firstDraw, draw: kbNetwork.timing.draw,"
                " redraw: kbNetwork.measure(5), pan: kbNetwork.measurePan(9)}))"
                ".catch((e) => done({error: String(e)}));")
            if "error" in result:
                raise RuntimeError(result["error"])
            first.append(result["first"])
            drawing.append(result["draw"])
            redraw.append(result["redraw"])
            pan.append(result["pan"])
    return {"first_ms": statistics.median(first), "draw_ms": statistics.median(drawing),
            "redraw_ms": statistics.median(redraw), "pan_ms": statistics.median(pan)}


def big_network(stakeholders: int = 10_000, ties: int = 50_000) -> tuple[list[Record], nx.Graph]:
    """Stakeholders with provinces, kinds and topics, joined by a preferential-attachment network
    (a few very connected organisations, as in real committees), weights 1–6."""
    rng = random.Random(18)
    provinces = sorted(load_provinces())
    records = [Record("topic", f"t-{i}.yaml", {"id": f"t-{i}", "title": f"ประเด็น {i}"}) for i in range(40)]
    for i in range(stakeholders):
        records.append(Record("stakeholder", f"s-{i}.yaml", {
            "id": f"s-{i}", "title": f"ภาคี {i}", "kind": rng.choice(["organization", "person"]),
            "name": f"หน่วยงาน {i}", "type": rng.choice(["government", "civil-society", "fund", "network"]),
            "province": rng.choice(provinces), "topics": [f"t-{rng.randrange(40)}"]}))
    graph = nx.barabasi_albert_graph(stakeholders, ties // stakeholders, seed=18)
    network = nx.Graph()
    network.add_nodes_from(f"s-{i}" for i in range(stakeholders))
    network.add_edges_from((f"s-{a}", f"s-{b}", {"weight": min(6, 1 + int(rng.expovariate(1.2)))})
                           for a, b in graph.edges())
    return records, network


def run(sizes: list[int]) -> None:
    print(f"{'network':>30} {'nodes':>7} {'ties':>8} {'JSON MB':>8} {'gzip MB':>8} {'layout+data s':>13} "
          f"{'first draw ms':>13} {'drawing ms':>10} {'redraw ms':>9} {'pan step ms':>11}")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["KB_CACHE_DIR"] = str(Path(tmp) / "cache")  # cold: sfdp runs for every network
        cases: list[tuple[str, Any]] = [(f"{n:,} meetings", n) for n in sizes]
        cases.append(("10,000 stakeholders synthetic", None))
        for name, meetings in cases:
            site = Path(tmp) / f"site-{len(name)}-{meetings}"
            if meetings is None:
                records, network = big_network()
                figures = write_explorer_site(records, site, network)
            else:
                content = Path(tmp) / f"content-{meetings}"
                write_corpus(ROOT / "content", content, meetings)
                figures = write_explorer_site(validate_content(content).records, site)
            draw = measure_draw(site)
            print(f"{name:>30} {figures['nodes']:>7,} {figures['ties']:>8,} {figures['json_mb']:>8.2f} "
                  f"{figures['gzip_mb']:>8.2f} {figures['page_s']:>13.1f} {draw['first_ms']:>13.0f} "
                  f"{draw['draw_ms']:>10.0f} {draw['redraw_ms']:>9.0f} {draw['pan_ms']:>11.1f}", flush=True)


if __name__ == "__main__":
    run([int(a) for a in sys.argv[1:]] or [1000, 10000])
